import ArgumentParser
import CloudCore
import Foundation

/// The options of every command that can wait for a resource's state (`wait-for-…` commands, `--wait`).
public struct WaitOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("wait-timeout"), help: "Seconds a wait may take in all.")
    public var timeout: Double = 1200

    @Option(name: .customLong("max-polls"), help: "The most polls a wait may send (default: no limit but the timeout).")
    public var maxPolls: Int?

    @Option(name: .customLong("poll-delay"), help: "Seconds between polls at first; the delay doubles up to 30 s.")
    public var pollDelay: Double = 2

    public init() {}

    public func validate() throws {
        guard timeout > 0 else { throw ValidationError("--wait-timeout must be a positive number of seconds") }
        guard pollDelay >= 0 else { throw ValidationError("--poll-delay must not be negative") }
        if let maxPolls, maxPolls < 1 { throw ValidationError("--max-polls must be at least 1") }
    }

    /// The waiter options these flags describe.
    public var options: WaiterOptions {
        WaiterOptions(
            timeout: .milliseconds(Int64(timeout * 1000)), maxPolls: maxPolls,
            minDelay: .milliseconds(Int64(pollDelay * 1000)), maxDelay: .seconds(max(30, pollDelay)))
    }

    /// `RUNNING` and `running,stopped` as open enum values, for `--status`/`--wait` options.
    public static func states<State: OpenEnum>(_ values: [String], as: State.Type) -> Set<State> {
        Set(values.flatMap { $0.split(separator: ",") }.map { State(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
    }

    /// The states given, or `defaults` when none are (`--failure-state`).
    public static func states<State: OpenEnum>(_ values: [String], orElse defaults: Set<State>) -> Set<State> {
        values.isEmpty ? defaults : states(values, as: State.self)
    }

    /// `1` and `1,3` as integer codes, for the states of a service that documents them as numbers.
    public static func states<Code: FixedWidthInteger & Sendable>(_ values: [String], as: Code.Type) throws -> Set<Code> {
        Set(
            try values.flatMap { $0.split(separator: ",") }.map { text in
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                guard let code = Code(trimmed) else { throw UsageError("'\(trimmed)' is not a state code (a whole number)") }
                return code
            })
    }

    /// The integer codes given, or `defaults` when none are (`--failure-state`).
    public static func states<Code: FixedWidthInteger & Sendable>(_ values: [String], orElse defaults: Set<Code>) throws -> Set<Code> {
        values.isEmpty ? defaults : try states(values, as: Code.self)
    }
}

/// What a command prints on success. By default the body of the last response, as the service sent it; a
/// command that waits after a deletion keeps the deletion's answer, and `--all` prints every element it listed.
///
/// `@unchecked Sendable`: only the command's own task touches it, one call after another.
public final class CommandOutput: @unchecked Sendable {
    private let recorder: ResponseRecorder
    private(set) var elements: [any Encodable]?
    /// The response header fields the operation's page documents: shown on standard error after the body.
    private(set) var documentedHeaders: [String] = []

    init(recorder: ResponseRecorder) {
        self.recorder = recorder
    }

    /// Shows the response header fields `names` (the ones the operation's page documents) after the body.
    public func showResponseHeaders(_ names: [String]) { documentedHeaders = names }

    /// Keeps the last response so far as what is printed; the polls that follow are not.
    public func keepLastResponse() { recorder.freeze() }

    /// Collects every element of `sequence` (a paginator) to print them as one JSON array.
    public func collect<S: AsyncSequence>(_ sequence: S) async throws where S.Element: Encodable {
        var all: [any Encodable] = []
        for try await element in sequence { all.append(element) }
        elements = all
    }
}
