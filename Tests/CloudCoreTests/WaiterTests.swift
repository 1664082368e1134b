import Foundation
import HTTPTypes
import Testing

@testable import CloudCore

/// The runtime's waiter against scripted polls: each poll takes the next step of a script.
@Suite struct WaiterTests {
    struct Phase: OpenEnum {
        let rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }
        static let creating: Self = "CREATING"
        static let running: Self = "RUNNING"
        static let deleting: Self = "DELETING"
        static let deleted: Self = "DELETED"
        static let error: Self = "ERROR"
        static let deleteFailed: Self = "DELETE_FAILED"
    }

    struct Resource: Sendable { var phase: Phase? }

    /// One scripted poll: a state, or an error thrown by the poll.
    enum Step {
        case state(Phase?)
        case failure(any Error)
    }

    /// Answers polls from `steps`, repeating the last one; counts the polls.
    final class Script: @unchecked Sendable {
        private let steps: [Step]
        private(set) var polls = 0

        init(_ steps: [Step]) { self.steps = steps }

        func poll() async throws -> Resource {
            let step = steps[min(polls, steps.count - 1)]
            polls += 1
            switch step {
            case .state(let phase): return Resource(phase: phase)
            case .failure(let error): throw error
            }
        }
    }

    /// Short delays: the tests wait milliseconds, not minutes. The timeout is far away: these waits end by their
    /// script, and on a loaded machine a millisecond's sleep can take a minute (the timeout test sets its own).
    static let quick = WaiterOptions(timeout: .seconds(3600), minDelay: .milliseconds(1), maxDelay: .milliseconds(5))

    func waitForRunning(_ script: Script, options: WaiterOptions = quick, failureStates: Set<Phase> = [.error])
        async throws -> Resource
    {
        try await Waiter.waitForState(
            "Resource", states: [.running], failureStates: failureStates, options: options, state: { $0.phase }
        ) { try await script.poll() }
    }

    @Test func returnsTheResponseThatReachedTheState() async throws {
        let script = Script([.state(.creating), .state(nil), .state(.creating), .state(.running)])
        let resource = try await waitForRunning(script)
        #expect(resource.phase == .running)
        #expect(script.polls == 4)
    }

    @Test func failsFastOnAFailureState() async throws {
        let script = Script([.state(.creating), .state(.error), .state(.running)])
        let error = try await #require(throws: WaiterError.self) { try await waitForRunning(script) }
        #expect(error.reason == .failureState)
        #expect(error.lastState == "ERROR")
        #expect(error.polls == 2)
        #expect(script.polls == 2, "no poll after the failure state")
        #expect(error.description == "waiting for Resource reached the failure state ERROR")
    }

    /// A service that documents its states as integer codes (`0: creating`, `2: failed`) is waited on by code.
    @Test func integerCodesAreStatesToo() async throws {
        let codes = [0, 0, 1]
        let polls = Locked(0)
        let reached = try await Waiter.waitForState(
            "Job", states: [1], failureStates: [2], options: Self.quick, state: { (code: Int) in code }
        ) { polls.withLock { count in defer { count += 1 }; return codes[min(count, codes.count - 1)] } }
        #expect(reached == 1 && polls.current == 3)

        let error = try await #require(throws: WaiterError.self) {
            try await Waiter.waitForState(
                "Job", states: [1], failureStates: [2], options: Self.quick, state: { (code: Int) in code }
            ) { 2 }
        }
        #expect(error.reason == .failureState && error.lastState == "2", "the code names the state")
    }

    @Test func aFailureStateThatIsWaitedForEndsTheWait() async throws {
        let script = Script([.state(.creating), .state(.error)])
        let resource = try await Waiter.waitForState(
            "Resource", states: [.running, .error], failureStates: [.error], options: Self.quick, state: { $0.phase }
        ) { try await script.poll() }
        #expect(resource.phase == .error)
    }

    @Test func timesOutWithTheLastObservedState() async throws {
        let script = Script([.state(.creating)])
        let options = WaiterOptions(timeout: .milliseconds(200), minDelay: .milliseconds(10), maxDelay: .milliseconds(20))
        let error = try await #require(throws: WaiterError.self) { try await waitForRunning(script, options: options) }
        #expect(error.reason == .timedOut)
        #expect(error.lastState == "CREATING")
        #expect(error.elapsed >= .milliseconds(200))
        #expect(error.polls == script.polls && error.polls >= 1)
        #expect(error.description.hasPrefix("waiting for Resource timed out after"))
        #expect(error.description.contains("last state CREATING"))
    }

    @Test func stopsAtThePollLimit() async throws {
        let script = Script([.state(.creating)])
        var options = Self.quick
        options.maxPolls = 3
        let error = try await #require(throws: WaiterError.self) { try await waitForRunning(script, options: options) }
        #expect(error.reason == .pollLimitReached)
        #expect(error.polls == 3)
        #expect(script.polls == 3)
        #expect(error.description == "waiting for Resource gave up after 3 polls (last state CREATING)")
    }

    @Test func transientErrorsDoNotEndTheWait() async throws {
        let script = Script([
            .failure(APIError(status: 503)), .state(.creating), .failure(TransportError(.connectionDropped)),
            .failure(APIError(status: 429)), .state(.running),
        ])
        let resource = try await waitForRunning(script)
        #expect(resource.phase == .running)
        #expect(script.polls == 5)
    }

    @Test func otherErrorsEndTheWaitAsTheyAre() async throws {
        let script = Script([.state(.creating), .failure(APIError(status: 403)), .state(.running)])
        let error = try await #require(throws: APIError.self) { try await waitForRunning(script) }
        #expect(error.status == 403)
        #expect(script.polls == 2)
    }

    @Test func aTimeoutNamesTheLastFailedPoll() async throws {
        let script = Script([.state(.creating), .failure(APIError(status: 503))])
        var options = Self.quick
        options.maxPolls = 4
        let error = try await #require(throws: WaiterError.self) { try await waitForRunning(script, options: options) }
        #expect(error.lastState == "CREATING")
        #expect((error.lastError as? APIError)?.status == 503)
        #expect(error.description.contains("last poll failed: APIError(HTTP 503"))
    }

    @Test func cancellationEndsTheWaitAtOnce() async throws {
        let script = Script([.state(.creating)])
        // Long delays: only cancellation can end this wait within the test.
        let options = WaiterOptions(timeout: .seconds(3600), minDelay: .seconds(600), maxDelay: .seconds(600))
        let (polled, signal) = AsyncStream<Void>.makeStream()
        let task = Task {
            try await Waiter.waitForState(
                "Resource", states: [Phase.running], failureStates: [], options: options, state: { $0.phase }
            ) {
                defer { signal.yield() }
                return try await script.poll()
            }
        }
        for await _ in polled { break }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(script.polls == 1)
    }

    func waitForDeletion(_ script: Script) async throws {
        try await Waiter.waitForDeletion(
            "Resource", deletedStates: [Phase.deleted], failureStates: [.deleteFailed], options: Self.quick,
            state: { $0.phase }
        ) { try await script.poll() }
    }

    @Test func deletionEndsOnNotFound() async throws {
        let script = Script([.state(.deleting), .failure(APIError(status: 503)), .failure(APIError(status: 404))])
        try await waitForDeletion(script)
        #expect(script.polls == 3)
    }

    @Test func deletionEndsOnADeletedState() async throws {
        let script = Script([.state(.deleting), .state(.deleted), .failure(APIError(status: 404))])
        try await waitForDeletion(script)
        #expect(script.polls == 2)
    }

    @Test func deletionFailsOnItsFailureState() async throws {
        let script = Script([.state(.error), .state(.deleting), .state(.deleteFailed)])
        let error = try await #require(throws: WaiterError.self) { try await waitForDeletion(script) }
        #expect(error.reason == .failureState)
        #expect(error.lastState == "DELETE_FAILED")
        #expect(script.polls == 3, "ERROR is not a failure of the deletion: the resource may still show it")
    }

    @Test func delaysGrowWithinTheirBoundsAndHonourRetryAfter() {
        let options = WaiterOptions(minDelay: .seconds(2), maxDelay: .seconds(30))
        for poll in 1...10 {
            let delay = options.delay(afterPoll: poll, retryAfter: nil)
            let ceiling = min(Duration.seconds(2) * (1 << (poll - 1)), .seconds(30))
            #expect(delay >= .seconds(2) && delay <= ceiling, "poll \(poll): \(delay)")
        }
        #expect(options.delay(afterPoll: 1, retryAfter: .seconds(9)) >= .seconds(9))
        #expect(options.delay(afterPoll: 1, retryAfter: .seconds(90)) == .seconds(30), "capped at maxDelay")
    }

    @Test func aThrottledPollWaitsAsLongAsRetryAfterSays() async throws {
        var throttled = APIError(status: 429)
        throttled.headerFields[HTTPField.Name("Retry-After")!] = "7"
        let script = Script([.failure(throttled), .state(.running)])
        let clock = SteppingClock()
        _ = try await Waiter.waitForState(
            "Resource", states: [.running], failureStates: [], clock: clock, state: { $0.phase }
        ) { try await script.poll() }
        #expect(clock.sleeps.count == 1)
        #expect(clock.sleeps.first.map { $0 >= .seconds(7) && $0 <= .seconds(30) } == true, "\(clock.sleeps)")
    }

    /// The defaults, as a user gets them: 2 s between the first polls, growing to 30 s, and a 20-minute limit that
    /// the last delay is shortened to meet. Run on a clock the test drives, so it takes no real time.
    @Test func theDefaultScheduleEndsAtTwentyMinutes() async throws {
        let script = Script([.state(.creating)])
        let clock = SteppingClock()
        let error = try await #require(throws: WaiterError.self) {
            try await Waiter.waitForState(
                "Resource", states: [.running], failureStates: [], clock: clock, state: { $0.phase }
            ) { try await script.poll() }
        }
        #expect(error.reason == .timedOut)
        #expect(error.elapsed == .seconds(1200))
        let sleeps = clock.sleeps
        #expect(sleeps.first == .seconds(2), "the first delay is the minimum")
        for (index, sleep) in sleeps.dropLast().enumerated() {
            // Drawn between 2 s and a ceiling that doubles from 2 s up to 30 s.
            #expect(sleep >= .seconds(2) && sleep <= min(.seconds(2) * (1 << min(index, 5)), .seconds(30)), "\(index)")
        }
        #expect(sleeps.reduce(Duration.zero, +) == .seconds(1200))
        #expect(error.polls == sleeps.count + 1)
        #expect(error.polls >= 2 + 1200 / 30, "no delay is longer than 30 s")
    }
}

/// A clock whose sleeps return at once, moving its time forward by what they asked for: a wait of minutes runs in
/// no time, and the test reads each delay.
final class SteppingClock: Clock {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Locked((now: Instant(offset: .zero), sleeps: [Duration]()))

    var now: Instant { state.current.now }
    var minimumResolution: Duration { .zero }
    /// Every sleep so far, in order.
    var sleeps: [Duration] { state.current.sleeps }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        state.withLock { state in
            state.sleeps.append(max(.zero, state.now.duration(to: deadline)))
            state.now = max(state.now, deadline)
        }
    }
}
