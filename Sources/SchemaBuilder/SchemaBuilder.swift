import APISchema
import DocReader
import Foundation

/// Builds the intermediate schema of a service from its API reference pages.
public enum SchemaBuilder {
    /// Reads every page below `docsDirectory` (recursively; either layout) and builds the service's schema. Never
    /// throws for bad pages: what could not be read is in `ServiceSchema.diagnostics`. `overridesFile` is
    /// `spec/<service>.overrides.json`; `initialisms` are the configured vocabulary's
    /// (``Vocabulary/initialisms(of:)``), carried by the schema for the emitters.
    public static func build(
        config: ServiceConfig, docsDirectory: URL, overridesFile: URL?, officialNames: OfficialNames = .none,
        initialisms: [String] = []
    ) -> ServiceSchema {
        build(
            config: config, source: PageSource(reading: docsDirectory), overridesFile: overridesFile,
            officialNames: officialNames, initialisms: initialisms)
    }

    /// Builds the schema from a folder's pages as read, then applies the overrides, replaces the bodies that are an
    /// entity of the service by that entity (``EntityBodies``), keeps one object type per shape
    /// (``IdenticalShapes``) and finds the paginators in what results (``PaginatorRule``). The result does not
    /// depend on the order of `source.pages`.
    public static func build(
        config: ServiceConfig, source: PageSource, overridesFile: URL?, officialNames: OfficialNames = .none,
        initialisms: [String] = []
    ) -> ServiceSchema {
        let toc = source.exportContents ?? TableOfContents(indexPages: source.pages)
        var schema = read(
            config: config, pages: source.pages, tableOfContents: toc, officialNames: officialNames,
            initialisms: initialisms)
        schema.diagnostics = (schema.diagnostics + source.unreadable).sorted()
        let unreadablePages = source.unreadable.filter { $0.id == .unreadablePage }.map {
            PageCensus.SkippedPage(page: $0.location.page, reason: "page cannot be read")
        }
        schema.pageCensus.pagesFound += unreadablePages.count
        schema.pageCensus.skipped = (schema.pageCensus.skipped + unreadablePages).sorted()
        if let overridesFile {
            OverrideApplier.apply(overridesFile, to: &schema)
            schema.operations.sort { $0.id < $1.id }
            schema.types.sort { $0.name < $1.name }
            schema.diagnostics.sort()
        }
        EntityBodies.unify(&schema)
        IdenticalShapes.unify(&schema)
        return PaginatorRule.apply(to: schema)
    }

    /// Builds the schema from pages already read, with its paginators. `tableOfContents` groups the operations;
    /// `officialNames` names the pages that carry no API name of their own.
    public static func build(
        config: ServiceConfig, pages: [DocPage], tableOfContents: TableOfContents = .init(),
        officialNames: OfficialNames = .none, initialisms: [String] = []
    ) -> ServiceSchema {
        PaginatorRule.apply(
            to: read(
                config: config, pages: pages, tableOfContents: tableOfContents, officialNames: officialNames,
                initialisms: initialisms))
    }

    /// The schema of the pages, before overrides and without paginators: those come last, as they read the final
    /// names and types.
    private static func read(
        config: ServiceConfig, pages: [DocPage], tableOfContents: TableOfContents, officialNames: OfficialNames,
        initialisms: [String]
    ) -> ServiceSchema {
        var builder = Builder(
            pages: pages.sorted { $0.path < $1.path }, toc: tableOfContents, officialNames: officialNames)
        var schema = builder.run(name: config.name)
        schema.officialScope = officialNames.scope
        schema.initialisms = initialisms
        EndpointReader.resolve(&schema, pages: pages, configuredPrefix: config.endpointPrefix)
        schema.waiters = WaiterRule.waiters(in: schema)
        let errorCodes = ErrorCodeReader.errorCodes(in: pages, apiPages: Set(schema.operations.map(\.sourcePage)))
        schema.errorCodes = errorCodes.codes
        schema.diagnostics = (schema.diagnostics + errorCodes.diagnostics).sorted()
        ErrorBodies.unify(&schema)
        return schema
    }
}

