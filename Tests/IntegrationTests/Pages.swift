import APISchema
import Foundation
import SchemaBuilder
import TestSupport
import Testing

/// The package root, found from this file's path (`Tests/IntegrationTests/Pages.swift`).
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The services of `spec/services.json`, with their docs folders checked: the pages live outside the repository
/// (`../shared/docs`), and a missing folder must say so rather than look like an empty service.
func configuredServices() throws -> [ServiceConfig] {
    let services = try ServiceConfig.load(from: packageRoot.appending(path: "spec/services.json"))
    for service in services {
        let docs = packageRoot.appending(path: service.docs)
        guard FileManager.default.fileExists(atPath: docs.path) else {
            throw MissingPages(
                description: "API reference pages for \(service.name) not found at \(service.docs) "
                    + "(relative to the package root); the integration tests read ../shared/docs")
        }
    }
    return services
}

struct MissingPages: Error, CustomStringConvertible {
    let description: String
}

/// Schemas are built once per test process: reading every page takes a while.
actor SchemaCache {
    static let shared = SchemaCache()
    private var schemas: [String: ServiceSchema] = [:]

    func schema(_ name: String) async throws -> ServiceSchema {
        if let schema = schemas[name] { return schema }
        guard let config = try configuredServices().first(where: { $0.name == name }) else {
            throw MissingPages(description: "no service \(name) in spec/services.json")
        }
        let schema = try await onOwnThread { try buildSchema(config) }
        schemas[name] = schema
        return schema
    }
}

/// Builds one service's schema the way `apiref generate` does.
func buildSchema(_ config: ServiceConfig) throws -> ServiceSchema {
    let overrides = packageRoot.appending(path: "spec/\(config.fileStem).overrides.json")
    return SchemaBuilder.build(
        config: config, docsDirectory: packageRoot.appending(path: config.docs),
        overridesFile: FileManager.default.fileExists(atPath: overrides.path) ? overrides : nil,
        officialNames: try OfficialNames.load(for: config, root: packageRoot))
}

extension ServiceSchema {
    func operation(page: String) -> APISchema.Operation? { operations.first { $0.sourcePage == page } }

    func type(_ name: String?) -> NamedType? { types.first { $0.name == name } }

    func properties(of name: String?) -> [Property] {
        if case .object(let properties)? = type(name)?.kind { return properties }
        return []
    }
}
