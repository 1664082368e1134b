import Foundation

/// A 2xx response whose body does not fit the documented model: the service did what was asked, but the SDK
/// cannot hand the answer over as the typed value.
public struct ResponseDecodingError: Error, Sendable, CustomStringConvertible {
    /// The operation id (`RebuildECS`).
    public var operation: String
    /// The HTTP status of the response.
    public var status: Int
    /// Where in the body the mismatch is, as a JSON path (`server.addresses`, `items[3].size`; empty for the root).
    public var path: String
    /// What does not fit, from the decoder (`expected an array, found an object`).
    public var reason: String
    /// The decoder's own error.
    public var underlying: DecodingError
    /// The service's `X-Request-Id` of the response.
    public var requestID: String?
    /// The start of the body (at most 300 characters), secrets redacted: for logs and bug reports, never in
    /// ``description``.
    public var bodyExcerpt: String

    /// Describes `error` met while decoding `body`, the response of `operation`.
    public init(
        operation: String, status: Int, requestID: String? = nil, body: Data = Data(), decoding error: DecodingError
    ) {
        self.operation = operation
        self.status = status
        self.requestID = requestID
        self.bodyExcerpt = Redaction.redactSecrets(in: String(decoding: body.prefix(300), as: UTF8.self))
        self.underlying = error
        let (keys, reason): ([any CodingKey], String) =
            switch error {
            case .typeMismatch(let type, let context): (context.codingPath, "expected \(type)")
            case .valueNotFound(let type, let context): (context.codingPath, "expected \(type), found null")
            case .keyNotFound(let key, let context): (context.codingPath + [key], "a required field is missing")
            // At the top level the text is not JSON; below it, a value is (a number too large for its type, a string
            // that is not a URL): not repeated, since the body may hold secrets.
            case .dataCorrupted(let context) where context.codingPath.isEmpty: ([], "not valid JSON")
            case .dataCorrupted(let context): (context.codingPath, "the value cannot be read as its type")
            @unknown default: ([], "\(error)")
            }
        self.path = keys.jsonPath
        self.reason = reason
    }

    /// One sentence: operation, status, path and reason; never the body, which may echo secrets.
    public var description: String {
        "the \(status) response of \(operation) does not fit its documented model at \(path.isEmpty ? "the top level" : "`\(path)`"): \(reason)"
    }
}
