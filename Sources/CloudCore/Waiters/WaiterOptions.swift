/// How a waiter polls: the delays between polls and when it gives up.
///
/// The delay before poll *n* + 1 is drawn at random between `minDelay` and `minDelay · 2ⁿ⁻¹` (capped at
/// `maxDelay`), so that many waiters started together spread out; a `Retry-After` header on a throttled poll
/// wins when it asks for longer. The last delay is shortened so that the final poll happens at the deadline.
public struct WaiterOptions: Sendable, Hashable {
    /// The longest the whole wait may take, polls and delays included.
    public var timeout: Duration
    /// The most polls to send; `nil` for no limit other than `timeout`.
    public var maxPolls: Int?
    /// The shortest delay between two polls.
    public var minDelay: Duration
    /// The longest delay between two polls.
    public var maxDelay: Duration

    /// Creates options; the defaults suit resources that take minutes (notebooks, servers, training jobs).
    public init(
        timeout: Duration = .seconds(1200), maxPolls: Int? = nil, minDelay: Duration = .seconds(2),
        maxDelay: Duration = .seconds(30)
    ) {
        self.timeout = timeout
        self.maxPolls = maxPolls.map { max(1, $0) }
        self.minDelay = max(.zero, minDelay)
        self.maxDelay = max(self.minDelay, maxDelay)
    }

    /// The delay before poll `poll + 1`, after `poll` polls (1 or more).
    func delay(afterPoll poll: Int, retryAfter: Duration?) -> Duration {
        let exponent = min(max(poll - 1, 0), 30)
        let ceiling = min(minDelay * (1 << exponent), maxDelay)
        let low = minDelay.secondsValue
        let high = ceiling.secondsValue
        let jittered = Duration.seconds(high > low ? Double.random(in: low...high) : low)
        guard let retryAfter else { return jittered }
        return min(max(jittered, retryAfter), maxDelay)
    }
}
