import CloudCore
import Foundation
import IAM
import Testing

/// Issue #24: the response headers a page documents reach the caller. Obtaining an IAM token is the use case: the
/// token is the `X-Subject-Token` header of the answer, and a secret.
@Suite struct ResponseHeaderTests {
    static let tokenCommand = "list-user-token-through-password-authentication"
    static let credentials =
        #"{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "u", "password": "pw", "domain": {"name": "d"}}}}, "scope": {"project": {"name": "eu-de"}}}}"#

    /// The token the loopback cloud answered the last request with: the value the page's example shows.
    static func answeredToken(_ cloud: LoopbackCloud) async throws -> String {
        let page = try #require(try await cloud.requests().last?.page)
        let answer = try #require(try await cloud.cases().first { $0.page == page }?.response)
        return try #require(answer.headers["X-Subject-Token"])
    }

    @Test func theSDKReturnsTheTokenBesideTheBodyAndNeverDescribesIt() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.iam)
        defer { cloud.stop() }
        let iam = try IAMClient(endpoint: cloud.baseURL, configuration: .loopback())
        let request = try JSONModelDecoder().decode(
            ListUserTokenThroughPasswordAuthenticationRequest.self, from: Data(Self.credentials.utf8))
        let output = try await iam.listUserTokenThroughPasswordAuthentication(request)
        let token = try await Self.answeredToken(cloud)
        #expect(output.xSubjectToken == token)
        for text in [output.description, String(reflecting: output), "\(output)"] {
            #expect(!text.contains(token), "\(text)")
            #expect(text.contains("xSubjectToken: \(Redaction.placeholder)"), "\(text)")
        }
        // `dump` and debuggers read the mirror, not the description.
        var dumped = ""
        dump(output, to: &dumped)
        #expect(!dumped.contains(token) && dumped.contains(Redaction.placeholder), "\(dumped)")
    }

    @Test func aScriptGetsTheTokenWithResponseHeader() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.iam)
        defer { cloud.stop() }
        let iam = try CommandLineClient(service: "iam")
        let call = [Self.tokenCommand, "--body", Self.credentials, "--endpoint", cloud.baseURL.absoluteString]

        let value = try await iam.run(call + ["--response-header", "x-subject-token"])
        #expect(value.status == 0, "\(value)")
        let token = try await Self.answeredToken(cloud)
        #expect(value.stdout == token + "\n")

        // Without it: the body on standard output, the documented header on standard error, its secret hidden.
        let plain = try await iam.run(call)
        #expect(plain.status == 0, "\(plain)")
        #expect(plain.stderr.contains("X-Subject-Token: \(Redaction.placeholder)"), "\(plain.stderr)")
        #expect(!plain.stdout.contains(token) && !plain.stderr.contains(token))

        // A field the answer lacks fails the command, so a script never goes on with an empty token.
        let missing = try await iam.run(call + ["--response-header", "X-No-Such-Field"])
        #expect(missing.status == 1 && missing.stdout.isEmpty, "\(missing)")
        #expect(missing.stderr.contains("X-No-Such-Field"))
    }
}
