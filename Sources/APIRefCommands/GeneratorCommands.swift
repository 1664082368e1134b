import APISchema
import ArgumentParser
import Foundation
import OpenAPIEmitter
import SchemaBuilder
import SchemaDiff

/// The generator's subcommands, shared by its two executables: `apiref` (all of them, and `fetch`) and
/// `apiref-generate` (what the SwiftPM plugins run, built without the network stack).
package enum GeneratorCommands {
    /// Every command that reads pages or schemas and writes `spec/`, `Generated/` or a report.
    package static let all: [any ParsableCommand.Type] = [
        Generate.self, Check.self, Diff.self, Report.self, OpenAPI.self, GenerateSwift.self,
    ]
    /// What the plugins run: `generate` (the command plugin) and `generate-swift` (the build plugin).
    package static let plugins: [any ParsableCommand.Type] = [Generate.self, GenerateSwift.self]
    /// Where the commands run.
    package static let discussion = "Run from the package root: paths in spec/services.json are relative to it."
}

/// What `generate` and `check` render: every configured service or one, failing on error diagnostics (and on
/// warnings with `--strict`).
struct ServiceSelection: ParsableArguments {
    @Option(help: "Only this service (a name from spec/services.json).")
    var service: String?

    @Flag(help: "Fail on warnings too, not only on errors (unreadable pages, lost API pages, broken overrides).")
    var strict = false

    /// The selected services' outputs, once their diagnostics passed.
    func render(with pipeline: Pipeline) async throws -> [ServiceOutput] {
        let outputs = try await pipeline.renderAll(try pipeline.workspace.services(only: service))
        try pipeline.checkDiagnostics(outputs, strict: strict)
        return outputs
    }
}

/// `apiref generate`: rewrites `spec/` and `Generated/` for every configured service.
struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Regenerate spec/<service>.json, spec/<service>.openapi.json and Generated/<Service>/.",
        discussion: "Writes only files whose content changes and deletes generated .swift files that are no "
            + "longer produced.")

    @OptionGroup var selection: ServiceSelection

    func run() async throws {
        let pipeline = try Pipeline(workspace: Workspace())
        let outputs = try await selection.render(with: pipeline)
        for file in try pipeline.sharedFiles() where try SpecFiles.writeIfChanged(file.data, to: pipeline.workspace.url(file.path)) {
            print("written: \(file.path)")
        }
        for output in outputs {
            let apiChanges = pipeline.apiChanges(for: output)
            let changes = try pipeline.apply(output)
            let deleted = changes.filter { if case .delete = $0 { true } else { false } }.count
            let schema = output.schema
            print(
                "\(schema.name): \(schema.operations.count) operations, \(schema.types.count) types, "
                    + "\(schema.diagnostics.count) diagnostics; \(changes.count - deleted) of "
                    + "\(output.files.count) files written, \(deleted) stale deleted")
            if let apiChanges { print("  " + apiChanges.summary) }
        }
    }
}

/// `apiref check`: fails when `spec/` or `Generated/` is not what the pages and templates produce.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Exit non-zero when spec/ or Generated/ differ from what the pages and templates produce.")

    @OptionGroup var selection: ServiceSelection

    func run() async throws {
        let pipeline = try Pipeline(workspace: Workspace())
        let outputs = try await selection.render(with: pipeline)
        let changes = outputs.flatMap { pipeline.changes(for: $0) } + (try pipeline.sharedFileChanges())
        guard changes.isEmpty else {
            for change in changes { print(change) }
            for output in outputs {
                guard let apiChanges = pipeline.apiChanges(for: output), !apiChanges.changes.isEmpty else { continue }
                print(apiChanges.summary + ", against the committed schema:")
                apiChanges.lines().forEach { print($0) }
            }
            print("\(changes.count) file(s) out of date: run `swift run apiref generate`")
            throw ExitCode.failure
        }
        print("up to date: \(outputs.map(\.config.name).joined(separator: ", "))")
    }
}

/// `apiref report`: coverage and diagnostics per service.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print per-service figures: pages read and skipped (by reason), operations, types, typed "
            + "properties, parameters, examples, diagnostics.")

    @Option(help: "Only this service (a name from spec/services.json).")
    var service: String?

    @Flag(help: "List every diagnostic.")
    var diagnostics = false

    @Flag(help: "List every skipped page under its reason.")
    var pages = false

    func run() async throws {
        let pipeline = try Pipeline(workspace: Workspace())
        let outputs = try await pipeline.renderAll(try pipeline.workspace.services(only: service))
        for output in outputs {
            let report = SchemaReport(schema: output.schema, diagnostics: output.diagnostics.diagnostics)
            print(report.lines(includeDiagnostics: diagnostics, includePages: pages).joined(separator: "\n"))
        }
    }
}

/// `apiref openapi <docs-dir>`: any folder of pages → one OpenAPI document.
struct OpenAPI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Read a folder of API reference pages (any service) and write its OpenAPI 3.1 document.")

    @Argument(help: "Folder of API reference pages.")
    var docsDirectory: String

    @Option(help: "Service name (the document title).")
    var service: String

    @Option(help: "Endpoint prefix, for a service whose pages state no endpoint (default: the one the pages state).")
    var endpointPrefix: String?

    @Option(help: "Overrides file (spec/<service>.overrides.json format).")
    var overrides: String?

    @Option(help: "The official SDKs' API names (spec/<service>.names.json format), for pages that carry none.")
    var officialNames: String?

    @Option(name: .shortAndLong, help: "Where to write the document.")
    var output: String

    func run() async throws {
        let config = ServiceConfig(
            name: service, docs: docsDirectory, endpointPrefix: endpointPrefix)
        let schema = try Pipeline.schema(
            config: config, docsDirectory: URL(fileURLWithPath: docsDirectory, isDirectory: true),
            overridesFile: overrides.map { URL(fileURLWithPath: $0) },
            officialNames: try officialNames.map { try OfficialNames.load(URL(fileURLWithPath: $0)) } ?? .none)
        var diagnostics = DiagnosticCollector(schema.diagnostics)
        let document = try OpenAPIEmitter.documentJSON(for: schema, diagnostics: &diagnostics)
        try SpecFiles.writeIfChanged(document, to: URL(fileURLWithPath: output))
        print(
            "\(schema.name): \(schema.operations.count) operations, \(schema.types.count) types, "
                + "\(diagnostics.diagnostics.count) diagnostics → \(output)")
    }
}
