import Foundation
import PackagePlugin

/// Generates a service's Swift SDK at build time, for consumers who don't commit generated code.
///
/// Put the intermediate schema (`spec/<service>.json`, as `apiref generate` writes it) into the consumer target,
/// named `<anything>.apiref.json`, and add `plugins: [.plugin(name: "GenerateSDKBuildPlugin", package: "apiref")]`
/// to the target. A `templates` folder beside the schema replaces the generator's own templates. A
/// `<anything>.apiref-config.json` beside it, `{"operations": ["ListVolumes", …]}`, generates only those operations
/// and the models they need (as swift-openapi-generator's `filter`): a target that calls three operations of a
/// large service compiles three.
///
/// A build command must name its outputs before it runs, but the number of files depends on the schema, so the
/// generator writes a fixed number of shards (`<Target>+SDK1.swift` …), the emitted files spread over them so the
/// compiler still works in parallel.
@main
struct GenerateSDKBuildPlugin: BuildToolPlugin {
    static let shards = 8

    /// The generator's own `templates/`, in the package this plugin was built from.
    static let ownTemplates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "templates")

    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let schemas = module.sourceFiles(withSuffix: ".apiref.json").map(\.url)
            .sorted { $0.path < $1.path }
        guard !schemas.isEmpty else { return [] }
        // `apiref generate-swift`, from the executable that links no HTTP client (it is built again for the host).
        let apiref = try context.tool(named: "apiref-generate")

        return try schemas.map { schema in
            // A `templates` folder beside the schema replaces the generator's own templates. Either way the
            // templates are inputs of the command, so editing one regenerates the SDK.
            let custom = schema.deletingLastPathComponent().appending(path: "templates")
            let templates = FileManager.default.fileExists(atPath: custom.path) ? custom : Self.ownTemplates
            let listed = try? FileManager.default.contentsOfDirectory(at: templates, includingPropertiesForKeys: nil)
            let templateFiles = (listed ?? []).filter { $0.pathExtension == "mustache" }.sorted { $0.path < $1.path }
            let stem = schema.deletingPathExtension().deletingPathExtension().lastPathComponent
            let output = context.pluginWorkDirectoryURL.appending(path: stem)
            let outputs = (1...Self.shards).map { output.appending(path: "\(target.name)+\(stem)\($0).swift") }
            let config = schema.deletingLastPathComponent().appending(path: "\(stem).apiref-config.json")
            let hasConfig = FileManager.default.fileExists(atPath: config.path)
            let operations = hasConfig ? try Self.operations(in: config) : []
            let arguments = [
                "generate-swift", "--schema", schema.path, "--output", output.path, "--templates", templates.path,
                "--shards", String(Self.shards), "--shard-prefix", "\(target.name)+\(stem)",
            ] + operations.flatMap { ["--operation", $0] }
            return .buildCommand(
                displayName: "Generating Swift SDK from \(schema.lastPathComponent)",
                executable: apiref.url,
                arguments: arguments,
                inputFiles: [schema] + (hasConfig ? [config] : []) + templateFiles,
                outputFiles: outputs)
        }
    }

    /// The operations a `<stem>.apiref-config.json` lists (`{"operations": [...]}`); all when it lists none.
    static func operations(in config: URL) throws -> [String] {
        struct Config: Decodable { var operations: [String]? }
        return try JSONDecoder().decode(Config.self, from: Data(contentsOf: config)).operations ?? []
    }
}
