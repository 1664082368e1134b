import APISchema
import Foundation
import TestSupport
import Testing

/// `apiref fetch` as the maintainer runs it, against a copy of the published site served on 127.0.0.1 (`--base`):
/// the built executable in a package root of its own whose `spec/services.json` puts the docs folder in a
/// temporary folder. ModelArts, the largest service: the command's own summary gives the figures.
@Suite(.timeLimit(.minutes(5)))
struct FetchCommandTests {
    static func modelArts() throws -> ServiceConfig {
        try #require(try configuredServices().first { $0.name == "ModelArts" })
    }

    /// A package root whose only service is `config`, mirrored into its `docs/` folder.
    static func temporaryPackage(for config: ServiceConfig) throws -> URL {
        let root = try APIRefCommandTests.temporaryDirectory()
        try FileManager.default.createDirectory(at: root.appending(path: "spec"), withIntermediateDirectories: true)
        let service = ServiceConfig(
            name: config.name, docs: "docs/\(config.fileStem)", endpointPrefix: config.endpointPrefix,
            docsURL: config.docsURL)
        try SpecFiles.canonicalJSON([service]).write(to: root.appending(path: "spec/services.json"))
        return root
    }

    @Test func mirrorsAServiceThenSendsOneConditionalRequestPerPage() async throws {
        let config = try Self.modelArts()
        let docsURL = try #require(config.docsURL)
        let pages = packageRoot.appending(path: config.docs)
        let site = StaticSite(folder: pages, prefix: docsURL.path)
        let server = try await LoopbackServer.start { request, _ in site.answer(request) }
        let root = try Self.temporaryPackage(for: config)
        defer { try? FileManager.default.removeItem(at: root) }
        let count = (FileManager.default.subpaths(atPath: pages.path) ?? []).filter { $0.hasSuffix(".html") }.count
        let arguments = ["fetch", "--service", config.name, "--base", "http://127.0.0.1:\(server.port)/"]

        let first = try await APIRefCommandTests.apiref(arguments, in: root)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("\(count) pages: \(count) added, 0 changed, 0 removed, 0 unchanged"), "\(first)")
        #expect(first.stdout.contains("\(count) requests (1.00 per page, 0 answered 304); folder replaced"))
        #expect(server.requests.count == count)

        let second = try await APIRefCommandTests.apiref(arguments, in: root)
        #expect(second.status == 0, "\(second)")
        #expect(second.stdout.contains("\(count) pages: 0 added, 0 changed, 0 removed, \(count) unchanged"))
        #expect(second.stdout.contains("\(count) requests (1.00 per page, \(count) answered 304); nothing written"))
        #expect(server.requests.dropFirst(count).allSatisfy { $0.header("If-None-Match") != nil })
        await server.shutdown()
        // The figures, from the command itself (a debug build; both runs over loopback).
        print("first run:  " + first.stdout.split(separator: "\n")[0])
        print("second run: " + second.stdout.split(separator: "\n")[0])
    }

    @Test func aDeadServerFailsTheRunAndLeavesTheFolderAsItWas() async throws {
        let config = try Self.modelArts()
        let root = try Self.temporaryPackage(for: config)
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appending(path: "docs/\(config.fileStem)/index.html")
        try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("<html>kept</html>\n".utf8).write(to: page)
        let refusing = try RefusingPort()

        // One attempt: the command's backoff would wait on the clock (the library's tests cover retrying).
        let run = try await APIRefCommandTests.apiref(
            ["fetch", "--base", "http://127.0.0.1:\(refusing.port)/", "--attempts", "1"], in: root)
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("\(config.name): failed: "), "\(run)")
        #expect(run.stderr.contains("could not connect to the service"), "\(run)")
        #expect(run.stderr.contains("docs/\(config.fileStem) left as it was"), "\(run)")
        #expect(try Data(contentsOf: page) == Data("<html>kept</html>\n".utf8))
    }
}
