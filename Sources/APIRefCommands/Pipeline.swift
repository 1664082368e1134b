import APISchema
import Foundation
import OpenAPIEmitter
import SchemaBuilder
import SchemaDiff
import SwiftEmitter

/// Everything the generator produces for one service, in memory: the schema and the bytes of every output file.
struct ServiceOutput: Sendable {
    let config: ServiceConfig
    let schema: ServiceSchema
    /// The schema's diagnostics and what the emitters reported rendering it (those are in no file).
    let diagnostics: DiagnosticCollector
    /// Output files by path relative to the package root.
    let files: [String: Data]
    /// The `Generated/` folders the Swift emitter produced, relative to the package root; other `.swift` files
    /// in them are stale.
    let generatedDirectories: [String]
}

/// One difference between what the generator produces and what is on disk.
enum FileChange: Hashable, Comparable, CustomStringConvertible {
    case create(String)
    case update(String)
    case delete(String)

    var path: String {
        switch self {
        case .create(let path), .update(let path), .delete(let path): path
        }
    }

    var description: String {
        switch self {
        case .create(let path): "missing:  \(path)"
        case .update(let path): "differs:  \(path)"
        case .delete(let path): "stale:    \(path)"
        }
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.path < rhs.path }
}

/// The shared core of `generate`, `check` and `report`: read pages, build the schema, render every output into
/// a path → bytes map, compare it with the disk and write what changed.
struct Pipeline: Sendable {
    let workspace: Workspace
    /// The configured vocabulary's initialisms, read once for every service's schema.
    let initialisms: [String]

    init(workspace: Workspace) throws {
        self.workspace = workspace
        initialisms = try workspace.initialisms()
    }

