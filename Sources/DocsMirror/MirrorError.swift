/// Why a mirror run failed; the docs folder is then left exactly as it was.
public struct MirrorError: Error, Sendable, CustomStringConvertible {
    /// The URL (or folder) the failure concerns, without credentials.
    public var subject: String
    /// What went wrong, in words.
    public var reason: String

    init(_ subject: String, _ reason: String) {
        self.subject = subject
        self.reason = reason
    }

    /// `<subject>: <reason>`.
    public var description: String { "\(subject): \(reason)" }
}
