import Logging

/// Polls an operation until the resource it shows reaches a state, fails, or is gone.
///
/// Generated clients call these for their waiters (`waitForNotebook(id:status:)`); they are public so that a
/// caller can wait on anything else the same way. While waiting:
/// - a poll that fails transiently (throttled, 5xx, a dropped connection or a timeout — what ``RetryPolicy``
///   retries for a `GET`) does not end the wait; it counts as a poll, and a `Retry-After` it carries is honoured;
/// - any other error ends the wait and is thrown as it is;
/// - task cancellation ends the wait at once with `CancellationError`;
/// - the wait ends with a ``WaiterError`` on a failure state, after `timeout`, or after `maxPolls` polls, naming
///   the last observed state.
public enum Waiter {
    /// What one poll found.
    public enum Verdict<Outcome: Sendable>: Sendable {
        /// The wait is over.
        case done(Outcome)
        /// The resource reached a failure state.
        case failed(state: String)
        /// Not yet; the observed state, when there is one.
        case pending(state: String?)
    }

    /// Calls `evaluate` (which sends one poll and judges its answer) until it returns `.done`, with delays from
    /// `options` in between, measured and slept on `clock` (tests pass one they drive).
    public static func poll<Outcome: Sendable>(
        _ name: String, options: WaiterOptions = .init(), logger: Logger? = nil,
        clock: some Clock<Duration> = ContinuousClock(), until evaluate: () async throws -> Verdict<Outcome>
    ) async throws -> Outcome {
        let start = clock.now
        var polls = 0
        var lastState: String?
        func failure(_ reason: WaiterError.Reason, _ lastError: (any Error)? = nil) -> WaiterError {
            WaiterError(
                waiter: name, reason: reason, lastState: lastState, lastError: lastError, polls: polls,
                elapsed: start.duration(to: clock.now))
        }
        while true {
            try Task.checkCancellation()
            polls += 1
            var lastError: (any Error)?
            var retryAfter: Duration?
            do {
                switch try await evaluate() {
                case .done(let outcome):
                    logger?.debug("waited for \(name)", metadata: ["polls": "\(polls)"])
                    return outcome
                case .failed(let state):
                    lastState = state
                    throw failure(.failureState)
                case .pending(let state):
                    lastState = state ?? lastState
                }
            } catch let error where isTransient(error) {
                lastError = error
                retryAfter = (error as? APIError)?.headerFields[.retryAfter].flatMap { RetryPolicy.parseRetryAfter($0) }
            }
            logger?.debug(
                "waiting for \(name)",
                metadata: ["poll": "\(polls)", "state": "\(lastState ?? "-")", "error": "\(lastError.map { "\($0)" } ?? "-")"])
            if let maxPolls = options.maxPolls, polls >= maxPolls { throw failure(.pollLimitReached, lastError) }
            let remaining = options.timeout - start.duration(to: clock.now)
            guard remaining > .zero else { throw failure(.timedOut, lastError) }
            try await clock.sleep(for: min(options.delay(afterPoll: polls, retryAfter: retryAfter), remaining))
        }
    }

    /// Polls until `state(output)` is one of `states`; a state in `failureStates` that is not waited for fails
    /// the wait. Returns the last output.
    ///
    /// A state is an ``OpenEnum`` value (`"RUNNING"`) or an integer code (`1`) where the service documents its
    /// states as numbers; its `description` names it in errors and logs.
    public static func waitForState<Output: Sendable, State: Hashable & Sendable & CustomStringConvertible>(
        _ name: String, states: Set<State>, failureStates: Set<State>, options: WaiterOptions = .init(),
        logger: Logger? = nil, clock: some Clock<Duration> = ContinuousClock(), state: (Output) -> State?,
        poll send: () async throws -> Output
    ) async throws -> Output {
        try await poll(name, options: options, logger: logger, clock: clock) {
            let output = try await send()
            let current = state(output)
            guard let current else { return .pending(state: nil) }
            if states.contains(current) { return .done(output) }
            if failureStates.contains(current) { return .failed(state: current.description) }
            return .pending(state: current.description)
        }
    }

    /// Polls until the resource is gone: the poll answers 404, or `state(output)` is one of `deletedStates`.
    /// A state in `failureStates` (`DELETE_FAILED`) fails the wait.
    public static func waitForDeletion<Output: Sendable, State: Hashable & Sendable & CustomStringConvertible>(
        _ name: String, deletedStates: Set<State>, failureStates: Set<State>, options: WaiterOptions = .init(),
        logger: Logger? = nil, clock: some Clock<Duration> = ContinuousClock(), state: (Output) -> State?,
        poll send: () async throws -> Output
    ) async throws {
        try await poll(name, options: options, logger: logger, clock: clock) {
            let current: State?
            do {
                current = state(try await send())
            } catch let error as APIError where error.status == 404 {
                return .done(())
            }
            guard let current else { return .pending(state: nil) }
            if deletedStates.contains(current) { return .done(()) }
            if failureStates.contains(current) { return .failed(state: current.description) }
            return .pending(state: current.description)
        }
    }

    /// Whether a failed poll is worth repeating: what the retry policy retries for a `GET`.
    static func isTransient(_ error: any Error) -> Bool {
        RetryPolicy.default.shouldRetry(error, method: "GET")
    }
}
