/// Why a wait ended without reaching a state it waited for.
public struct WaiterError: Error, Sendable, CustomStringConvertible {
    /// What ended the wait.
    public enum Reason: Sendable, Hashable {
        /// The resource reached a state that the waiter treats as a failure (`ERROR`, `CREATE_FAILED`, …).
        case failureState
        /// `WaiterOptions.timeout` passed.
        case timedOut
        /// `WaiterOptions.maxPolls` polls were sent.
        case pollLimitReached
    }

    /// The waiter's name (`Notebook`).
    public var waiter: String
    /// What ended the wait.
    public var reason: Reason
    /// The state the last successful poll observed, when one did.
    public var lastState: String?
    /// The error of the last poll, when it failed (a throttled or failed GET that was tolerated).
    public var lastError: (any Error)?
    /// Polls sent, failed ones included.
    public var polls: Int
    /// Time from the start of the wait to its end.
    public var elapsed: Duration

    /// Creates an error.
    public init(
        waiter: String, reason: Reason, lastState: String?, lastError: (any Error)? = nil, polls: Int,
        elapsed: Duration
    ) {
        self.waiter = waiter
        self.reason = reason
        self.lastState = lastState
        self.lastError = lastError
        self.polls = polls
        self.elapsed = elapsed
    }

    /// A sentence naming the waiter, the reason, the last state and the number of polls.
    public var description: String {
        let state = lastState.map { "last state \($0)" } ?? "no state observed"
        let seconds = (elapsed.secondsValue * 10).rounded() / 10
        let what: String
        switch reason {
        case .failureState: what = "reached the failure state \(lastState ?? "?")"
        case .timedOut: what = "timed out after \(seconds) s (\(state))"
        case .pollLimitReached: what = "gave up after \(polls) polls (\(state))"
        }
        var text = "waiting for \(waiter) \(what)"
        if reason != .failureState, let lastError { text += "; last poll failed: \(lastError)" }
        return text
    }
}
