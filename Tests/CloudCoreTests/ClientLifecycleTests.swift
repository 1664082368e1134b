import Foundation
import HTTPTypes
import Logging
import ServiceLifecycle
import TestSupport
import Testing

@testable import CloudCore

/// Who owns the connections: the process-wide pools by default, or a `CloudHTTPClient` the application shuts
/// down; and what middlewares learn of each call.
@Suite("Client lifecycle and middleware context")
struct ClientLifecycleTests {
    @Test("clients with the same connection settings share one pool; other settings get their own")
    func sharedPools() throws {
        let settings = ConnectionSettings(maxConnectionsPerHost: 3)
        let first = try SharedHTTPClients.client(for: settings)
        #expect(try SharedHTTPClients.client(for: settings) === first)
        #expect(try SharedHTTPClients.client(for: ConnectionSettings(maxConnectionsPerHost: 4)) !== first)
        #expect(throws: ClientError.self) {
            try SharedHTTPClients.client(for: ConnectionSettings(caCertificateFiles: ["/nonexistent/ca.pem"]))
        }
    }

    @Test("a CloudHTTPClient serves several service clients until it is shut down")
    func ownedPool() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 200, body: #"{"id":"nb1"}"#) }
        defer { Task { await server.shutdown() } }
        let http = try CloudHTTPClient()
        let first = try makeClient(server, transport: http)
        let second = try makeClient(server, transport: http)
        let request = OperationRequest(operation: "ShowNotebook", method: .get, path: "/v1/{project_id}/notebooks/x")
        #expect(try await first.send(request, as: Notebook.self) == Notebook(id: "nb1"))
        #expect(try await second.send(request, as: Notebook.self) == Notebook(id: "nb1"))
        try await http.shutdown()
        await #expect(throws: TransportError.self) { try await first.send(request, as: Notebook.self) }
        #expect(server.requests.count == 2, "nothing is sent after the shutdown")
    }

    @Test("a CloudHTTPClient in a ServiceGroup shuts down with the group")
    func serviceGroup() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 200, body: #"{"id":"nb1"}"#) }
        defer { Task { await server.shutdown() } }
        let http = try CloudHTTPClient()
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(services: [http], logger: Logger(label: "test")))
        let running = Task { try await group.run() }
        let client = try makeClient(server, transport: http)
        let request = OperationRequest(operation: "ShowNotebook", method: .get, path: "/v1/{project_id}/notebooks/x")
        #expect(try await client.send(request, as: Notebook.self) == Notebook(id: "nb1"))
        await group.triggerGracefulShutdown()
        try await running.value
        await #expect(throws: TransportError.self) { try await client.send(request, as: Notebook.self) }
    }

    @Test("a middleware reads the service, operation, project and attempt from the context, on every attempt")
    func middlewareContext() async throws {
        let server = try await LoopbackServer.start { _, index in
            index == 0 ? .respond(status: 503, body: "{}") : .respond(status: 200, body: #"{"id":"nb1"}"#)
        }
        defer { Task { await server.shutdown() } }
        let seen = Locked<[RequestContext]>([])
        var configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK1", secretKey: "SK-secret-value"), projectID: "proj1",
            retry: quickRetry)
        configuration.middlewares = [ContextRecorder(seen: seen)]
        let client = try ServiceClient(
            endpoint: server.baseURL, region: .euDe, configuration: configuration, service: "ModelArts")
        _ = try await client.send(
            OperationRequest(operation: "ShowNotebook", method: .get, path: "/v1/{project_id}/notebooks/x"),
            as: Notebook.self)
        #expect(
            seen.current == [
                RequestContext(service: "ModelArts", operation: "ShowNotebook", projectID: "proj1", attempt: 1),
                RequestContext(service: "ModelArts", operation: "ShowNotebook", projectID: "proj1", attempt: 2),
            ])
    }

    @Test("the query is encoded once, by the signer, and sent as it was signed; a changed query is encoded anew")
    func queryEncodedOnce() {
        var query = QueryItems()
        query.append("b", "2 3")
        query.append("a", "1")
        var request = PreparedRequest(
            operation: "List", method: .get, scheme: "https", authority: "svc.example.com", path: "/v1/things",
            query: query)
        request.encodedQuery = "as-signed"
        #expect(request.httpRequest.path == "/v1/things?as-signed")
        request.query.append("c", "4")
        #expect(request.httpRequest.path == "/v1/things?a=1&b=2%203&c=4")
    }

    struct ContextRecorder: Middleware {
        let seen: Locked<[RequestContext]>
        func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
            seen.withLock { $0.append(request.context) }
            return try await next(request)
        }
    }
}
