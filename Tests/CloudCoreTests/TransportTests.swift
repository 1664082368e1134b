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

    /// No wall-clock bound: the server never answers within the suite's time limit, so a call that waited for
    /// the exchange instead of ending would fail the test by that limit, on a loaded machine or not.
    @Test("cancelling the call ends it without waiting for the answer, and closes the exchange's connection")
    func cancellation() async throws {
        let server = try await LoopbackServer.start { _, _ in .respondAfter(.seconds(3600), status: 200, body: "{}") }
        defer { Task { await server.shutdown() } }
        let transport = AsyncHTTPClientTransport()
        let call = Task { try await transport.send(request(server), body: nil, timeout: .seconds(3600)) }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        while server.closedConnections == 0 { try await Task.sleep(for: .milliseconds(10)) }
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
        let ending = await ending {
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
        let ending = await ending {
            try await transport.send(request, body: nil, timeout: .seconds(10))
        }
        #expect(ending == "TransportError")
        #expect(server.requests.count >= 1)
    }

    /// How `call` ended: `response`, or its error's type. A call that never ends is caught by the suite's time
    /// limit rather than by a wall-clock deadline here, which a loaded machine could overrun.
    func ending(_ call: @Sendable () async throws -> TransportResponse) async -> String {
        do {
            _ = try await call()
            return "response"
        } catch {
            return "\(type(of: error))"
        }
    }
}
