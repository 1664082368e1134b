/// A problem with the client's configuration or with a request before it is sent.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    /// A short, secret-free explanation.
    public var message: String
    /// The operation being called, when the problem belongs to one call.
    public var operation: String?
    /// The service's `X-Request-Id`, when an answer led to the problem.
    public var requestID: String?
    /// The error underneath (an `EncodingError`, a YAML or file error), when there is one.
    public var underlying: (any Error & Sendable)?

    /// Creates an error.
    public init(
        _ message: String, operation: String? = nil, requestID: String? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.message = message
        self.operation = operation
        self.requestID = requestID
        self.underlying = underlying
    }

    /// The message, a sentence fragment a user can read, with the operation, the request id and the cause.
    public var description: String {
        var text = message
        if let operation { text += " (\(operation))" }
        if let underlying { text += ": \(Redaction.redactSecrets(in: String(describing: underlying)))" }
        if let requestID { text += " [request id \(requestID)]" }
        return text
    }

    static func missingCredentials(_ detail: String = "") -> ClientError {
        ClientError("no credentials found" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
