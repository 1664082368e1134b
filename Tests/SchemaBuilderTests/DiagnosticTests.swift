import APISchema
import Foundation
import Testing

@testable import SchemaBuilder

/// Diagnostics have a kind and a severity; what cannot be read is an error, never silently nothing.
@Suite("Diagnostics")
struct DiagnosticTests {
    /// A folder with the gadget page and `extra` (file name → contents; `nil`: a folder of that name).
    static func folder(_ extra: [String: String?]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("diagnostics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(Fixtures.createGadget.utf8).write(to: url.appendingPathComponent("CreateGadget.html"))
        for (name, contents) in extra {
            if let contents {
                try Data(contents.utf8).write(to: url.appendingPathComponent(name))
            } else {
                try FileManager.default.createDirectory(at: url.appendingPathComponent(name), withIntermediateDirectories: true)
            }
        }
        return url
    }

    static func build(_ folder: URL) -> ServiceSchema {
        SchemaBuilder.build(
            config: ServiceConfig(name: "Test", docs: "", endpointPrefix: "test"), docsDirectory: folder, overridesFile: nil)
    }

    @Test func anUnreadableTableOfContentsIsAnError() throws {
        let folder = try Self.folder(["CLASS.TXT.json": "{ not a list"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = Self.build(folder)
        let diagnostic = try #require(schema.diagnostics.first { $0.id == .unreadableTOC })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location.page == "CLASS.TXT.json")
        // The pages are still read; groups come from the paths.
        #expect(schema.operations.map(\.group) == ["Gadgets"])
    }

    @Test func aReadableTableOfContentsIsNoDiagnostic() throws {
        let toc = #"[{"title": "Gadgets", "uri": "gadgets.html", "code": "1", "p_code": null}, "#
            + #"{"title": "Creating a Gadget", "uri": "CreateGadget.html", "code": "2", "p_code": "1"}]"#
        let folder = try Self.folder(["CLASS.TXT.json": toc])
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = Self.build(folder)
        #expect(!schema.diagnostics.contains { $0.severity == .error })
        #expect(schema.groups.map(\.name) == ["Gadgets"])
    }

    @Test func anUnreadablePageIsAnError() throws {
        let folder = try Self.folder(["broken.html": nil])
        defer { try? FileManager.default.removeItem(at: folder) }
        let schema = Self.build(folder)
        let diagnostic = try #require(schema.diagnostics.first { $0.location.page == "broken.html" })
        #expect(diagnostic.id == .unreadablePage && diagnostic.severity == .error)
        #expect(schema.operations.map(\.id) == ["CreateGadget"])
        // The report counts it among the pages found, skipped because it cannot be read.
        #expect(schema.pageCensus.pagesFound == 2 && schema.pageCensus.apiPages == 1)
        #expect(schema.pageCensus.skipped == [.init(page: "broken.html", reason: "page cannot be read")])
    }

    @Test func everyBuilderDiagnosticHasTheKindOfItsMessage() {
        let schema = Fixtures.build([("CreateGadget.html", Fixtures.createGadget), ("servers.html", Fixtures.oldServers)])
        let byMessage = Dictionary(schema.diagnostics.map { ($0.message, $0.id) }, uniquingKeysWith: { first, _ in first })
        #expect(byMessage["storage: unknown type \"Array<Storage type>\", emitted as any"] == .unknownType)
        #expect(byMessage["mode: several types \"Integer/Boolean\", emitted as the first"] == .severalTypes)
        #expect(byMessage.first { $0.key.contains("see Table 9") }?.value == .unresolvedTableReference)
        #expect(schema.diagnostics.allSatisfy { $0.severity == .warning && $0.id.severity == .warning })
    }

    @Test func anExampleThatIsNotJSONIsAWarning() throws {
        let page = Fixtures.exampleOnlyFields.replacingOccurrences(
            of: #"{"name": "w", "color": "red", "size": 3}"#, with: #"{"name": "w", "color": red}"#)
        let schema = Fixtures.build([("widgets.html", page)])
        let diagnostic = try #require(schema.diagnostics.first { $0.id == .unparsableExample })
        #expect(diagnostic.severity == .warning && diagnostic.location.page == "widgets.html")
        #expect(diagnostic.message.hasPrefix("request example is not JSON"))
        // Not in the schema: nothing downstream parses text again.
        #expect(schema.operations.first?.requestExamples.isEmpty == true)
    }

    @Test func theCollectorCountsWarningsByKindAndFailsOnErrors() throws {
        var collector = DiagnosticCollector()
        collector.emit(.unknownType, SourceLocation(page: "a.html", table: "Table 1", row: 2), "x: unknown type")
        collector.emit(.unknownType, SourceLocation(page: "b.html"), "y: unknown type")
        collector.emit(.missingType, SourceLocation(page: "b.html"), "z: missing type")
        #expect(collector.warningSummary == "3 warnings: 2 unknown-type, 1 missing-type")
        #expect(collector.failing(strict: false).isEmpty)
        #expect(collector.failing(strict: true).count == 3)

        collector.emit(.overrideTargetMissing, SourceLocation(page: "x.overrides.json", row: 3), "renameType: no type 'A'")
        let failing = collector.failing(strict: false)
        #expect(failing.map(\.id) == [.overrideTargetMissing])
        let failure = DiagnosticFailure(diagnostics: failing)
        #expect(failure.description.contains("1 error:"))
        #expect(failure.description.contains("error [override-target-missing] x.overrides.json row 3: renameType: no type 'A'"))
    }

    /// The id is written to `spec/<service>.json`; a schema written before ids existed still reads.
    @Test func theIdIsWrittenAndOldSchemasStillRead() throws {
        let diagnostic = Diagnostic(.unknownType, SourceLocation(page: "a.html"), "x")
        let json = try String(decoding: SpecFiles.canonicalJSON(diagnostic), as: UTF8.self)
        #expect(json.contains(#""id" : "unknown-type""#) || json.contains(#""id": "unknown-type""#))
        let old = #"{"location": {"page": "a.html"}, "message": "x", "severity": "warning"}"#
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: Data(old.utf8))
        #expect(decoded.id == .unclassified && decoded.severity == .warning)
    }
}
