import Foundation
import HTTPTypes
import Logging
import TestSupport
import Testing

@testable import CloudCore

struct Notebook: Codable, Sendable, Equatable {
    let id: String
}

/// Fast retries for tests.
let quickRetry = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .milliseconds(20))

func makeClient(
    _ server: LoopbackServer, retry: RetryPolicy = quickRetry, timeouts: Timeouts = .default,
    credentials: any CredentialProvider = StaticCredentialProvider(accessKey: "AK1", secretKey: "SK-secret-value"),
    projectID: String? = "proj1", logger: Logger? = nil, transport: (any HTTPTransport)? = nil
) throws -> ServiceClient {
    var configuration = ClientConfiguration(
        credentials: credentials, projectID: projectID, retry: retry, timeouts: timeouts, transport: transport,
        logger: logger)
    let tick = Locked(0)
    configuration.clock = {
        Date(timeIntervalSince1970: 1_573_788_615 + Double(tick.withLock { value in
            value += 1
            return value
        }))
    }
    return try ServiceClient(endpoint: server.baseURL, region: .euDe, configuration: configuration)
}

@Suite("ServiceClient over loopback HTTP")
struct ServiceClientLoopbackTests {
    @Test("503 with Retry-After is retried after the requested delay and re-signed")
    func retryAfter503() async throws {
        let server = try await LoopbackServer.start { _, index in
            index == 0
                ? .respond(status: 503, headers: [("Retry-After", "1")], body: #"{"error_code":"APIG.0201","error_msg":"busy"}"#)
                : .respond(status: 200, headers: [("Content-Type", "application/json")], body: #"{"id":"nb1"}"#)
        }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server, retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(1), maxDelay: .seconds(3)))
        let started = ContinuousClock.now
        let result = try await client.send(
            OperationRequest(operation: "CreateNotebook", method: .post, path: "/v1/{project_id}/notebooks", body: Notebook(id: "x")),
            as: Notebook.self)
        #expect(result == Notebook(id: "nb1"))
        #expect(ContinuousClock.now - started >= .milliseconds(900))
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.map(\.path) == ["/v1/proj1/notebooks", "/v1/proj1/notebooks"])
        #expect(requests[0].header("X-Sdk-Date") != requests[1].header("X-Sdk-Date"))
        #expect(requests[0].header("Authorization") != requests[1].header("Authorization"))
        #expect(requests[1].header("X-Project-Id") == "proj1")
    }

    @Test("a dropped connection is retried for GET")
    func droppedConnectionRetriedForGet() async throws {
        let server = try await LoopbackServer.start { _, index in
            index == 0 ? .drop : .respond(status: 200, body: #"{"id":"a"}"#)
        }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server)
        let result = try await client.send(
            OperationRequest(operation: "ShowNotebook", method: .get, path: "/v1/{project_id}/notebooks/{id}", pathParameters: ["id": "a b"]),
            as: Notebook.self)
        #expect(result.id == "a")
        #expect(server.requests.count == 2)
        #expect(server.requests.last?.path == "/v1/proj1/notebooks/a%20b")
    }

    @Test("a dropped connection is not retried for POST")
    func droppedConnectionNotRetriedForPost() async throws {
        let server = try await LoopbackServer.start { _, _ in .drop }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server)
        await #expect(throws: TransportError.self) {
            try await client.send(OperationRequest(operation: "Create", method: .post, path: "/v1/x", body: Notebook(id: "a")))
        }
        #expect(server.requests.count == 1)
    }

    @Test("gives up after the configured attempts and throws the last error")
    func givesUpWithLastError() async throws {
        let server = try await LoopbackServer.start { _, index in
            .respond(status: 500, headers: [("X-Request-Id", "req-\(index)")], body: #"{"error_code":"E.\#(index)","error_msg":"boom"}"#)
        }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server)
        do {
            try await client.send(OperationRequest(operation: "List", method: .get, path: "/v1/x"))
            Issue.record("expected an error")
        } catch let error as APIError {
            #expect(error.status == 500)
            #expect(error.code == "E.2")
            #expect(error.requestID == "req-2")
        }
        #expect(server.requests.count == 3)
    }

    @Test("500 is not retried for POST")
    func serverErrorNotRetriedForPost() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 500, body: "{}") }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server)
        await #expect(throws: APIError.self) {
            try await client.send(OperationRequest(operation: "Create", method: .post, path: "/v1/x"))
        }
        #expect(server.requests.count == 1)
    }

    @Test("a slow response hits the request timeout")
    func timeout() async throws {
        // The response comes far later than the timeout: a timer woken late on a loaded machine still fires first.
        let server = try await LoopbackServer.start { _, _ in .respondAfter(.seconds(30), status: 200, body: "{}") }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(
            server, retry: .noRetries, timeouts: Timeouts(connect: .seconds(10), request: .milliseconds(200)))
        do {
            try await client.send(OperationRequest(operation: "Slow", method: .get, path: "/v1/slow"))
            Issue.record("expected a timeout")
        } catch let error as TransportError {
            #expect(error.kind == .timedOut)
        }
    }

    @Test("error bodies of every shape are parsed and the request id surfaced")
    func errorShapesOverHTTP() async throws {
        let bodies = [
            #"{"error_code":"ModelArts.0104","error_msg":"not found"}"#,
            #"{"errorCode":"X.1","errorMsg":"camel"}"#,
            #"{"code":"C.2","message":"plain"}"#,
            #"{"error":{"code":"N.3","message":"nested"}}"#,
            #"{"badRequest":{"code":400,"message":"bad"}}"#,
        ]
        let server = try await LoopbackServer.start { _, index in
            .respond(status: 400, headers: [("X-Request-Id", "rid-\(index)")], body: bodies[index % bodies.count])
        }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server)
        var seen: [(String?, String?, String?)] = []
        for _ in bodies {
            do {
                try await client.send(OperationRequest(operation: "Show", method: .get, path: "/v1/x"))
            } catch let error as APIError {
                #expect(error.status == 400)
                seen.append((error.code, error.message, error.requestID))
            }
        }
        #expect(seen.map(\.0) == ["ModelArts.0104", "X.1", "C.2", "N.3", "400"])
        #expect(seen.map(\.1) == ["not found", "camel", "plain", "nested", "bad"])
        #expect(seen.map(\.2) == ["rid-0", "rid-1", "rid-2", "rid-3", "rid-4"])
    }

    @Test("the server can verify the signature: sent query and headers are exactly what was signed")
    func serverSideVerification() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 204) }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(
            server,
            credentials: StaticCredentialProvider(accessKey: "AK1", secretKey: "SK-secret-value", securityToken: "sts-token"))
        var query = QueryItems()
        query.append("name", "my notebook/ü")
        query.append("limit", 10)
        query.append("status", ["RUNNING", "STOPPED"])
        query.append("missing", Optional<String>.none)
        try await client.send(
            OperationRequest(operation: "List", method: .get, path: "/v1/{project_id}/notebooks", query: query, headers: ["X-Language": "en-us"]))
        let request = try #require(server.requests.first)
        #expect(request.query == "limit=10&name=my%20notebook%2F%C3%BC&status=RUNNING&status=STOPPED")
        #expect(request.header("X-Security-Token") == "sts-token")
        let authorization = try #require(request.header("Authorization"))
        let signedNames = authorization.components(separatedBy: "SignedHeaders=")[1].components(separatedBy: ",")[0]
            .split(separator: ";").map(String.init)
        var items = QueryItems()
        for pair in request.query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            items.append(
                String(decoding: PercentEncoding.decode(Array(parts[0].utf8)), as: UTF8.self),
                String(decoding: PercentEncoding.decode(Array(parts[1].utf8)), as: UTF8.self))
        }
        let headers = request.headers.filter { signedNames.contains($0.name.lowercased()) }
        let recomputed = RequestSigner(accessKey: "AK1", secretKey: "SK-secret-value").sign(
            method: request.method, path: request.path, query: items, headers: headers, body: request.body)
        #expect(recomputed.authorization == authorization)
        #expect(signedNames.contains("host") && signedNames.contains("x-security-token") && signedNames.contains("x-project-id"))
    }
}

