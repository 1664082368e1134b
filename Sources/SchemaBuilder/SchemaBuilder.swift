import APISchema
import DocReader
import Foundation

/// Builds the intermediate schema of a service from its API reference pages.
public enum SchemaBuilder {
    /// Reads every page in `docsDirectory` and builds the service's schema. Never throws for bad pages: what
    /// could not be read is in `ServiceSchema.diagnostics`. `overridesFile` is `spec/<service>.overrides.json`.
    public static func build(config: ServiceConfig, docsDirectory: URL, overridesFile: URL?) -> ServiceSchema {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: docsDirectory.path)) ?? []
        let pages = files.filter { $0.lowercased().hasSuffix(".html") || $0.lowercased().hasSuffix(".htm") }.sorted()
            .compactMap { DocReader.parse(contentsOf: docsDirectory.appendingPathComponent($0)) }
        let toc = TableOfContents.load(docsDirectory.appendingPathComponent("CLASS.TXT.json"))
        var schema = build(config: config, pages: pages, tableOfContents: toc)
        if let overridesFile {
            OverrideApplier.apply(overridesFile, to: &schema)
            schema.operations.sort { $0.id < $1.id }
            schema.types.sort { $0.name < $1.name }
            schema.diagnostics.sort()
        }
        return schema
    }

    /// Builds the schema from pages already read. `tableOfContents` groups the operations.
    public static func build(config: ServiceConfig, pages: [DocPage], tableOfContents: TableOfContents = .init())
        -> ServiceSchema
    {
        var builder = Builder(pages: pages.sorted { $0.fileName < $1.fileName }, toc: tableOfContents)
        return builder.run(name: config.name, endpointPrefix: config.endpointPrefix)
    }
}

/// `CLASS.TXT.json`: the table of contents (title, page, code, parent code).
public struct TableOfContents: Sendable, Hashable {
    public struct Entry: Codable, Sendable, Hashable {
        public var title: String
        public var uri: String
        public var code: String
        public var p_code: String?

        public init(title: String, uri: String, code: String, p_code: String?) {
            self.title = title
            self.uri = uri
            self.code = code
            self.p_code = p_code
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    /// Reads the file; an empty table of contents when it is missing or unreadable.
    public static func load(_ url: URL) -> TableOfContents {
        guard let data = try? Data(contentsOf: url),
            let entries = try? JSONDecoder().decode([Entry].self, from: data)
        else { return TableOfContents() }
        return TableOfContents(entries: entries)
    }
}