    /// Builds the schema of a folder of pages; a missing folder is an error, a bad page is a diagnostic.
    static func schema(
        config: ServiceConfig, docsDirectory: URL, overridesFile: URL?, officialNames: OfficialNames = .none,
        initialisms: [String] = []
    ) throws -> ServiceSchema {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: docsDirectory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw PipelineError("docs folder not found: \(docsDirectory.relativePath) (service \(config.name))")
        }
        return SchemaBuilder.build(
            config: config, docsDirectory: docsDirectory, overridesFile: overridesFile, officialNames: officialNames,
            initialisms: initialisms)
    }

    /// Builds one configured service's schema, with its overrides file when there is one. Overrides that do not
    /// apply are error diagnostics: `checkDiagnostics` fails the run on them.
    func schema(_ config: ServiceConfig) throws -> ServiceSchema {
        let overrides = workspace.url(workspace.overridesPath(config))
        let officialNames: OfficialNames
        do {
            officialNames = try OfficialNames.load(for: config, root: workspace.root)
        } catch {
            throw PipelineError(
                "official names table \(config.officialNames ?? "") cannot be read (service \(config.name)): \(error)")
        }
        return try Self.schema(
            config: config, docsDirectory: workspace.url(config.docs),
            overridesFile: FileManager.default.fileExists(atPath: overrides.path) ? overrides : nil,
            officialNames: officialNames, initialisms: initialisms)
    }

    /// Prints each service's warnings (the builder's and the emitters'), counted by kind, on stderr; throws the
    /// list of errors (and, with `strict`, of warnings) when there are any, before anything is written or compared.
    func checkDiagnostics(_ outputs: [ServiceOutput], strict: Bool) throws {
        var failures: [String] = []
        for output in outputs {
            let diagnostics = output.diagnostics
            FileHandle.standardError.write(Data("\(output.config.name): \(diagnostics.warningSummary)\n".utf8))
            let failing = diagnostics.failing(strict: strict)
            if !failing.isEmpty {
                failures.append("\(output.config.name): \(DiagnosticFailure(diagnostics: failing))")
            }
        }
        guard failures.isEmpty else {
            throw PipelineError(failures.joined(separator: "\n") + "\nnothing written: fix the pages, the table of contents or the overrides named above")
        }
    }

    /// Builds every service's schema concurrently; results are in configuration order.
    func schemas(_ configs: [ServiceConfig]) async throws -> [ServiceSchema] {
        try await concurrently(configs, schema)
    }

    /// Builds one service and renders all of its outputs in memory.
    func render(_ config: ServiceConfig) throws -> ServiceOutput {
        let schema = try schema(config)
        var diagnostics = DiagnosticCollector(schema.diagnostics)
        var files: [String: Data] = [
            workspace.schemaPath(config): try SpecFiles.canonicalJSON(schema),
            workspace.openAPIPath(config): try OpenAPIEmitter.documentJSON(for: schema, diagnostics: &diagnostics),
        ]
        let swift = try SwiftEmitter(templatesDirectory: workspace.templatesDirectory)
            .renderModules(schema, diagnostics: &diagnostics)
        var generatedDirectories: [String] = []
        for (directory, swiftFiles) in [
            (workspace.generatedDirectory(config), swift.library),
            (workspace.generatedCommandLineDirectory(config), swift.commandLine),
            (workspace.generatedExamplesDirectory(config), swift.exampleRoundTrips),
        ] where !swiftFiles.isEmpty {
            generatedDirectories.append(directory)
            for file in swiftFiles {
                files[directory + "/" + file.path] = Data(file.contents.utf8)
            }
        }
        return ServiceOutput(
            config: config, schema: schema, diagnostics: diagnostics, files: files,
            generatedDirectories: generatedDirectories)
    }

    /// Renders every service concurrently; results are in configuration order.
    func renderAll(_ configs: [ServiceConfig]) async throws -> [ServiceOutput] {
        try await concurrently(configs, render)
    }

    /// `work` applied to every service in parallel (the pages of one service are independent of the others').
    private func concurrently<Result: Sendable>(
        _ configs: [ServiceConfig], _ work: @escaping @Sendable (ServiceConfig) throws -> Result
    ) async throws -> [Result] {
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            for (index, config) in configs.enumerated() {
                group.addTask { (index, try work(config)) }
            }
            var results: [(Int, Result)] = []
            for try await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The API changes of `output` against the schema committed in `spec/` (`nil` when none is committed yet or
    /// it cannot be read).
    func apiChanges(for output: ServiceOutput) -> APIDiff? {
        let path = workspace.schemaPath(output.config)
        guard let data = try? Data(contentsOf: workspace.url(path)),
            let committed = try? JSONDecoder().decode(ServiceSchema.self, from: data)
        else { return nil }
        return SchemaDiffer.diff(old: committed, new: output.schema, oldLabel: path, newLabel: output.config.docs)
    }

    /// The generated files that span services, whichever services a run renders: the example round trips of every
    /// configured service by name (`Generated/ExampleRoundTrips/ExampleRoundTripIndex.swift`), the command groups
    /// `otc` registers (`Generated/OTCServices/OTCServices.swift`), and the service list
    /// in `Package.swift`, which SwiftPM compiles a target per service from. Only a workspace that is the SDK's
    /// package (its `Package.swift` has the generated service list) has them; a folder that only holds specs and
    /// generated sources does not.
    func sharedFiles() throws -> [(path: String, data: Data)] {
        let manifest = workspace.url("Package.swift")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains(ManifestServices.begin) else {
            return []
        }
        let configs = try workspace.services()
        let services = configs.map(\.name)
        let emitter = SwiftEmitter(templatesDirectory: workspace.templatesDirectory)
        let index = try emitter.renderExampleIndex(services: services)
        let commands = try emitter.renderCommandIndex(services: configs)
        return [
            ("Generated/ExampleRoundTrips/" + index.path, Data(index.contents.utf8)),
            ("Generated/OTCServices/" + commands.path, Data(commands.contents.utf8)),
            ("Package.swift", Data(try ManifestServices.rewrite(text, services: services).utf8)),
        ]
    }

    /// The shared files that differ from what the configuration makes, sorted by path.
    func sharedFileChanges() throws -> [FileChange] {
        try sharedFiles().compactMap { file in
            guard let existing = try? Data(contentsOf: workspace.url(file.path)) else { return .create(file.path) }
            return existing == file.data ? nil : .update(file.path)
        }.sorted()
    }

    /// How the disk differs from `output`, sorted by path.
    func changes(for output: ServiceOutput) -> [FileChange] {
        var changes: [FileChange] = []
        for (path, data) in output.files {
            guard let existing = try? Data(contentsOf: workspace.url(path)) else {
                changes.append(.create(path))
                continue
            }
            if existing != data { changes.append(.update(path)) }
        }
        changes += stalePaths(for: output).map(FileChange.delete)
        return changes.sorted()
    }

    /// `.swift` files in the service's `Generated/` folders (recursively) that the emitter no longer produces.
    func stalePaths(for output: ServiceOutput) -> [String] {
        var stale: [String] = []
        for generatedDirectory in output.generatedDirectories {
            let directory = workspace.url(generatedDirectory)
            guard
                let enumerator = FileManager.default.enumerator(
                    at: directory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
            else { continue }
            let base = directory.standardizedFileURL.path
            for case let url as URL in enumerator where url.pathExtension == "swift" {
                let full = url.standardizedFileURL.path
                guard full.hasPrefix(base + "/") else { continue }
                let relative = generatedDirectory + "/" + full.dropFirst(base.count + 1)
                if output.files[relative] == nil { stale.append(relative) }
            }
        }
        return stale.sorted()
    }

    /// Writes the files whose content changed and deletes stale generated files; returns what it did.
    @discardableResult
    func apply(_ output: ServiceOutput) throws -> [FileChange] {
        let changes = changes(for: output)
        for change in changes {
            let url = workspace.url(change.path)
            switch change {
            case .create(let path), .update(let path):
                try SpecFiles.writeIfChanged(output.files[path]!, to: url)
            case .delete:
                try FileManager.default.removeItem(at: url)
                try removeIfEmpty(url.deletingLastPathComponent())
            }
        }
        return changes
    }

    /// Removes a folder of `Generated/` that its last file left (a group that is gone).
    private func removeIfEmpty(_ folder: URL) throws {
        let contents = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        guard contents.isEmpty else { return }
        try FileManager.default.removeItem(at: folder)
    }
}
