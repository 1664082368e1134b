import AsyncHTTPClient
import CloudCore
import Foundation
import NIOCore
import NIOHTTP1
import TestSupport

/// A loopback cloud for one service: `Tools/loopback_cloud.py` serving the service's pages from `../shared/docs`
/// on 127.0.0.1. It verifies every request's signature with the official Huawei Cloud SDK signer (PyPI
/// `huaweicloudsdkcore`), routes it to the documented operation, answers with the page's response example, logs
/// what it received, and plays scripted faults.
///
/// `@unchecked Sendable`: every stored property is immutable after `start`; `Process` is only terminated.
final class LoopbackCloud: @unchecked Sendable {
    static let accessKey = "E2EACCESSKEYLOOPBACK"
    static let secretKey = "e2e-loopback-secret-0123456789abcdef"
    static let projectID = "e2e0project0id"

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let baseURL: URL
    private let process: Process
    private let stdin: Pipe

    private init(baseURL: URL, process: Process, stdin: Pipe) {
        self.baseURL = baseURL
        self.process = process
        self.stdin = stdin
    }

    deinit { stop() }

    /// Starts a server for the pages of `docsFolder` (relative to the package root, e.g.
    /// `../shared/docs/modelarts/site`) and waits until it listens. `options` are more of the server's options
    /// (`--security-token`, `--iam-user`).
    static func start(docsFolder: String, options: [String] = []) async throws -> LoopbackCloud {
        let docs = packageRoot.appending(path: docsFolder)
        guard FileManager.default.fileExists(atPath: docs.path) else {
            throw SetupError("\(docsFolder) not found: the end-to-end tests read the pages in ../shared/docs")
        }
        return try await start(docs: docs, options: options)
    }

    /// Starts a server for the pages in the folder `docs`.
    static func start(docs: URL, options: [String] = []) async throws -> LoopbackCloud {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", packageRoot.appending(path: "Tools/loopback_cloud.py").path, "--docs", docs.path,
            "--ak", accessKey, "--sk", secretKey, "--port", "0", "--project-id", projectID,
        ] + options
        let stdout = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardInput = stdin
        try process.run()
        let line = await onOwnThread { readLine(from: stdout.fileHandleForReading) }
        guard let line, line.hasPrefix("listening "), let port = Int(line.dropFirst("listening ".count)) else {
            process.terminate()
            throw SetupError(
                "Tools/loopback_cloud.py did not start (see its error above); it needs Python 3 and the official "
                    + "signer: python3 -m pip install huaweicloudsdkcore (.ci/run installs it)")
        }
        return LoopbackCloud(baseURL: URL(string: "http://127.0.0.1:\(port)")!, process: process, stdin: stdin)
    }

    func stop() {
        guard process.isRunning else { return }
        try? stdin.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    /// The first line the server prints, or nil when it exits first.
    private static func readLine(from handle: FileHandle) -> String? {
        var bytes = Data()
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            bytes.append(chunk)
            if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                return String(decoding: bytes[..<newline], as: UTF8.self)
            }
        }
    }

    // MARK: Control API

    /// Every documented operation, with its request examples and documented answer.
    func cases() async throws -> [DocumentedOperation] {
        try JSONDecoder().decode([DocumentedOperation].self, from: await control(.GET, "cases"))
    }

    /// What the server received since the last ``reset()``, in arrival order.
    func requests() async throws -> [ReceivedRequest] {
        try JSONDecoder().decode(RequestLog.self, from: await control(.GET, "requests")).requests
    }

    /// Clears the request log and the script.
    func reset() async throws {
        _ = try await control(.DELETE, "requests")
    }

    /// Queues scripted answers (faults, custom bodies) for the next matching requests; `clearing` first clears
    /// what ``reset()`` clears, in the same control call.
    func script(_ steps: [ScriptStep], clearing: Bool = false) async throws {
        _ = try await control(.POST, "script", body: JSONEncoder().encode(Script(steps: steps, clear: clearing)))
    }

    private struct Script: Encodable {
        var steps: [ScriptStep]
        var clear: Bool
    }

    /// Adds lifecycles (see `Tools/loopback_cloud.py`: a show page, its state field, transitions).
    func addLifecycles(_ lifecycles: [JSONValue]) async throws {
        _ = try await control(.POST, "lifecycles", body: JSONEncoder().encode(["lifecycles": lifecycles]))
    }

    /// Plays a scenario file (`{"lifecycles": [...], "steps": [...]}`, relative to the package root): resources
    /// whose state the shows report and the operations change, and the faults to inject.
    func play(scenario path: String) async throws {
        let scenario = try JSONDecoder().decode(
            [String: JSONValue].self, from: Data(contentsOf: Self.packageRoot.appending(path: path)))
        _ = try await control(.POST, "lifecycles", body: JSONEncoder().encode(["lifecycles": scenario["lifecycles"] ?? []]))
        _ = try await control(.POST, "script", body: JSONEncoder().encode(["steps": scenario["steps"] ?? []]))
    }

    private func control(_ method: HTTPMethod, _ path: String, body: Data? = nil) async throws -> Data {
        var request = HTTPClientRequest(url: baseURL.appending(path: "__loopback/\(path)").absoluteString)
        request.method = method
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        guard response.status.code == 200 else {
            throw SetupError("loopback control \(method) \(path): HTTP \(response.status.code)")
        }
        return Data(bytes.readableBytesView)
    }
}

struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

// MARK: What the server reports

/// One API page as the server's own reading of it (Python, independent of the generator) documents it.
struct DocumentedOperation: Decodable, Sendable {
    var page: String
    var method: String
    /// The path templates the page documents, its first URI first.
    var templates: [String]
    var requestExamples: [RequestExample]
    /// The answer the page documents.
    var response: DocumentedAnswer
}

struct DocumentedAnswer: Decodable, Sendable {
    var status: Int
    /// The response header fields the page documents, with the values the server sends.
    var headers: [String: String]
}

struct RequestExample: Decodable, Sendable {
    var index: Int
    /// Path parameters whose value the example URL gives.
    var pathParameters: [String: String]
    /// Query pairs of the example URL.
    var query: [[String]]
    var body: JSONValue?
    /// The example body exactly as printed on the page.
    var bodyText: String?
}

struct RequestLog: Decodable {
    var requests: [ReceivedRequest]
}

struct ReceivedRequest: Decodable, Sendable {
    var method: String
    var path: String
    var query: [[String]]
    var headers: [String: String]
    var body: String?
    var page: String?
    var pathParameters: [String: String]?
    var signature: String?
    var fault: String?
    var bodyMatchesExamples: [Int]?
    var status: Int?
    /// The `X-Request-Id` the server answered with.
    var requestID: String?
    /// The resource state a lifecycle show reported, or entered by a lifecycle transition (`<gone>` once deleted):
    /// a string, or an integer code where the service documents its states as numbers.
    var state: JSONValue?

    /// ``state`` as the trace of a test prints it: `CREATING`, `1`.
    var stateText: String? {
        switch state {
        case .string(let text)?: text
        case .integer(let code)?: String(code)
        case let other?: "\(other)"
        case nil: nil
        }
    }
    /// The `CONNECT` tunnel the request came through, when it came through one.
    var tunnel: Tunnel?

    struct Tunnel: Decodable, Equatable, Sendable {
        /// The `CONNECT` target, `host:port`.
        var target: String
        /// Whether TLS was spoken inside the tunnel.
        var tls: Bool
    }

    /// The body parsed as JSON.
    var json: JSONValue? {
        body.flatMap { try? JSONDecoder().decode(JSONValue.self, from: Data($0.utf8)) }
    }

    /// Query pairs as `name=value` strings, sorted: order-insensitive comparison.
    var sortedQuery: [String] { query.map { $0.joined(separator: "=") }.sorted() }
}

/// A scripted answer; see `Tools/loopback_cloud.py` for the kinds.
struct ScriptStep: Encodable, Sendable {
    var kind: String
    var page: String?
    var status: Int?
    var retryAfter: String?
    var seconds: Double?
    var times: Int?
    var body: JSONValue?

    static func status(_ status: Int, retryAfter: String? = nil, page: String? = nil, times: Int = 1) -> Self {
        ScriptStep(kind: "status", page: page, status: status, retryAfter: retryAfter, times: times)
    }

    static func drop(page: String? = nil, times: Int = 1) -> Self {
        ScriptStep(kind: "drop", page: page, times: times)
    }

    static func delay(_ seconds: Double, page: String? = nil) -> Self {
        ScriptStep(kind: "delay", page: page, seconds: seconds)
    }

    static func respond(_ body: JSONValue, status: Int = 200, page: String? = nil) -> Self {
        ScriptStep(kind: "respond", page: page, status: status, body: body)
    }
}