@Suite("Project id lookup")
struct ProjectIdLookupTests {
    @Test("AK/SK without a project id looks it up once in IAM by region name")
    func looksUpProjectID() async throws {
        let server = try await LoopbackServer.start { request, _ in
            if request.path == "/v3/projects" {
                return .respondAfter(
                    .milliseconds(30), status: 200,
                    body: #"{"projects":[{"id":"other","name":"eu-de_sub"},{"id":"p-eu-de","name":"eu-de"}]}"#)
            }
            return .respond(status: 200, body: #"{"id":"n"}"#)
        }
        defer { Task { await server.shutdown() } }
        var configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), retry: quickRetry)
        configuration.iamEndpoint = server.baseURL
        let client = try ServiceClient(endpoint: server.baseURL, region: .euDe, configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    _ = try await client.send(
                        OperationRequest(operation: "List", method: .get, path: "/v1/{project_id}/notebooks"),
                        as: Notebook.self)
                }
            }
            try await group.waitForAll()
        }
        let lookups = server.requests.filter { $0.path == "/v3/projects" }
        #expect(lookups.count == 1)
        #expect(lookups.first?.query == "name=eu-de")
        #expect(lookups.first?.header("Authorization")?.hasPrefix("SDK-HMAC-SHA256 Access=AK") == true)
        #expect(lookups.first?.header("X-Project-Id") == nil)
        let calls = server.requests.filter { $0.path != "/v3/projects" }
        #expect(calls.count == 5 && calls.allSatisfy { $0.path == "/v1/p-eu-de/notebooks" })
    }

    @Test("a transport with its own connect timeout works and cleans up")
    func dedicatedClientTransport() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 200, body: #"{"id":"t"}"#) }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server, timeouts: Timeouts(connect: .seconds(3), request: .seconds(5)))
        let result = try await client.send(OperationRequest(operation: "Show", method: .get, path: "/x"), as: Notebook.self)
        #expect(result.id == "t")
    }
}

