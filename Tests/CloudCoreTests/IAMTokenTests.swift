import Foundation
import HTTPTypes
import TestSupport
import Testing

@testable import CloudCore

/// A fake IAM on loopback that issues `tok-<n>` tokens valid for one hour of the shared fake clock, and a
/// service endpoint on the same server that answers 200.
func startFakeIAM(clock: Locked<Date>) async throws -> LoopbackServer {
    try await LoopbackServer.start { request, index in
        guard request.path == "/v3/auth/tokens" else {
            return .respond(status: 200, body: #"{"id":"svc"}"#)
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let expires = formatter.string(from: clock.current.addingTimeInterval(3600))
        return .respondAfter(
            .milliseconds(50), status: 201, headers: [("X-Subject-Token", "tok-\(index)")],
            body: #"{"token":{"expires_at":"\#(expires)","project":{"id":"p-from-iam","name":"eu-de"}}}"#)
    }
}

@Suite("IAM token provider")
struct IAMTokenTests {
    @Test("token fetched once under concurrency, refreshed once near expiry")
    func cachedAndRefreshedOnce() async throws {
        let clock = Locked(Date(timeIntervalSince1970: 1_800_000_000))
        let server = try await startFakeIAM(clock: clock)
        defer { Task { await server.shutdown() } }
        let provider = IAMTokenProvider(
            authURL: server.baseURL.appendingPathComponent("v3"), userName: "alice", password: "pa55-secret",
            domainName: "OTC-DOMAIN", scope: .name("eu-de"), transport: AsyncHTTPClientTransport(),
            refreshMargin: 300, clock: { clock.current })

        let first = try await withThrowingTaskGroup(of: Credentials.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.credentials() } }
            return try await group.reduce(into: [Credentials]()) { $0.append($1) }
        }
        #expect(Set(first.map(\.authentication)) == [.token("tok-0")])
        #expect(first.first?.projectID == "p-from-iam")
        #expect(await provider.fetchCount == 1)

        // Still valid well before the margin: no new fetch.
        clock.withLock { $0 = $0.addingTimeInterval(1800) }
        _ = try await provider.credentials()
        #expect(await provider.fetchCount == 1)

        // Within the refresh margin: exactly one refresh even with concurrent callers.
        clock.withLock { $0 = $0.addingTimeInterval(1700) }
        let second = try await withThrowingTaskGroup(of: Credentials.self) { group in
            for _ in 0..<20 { group.addTask { try await provider.credentials() } }
            return try await group.reduce(into: [Credentials]()) { $0.append($1) }
        }
        #expect(Set(second.map(\.authentication)) == [.token("tok-1")])
        #expect(await provider.fetchCount == 2)

        let body = try JSONDecoder().decode(JSONValue.self, from: server.requests[0].body)
        #expect(body["auth"]?["identity"]?["password"]?["user"]?["name"] == "alice")
        #expect(body["auth"]?["identity"]?["password"]?["user"]?["domain"]?["name"] == "OTC-DOMAIN")
        #expect(body["auth"]?["scope"]?["project"]?["name"] == "eu-de")
        #expect(server.requests[0].method == "POST")
    }

    @Test("a client with token auth sends X-Auth-Token and the project id from IAM")
    func clientUsesToken() async throws {
        let clock = Locked(Date())
        let server = try await startFakeIAM(clock: clock)
        defer { Task { await server.shutdown() } }
        let provider = IAMTokenProvider(
            authURL: server.baseURL, userName: "alice", password: "pa55-secret", domainName: "D",
            scope: .id("p-from-iam"), transport: AsyncHTTPClientTransport())
        let client = try makeClient(server, credentials: provider, projectID: nil)
        _ = try await client.send(
            OperationRequest(operation: "Show", method: .get, path: "/v1/{project_id}/x"), as: Notebook.self)
        _ = try await client.send(
            OperationRequest(operation: "Show", method: .get, path: "/v1/{project_id}/x"), as: Notebook.self)
        let serviceRequests = server.requests.filter { $0.path != "/v3/auth/tokens" }
        #expect(serviceRequests.map(\.path) == ["/v1/p-from-iam/x", "/v1/p-from-iam/x"])
        #expect(serviceRequests.allSatisfy { $0.header("X-Auth-Token") == "tok-0" })
        #expect(serviceRequests.allSatisfy { $0.header("Authorization") == nil })
        #expect(await provider.fetchCount == 1)
    }

    @Test("expires_at with and without fractional seconds")
    func parsesExpiry() {
        #expect(IAMTokenProvider.parseDate("2026-11-24T09:13:31.816000Z") != nil)
        #expect(IAMTokenProvider.parseDate("2026-11-24T09:13:31Z") != nil)
        #expect(IAMTokenProvider.parseDate("tomorrow") == nil)
    }
}

/// An IAM that issues one token valid for ten minutes of `clock`, then fails every request.
struct FlakyIAM: HTTPTransport {
    let clock: Locked<Date>
    let calls = Locked(0)

    func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> TransportResponse {
        let call = calls.withLock { count -> Int in
            count += 1
            return count
        }
        guard call == 1 else { throw TransportError(.connectFailed, "IAM unreachable") }
        let formatter = ISO8601DateFormatter()
        let expires = formatter.string(from: clock.current.addingTimeInterval(600))
        var head = HTTPResponse(status: .created)
        head.headerFields[HTTPField.Name("X-Subject-Token")!] = "tok-1"
        return TransportResponse(head: head, body: Data(#"{"token":{"expires_at":"\#(expires)"}}"#.utf8))
    }
}

@Suite struct IAMTokenRefreshFailureTests {
    @Test func aFailedRefreshKeepsTheValidTokenUntilItExpires() async throws {
        let clock = Locked(Date(timeIntervalSince1970: 1_800_000_000))
        let iam = FlakyIAM(clock: clock)
        let provider = IAMTokenProvider(
            authURL: URL(string: "https://iam.example")!, userName: "u", password: "p", domainName: "d", scope: nil,
            transport: iam, refreshMargin: 300, clock: { clock.current })
        #expect(try await provider.credentials().authentication == .token("tok-1"))

        // Inside the refresh margin, IAM fails: the token is still valid for four minutes, so it is used.
        clock.withLock { $0 = $0.addingTimeInterval(360) }
        #expect(try await provider.credentials().authentication == .token("tok-1"))
        #expect(iam.calls.current == 2, "a refresh was tried")

        // Past its expiry, the refresh failure is the caller's.
        clock.withLock { $0 = $0.addingTimeInterval(300) }
        await #expect(throws: TransportError.self) { try await provider.credentials() }
    }
}

/// The cache both expiring credentials (IAM tokens, the metadata service's temporary keys) are kept in.
@Suite struct ExpiringCacheTests {
    @Test("concurrent callers share one fetch; a value is fetched again inside the refresh margin")
    func singleFlight() async throws {
        let now = Locked(Date(timeIntervalSince1970: 1_000_000))
        let released = Locked(false)
        let cache = ExpiringCache<Int>(refreshMargin: 60, clock: { now.current }) {
            // Held until the test lets the first fetch finish.
            while !released.current { try await Task.sleep(for: .milliseconds(5)) }
            return (7, now.current.addingTimeInterval(3600))
        }
        async let values = withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await cache.value() } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        while await cache.fetchCount == 0 { await Task.yield() }
        try await Task.sleep(for: .milliseconds(50))  // let the other 19 callers reach the cache
        released.withLock { $0 = true }
        #expect(try await values == Array(repeating: 7, count: 20))
        #expect(await cache.fetchCount == 1)
        now.withLock { $0 = $0.addingTimeInterval(3600 - 59) }
        _ = try await cache.value()
        #expect(await cache.fetchCount == 2, "within the margin of expiry, a new value is fetched")
    }

    @Test("a failed refresh serves the cached value until it really expires, then fails")
    func staleUse() async throws {
        let now = Locked(Date(timeIntervalSince1970: 1_000_000))
        let fail = Locked(false)
        let staleUses = Locked(0)
        let cache = ExpiringCache<Int>(
            refreshMargin: 60, clock: { now.current }, onStaleUse: { _, _ in staleUses.withLock { $0 += 1 } }
        ) {
            if fail.current { throw ClientError("down") }
            return (1, now.current.addingTimeInterval(100))
        }
        #expect(try await cache.value() == 1)
        fail.withLock { $0 = true }
        now.withLock { $0 = $0.addingTimeInterval(50) }  // inside the margin, not expired
        #expect(try await cache.value() == 1)
        #expect(staleUses.current == 1)
        now.withLock { $0 = $0.addingTimeInterval(60) }  // expired
        await #expect(throws: ClientError.self) { try await cache.value() }
        #expect(await cache.invalidate { $0 == 1 }, "the expired value is still the cached one")
        #expect(!(await cache.invalidate { _ in true }), "nothing cached any more")
    }
}
