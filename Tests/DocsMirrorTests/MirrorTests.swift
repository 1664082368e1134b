import CloudCore
import Foundation
import TestSupport
import Testing

@testable import DocsMirror

/// A site mirrored whole, then again: conditional requests, nothing written, and each kind of change reported.
@Suite(.timeLimit(.minutes(5)))
struct MirrorTests {
    static let ecsSite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "../shared/docs/ecs/site").standardizedFileURL

    @Test(.enabled(if: FileManager.default.fileExists(atPath: ecsSite.path), "needs ../shared/docs/ecs/site"))
    func mirrorsAWholeServiceByteForByteThenAsksOnlyWhetherItChanged() async throws {
        let fixture = try await MirrorFixture.start(serving: Self.ecsSite)
        defer { Task { await fixture.tearDown() } }
        let served = try MirrorFixture.files(in: Self.ecsSite)

        let first = try await fixture.mirror()
        var mirrored = try MirrorFixture.files(in: fixture.docs)
        #expect(mirrored.removeValue(forKey: FetchState.fileName) != nil, "the state file is beside the pages")
        #expect(mirrored.keys.sorted() == served.keys.sorted())
        for (path, data) in served { #expect(mirrored[path] == data, "\(path) differs from the served file") }
        #expect(first.added.count == served.count && first.changed.isEmpty && first.removed.isEmpty)
        #expect(first.requests == served.count, "one GET per page")
        #expect(first.diagnostics.isEmpty, "\(first.diagnostics)")
        #expect(first.wroteFolder)

        let before = try MirrorFixture.modificationDates(in: fixture.docs)
        let requestsBefore = fixture.server.requests.count
        let second = try await fixture.mirror()
        let conditional = fixture.server.requests.dropFirst(requestsBefore)
        #expect(conditional.count == served.count, "one request per page")
        #expect(conditional.allSatisfy { $0.header("If-None-Match") != nil && $0.header("If-Modified-Since") != nil })
        #expect(second.notModified == served.count, "every page answered 304")
        #expect(second.unchanged.count == served.count && second.added.isEmpty && second.changed.isEmpty)
        #expect(second.removed.isEmpty && !second.wroteFolder)
        #expect(try MirrorFixture.modificationDates(in: fixture.docs) == before, "nothing was written")
    }

    @Test func reportsAChangedARemovedAndANewPage() async throws {
        let fixture = try await MirrorFixture.start()
        defer { Task { await fixture.tearDown() } }
        try fixture.write("index.html", MirrorFixture.page("Index", links: ["a.html", "b.html", "chapter/"]))
        try fixture.write("a.html", MirrorFixture.page("A"))
        try fixture.write("b.html", MirrorFixture.page("B"))
        try fixture.write("chapter/index.html", MirrorFixture.page("Chapter"))
        let first = try await fixture.mirror()
        #expect(first.added == ["a.html", "b.html", "chapter/index.html", "index.html"])
        let unchangedPage = fixture.docs.appending(path: "chapter/index.html")
        let unchangedDate = try FileManager.default.attributesOfItem(atPath: unchangedPage.path)[.modificationDate]
            as? Date

        try fixture.write("index.html", MirrorFixture.page("Index", links: ["a.html", "chapter/", "new.html"]))
        try fixture.write("a.html", MirrorFixture.page("A, revised"))
        try FileManager.default.removeItem(at: fixture.served.appending(path: "b.html"))
        try fixture.write("new.html", MirrorFixture.page("New"))
        let second = try await fixture.mirror()
        #expect(second.added == ["new.html"])
        #expect(second.changed == ["a.html", "index.html"])
        #expect(second.removed == ["b.html"])
        #expect(second.unchanged == ["chapter/index.html"])
        #expect(second.wroteFolder)
        var mirrored = try MirrorFixture.files(in: fixture.docs)
        mirrored.removeValue(forKey: FetchState.fileName)
        #expect(mirrored == (try MirrorFixture.files(in: fixture.served)))
        let date = try FileManager.default.attributesOfItem(atPath: unchangedPage.path)[.modificationDate] as? Date
        #expect(date == unchangedDate, "an unchanged page is kept, not written again")
    }

    @Test func theStateFileIsSortedAndTheSameForTheSameSite() async throws {
        let fixture = try await MirrorFixture.start()
        defer { Task { await fixture.tearDown() } }
        try fixture.write("index.html", MirrorFixture.page("Index", links: ["z.html", "a.html"]))
        try fixture.write("z.html", MirrorFixture.page("Z"))
        try fixture.write("a.html", MirrorFixture.page("A"))
        _ = try await fixture.mirror()
        let stateFile = fixture.docs.appending(path: FetchState.fileName)
        let text = try String(contentsOf: stateFile, encoding: .utf8)
        let pages = ["\"a.html\"", "\"index.html\"", "\"z.html\""].map { text.range(of: $0)?.lowerBound }
        #expect(pages.allSatisfy { $0 != nil } && pages == pages.sorted { $0! < $1! }, "pages in sorted order")
        #expect(text.contains("\"etag\"") && text.contains("\"lastModified\""))

        // A new mirror of the same site, from nothing: the same bytes.
        try FileManager.default.removeItem(at: fixture.docs)
        _ = try await fixture.mirror()
        #expect(try String(contentsOf: stateFile, encoding: .utf8) == text)
    }
}
