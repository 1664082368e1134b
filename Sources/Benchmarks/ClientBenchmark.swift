import AsyncHTTPClient
import CloudCore
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOPosix

/// The runtime under load, against an in-process server on 127.0.0.1, in three parts:
/// - **SDK work**: the time of one call with a transport that answers at once (warm caches, no network);
/// - **overhead**: the latency of one SDK call (encode, sign, middlewares, send, decode) against a bare
///   AsyncHTTPClient request to the same server, calls one after another, median and p99, as ratios (and of the
///   transport alone);
/// - **load**: `calls` calls from `tasks` concurrent tasks through one client while the server answers every 10th
///   request 503 and drops every 37th connection: every call must succeed or fail with the error its faults
///   explain, no POST the server accepted may be sent again, and the process's memory after the run is compared
///   with before.
func runClientBenchmark(calls: Int = 10_000, tasks: Int = 200) async throws {
    let server = try await FaultyServer.start()
    defer { server.stop() }
    try await measureSDKWork(calls: 100_000)
    try await measureOverhead(server: server, calls: 2_000)
    // Run 0 warms up: it also pays what a process pays once (NIO's and the runtime's caches, the allocator's arenas
    // for the threads it starts), which is not what a run leaves behind. Its figures are printed too. Runs 1 to 3
    // show what each run leaves behind, and whether that keeps growing.
    for run in 0...3 {
        try await measureLoad(server: server, calls: calls, tasks: tasks, run: run)
    }
}

private func measureOverhead(server: FaultyServer, calls: Int) async throws {
    server.faults = false
    let bare = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup)
    let client = try ServiceClient(endpoint: server.url, configuration: benchmarkConfiguration(connections: 8))
    let url = server.url.appending(path: "v1/p/things/t").absoluteString
    // The transport alone, given a ready request without the signed headers: what the default transport adds to
    // AsyncHTTPClient, apart from the SDK's work before and after it.
    let transport = AsyncHTTPClientTransport(proxy: nil, maxConnectionsPerHost: 8)
    let head = HTTPRequest(
        method: .get, scheme: "http", authority: "127.0.0.1:\(server.url.port ?? 0)", path: "/v1/p/things/t")
    // The same with the headers an SDK call adds (values of the same lengths): what signing adds on the wire.
    var signedHead = head
    signedHead.headerFields[.contentType] = "application/json"
    signedHead.headerFields[HTTPField.Name("X-Project-Id")!] = "p"
    signedHead.headerFields[HTTPField.Name("X-Sdk-Date")!] = "20261126T120000Z"
    signedHead.headerFields[.authorization] =
        "SDK-HMAC-SHA256 Access=BENCHAK, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature="
        + String(repeating: "0", count: 64)
    let headersAdded = signedHead
    let kinds: [@Sendable () async throws -> Void] = [
        {
            let response = try await bare.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
        },
        {
            _ = try await client.send(showThing("t"), as: Thing.self)
        },
        { _ = try await transport.send(head, body: nil, timeout: .seconds(10)) },
        { _ = try await transport.send(headersAdded, body: nil, timeout: .seconds(10)) },
    ]
    var times: [[Duration]] = Array(repeating: [], count: kinds.count)
    for round in 0..<(calls + 100) {
        // Each call starts while the event loops may still be finishing the previous one (returning its connection
        // to the pool): the kinds take turns at going first, so that none always pays for another.
        for step in 0..<kinds.count {
            let kind = (round + step) % kinds.count
            let time = try await timed(kinds[kind])
            if round >= 100 { times[kind].append(time) }  // after warming up all
        }
    }
    try await bare.shutdown()
    let (bareMedian, bareP99) = percentiles(times[0])
    let (sdkMedian, sdkP99) = percentiles(times[1])
    let (transportMedian, transportP99) = percentiles(times[2])
    let (signedHeadersMedian, _) = percentiles(times[3])
    print("client overhead (\(calls) sequential GETs each, in-process server):")
    print("  bare AsyncHTTPClient: median \(microseconds(bareMedian)) µs, p99 \(microseconds(bareP99)) µs")
    print("  SDK call:             median \(microseconds(sdkMedian)) µs, p99 \(microseconds(sdkP99)) µs")
    print(
        "  transport alone:      median \(microseconds(transportMedian)) µs (\(ratio(transportMedian, bareMedian))×), "
            + "p99 \(microseconds(transportP99)) µs")
    print(
        "  transport, signature's headers: median \(microseconds(signedHeadersMedian)) µs "
            + "(\(ratio(signedHeadersMedian, bareMedian))×)")
    print("  ratio: median \(ratio(sdkMedian, bareMedian))×, p99 \(ratio(sdkP99, bareP99))×")
}

