import AsyncHTTPClient
import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import CloudCore

/// The default transport's own contract: every exchange ends the call exactly once, whichever way it ends.
@Suite("AsyncHTTPClientTransport", .timeLimit(.minutes(2)))
struct TransportTests {
    func request(_ server: LoopbackServer, _ path: String = "/x") -> HTTPRequest {
        HTTPRequest(method: .get, scheme: "http", authority: "127.0.0.1:\(server.port)", path: path)
    }

    @Test("a body that arrives in many parts is collected whole")
    func largeBody() async throws {
        let body = (0..<200_000).map { String($0 % 10) }.joined()
        let server = try await LoopbackServer.start { _, _ in .respond(status: 200, headers: [("X-Part", "all")], body: body) }
        defer { Task { await server.shutdown() } }
        let response = try await AsyncHTTPClientTransport().send(request(server), body: nil, timeout: .seconds(10))
        #expect(response.head.status == .ok)
        #expect(response.head.headerFields[HTTPField.Name("X-Part")!] == "all")
        #expect(response.body == Data(body.utf8))
    }

    @Test("cancelling the call ends it at once and cancels the exchange")
    func cancellation() async throws {
        let server = try await LoopbackServer.start { _, _ in .respondAfter(.seconds(30), status: 200, body: "{}") }
        defer { Task { await server.shutdown() } }
        let transport = AsyncHTTPClientTransport()
        let call = Task { try await transport.send(request(server), body: nil, timeout: .seconds(60)) }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        let start = ContinuousClock.now
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test("a call cancelled before it starts does not wait for the exchange")
    func cancelledBeforeStart() async throws {
        let server = try await LoopbackServer.start { _, _ in .respondAfter(.seconds(30), status: 200, body: "{}") }
        defer { Task { await server.shutdown() } }
        let transport = AsyncHTTPClientTransport()
        let call = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await transport.send(request(server), body: nil, timeout: .seconds(60))
        }
        await #expect(throws: CancellationError.self) { try await call.value }
    }

    @Test("an exchange that fails before it reaches the response's callbacks still ends the call")
    func shutDownClient() async throws {
        let server = try await LoopbackServer.start { _, _ in .respond(status: 200, body: "{}") }
        defer { Task { await server.shutdown() } }
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
        try await client.shutdown()
        let transport = AsyncHTTPClientTransport(client: client)
        let request = request(server)
        let ending = await ending(within: .seconds(20)) {
            try await transport.send(request, body: nil, timeout: .seconds(5))
        }
        #expect(ending == "TransportError")
    }

    @Test("a redirect that cannot be followed fails the call instead of leaving it waiting")
    func redirectLoop() async throws {
        let server = try await LoopbackServer.start { request, _ in
            .respond(status: 302, headers: [("Location", request.uri)])
        }
        defer { Task { await server.shutdown() } }
        let transport = AsyncHTTPClientTransport()
        let request = request(server, "/loop")
        let ending = await ending(within: .seconds(20)) {
            try await transport.send(request, body: nil, timeout: .seconds(10))
        }
        #expect(ending == "TransportError")
        #expect(server.requests.count >= 1)
    }

    /// How `call` ended: `response`, or its error's type; nil when it is still waiting after `limit`. A call that
    /// never ends must fail the test, not hang it: it is left running, unstructured.
    func ending(
        within limit: Duration, _ call: @escaping @Sendable () async throws -> TransportResponse
    ) async -> String? {
        let ending = Locked<String?>(nil)
        Task {
            do {
                _ = try await call()
                ending.withLock { $0 = "response" }
            } catch {
                ending.withLock { $0 = "\(type(of: error))" }
            }
        }
        let deadline = ContinuousClock.now + limit
        while ending.current == nil, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
        return ending.current
    }
}
