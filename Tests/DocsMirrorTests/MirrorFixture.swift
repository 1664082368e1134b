import CloudCore
import DocsMirror
import Foundation
import TestSupport

/// A site served on 127.0.0.1 from a folder, and a docs folder to mirror it into, both in a temporary folder.
struct MirrorFixture {
    static let prefix = "/docs-repo/api-ref/"

    let root: URL
    /// The folder the server serves (a hand-written tree, or a copy's source under ../shared).
    let served: URL
    /// The docs folder the mirror writes.
    let docs: URL
    let server: LoopbackServer

    /// Serves `served` (by default an empty folder under the fixture's root that the test writes pages into);
    /// `fault` answers first when it returns an action.
    static func start(
        serving served: URL? = nil, fault: @escaping @Sendable (RecordedRequest) -> ServerAction? = { _ in nil }
    ) async throws -> MirrorFixture {
        let root = FileManager.default.temporaryDirectory.appending(path: "docs-mirror-\(UUID().uuidString)")
        let folder = served ?? root.appending(path: "site")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let site = StaticSite(folder: folder, prefix: prefix)
        let server = try await LoopbackServer.start { request, _ in fault(request) ?? site.answer(request) }
        return MirrorFixture(root: root, served: folder, docs: root.appending(path: "docs"), server: server)
    }

    /// The site's root URL on the server.
    var siteRoot: SiteScope { SiteScope(root: URL(string: "http://127.0.0.1:\(server.port)\(Self.prefix)")!)! }

    /// Retries without waiting: tests never sleep on a backoff.
    static let mirror = DocsMirror(
        concurrency: 4, retryPolicy: RetryPolicy(maxAttempts: 3, baseDelay: .zero, maxDelay: .zero))

    func mirror() async throws -> MirrorReport {
        try await Self.mirror.mirror(siteRoot, into: docs)
    }

    /// Writes a served page.
    func write(_ page: String, _ html: String) throws {
        let file = served.appending(path: page)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(html.utf8).write(to: file)
    }

    /// The server path of `page`.
    func path(_ page: String) -> String { Self.prefix + page }

    func tearDown() async {
        await server.shutdown()
        try? FileManager.default.removeItem(at: root)
    }

    /// Every file below `folder`, hidden ones included, by relative path.
    static func files(in folder: URL) throws -> [String: Data] {
        let base = folder.standardizedFileURL.path
        var files: [String: Data] = [:]
        for path in FileManager.default.subpaths(atPath: base) ?? [] {
            var isDirectory: ObjCBool = false
            let full = base + "/" + path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
        }
        return files
    }

    /// The modification time of every file below `folder`.
    static func modificationDates(in folder: URL) throws -> [String: Date] {
        try files(in: folder).keys.reduce(into: [:]) { dates, path in
            dates[path] = try FileManager.default.attributesOfItem(atPath: folder.appending(path: path).path)[
                .modificationDate] as? Date
        }
    }

    /// A page linking to `links`.
    static func page(_ title: String, links: [String] = []) -> String {
        "<!DOCTYPE html><html><head><title>\(title)</title></head><body><h1>\(title)</h1>"
            + links.map { "<a class=\"reference\" href=\"\($0)\">\($0)</a>" }.joined() + "</body></html>\n"
    }
}

/// A flag shared by a test and its server's handler.
final class Switch: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Bool

    init(isOn: Bool) { value = isOn }

    var isOn: Bool {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }

    /// Turns the switch off; whether it was on.
    func turnOff() -> Bool {
        lock.withLock {
            defer { value = false }
            return value
        }
    }
}