@Suite("Retry edges over HTTP")
struct RetryEdgeTests {
    @Test("a POST that timed out is not sent again: the service may have acted on it")
    func timedOutPostIsNotRetried() async throws {
        let server = try await LoopbackServer.start { _, _ in .respondAfter(.seconds(30), status: 200, body: "{}") }
        defer { Task { await server.shutdown() } }
        // Long enough for the request to arrive on a loaded machine: this is about a POST the service received.
        let client = try makeClient(server, timeouts: Timeouts(connect: .seconds(10), request: .seconds(2)))
        await #expect {
            try await client.send(OperationRequest(operation: "Create", method: .post, path: "/v1/x", body: Notebook(id: "a")))
        } throws: { ($0 as? TransportError)?.kind == .timedOut }
        #expect(server.requests.count == 1)
    }

    @Test("502 is retried for PUT and DELETE, not for PATCH", arguments: [("PUT", 2), ("DELETE", 2), ("PATCH", 1)])
    func badGateway(method: String, requests: Int) async throws {
        let server = try await LoopbackServer.start { _, index in
            index == 0 ? .respond(status: 502, body: #"{"error_code":"APIGW.0502","error_msg":"bad gateway"}"#)
                : .respond(status: 200, body: #"{"id":"a"}"#)
        }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server)
        let request = OperationRequest(operation: "Change", method: .init(method)!, path: "/v1/x", body: Notebook(id: "a"))
        if requests == 2 {
            #expect(try await client.send(request, as: Notebook.self) == Notebook(id: "a"))
        } else {
            await #expect { try await client.send(request) } throws: { ($0 as? APIError)?.status == 502 }
        }
        #expect(server.requests.map(\.method) == Array(repeating: method, count: requests))
    }

    @Test("429 with an HTTP-date Retry-After is retried at that date, a POST included")
    func throttledUntilADate() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let server = try await LoopbackServer.start { _, index in
            index == 0
                ? .respond(status: 429, headers: [("Retry-After", formatter.string(from: Date().addingTimeInterval(3)))], body: "{}")
                : .respond(status: 200, body: #"{"id":"b"}"#)
        }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server, retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .seconds(10)))
        let result = try await client.send(
            OperationRequest(operation: "Create", method: .post, path: "/v1/x", body: Notebook(id: "b")), as: Notebook.self)
        #expect(result == Notebook(id: "b"))
        let times = server.requests.map(\.receivedAt)
        // The date has whole seconds: 3 s ahead is at least 2 s after the first answer.
        #expect(times.count == 2 && times[1].timeIntervalSince(times[0]) >= 1.9, "\(times)")
    }
}

