import APISchema
import Foundation

/// The package layout the generator reads and writes, relative to the package root (the current directory).
package struct Workspace: Sendable {
    package let root: URL

    package init(root: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)) {
        self.root = root
    }

    var servicesFile: URL { root.appending(path: "spec/services.json") }
    /// `spec/vocabulary.json`: the cloud's initialisms beyond the configured service names.
    var vocabularyFile: URL { root.appending(path: "spec/vocabulary.json") }
    var templatesDirectory: URL { root.appending(path: "templates", directoryHint: .isDirectory) }

    /// `spec/<stem>.json`, relative to the root.
    func schemaPath(_ config: ServiceConfig) -> String { "spec/\(config.fileStem).json" }
    /// `spec/<stem>.openapi.json`, relative to the root.
    func openAPIPath(_ config: ServiceConfig) -> String { "spec/\(config.fileStem).openapi.json" }
    /// `spec/<stem>.overrides.json`, relative to the root.
    func overridesPath(_ config: ServiceConfig) -> String { "spec/\(config.fileStem).overrides.json" }
    /// `Generated/<Name>`, relative to the root.
    func generatedDirectory(_ config: ServiceConfig) -> String { "Generated/\(config.name)" }
    /// `Generated/<Name>CLI`, the service's command group for `otc`, relative to the root.
    func generatedCommandLineDirectory(_ config: ServiceConfig) -> String { "Generated/\(config.name)CLI" }
    /// `Generated/ExampleRoundTrips/<Name>`: the test target's round-trip table, relative to the root.
    func generatedExamplesDirectory(_ config: ServiceConfig) -> String { "Generated/ExampleRoundTrips/\(config.name)" }

    package func url(_ relativePath: String) -> URL { root.appending(path: relativePath) }

    /// The services of `spec/services.json`, or only the one named `only` (case-insensitive).
    package func services(only: String? = nil) throws -> [ServiceConfig] {
        guard FileManager.default.fileExists(atPath: servicesFile.path) else {
            throw PipelineError("spec/services.json not found: run apiref from the package root")
        }
        let all = try ServiceConfig.load(from: servicesFile)
        guard let only else { return all }
        let selected = all.filter { $0.name.lowercased() == only.lowercased() }
        guard !selected.isEmpty else {
            throw PipelineError(
                "no service named \(only) in spec/services.json (known: \(all.map(\.name).joined(separator: ", ")))")
        }
        return selected
    }

    /// The initialisms every schema carries: `spec/vocabulary.json`'s and the configured services' names.
    func initialisms() throws -> [String] {
        let vocabulary: Vocabulary
        do {
            vocabulary = try Vocabulary.load(from: vocabularyFile)
        } catch {
            throw PipelineError("spec/vocabulary.json cannot be read: \(error)")
        }
        return vocabulary.initialisms(of: try services())
    }
}

/// A failure the CLI reports as one line.
package struct PipelineError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
