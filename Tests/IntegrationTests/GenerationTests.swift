import APISchema
import Foundation
import OpenAPIEmitter
import OpenAPIKit
import SchemaBuilder
import SwiftEmitter
import TestSupport
import Testing

/// What `apiref generate` relies on: the same pages always give the same bytes, and the OpenAPI export keeps its
/// contract on real pages.
@Suite struct GenerationTests {
    /// Every output of one service, as `apiref generate` writes them, from its pages in a shuffled order.
    static func outputs(_ config: ServiceConfig, shuffledWith seed: UInt64) throws -> [String: Data] {
        var source = PageSource(reading: packageRoot.appending(path: config.docs))
        var rng = SplitMix64(state: seed)
        source.pages.shuffle(using: &rng)
        let overrides = packageRoot.appending(path: "spec/\(config.fileStem).overrides.json")
        let schema = SchemaBuilder.build(
            config: config, source: source,
            overridesFile: FileManager.default.fileExists(atPath: overrides.path) ? overrides : nil,
            officialNames: try OfficialNames.load(for: config, root: packageRoot),
            initialisms: try Vocabulary.load(from: packageRoot.appending(path: "spec/vocabulary.json"))
                .initialisms(of: configuredServices()))
        var files = [
            "spec/\(config.fileStem).json": try SpecFiles.canonicalJSON(schema),
            "spec/\(config.fileStem).openapi.json": try OpenAPIEmitter.documentJSON(for: schema),
        ]
        var diagnostics = DiagnosticCollector(schema.diagnostics)
        let swift = try SwiftEmitter(templatesDirectory: packageRoot.appending(path: "templates"))
            .renderModules(schema, diagnostics: &diagnostics)
        for (directory, modules) in Self.directories(config.name, swift) {
            for file in modules { files["Generated/\(directory)/\(file.path)"] = Data(file.contents.utf8) }
        }
        return files
    }

    /// The folders below `Generated/` that the service's outputs go to, with their files.
    static func directories(_ service: String, _ swift: SwiftEmitter.RenderedModules) -> [(String, [GeneratedFile])] {
        [(service, swift.library), ("\(service)CLI", swift.commandLine), ("ExampleRoundTrips/\(service)", swift.exampleRoundTrips)]
    }

    /// The strong form of determinism: this test process (its own hash seed) reads the pages in a shuffled order
    /// and must produce, byte for byte, the files another process (`apiref generate`) committed, and no others.
    @Test(arguments: [("ModelArts", UInt64(7)), ("ECS", UInt64(2_026))])
    func shuffledPagesGiveTheCommittedFiles(service: String, seed: UInt64) async throws {
        let config = try #require(try configuredServices().first { $0.name == service })
        let outputs = try await onOwnThread { try Self.outputs(config, shuffledWith: seed) }
        let committed = [service, "\(service)CLI", "ExampleRoundTrips/\(service)"].flatMap { directory in
            let folder = packageRoot.appending(path: "Generated/\(directory)")
            let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects ?? []
            return files.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
                .map { "Generated/\(directory)/" + $0.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1) }
        }
        #expect(
            Set(committed) == Set(outputs.keys.filter { $0.hasPrefix("Generated/") }),
            "the committed Swift files are not the ones generated")
        for (path, data) in outputs.sorted(by: { $0.key < $1.key }) {
            let onDisk = try? Data(contentsOf: packageRoot.appending(path: path))
            #expect(onDisk == data, "\(path) differs from the committed file when pages are read in another order")
        }
    }

    /// Each service's export passes OpenAPIKit's validation (`OpenAPIEmitter.validator`: operation ids unique, every
    /// path parameter declared, every reference resolved, …), as built and as OpenAPIKit reads it back from its bytes
    /// (strict: a warning while reading fails it too), with one operation per page, each naming its page.
    @Test(arguments: ["ModelArts", "ECS", "VPC", "EVS"])
    func openAPIPassesOpenAPIKitValidation(service: String) async throws {
        let schema = try await SchemaCache.shared.schema(service)
        let document = try await onOwnThread {
            let document = try OpenAPIEmitter.document(for: schema)
            try document.validate(using: OpenAPIEmitter.validator)
            let bytes = try SpecFiles.canonicalJSON(document)
            try JSONDecoder().decode(OpenAPI.Document.self, from: bytes).validate(using: OpenAPIEmitter.validator)
            return document
        }
        #expect(document.openAPIVersion == .v3_1_0)
        let operations = document.paths.values.compactMap(\.pathItemValue).flatMap(\.endpoints).map(\.operation)
        #expect(operations.count == schema.operations.count)
        for operation in operations {
            let page = operation.vendorExtensions["x-source-page"]?.value as? String ?? ""
            #expect(page.hasSuffix(".html"), "\(operation.operationId ?? "?") has no x-source-page")
        }
    }
}
