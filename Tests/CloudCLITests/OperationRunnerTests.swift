import ArgumentParser
import CloudCLI
import CloudCore
import Testing

/// The exit statuses no end-to-end test can provoke from outside: the runner's mapping of error kinds.
@Suite struct OperationRunnerTests {
    struct Unexpected: Error {}

    static func exitStatus(of error: any Error) async -> Int32? {
        do {
            let connection = try ConnectionOptions.parse(["--endpoint", "http://127.0.0.1:9", "--project-id", "p"])
            try await OperationRunner.run(
                connection, endpointPrefix: "test", usage: "test", makeClient: { $0 },
                operation: { _, _ in throw error })
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            return nil
        }
    }

    @Test func eachKindOfFailureHasItsExitStatus() async {
        #expect(await Self.exitStatus(of: Unexpected()) == 70)
        #expect(await Self.exitStatus(of: ClientError("no credentials found")) == 78)
        #expect(await Self.exitStatus(of: TransportError(.connectionDropped)) == 69)
        #expect(await Self.exitStatus(of: UsageError("bad")) == 64)
        #expect(await Self.exitStatus(of: APIError(status: 500)) == 1)
    }
}
