import Foundation
import HTTPTypes

/// A non-2xx response from a service.
///
/// The code and message are read from the common body shapes: `error_code`/`error_msg`,
/// `errorCode`/`errorMsg`, `code`/`message`, and one level of nesting such as `{"error": {...}}` or the
/// OpenStack style `{"badRequest": {"code": ..., "message": ...}}`.
public struct APIError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// HTTP status code.
    public var status: Int
    /// Service error code, e.g. `ModelArts.0104`.
    public var code: String?
    /// Human-readable message from the service.
    public var message: String?
    /// Value of the `X-Request-Id` response header, for support requests.
    public var requestID: String?
    /// The raw response body.
    public var body: Data
    /// The response header fields (e.g. `Retry-After`).
    public var headerFields: HTTPFields = HTTPFields()

    /// Creates an error from its parts.
    public init(status: Int, code: String? = nil, message: String? = nil, requestID: String? = nil, body: Data = Data()) {
        self.status = status
        self.code = code
        self.message = message
        self.requestID = requestID
        self.body = body
    }

    /// Creates an error from a response status, its request id and body, parsing code and message.
    public init(status: Int, requestID: String?, body: Data) {
        let parsed = ErrorBodyParser.parse(body)
        self.init(status: status, code: parsed.code, message: parsed.message, requestID: requestID, body: body)
    }

    /// Status, code, message and request id; the body is left out because it may echo request data.
    public var description: String {
        var parts = ["HTTP \(status)"]
        if let code { parts.append("code: \(code)") }
        if let message { parts.append("message: \(Redaction.redactSecrets(in: message))") }
        if let requestID { parts.append("request id: \(requestID)") }
        return "APIError(" + parts.joined(separator: ", ") + ")"
    }

    /// Same as ``description`` plus the body size.
    public var debugDescription: String { description + " [\(body.count) body bytes]" }
}
