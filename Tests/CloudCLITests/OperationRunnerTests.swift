import ArgumentParser
@testable import CloudCLI
import CloudCore
import HTTPTypes
import Testing

/// The exit statuses no end-to-end test can provoke from outside: the runner's mapping of error kinds.
@Suite struct OperationRunnerTests {
    struct Unexpected: Error {}

    static func exitStatus(of error: any Error) async -> Int32? {
        do {
            let connection = try ConnectionOptions.parse(["--endpoint", "http://127.0.0.1:9"])
            try await OperationRunner.run(
                connection, projectID: "p", endpointPrefix: "test", usage: "test", makeClient: { $0 },
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

    /// Under a failure, what the service's reference says of its code: the meaning and the solution.
    @Test func aDocumentedCodeIsExplained() {
        let error = APIError(status: 400, code: "Svc.0001", message: "bad name", requestID: "r-1")
        let documented = [
            "Svc.0001": ErrorCodeDocumentation(
                status: 400, message: "The name is invalid.", description: "", solution: "Use letters.\nOr digits."),
        ]
        #expect(
            OperationRunner.describe(error, documented: documented) == """
                Error: the service answered HTTP 400
                error_code: Svc.0001
                error_msg: bad name
                request id: r-1
                meaning: The name is invalid.
                solution: Use letters.; Or digits.

                """)
        let undocumented = APIError(status: 400, code: "Svc.9999", message: "odd")
        #expect(!OperationRunner.describe(undocumented, documented: documented).contains("meaning"))
    }
}

/// Issue #24: documented response headers, on standard error beside the body, or alone with `--response-header`.
@Suite struct ResponseHeaderOutputTests {
    static let headers = ResponseHeaders([
        HTTPField.Name("X-Subject-Token")!: "MII-secret", HTTPField.Name("Content-Range")!: "0-1/2",
    ])

    @Test func documentedHeadersAreShownWithSecretsHidden() {
        let lines = OperationRunner.documentedHeaderLines(
            ["Content-Range", "X-Subject-Token", "X-Not-Sent"], of: Self.headers)
        #expect(
            lines == "Content-Range: 0-1/2\nX-Subject-Token: <redacted> (secret: --response-header X-Subject-Token prints it)\n")
    }

    @Test func aMissingHeaderFailsTheCommand() {
        #expect(throws: ExitCode(1)) { try OperationRunner.printHeaderValues(["X-Not-Sent"], of: Self.headers) }
        #expect(throws: Never.self) { try OperationRunner.printHeaderValues(["x-subject-token"], of: Self.headers) }
    }

    @Test func theOptionIsRepeatable() throws {
        let options = try OutputOptions.parse(["--response-header", "A", "--response-header", "B"])
        #expect(options.responseHeaders == ["A", "B"])
    }
}
