import Foundation
import TestSupport
import Testing

@testable import CloudCore

@Suite("Secrets never leak")
struct SecretRedactionTests {
    @Test("no secret in any trace-level log line for AK/SK, temporary and token requests")
    func logsAreClean() async throws {
        let clock = Locked(Date())
        let server = try await startFakeIAM(clock: clock)
        defer { Task { await server.shutdown() } }
        let (logger, lines) = CapturingLogHandler.logger()
        let failing = try await LoopbackServer.start { _, index in
            index == 0
                ? .respond(status: 503, body: #"{"error_code":"E","error_msg":"Signature=deadbeef0 \"password\": \"pa55-secret\""}"#)
                : .respond(status: 200, body: #"{"id":"ok"}"#)
        }
        defer { Task { await failing.shutdown() } }
        let retried = try makeClient(
            failing, credentials: StaticCredentialProvider(accessKey: "AK1", secretKey: "SK-secret-value"), logger: logger)
        _ = try await retried.send(OperationRequest(operation: "Retry", method: .get, path: "/v1/r"), as: Notebook.self)
        #expect(lines.current.contains { $0.contains("retrying") })
        let secrets = ["SK-secret-value", "sts-token-secret", "pa55-secret", "tok-", "deadbeef0"]

        let signed = try makeClient(
            server,
            credentials: StaticCredentialProvider(
                accessKey: "AK1", secretKey: "SK-secret-value", securityToken: "sts-token-secret"),
            logger: logger)
        _ = try await signed.send(OperationRequest(operation: "Show", method: .get, path: "/v1/x"), as: Notebook.self)

        let tokenProvider = IAMTokenProvider(
            authURL: server.baseURL, userName: "alice", password: "pa55-secret", domainName: "D", scope: nil,
            transport: AsyncHTTPClientTransport())
        let tokenClient = try makeClient(server, credentials: tokenProvider, logger: logger)
        _ = try await tokenClient.send(OperationRequest(operation: "Show", method: .get, path: "/v1/x"), as: Notebook.self)

        let signature = try #require(server.requests.first?.header("Authorization"))
            .components(separatedBy: "Signature=")[1]
        let captured = lines.current
        #expect(captured.count >= 6)
        #expect(captured.contains { $0.contains("attempt") && $0.contains("Authorization: <redacted>") })
        for line in captured {
            for secret in secrets + [signature] {
                #expect(!line.contains(secret), "log line leaks a secret: \(line)")
            }
        }
    }

    @Test("descriptions redact secret keys, tokens, passwords and signatures")
    func descriptionsAreClean() {
        let keys = AccessKeyCredentials(accessKey: "AK1", secretKey: "SK-secret", securityToken: "TOKEN-secret")
        let texts = [
            String(describing: keys), String(reflecting: keys),
            String(describing: Authentication.accessKey(keys)), String(describing: Authentication.token("TOKEN-secret")),
            String(describing: Credentials(authentication: .token("TOKEN-secret"))),
            String(describing: RequestSigner(accessKey: "AK1", secretKey: "SK-secret")),
            String(describing: StaticCredentialProvider(accessKey: "AK1", secretKey: "SK-secret")),
            String(describing: IAMTokenProvider(
                authURL: URL(string: "https://iam.example")!, userName: "u", password: "PW-secret", domainName: "d",
                scope: nil)),
            String(describing: APIError(status: 401, code: "APIGW.0301", message: "bad Signature=abcdef0123 given")),
        ]
        for text in texts {
            #expect(!text.contains("SK-secret") && !text.contains("TOKEN-secret") && !text.contains("PW-secret"))
            #expect(!text.contains("abcdef0123"))
        }
        #expect(String(describing: keys).contains("AK1"))
    }

    /// `dump(_:)` and debuggers read a value's mirror, not its description: they must find no secret either,
    /// also in a token provider that holds a fetched token.
    @Test("dump shows no secret key, token, password or signing key")
    func dumpsAreClean() async throws {
        let server = try await startFakeIAM(clock: Locked(Date()))
        defer { Task { await server.shutdown() } }
        let tokens = IAMTokenProvider(
            authURL: server.baseURL, userName: "alice", password: "PW-secret", domainName: "D", scope: nil,
            transport: AsyncHTTPClientTransport())
        let fetched = try await tokens.credentials()
        guard case .token(let token) = fetched.authentication else {
            Issue.record("the fake IAM gave no token: \(fetched)")
            return
        }
        let keys = AccessKeyCredentials(accessKey: "AK1", secretKey: "SK-secret", securityToken: "TOKEN-secret")
        let values: [Any] = [
            keys, Authentication.token("TOKEN-secret"), Credentials(authentication: .accessKey(keys)),
            StaticCredentialProvider(token: "TOKEN-secret"), RequestSigner(accessKey: "AK1", secretKey: "SK-secret"),
            HTTPProxy(host: "proxy", port: 3128, username: "u", password: "PW-secret"), tokens, fetched,
        ]
        for value in values {
            var text = ""
            dump(value, to: &text)
            for secret in ["SK-secret", "TOKEN-secret", "PW-secret", token] {
                #expect(!text.contains(secret), "dump leaks a secret: \(text)")
            }
            #expect(text.contains(Redaction.placeholder), "\(text)")
        }
    }
}

@Suite("Redaction helper")
struct RedactionHelperTests {
    @Test("signatures and JSON secrets in free text are replaced")
    func freeText() {
        #expect(Redaction.redactSecrets(in: "no secrets here") == "no secrets here")
        #expect(
            Redaction.redactSecrets(in: "SignedHeaders=host, Signature=abc123, x") == "SignedHeaders=host, Signature=<redacted>, x")
        #expect(
            Redaction.redactSecrets(in: #"{"password": "p w", "sk":"K","name":"n"}"#)
                == #"{"password": "<redacted>", "sk":"<redacted>","name":"n"}"#)
        #expect(Redaction.redactSecrets(in: "Signature=") == "Signature=<redacted>")
    }
}