@Suite("Connection failures")
struct ConnectionFailureTests {
    @Test("a refused connection is reported as refused, at once, and retried for any method")
    func refused() async throws {
        let refusing = try RefusingPort()
        let port = refusing.port
        let configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), projectID: "p", retry: quickRetry,
            // Far deadlines: on a loaded machine (the whole suite on two cores) a starved task may resume a minute
            // late, and what is tested here is which failure is reported, not how soon.
            timeouts: Timeouts(connect: .seconds(600), request: .seconds(600)))
        let client = try ServiceClient(endpoint: URL(string: "http://127.0.0.1:\(port)")!, configuration: configuration)
        // Not "no answer within the connect timeout" (AsyncHTTPClient's own retries would end so): a refusal is
        // an answer.
        do {
            try await client.send(OperationRequest(operation: "Create", method: .post, path: "/v1/x"))
            Issue.record("expected a connect failure")
        } catch let error as TransportError {
            #expect(error.kind == .connectFailed, "\(error)")
            #expect(error.description == "could not connect to the service (connection refused)")
        }
        withExtendedLifetime(refusing) {}
    }

    @Test("an unknown host name is reported as such")
    func unknownHost() async throws {
        let client = try ServiceClient(
            endpoint: URL(string: "http://no-such-host.invalid")!,
            configuration: ClientConfiguration(
                credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), projectID: "p",
                retry: RetryPolicy(maxAttempts: 1), timeouts: Timeouts(connect: .seconds(600), request: .seconds(600))))
        await #expect {
            try await client.send(OperationRequest(operation: "Show", method: .get, path: "/v1/x"))
        } throws: { error in
            (error as? TransportError)?.description
                == "could not connect to the service (host name no-such-host.invalid not found)"
        }
    }
}

@Suite("Request bodies")
struct RequestBodyTests {
    @Test("JSON bodies use wire names and the JSON content type; Data bodies are sent raw and unsigned")
    func bodies() async throws {
        struct Body: Encodable, Sendable {
            let imageID: String
            enum CodingKeys: String, CodingKey { case imageID = "image_id" }
        }
        let server = try await LoopbackServer.start { _, _ in .respond(status: 204) }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server)
        try await client.send(OperationRequest(operation: "Create", method: .post, path: "/v1/a", body: Body(imageID: "i")))
        try await client.send(OperationRequest(operation: "Upload", method: .put, path: "/v1/b", body: Data([0, 1, 2])))
        let requests = server.requests
        #expect(String(decoding: requests[0].body, as: UTF8.self) == #"{"image_id":"i"}"#)
        #expect(requests[0].header("Content-Type") == "application/json;charset=UTF-8")
        #expect(requests[0].header("X-Sdk-Content-Sha256") == nil)
        #expect(requests[1].body == Data([0, 1, 2]))
        #expect(requests[1].header("Content-Type") == "application/octet-stream")
        #expect(requests[1].header("X-Sdk-Content-Sha256") == "UNSIGNED-PAYLOAD")
    }
}

@Suite("Global services")
struct GlobalServiceTests {
    @Test("without a project id, a domain id is sent and signed as X-Domain-Id")
    func domainHeader() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 204) }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(
            server, credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK", domainID: "dom1"),
            projectID: nil)
        try await client.send(OperationRequest(operation: "ListAgencies", method: .get, path: "/v3.0/OS-AGENCY/agencies"))
        let request = try #require(server.requests.first)
        #expect(request.header("X-Domain-Id") == "dom1")
        #expect(request.header("X-Project-Id") == nil)
        #expect(request.header("Authorization")?.contains("x-domain-id") == true)
    }

    @Test("a global service signs with the domain whatever project is configured, and binds no {project_id}")
    func globalScopeSignsWithTheDomain() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 204) }
        defer { Task { await server.shutdown() } }
        let configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK", projectID: "own", domainID: "dom1"),
            projectID: "configured", retry: quickRetry)
        let client = try ServiceClient(endpoint: server.baseURL, configuration: configuration, scope: .global)
        try await client.send(
            OperationRequest(
                operation: "DeleteProject", method: .delete, path: "/v3/projects/{project_id}",
                pathParameters: ["project_id": "other"]))
        await #expect(throws: ClientError.self) {
            try await client.send(OperationRequest(operation: "ShowProject", method: .get, path: "/v3/projects/{project_id}"))
        }
        let request = try #require(server.requests.first)
        #expect(request.path == "/v3/projects/other")
        #expect(request.header("X-Domain-Id") == "dom1")
        #expect(request.header("X-Project-Id") == nil)
        #expect(server.requests.count == 1)
    }

    @Test("a project-scoped service signs with the configured project")
    func projectScopeSignsWithTheProject() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 204) }
        defer { Task { await server.shutdown() } }
        let configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK", projectID: "own", domainID: "dom1"),
            projectID: "configured", retry: quickRetry)
        let client = try ServiceClient(endpoint: server.baseURL, configuration: configuration, scope: .project)
        try await client.send(OperationRequest(operation: "ListServers", method: .get, path: "/v1/{project_id}/servers"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/configured/servers")
        #expect(request.header("X-Project-Id") == "configured")
        #expect(request.header("X-Domain-Id") == nil)
    }
}
