import APISchema
import Foundation
import TestSupport
import Testing

/// `apiref generate` and `check` fail on error diagnostics (and with `--strict` on warnings), list them, and
/// write nothing; warnings are counted by kind on stderr.
@Suite struct DiagnosticCommandTests {
    static let page = """
        <h1 class="topictitle1">Creating a Gadget</h1>
        <div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v1/{project_id}/gadgets</p></div>
        <div class="section"><h4 class="sectiontitle">Request Parameters</h4>
        <table><caption><b>Table 1 </b>Request body parameters</caption>
        <thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
        <tbody><tr><td>name</td><td>Yes</td><td>String</td><td>Name.</td></tr></tbody></table></div>
        """

    /// A package root with one service, `Gadgets`, read from `docs/`: one good page, a `broken.html` that is a
    /// folder (it cannot be read) and a `CLASS.TXT.json` that is not a table of contents.
    static func brokenService() throws -> URL {
        let root = try APIRefCommandTests.temporaryDirectory().resolvingSymlinksInPath()
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root.appending(path: "docs/broken.html"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: root.appending(path: "spec"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: packageRoot.appending(path: "templates"), to: root.appending(path: "templates"))
        try Data(page.utf8).write(to: root.appending(path: "docs/CreateGadget.html"))
        try Data("{ not a list".utf8).write(to: root.appending(path: "docs/CLASS.TXT.json"))
        let services = [ServiceConfig(name: "Gadgets", docs: "docs", endpointPrefix: "gadgets")]
        try SpecFiles.canonicalJSON(services).write(to: root.appending(path: "spec/services.json"))
        return root
    }

    @Test func unreadablePagesAndTablesOfContentsFailTheRun() async throws {
        let root = try Self.brokenService()
        defer { try? FileManager.default.removeItem(at: root) }
        for command in ["generate", "check"] {
            let run = try await APIRefCommandTests.apiref([command], in: root)
            #expect(run.status != 0, "\(command)\n\(run)")
            #expect(run.stderr.contains("error [unreadable-page] broken.html: page cannot be read"), "\(run)")
            #expect(run.stderr.contains("error [unreadable-toc] CLASS.TXT.json: table of contents cannot be read"), "\(run)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appending(path: "spec/gadgets.json").path))

        // Without the broken inputs the same service generates.
        try FileManager.default.removeItem(at: root.appending(path: "docs/broken.html"))
        try FileManager.default.removeItem(at: root.appending(path: "docs/CLASS.TXT.json"))
        let run = try await APIRefCommandTests.apiref(["generate"], in: root)
        #expect(run.status == 0, "\(run)")
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "spec/gadgets.json").path))
    }

    @Test func anOverrideWhoseTargetIsGoneFailsTheRunAndWritesNothing() async throws {
        let root = try APIRefCommandTests.copyOfEVS()
        defer { try? FileManager.default.removeItem(at: root) }
        let overrides = #"[{"action": "renameType", "type": "NoSuchType", "to": "Other", "reason": "test"}]"#
        try Data(overrides.utf8).write(to: root.appending(path: "spec/evs.overrides.json"))
        let client = root.appending(path: "Generated/EVS/EVSClient.swift")
        try FileManager.default.removeItem(at: client)

        let run = try await APIRefCommandTests.apiref(["generate", "--service", "EVS"], in: root)
        #expect(run.status != 0, "\(run)")
        #expect(
            run.stderr.contains("error [override-target-missing] evs.overrides.json row 1: renameType: no type 'NoSuchType'"),
            "\(run)")
        #expect(!FileManager.default.fileExists(atPath: client.path), "nothing is written when a run fails")
    }

    /// A page whose URI line cannot be read fails the run until an override accepts it as not an API page; the
    /// report counts the pages either way.
    @Test func aPageWithoutItsOperationFailsTheRunUntilAnOverrideAcceptsIt() async throws {
        let root = try APIRefCommandTests.temporaryDirectory().resolvingSymlinksInPath()
        defer { try? FileManager.default.removeItem(at: root) }
        let fileManager = FileManager.default
        for folder in ["docs", "spec"] {
            try fileManager.createDirectory(at: root.appending(path: folder), withIntermediateDirectories: true)
        }
        try fileManager.copyItem(at: packageRoot.appending(path: "templates"), to: root.appending(path: "templates"))
        try Data(Self.page.utf8).write(to: root.appending(path: "docs/CreateGadget.html"))
        let lost = "<h1>Deleting a Gadget</h1><div><h4>URI</h4><p>DELETE:/v1/gadgets/{id}</p></div>"
        try Data(lost.utf8).write(to: root.appending(path: "docs/delete.html"))
        try Data("<h1>Quotas</h1><p>Fifty gadgets.</p>".utf8).write(to: root.appending(path: "docs/quotas.html"))
        let services = [ServiceConfig(name: "Gadgets", docs: "docs", endpointPrefix: "gadgets")]
        try SpecFiles.canonicalJSON(services).write(to: root.appending(path: "spec/services.json"))

        let failed = try await APIRefCommandTests.apiref(["generate"], in: root)
        #expect(failed.status != 0, "\(failed)")
        #expect(
            failed.stderr.contains(
                "error [page-without-operation] delete.html: no operation read: URI line unreadable: 'DELETE:/v1/gadgets/{id}'"),
            "\(failed)")
        let report = try await APIRefCommandTests.apiref(["report", "--pages"], in: root)
        #expect(report.status == 0, "\(report)")
        for line in [
            "  pages:       3 found: 1 API pages (1 operations), 2 skipped", "    1 URI line unreadable",
            "      delete.html: 'DELETE:/v1/gadgets/{id}'", "    1 no URI section, API name or parameter table",
            "      quotas.html",
        ] {
            #expect(report.stdout.split(separator: "\n").contains(Substring(line)), "\(line) not reported\n\(report)")
        }

        let overrides = #"[{"action": "notAnAPIPage", "page": "delete.html", "reason": "test: accepted"}]"#
        try Data(overrides.utf8).write(to: root.appending(path: "spec/gadgets.overrides.json"))
        let accepted = try await APIRefCommandTests.apiref(["generate"], in: root)
        #expect(accepted.status == 0, "\(accepted)")
        let counted = try await APIRefCommandTests.apiref(["report", "--pages"], in: root)
        #expect(counted.stdout.contains("    1 accepted as not an API page (override)\n      delete.html: test: accepted\n"), "\(counted)")
    }

    @Test func warningsAreCountedByKindAndFailOnlyWhenStrict() async throws {
        let root = try APIRefCommandTests.copyOfEVS()
        defer { try? FileManager.default.removeItem(at: root) }
        let check = try await APIRefCommandTests.apiref(["check", "--service", "EVS"], in: root)
        #expect(check.status == 0, "\(check)")
        let summary = try #require(check.stderr.split(separator: "\n").first { $0.hasPrefix("EVS: ") }, "\(check)")
        #expect(summary.contains(" warnings: ") && summary.contains("example-type-correction"), "\(summary)")

        let strict = try await APIRefCommandTests.apiref(["check", "--strict", "--service", "EVS"], in: root)
        #expect(strict.status != 0, "\(strict)")
        #expect(strict.stderr.contains("warnings (--strict):"), "\(strict)")
        #expect(strict.stderr.contains("warning [example-type-correction] "), "\(strict)")
    }
}
