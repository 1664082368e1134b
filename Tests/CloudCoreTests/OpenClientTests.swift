import Foundation
import HTTPTypes
import InMemoryTracing
import TestSupport
import Testing
import Tracing

@testable import CloudCore

/// What users add to a client: their middlewares, per-call options, a proxy.
@Suite("An open client")
struct OpenClientTests {
    /// Counts the attempts it sees and stamps each with its number.
    final class AttemptStamp: Middleware, @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [String] = []

        var operations: [String] { lock.withLock { seen } }

        func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
            var request = request
            let count = lock.withLock {
                seen.append(request.context.operation)
                return seen.count
            }
            request.headerFields[HTTPField.Name("X-Attempt")!] = "\(count)"
            return try await next(request)
        }
    }

    @Test("a user middleware sees and changes every attempt, before it is signed")
    func middlewareOnEveryAttempt() async throws {
        let server = try await LoopbackServer.start { _, index in
            index == 0 ? .respond(status: 503, headers: [("Retry-After", "0")], body: "{}") : .respond(status: 200, body: #"{"id":"a"}"#)
        }
        defer { Task { await server.shutdown() } }
        let stamp = AttemptStamp()
        var configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), projectID: "p", retry: quickRetry)
        configuration.middlewares = [stamp]
        let client = try ServiceClient(endpoint: server.baseURL, configuration: configuration)
        _ = try await client.send(OperationRequest(operation: "Show", method: .get, path: "/v1/x"), as: Notebook.self)
        #expect(stamp.operations == ["Show", "Show"])
        let requests = server.requests
        #expect(requests.map { $0.header("X-Attempt") } == ["1", "2"])
        #expect(requests.allSatisfy { $0.header("Authorization")?.contains("x-attempt") == true }, "the stamp is signed")
    }

    @Test("per-call options apply to the calls of the derived client only")
    func callOptions() async throws {
        let server = try await LoopbackServer.start { request, _ in
            request.path.hasSuffix("/slow")
                ? .respondAfter(.seconds(30), status: 200, body: "{}") : .respond(status: 200, body: #"{"id":"q"}"#)
        }
        defer { Task { await server.shutdown() } }
        let base = try makeClient(server)
        let stamp = AttemptStamp()
        let quick = base.with(CallOptions(timeout: .seconds(2), retry: .noRetries, middlewares: [stamp]))
        await #expect {
            try await quick.send(OperationRequest(operation: "Slow", method: .get, path: "/v1/slow"))
        } throws: { ($0 as? TransportError)?.kind == .timedOut }
        #expect(server.requests.count == 1, "no retry with RetryPolicy.noRetries")
        #expect(try await base.send(OperationRequest(operation: "Fast", method: .get, path: "/v1/fast"), as: Notebook.self).id == "q")
        #expect(stamp.operations == ["Slow"], "the base client has no extra middleware")
        #expect(base.configuration.timeouts.request == Timeouts.default.request)
    }

    @Test("one client span per call, with the HTTP attributes, the retries and the request id; context injected")
    func tracing() async throws {
        let server = try await LoopbackServer.start { request, index in
            if request.path.hasSuffix("/missing") {
                return .respond(status: 404, headers: [("X-Request-Id", "req-404")], body: #"{"error_code":"E.404","error_msg":"no"}"#)
            }
            return index == 0
                ? .respond(status: 503, headers: [("Retry-After", "0")], body: "{}")
                : .respond(status: 200, headers: [("X-Request-Id", "req-ok")], body: #"{"id":"t"}"#)
        }
        defer { Task { await server.shutdown() } }
        let tracer = InMemoryTracer()
        var configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), projectID: "p", retry: quickRetry)
        configuration.tracer = tracer
        let client = try ServiceClient(endpoint: server.baseURL, configuration: configuration)
        _ = try await client.send(OperationRequest(operation: "ShowThing", method: .get, path: "/v1/things/t"), as: Notebook.self)
        await #expect(throws: APIError.self) {
            try await client.send(OperationRequest(operation: "ShowMissing", method: .get, path: "/v1/missing"))
        }
        let spans = tracer.finishedSpans
        #expect(spans.map(\.operationName) == ["ShowThing", "ShowMissing"])
        #expect(spans.allSatisfy { $0.kind == .client })
        let ok = try #require(spans.first).attributes
        #expect(ok.get("http.request.method")?.toSpanAttribute() == "GET")
        #expect(ok.get("http.response.status_code")?.toSpanAttribute() == 200)
        #expect(ok.get("http.request.resend_count")?.toSpanAttribute() == 1)
        #expect(ok.get("server.address")?.toSpanAttribute() == "127.0.0.1")
        #expect(ok.get("url.full")?.toSpanAttribute() == "\(server.baseURL.absoluteString)/v1/things/t")
        #expect(ok.get("http.response.header.x-request-id")?.toSpanAttribute() == .stringArray(["req-ok"]))
        let failed = try #require(spans.last)
        #expect(failed.attributes.get("http.response.status_code")?.toSpanAttribute() == 404)
        #expect(failed.attributes.get("error.type")?.toSpanAttribute() == "404")
        #expect(failed.status?.code == .error)
        let sent = server.requests
        #expect(sent.count == 3)
        #expect(sent.allSatisfy { $0.header(InMemoryTracer.traceIDKey) != nil }, "the span context travels with the request")
    }

    @Test("the environment's proxy: by scheme, lower case first, NO_PROXY hosts and domains excluded")
    func proxyFromEnvironment() throws {
        let secure = try Endpoint(url: URL(string: "https://modelarts.eu-de.otc.t-systems.com")!)
        let plain = try Endpoint(url: URL(string: "http://127.0.0.1:8080")!)
        let environment = [
            "HTTPS_PROXY": "http://upper:3128", "https_proxy": "http://alice:s%3Dcret@proxy.internal:3128",
            "HTTP_PROXY": "plain-proxy", "NO_PROXY": "localhost, .example.com",
        ]
        let proxy = try #require(HTTPProxy.fromEnvironment(for: secure, environment: environment))
        #expect(proxy == HTTPProxy(host: "proxy.internal", port: 3128, username: "alice", password: "s=cret"))
        #expect(!proxy.description.contains("s=cret"))
        #expect(HTTPProxy.fromEnvironment(for: plain, environment: environment) == HTTPProxy(host: "plain-proxy", port: 80))
        for excluded in ["https://example.com", "https://api.example.com", "http://localhost:9"] {
            let endpoint = try Endpoint(url: URL(string: excluded)!)
            #expect(HTTPProxy.fromEnvironment(for: endpoint, environment: environment) == nil, "\(excluded)")
        }
        #expect(HTTPProxy.fromEnvironment(for: secure, environment: ["NO_PROXY": "*", "HTTPS_PROXY": "p:1"]) == nil)
        #expect(HTTPProxy.fromEnvironment(for: secure, environment: [:]) == nil)
    }

    @Test("the gateway's 'signature expired' gives the server's time, from Date or from the message")
    func serverTimeOfAnExpiredSignature() {
        var error = APIError(
            status: 401, code: "APIGW.0301",
            message: "Incorrect IAM authentication information: signature expired, signature time:20261125T100000Z,server time:20261125T103000Z")
        #expect(SigningMiddleware.serverTimeOfExpiredSignature(error) == SigningDate.parse("20261125T103000Z"))
        error.headerFields[.date] = "Wed, 25 Nov 2026 10:30:05 GMT"
        #expect(SigningMiddleware.serverTimeOfExpiredSignature(error) == SigningDate.parse("20261125T103005Z"))
        #expect(SigningMiddleware.serverTimeOfExpiredSignature(APIError(status: 401, message: "signature mismatch")) == nil)
        #expect(SigningDate.parse("20261125T103005Z").map(SigningDate.string(from:)) == "20261125T103005Z")
    }

    @Test("the connection pool has the configured size: more concurrent calls wait for a free connection")
    func poolSizeIsASetting() async throws {
        // Every answer takes a second, so the six calls queue for the pool: they come on exactly as many
        // connections as it may open, told apart by the client's port (no clock is read).
        let server = try await LoopbackServer.start { _, _ in .respondAfter(.seconds(1), status: 200, body: "{}") }
        defer { Task { await server.shutdown() } }
        var configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), projectID: "p",
            timeouts: Timeouts(connect: .seconds(600), request: .seconds(600)))
        configuration.maxConnectionsPerHost = 2
        configuration.proxy = .direct
        let client = try ServiceClient(endpoint: server.baseURL, configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for call in 0..<6 {
                group.addTask {
                    try await client.send(OperationRequest(operation: "Show", method: .get, path: "/v1/things/\(call)"))
                }
            }
            try await group.waitForAll()
        }
        let ports = server.requests.map(\.clientPort)
        #expect(ports.count == 6)
        #expect(Set(ports).count == 2, "connections (client ports) of the six requests: \(ports)")
    }

    @Test("a CA certificate file that cannot be read, or holds no certificate, fails the client's creation by name")
    func unreadableCertificateFiles() throws {
        let empty = FileManager.default.temporaryDirectory.appending(path: "no-certificates-\(UUID().uuidString).pem")
        try Data("not a certificate\n".utf8).write(to: empty)
        defer { try? FileManager.default.removeItem(at: empty) }
        for file in [empty.path, "/nonexistent/ca.pem"] {
            var configuration = ClientConfiguration(
                credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), projectID: "p")
            configuration.caCertificateFiles = [file]
            #expect {
                _ = try ServiceClient(endpoint: URL(string: "https://svc.example.com")!, configuration: configuration)
            } throws: { error in
                (error as? ClientError)?.message.contains(file) == true
            }
        }
    }
}