private func measureLoad(server: FaultyServer, calls: Int, tasks: Int, run: Int) async throws {
    server.faults = true
    server.resetLog()
    let before = MemoryFigures.now()
    var client: ServiceClient? = try ServiceClient(
        endpoint: server.url, configuration: benchmarkConfiguration(connections: tasks))
    let start = ContinuousClock.now
    let outcomes = try await withThrowingTaskGroup(of: [String: Int].self) { [client] group in
        for task in 0..<tasks {
            group.addTask {
                var outcomes: [String: Int] = [:]
                for call in stride(from: task, to: calls, by: tasks) {
                    outcomes[await oneCall(client!, number: call), default: 0] += 1
                }
                return outcomes
            }
        }
        return try await group.reduce(into: [:]) { $0.merge($1, uniquingKeysWith: +) }
    }
    let elapsed = ContinuousClock.now - start
    let loaded = MemoryFigures.now()
    // The client owns its connection pool: releasing it closes the 200 connections.
    client = nil
    try await Task.sleep(for: .milliseconds(500))
    // The server's log of the run is the benchmark's memory, not the client's: read, then dropped before measuring.
    let log = server.log
    server.resetLog()
    let after = MemoryFigures.now()
    // A POST is sent again only after a 503 (the service did not take it); after a 2xx or a dropped connection
    // (it may have been taken) never.
    var resentPOSTs = 0
    for (_, answers) in log.postAnswers where answers.count > 1 {
        if answers.dropLast().contains(where: { $0 != 503 }) { resentPOSTs += 1 }
    }
    print("client under load, run \(run)\(run == 0 ? " (warm-up)" : "") (\(calls) calls from \(tasks) tasks, every 10th answer 503, every 37th connection dropped):")
    print("  \(Int(Double(calls) / elapsed.inSeconds)) calls/s; outcomes: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    print("  requests the server saw: \(log.requests); POSTs sent again after a 2xx or a drop: \(resentPOSTs)")
    print("  resident memory (free heap returned to the system first): \(before.residentKiB) KiB before, \(loaded.residentKiB) KiB with the client's \(tasks) connections open, \(after.residentKiB) KiB after releasing the client (ratio after/before \(ratio(Double(after.residentKiB), Double(before.residentKiB)))×)")
}

/// The process's resident memory once malloc has returned its free pages to the system (glibc's `malloc_trim`),
/// so that a figure taken after the run shows what is still held, not what the allocator keeps for later.
private struct MemoryFigures {
    var residentKiB: Int

    static func now() -> MemoryFigures {
        #if os(Linux)
        typealias MallocTrim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        #endif
        return MemoryFigures(residentKiB: residentMemory() / 1024)
    }
}

/// Every 4th call is a POST (not retried after a drop), the rest GETs.
private func oneCall(_ client: ServiceClient, number: Int) async -> String {
    do {
        if number % 4 == 0 {
            _ = try await client.send(
                OperationRequest(
                    operation: "CreateThing", method: .post, path: "/v1/{project_id}/things", body: Thing(id: "call-\(number)")),
                as: Thing.self)
        } else {
            _ = try await client.send(showThing("\(number)"), as: Thing.self)
        }
        return "ok"
    } catch let error as APIError {
        return "HTTP \(error.status)"
    } catch let error as TransportError {
        return "\(error.kind)"
    } catch {
        return "\(type(of: error))"
    }
}

/// The GET every benchmark sends (with a path parameter and the project id to expand).
private func showThing(_ id: String) -> OperationRequest {
    OperationRequest(
        operation: "ShowThing", method: .get, path: "/v1/{project_id}/things/{id}", pathParameters: ["id": id])
}

private struct Thing: Codable, Sendable {
    var id: String
}

private func benchmarkConfiguration(connections: Int) -> ClientConfiguration {
    var configuration = ClientConfiguration(
        credentials: StaticCredentialProvider(accessKey: "BENCHAK", secretKey: "bench-secret"), projectID: "p",
        retry: RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(5), maxDelay: .milliseconds(50)))
    configuration.maxConnectionsPerHost = connections
    configuration.proxy = .direct
    return configuration
}

