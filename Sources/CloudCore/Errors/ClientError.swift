/// A problem with the client's configuration or with a request before it is sent.
public struct ClientError: Error, Sendable, CustomStringConvertible, Hashable {
    /// A short, secret-free explanation.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message, a sentence fragment a user can read.
    public var description: String { message }

    static func missingCredentials(_ detail: String = "") -> ClientError {
        ClientError("no credentials found" + (detail.isEmpty ? "" : ": \(detail)"))
    }
}
