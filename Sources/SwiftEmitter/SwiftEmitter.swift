import APISchema
import Foundation
import Mustache

/// One emitted file, relative to `Generated/<Service>/`.
public struct GeneratedFile: Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Schema → Swift: builds a template context for every file of the module (all naming, typing and layout
/// decisions are taken here, in Swift) and renders it with the swift-mustache templates in `templatesDirectory`.
public struct SwiftEmitter: Sendable {
    public let templatesDirectory: URL

    public init(templatesDirectory: URL) {
        self.templatesDirectory = templatesDirectory
    }

    public enum EmitterError: Error, CustomStringConvertible {
        case missingTemplate(String, directory: String)
        case template(String, underlying: any Error)
        /// The schema of this service has no endpoint.
        case noEndpoint(String)

        public var description: String {
            switch self {
            case .noEndpoint(let service): "\(service): no endpoint (the pages state none and none is configured)"
            case .missingTemplate(let name, let directory): "template '\(name).mustache' not found in \(directory)"
            case .template(let name, let error): "template '\(name)': \(error)"
            }
        }
    }

    /// Renders the whole module for `schema` (paths relative to `Generated/<Service>/`), deterministically, files
    /// sorted by path. What the module leaves out of the schema (a waiter it cannot declare) goes to
    /// `diagnostics`, as warnings naming the operation and the reason.
    public func render(_ schema: ServiceSchema, diagnostics: inout DiagnosticCollector) throws -> [GeneratedFile] {
        try render(try SwiftModulePlan(schema: schema, diagnostics: &diagnostics).files, with: loadTemplates())
    }

    /// Renders the command group of `schema` for `otc` (paths relative to `Generated/<Service>CLI/`): a library
    /// module that links the service's library module and CloudCLI. Reports as ``render(_:diagnostics:)`` does,
    /// and the waits and options the commands leave out.
    public func renderCommandLine(_ schema: ServiceSchema, diagnostics: inout DiagnosticCollector) throws
        -> [GeneratedFile]
    {
        let module = try SwiftModulePlan(schema: schema, diagnostics: &diagnostics)
        return try render(
            SwiftCommandPlan(schema: schema, module: module, diagnostics: &diagnostics).files, with: loadTemplates())
    }

    /// Everything emitted for `schema`, planned once: the library, the `otc` command group that calls it, and
    /// the example round-trip table the generated-SDK tests use (kept out of the library). Reports as
    /// ``renderCommandLine(_:diagnostics:)`` does.
    public func renderModules(_ schema: ServiceSchema, diagnostics: inout DiagnosticCollector) throws
        -> RenderedModules
    {
        let module = try SwiftModulePlan(schema: schema, diagnostics: &diagnostics)
        let templates = try loadTemplates()
        return RenderedModules(
            library: try render(module.files, with: templates),
            commandLine: try render(
                SwiftCommandPlan(schema: schema, module: module, diagnostics: &diagnostics).files, with: templates),
            exampleRoundTrips: try render([module.exampleRoundTrips], with: templates))
    }

    /// `Generated/ExampleRoundTrips/ExampleRoundTripIndex.swift`: every service's round-trip table by name, in the
    /// order of `services` (the names of `spec/services.json`).
    public func renderExampleIndex(services: [String]) throws -> GeneratedFile {
        let entries = services.map { "\(SwiftNames.literal($0)): \($0)ExampleRoundTrips.all" }
        let file = SwiftModulePlan.File(
            path: "ExampleRoundTripIndex.swift", template: "examples-index",
            context: ExampleIndexContext(services: ListItemContext.list(entries)))
        return try render([file], with: loadTemplates())[0]
    }

    /// `Generated/OTCServices/OTCServices.swift`: the command group of every service in `services` (in their
    /// order), and the documentation each was generated from, which `otc` registers and `otc --version` reports.
    public func renderCommandIndex(services: [ServiceConfig]) throws -> GeneratedFile {
        let sources = services.map { config in
            let docsURL = config.docsURL.map { SwiftNames.literal($0.absoluteString) } ?? "nil"
            return "command: \(SwiftNames.literal(SwiftCommandPlan.commandName(forService: config.name))), "
                + "service: \(SwiftNames.literal(config.name)),\n"
                + "            docs: \(SwiftNames.literal(config.docs)),\n"
                + "            docsURL: \(docsURL)"
        }
        let file = SwiftModulePlan.File(
            path: "OTCServices.swift", template: "cli-index",
            context: CommandIndexContext(
                generatorVersion: SwiftNames.literal(Self.generatorVersion),
                modules: services.map { "\($0.name)CLI" },
                commands: ListItemContext.list(services.map { "\($0.name)CLI.\($0.name)Command.self" }),
                sources: ListItemContext.list(sources)))
        return try render([file], with: loadTemplates())[0]
    }

    /// The generator's version, which `otc --version` reports with the documentation of each service. Raised
    /// when what it generates from the same pages changes.
    public static let generatorVersion = "1.1.0"

    /// The files of one service, each list relative to its own folder and sorted by path.
    public struct RenderedModules: Sendable {
        /// `Generated/<Service>/`: the library product.
        public var library: [GeneratedFile]
        /// `Generated/<Service>CLI/`: the service's command group for `otc`.
        public var commandLine: [GeneratedFile]
        /// `Generated/ExampleRoundTrips/<Service>/`: test scaffolding, in no product.
        public var exampleRoundTrips: [GeneratedFile]
    }

    private func render(_ planned: [SwiftModulePlan.File], with library: MustacheLibrary) throws -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        for file in planned {
            guard library.getTemplate(named: file.template) != nil else {
                throw EmitterError.missingTemplate(file.template, directory: templatesDirectory.path)
            }
            let text = library.render(file.context, withTemplate: file.template) ?? ""
            files.append(GeneratedFile(path: file.path, contents: Self.tidy(text)))
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Every `*.mustache` file of the templates directory, by name without the extension.
    private func loadTemplates() throws -> MustacheLibrary {
        let names = try FileManager.default.contentsOfDirectory(atPath: templatesDirectory.path)
            .filter { $0.hasSuffix(".mustache") }.sorted()
        var library = MustacheLibrary()
        for fileName in names {
            let name = String(fileName.dropLast(".mustache".count))
            let text = try String(contentsOf: templatesDirectory.appendingPathComponent(fileName), encoding: .utf8)
            do {
                try library.register(text, named: name)
            } catch {
                throw EmitterError.template(name, underlying: error)
            }
        }
        return library
    }

    /// Trailing spaces removed, runs of blank lines collapsed to one, exactly one final newline.
    static func tidy(_ text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line
            while trimmed.last == " " { trimmed = trimmed.dropLast() }
            if trimmed.isEmpty, lines.last?.isEmpty ?? true { continue }
            // No blank line right after an opening brace or right before a closing one.
            if trimmed.isEmpty, lines.last?.hasSuffix("{") == true { continue }
            if trimmed.drop(while: { $0 == " " }).hasPrefix("}"), lines.last?.isEmpty == true { lines.removeLast() }
            lines.append(trimmed)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }
}
