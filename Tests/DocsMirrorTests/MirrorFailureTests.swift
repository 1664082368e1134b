import CloudCore
import Foundation
import TestSupport
import Testing

@testable import DocsMirror

/// Retries, and runs that fail: the docs folder is then exactly as it was, and the error says why.
@Suite(.timeLimit(.minutes(2)))
struct MirrorFailureTests {
    /// A site of three pages, mirrored once into the fixture's docs folder.
    static func mirroredSite(
        fault: @escaping @Sendable (RecordedRequest) -> ServerAction? = { _ in nil }
    ) async throws -> MirrorFixture {
        let fixture = try await MirrorFixture.start(fault: fault)
        try fixture.write("index.html", MirrorFixture.page("Index", links: ["a.html", "b.html"]))
        try fixture.write("a.html", MirrorFixture.page("A"))
        try fixture.write("b.html", MirrorFixture.page("B"))
        return fixture
    }

    @Test func a503MidRunIsRetried() async throws {
        let firstTime = Switch(isOn: true)
        let fixture = try await Self.mirroredSite { request in
            request.path.hasSuffix("/a.html") && firstTime.turnOff()
                ? .respond(status: 503, headers: [("Retry-After", "0")]) : nil
        }
        defer { Task { await fixture.tearDown() } }
        let report = try await fixture.mirror()
        #expect(report.added == ["a.html", "b.html", "index.html"])
        #expect(fixture.server.requests.filter { $0.path == fixture.path("a.html") }.count == 2, "a.html asked again")
        #expect(report.requests == 4, "three pages and one retry")
    }

    @Test func aDeadServerLeavesTheFolderUntouched() async throws {
        let fixture = try await Self.mirroredSite()
        defer { Task { await fixture.tearDown() } }
        _ = try await fixture.mirror()
        let files = try MirrorFixture.files(in: fixture.docs)
        let dates = try MirrorFixture.modificationDates(in: fixture.docs)

        let refusing = try RefusingPort()
        let deadRoot = URL(string: "http://127.0.0.1:\(refusing.port)\(MirrorFixture.prefix)")!
        let dead = try #require(SiteScope(root: deadRoot))
        let error = await #expect(throws: MirrorError.self) {
            try await MirrorFixture.mirror.mirror(dead, into: fixture.docs)
        }
        #expect(error?.description.contains("could not connect to the service") == true, "\(String(describing: error))")
        #expect(error?.description.contains("after 3 attempts") == true, "\(String(describing: error))")
        #expect(try MirrorFixture.files(in: fixture.docs) == files)
        #expect(try MirrorFixture.modificationDates(in: fixture.docs) == dates)
        #expect(try Self.stagingFolders(beside: fixture.docs).isEmpty, "the staging folder is removed")
    }

    @Test func aPageFailingAfterItsRetriesLeavesTheFolderUntouched() async throws {
        let failing = Switch(isOn: false)
        let fixture = try await Self.mirroredSite { request in
            failing.isOn && request.path.hasSuffix("/b.html") ? .respond(status: 500) : nil
        }
        defer { Task { await fixture.tearDown() } }
        _ = try await fixture.mirror()
        let files = try MirrorFixture.files(in: fixture.docs)
        // Changed pages on the server, and one that keeps failing: none of it may reach the folder.
        try fixture.write("a.html", MirrorFixture.page("A, revised"))
        try fixture.write("index.html", MirrorFixture.page("Index", links: ["a.html", "b.html", "c.html"]))
        try fixture.write("c.html", MirrorFixture.page("C"))
        failing.isOn = true

        let error = await #expect(throws: MirrorError.self) { try await fixture.mirror() }
        #expect(error?.description == "\(fixture.siteRoot.url(of: "b.html")): HTTP 500, after 3 attempts")
        #expect(fixture.server.requests.filter { $0.path == fixture.path("b.html") }.count == 4, "1 + 3 attempts")
        #expect(try MirrorFixture.files(in: fixture.docs) == files)
        #expect(try Self.stagingFolders(beside: fixture.docs).isEmpty)
    }

    @Test func aMissingRootPageFailsTheRun() async throws {
        let fixture = try await MirrorFixture.start()
        defer { Task { await fixture.tearDown() } }
        let error = await #expect(throws: MirrorError.self) { try await fixture.mirror() }
        #expect(error?.reason.contains("HTTP 404") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: fixture.docs.path), "no folder is created")
    }

    /// Hidden staging folders (`.docs.fetch-…`) left beside `folder`.
    static func stagingFolders(beside folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".\(folder.lastPathComponent).fetch-") }
    }
}
