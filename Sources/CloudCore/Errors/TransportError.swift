/// A failure below HTTP: the request never produced a response.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The connection could not be established.
        case connectFailed
        /// The TLS handshake failed (a certificate not trusted or for another name, no common protocol): nothing
        /// was sent, and trying again would fail the same way.
        case tlsFailed
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

    /// What happened, as a sentence fragment a user can read, with the detail; never headers or bodies.
    public var description: String {
        let what =
            switch kind {
            case .connectFailed: "could not connect to the service"
            case .tlsFailed: "the TLS handshake with the service failed"
            case .connectionDropped: "the connection closed before the response was complete"
            case .timedOut: "no complete response within the timeout"
            case .invalidRequest: "the request could not be built"
            case .other: "the HTTP client failed"
            }
        return detail.isEmpty ? what : "\(what) (\(Redaction.redactSecrets(in: detail)))"
    }
}
