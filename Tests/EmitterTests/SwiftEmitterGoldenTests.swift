import APISchema
import Foundation
import Testing

@testable import SwiftEmitter

/// Pins the Swift the emitter writes for a small hand-written service. `UPDATE_GOLDEN=1 swift test` rewrites the
/// golden files; review the diff like hand-written code.
@Suite struct SwiftEmitterGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")
    static let golden = fixtures.appendingPathComponent("SwiftGolden")

    static func fixtureSchema() throws -> ServiceSchema {
        try JSONDecoder().decode(
            ServiceSchema.self, from: Data(contentsOf: fixtures.appendingPathComponent("swift-fixture-service.json")))
    }

    static func render() throws -> [GeneratedFile] {
        try SwiftEmitter(templatesDirectory: templates).render(fixtureSchema())
    }

    @Test func outputMatchesGoldenFiles() throws {
        let files = try Self.render()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: Self.golden)
            for file in files {
                try SpecFiles.writeIfChanged(
                    Data(file.contents.utf8), to: Self.golden.appendingPathComponent(file.path + ".golden"))
            }
            return
        }
        let expected = try FileManager.default.contentsOfDirectory(atPath: Self.golden.path)
            .filter { $0.hasSuffix(".golden") }.map { String($0.dropLast(".golden".count)) }.sorted()
        #expect(files.map(\.path) == expected)
        for file in files {
            let golden = try String(
                contentsOf: Self.golden.appendingPathComponent(file.path + ".golden"), encoding: .utf8)
            #expect(file.contents == golden, "\(file.path) differs from its golden file")
        }
    }

    @Test func outputIsDeterministicAndSorted() throws {
        let first = try Self.render()
        let second = try Self.render()
        #expect(first == second)
        #expect(first.map(\.path) == first.map(\.path).sorted())
    }

    @Test func filesAreSplitByGroup() throws {
        let paths = try Self.render().map(\.path)
        #expect(
            paths == [
                "Models+DatasetManagement.swift", "Models+NotebookManagement.swift", "NotesClient+DatasetManagement.swift",
                "NotesClient+NotebookManagement.swift", "NotesClient.swift", "NotesExampleRoundTrips.swift",
            ])
    }
}

@Suite struct SwiftNamesTests {
    @Test func wireNamesBecomeLowerCamelCase() {
        #expect(SwiftNames.member("image_id") == "imageId")
        #expect(SwiftNames.member("X-Language") == "xLanguage")
        #expect(SwiftNames.member("datasetName") == "datasetName")
        #expect(SwiftNames.member("ID") == "id")
        #expect(SwiftNames.member("HTTPServer") == "httpServer")
        #expect(SwiftNames.member("default") == "`default`")
        #expect(SwiftNames.member("1st") == "_1st")
    }

    @Test func enumCasesAvoidReservedMembers() {
        #expect(SwiftNames.enumCase("EVS") == "evs")
        #expect(SwiftNames.enumCase("x86_64") == "x86_64")
        #expect(SwiftNames.enumCase("1") == "value1")
        #expect(SwiftNames.enumCase("description") == "descriptionValue")
        #expect(SwiftNames.enumCase("self") == "selfValue")
    }

    @Test func scopesDeduplicateInOrder() {
        var scope = NameScope()
        #expect(scope.claim("name") == "name")
        #expect(scope.claim("name") == "name2")
        #expect(scope.claim("`default`") == "`default`")
        #expect(scope.claim("`default`") == "default2")
    }

    @Test func docCommentsWrap() {
        let text = String(repeating: "word ", count: 40)
        let lines = SwiftDocComment(text).lines(indent: 4)
        #expect(lines.allSatisfy { $0.count + 4 <= SwiftDocComment.lineWidth })
        #expect(lines.count > 1)
    }
}
