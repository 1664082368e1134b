/// A failure below HTTP: the request never produced a response.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The connection could not be established.
        case connectFailed
        /// The connection was closed before a complete response arrived.
        case connectionDropped
        /// The request did not complete within its deadline.
        case timedOut
        /// The request could not be built (bad URL, bad header).
        case invalidRequest
        /// Anything else reported by the HTTP client.
        case other
    }

    /// The category of the failure.
    public var kind: Kind
    /// A short, secret-free explanation.
    public var detail: String

    /// Creates a transport error.
    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail
    }

    /// Kind and detail; never contains headers or bodies.
    public var description: String {
        detail.isEmpty ? "TransportError(\(kind))" : "TransportError(\(kind): \(Redaction.redactSecrets(in: detail)))"
    }
}
