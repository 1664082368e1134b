import APISchema
import Foundation
import OpenAPIEmitter
import SchemaBuilder
import SwiftEmitter
import TestSupport
import Testing

/// What `apiref generate` relies on: the same pages always give the same bytes, and the OpenAPI export keeps its
/// contract on real pages.
@Suite struct GenerationTests {
    /// Every output of one service, as `apiref generate` writes them.
    static func outputs(_ config: ServiceConfig) throws -> [String: Data] {
        let schema = buildSchema(config)
        var files = [
            "spec/\(config.fileStem).json": try SpecFiles.canonicalJSON(schema),
            "spec/\(config.fileStem).openapi.json": try OpenAPIEmitter.document(for: schema),
        ]
        let emitter = SwiftEmitter(templatesDirectory: packageRoot.appending(path: "templates"))
        for file in try emitter.render(schema) {
            files["Generated/\(config.name)/\(file.path)"] = Data(file.contents.utf8)
        }
        return files
    }

    @Test(arguments: ["ModelArts", "ECS"])
    func generationIsDeterministic(service: String) async throws {
        let config = try #require(try configuredServices().first { $0.name == service })
        let (first, second) = try await onOwnThread { (try Self.outputs(config), try Self.outputs(config)) }
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first {
            #expect(second[path] == data, "\(path) differs between two runs")
        }
    }

    @Test(arguments: ["ModelArts", "ECS"])
    func openAPIHasUniqueOperationIdsAndSourcePages(service: String) async throws {
        let schema = try await SchemaCache.shared.schema(service)
        let document = try JSONDecoder().decode(JSONNode.self, from: OpenAPIEmitter.document(for: schema))
        #expect(document["openapi"] == "3.1.0")
        guard case .object(let paths)? = document["paths"] else {
            Issue.record("no paths")
            return
        }
        var operationIds: [String] = []
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for (method, operation) in methods {
                let id = try #require(operation["operationId"]?.stringValue, "\(method) \(path) has no operationId")
                operationIds.append(id)
                let page = operation["x-source-page"]?.stringValue ?? ""
                #expect(page.hasSuffix(".html"), "\(id) has no x-source-page")
                #expect(operation["responses"] != nil)
            }
        }
        #expect(operationIds.count == schema.operations.count)
        #expect(Set(operationIds).count == operationIds.count, "operationIds repeat")
        // Every $ref resolves to a component.
        guard case .object(let components)? = document["components"]?["schemas"] else {
            Issue.record("no components")
            return
        }
        var refs: [String] = []
        func collect(_ node: JSONNode) {
            switch node {
            case .object(let members):
                if let ref = members["$ref"]?.stringValue { refs.append(ref) }
                members.values.forEach(collect)
            case .array(let elements): elements.forEach(collect)
            default: break
            }
        }
        collect(document)
        for ref in Set(refs) {
            #expect(components[String(ref.dropFirst("#/components/schemas/".count))] != nil, "dangling \(ref)")
        }
    }
}

/// The real exports against `openapi-spec-validator` (PyPI; `.ci/run` installs it), when it is installed.
@Suite struct OpenAPIValidityTests {
    static func validator(_ file: String?) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = file.map { ["python3", "-m", "openapi_spec_validator", $0] }
            ?? ["python3", "-c", "import openapi_spec_validator"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test(
        .enabled(if: validator(nil)?.status == 0, "openapi-spec-validator is not installed"),
        arguments: ["ModelArts", "ECS"])
    func exportIsValidOpenAPI31(service: String) async throws {
        let schema = try await SchemaCache.shared.schema(service)
        let file = FileManager.default.temporaryDirectory.appending(path: "apiref-\(service)-\(UUID().uuidString).json")
        try OpenAPIEmitter.document(for: schema).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let path = file.path
        let result = try #require(await onOwnThread { Self.validator(path) })
        #expect(result.status == 0, "\(result.output)")
    }
}