private func timed(_ call: () async throws -> Void) async throws -> Duration {
    let start = ContinuousClock.now
    try await call()
    return ContinuousClock.now - start
}

private func microseconds(_ seconds: Double) -> Int { Int((seconds * 1e6).rounded()) }

private func ratio(_ value: Double, _ baseline: Double) -> String {
    String(format: "%.2f", baseline > 0 ? value / baseline : 0)
}

/// The process's resident set, from `/proc/self/statm` (0 where there is none).
private func residentMemory() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
}

/// An HTTP/1.1 server answering `{"id": …}`, with faults when asked: every 10th request 503, every 37th
/// connection closed instead of answered. It logs the answers to each POST body.
private final class FaultyServer: @unchecked Sendable {
    struct Log {
        var requests = 0
        var postAnswers: [String: [Int]] = [:]
    }

    let url: URL
    private let channel: any Channel
    private let lock = NSLock()
    private var state = Log()
    private var faultsEnabled = false

    private init(channel: any Channel, port: Int) {
        self.channel = channel
        self.url = URL(string: "http://127.0.0.1:\(port)")!
    }

    static func start() async throws -> FaultyServer {
        let box = ServerBox()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(box: box))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = FaultyServer(channel: channel, port: channel.localAddress?.port ?? 0)
        box.server = server
        return server
    }

    var faults: Bool {
        get { lock.withLock { faultsEnabled } }
        set { lock.withLock { faultsEnabled = newValue } }
    }

    var log: Log { lock.withLock { state } }

    func resetLog() { lock.withLock { state = Log() } }

    func stop() { channel.close(promise: nil) }

    /// The answer to the next request: a status, or nil to drop the connection.
    func answer(method: HTTPMethod, body: String) -> Int? {
        lock.withLock {
            state.requests += 1
            var status: Int? = 200
            if faultsEnabled, state.requests % 10 == 0 { status = 503 }
            if faultsEnabled, state.requests % 37 == 0 { status = nil }
            if method == .POST { state.postAnswers[body, default: []].append(status ?? 0) }
            return status
        }
    }

    final class ServerBox: @unchecked Sendable {
        weak var server: FaultyServer?
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let box: ServerBox
        private var head: HTTPRequestHead?
        private var body = ""

        init(box: ServerBox) { self.box = box }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = ""
            case .body(let buffer):
                body += String(buffer: buffer)
            case .end:
                guard let head, let server = box.server else { return }
                guard let status = server.answer(method: head.method, body: body) else {
                    context.close(promise: nil)
                    return
                }
                let payload = status == 200 ? #"{"id":"t"}"# : #"{"error_code":"APIGW.0503","error_msg":"busy"}"#
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: "application/json")
                headers.add(name: "Content-Length", value: String(payload.utf8.count))
                if status == 503 { headers.add(name: "Retry-After", value: "0") }
                context.write(
                    wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .init(statusCode: status), headers: headers))),
                    promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: payload)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }
}

/// The SDK's own work per call with the network taken out (a transport that answers at once): what the overhead
/// costs on warm caches.
private func measureSDKWork(calls: Int) async throws {
    struct ImmediateTransport: HTTPTransport {
        func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> TransportResponse {
            var head = HTTPResponse(status: .ok)
            head.headerFields[.contentType] = "application/json"
            return TransportResponse(head: head, body: Data(#"{"id":"t"}"#.utf8))
        }
    }
    var configuration = benchmarkConfiguration(connections: 1)
    configuration.transport = ImmediateTransport()
    let client = try ServiceClient(endpoint: URL(string: "http://127.0.0.1:1")!, configuration: configuration)
    let request = showThing("t")
    for _ in 0..<1_000 { _ = try await client.send(request, as: Thing.self) }
    var perCall = Double.infinity
    for _ in 0..<5 {
        let start = ContinuousClock.now
        for _ in 0..<calls / 5 { _ = try await client.send(request, as: Thing.self) }
        perCall = min(perCall, (ContinuousClock.now - start).inSeconds / Double(calls / 5))
    }
    print("SDK work per call without the network (warm, \(calls) calls): \(String(format: "%.1f", perCall * 1e6)) µs")
    var evictor = CacheEvictor()
    let cold = try await evictor.medianMicroseconds(samples: 2_000) { _ = try await client.send(request, as: Thing.self) }
    print("  the same after evicting the caches (median of 2000 calls): \(String(format: "%.1f", cold)) µs")
}