/// The table of contents: entries (title, page, code, parent code) in reading order, as `CLASS.TXT.json` has them.
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

    /// Reads a `CLASS.TXT.json`; throws when it cannot be read or is not a list of entries.
    public static func load(_ url: URL) throws -> TableOfContents {
        TableOfContents(entries: try JSONDecoder().decode([Entry].self, from: Data(contentsOf: url)))
    }

    /// The site's table of contents, from its chapter pages: every folder's `index.html` lists the folder's pages
    /// and sub-chapters in reading order. Entries are in that order, depth first from the root `index.html`; pages
    /// a chapter does not link come after its linked ones; each entry's parent is its chapter's index page.
    public init(indexPages pages: [DocPage]) {
        let byPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        func isIndex(_ path: String) -> Bool { path == "index.html" || path.hasSuffix("/index.html") }
        /// The index page of the nearest folder above `path` that has one.
        func chapter(of path: String) -> String? {
            var folders = path.split(separator: "/").dropLast()
            while true {
                let index = (folders + ["index.html"]).joined(separator: "/")
                if index != path, byPath[index] != nil { return index }
                guard !folders.isEmpty else { return nil }
                folders.removeLast()
            }
        }
        var entries: [Entry] = []
        var listed: Set<String> = []
        func visit(_ index: DocPage, parent: String?) {
            guard listed.insert(index.path).inserted else { return }
            entries.append(Entry(title: index.title, uri: index.path, code: index.path, p_code: parent))
            for link in index.blocks.flatMap(\.links) {
                guard let target = link.targetPage(from: index.path), let page = byPath[target] else { continue }
                if isIndex(target) {
                    visit(page, parent: index.path)
                } else if listed.insert(target).inserted {
                    entries.append(Entry(title: page.title, uri: target, code: target, p_code: index.path))
                }
            }
        }
        let paths = byPath.keys.sorted()
        for path in paths where isIndex(path) && chapter(of: path) == nil { visit(byPath[path]!, parent: nil) }
        for path in paths where !listed.contains(path) {
            guard let parent = chapter(of: path) else { continue }
            entries.append(Entry(title: byPath[path]!.title, uri: path, code: path, p_code: parent))
        }
        self.entries = entries
    }
}

/// The pages of one docs folder, as read: what the schema is built from.
public struct PageSource: Sendable {
    /// The pages that could be read, in file order.
    public var pages: [DocPage]
    /// One error per page that could not be read, and one for an unreadable table of contents.
    public var unreadable: [Diagnostic]
    /// The export layout's table of contents (`CLASS.TXT.json`); `nil` for the site, whose chapter index pages
    /// hold it.
    public var exportContents: TableOfContents?

    /// Reads every page below `docsDirectory`, recursively.
    public init(reading docsDirectory: URL) {
        let paths = DocReader.pagePaths(in: docsDirectory)
        let parsed = DocReader.parse(pages: paths, in: docsDirectory)
        pages = parsed.compactMap { $0 }
        unreadable = zip(paths, parsed).filter { $0.1 == nil }.map {
            Diagnostic(.unreadablePage, SourceLocation(page: $0.0), "page cannot be read, skipped")
        }
        let contents = docsDirectory.appendingPathComponent("CLASS.TXT.json")
        exportContents = nil
        guard FileManager.default.fileExists(atPath: contents.path) else { return }
        do {
            exportContents = try TableOfContents.load(contents)
        } catch {
            exportContents = TableOfContents()
            unreadable.append(
                Diagnostic(
                    .unreadableTOC, SourceLocation(page: contents.lastPathComponent),
                    "table of contents cannot be read (\(Self.reason(error))), groups follow the paths"))
        }
    }

    /// A short reason for a failed read: the decoder's description, not its whole context.
    static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error { return context.debugDescription }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        return (error as NSError).localizedDescription
    }
}
