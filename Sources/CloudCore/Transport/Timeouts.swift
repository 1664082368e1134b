/// Connect and whole-request time limits.
public struct Timeouts: Sendable, Hashable {
    /// Maximum time to establish a connection (used by the default transport's own HTTP client).
    public var connect: Duration
    /// Maximum time for one attempt, from sending to the last body byte.
    public var request: Duration

    /// Creates time limits.
    public init(connect: Duration = .seconds(10), request: Duration = .seconds(60)) {
        self.connect = connect
        self.request = request
    }

    /// 10 s to connect, 60 s per attempt.
    public static let `default` = Timeouts()
}
