import APISchema
import ArgumentParser
import Foundation
import SchemaDiff

/// `apiref diff <old> <new>`: what changed in a service's API, classified for users of the generated Swift SDK.
struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report the API changes between two versions of a service, with the breaking ones named.",
        discussion: """
            Each side is a schema file (spec/ecs.json), a folder of API reference pages of either layout (read as \
            it is, without overrides), or git:<revision> (the service's committed schema at that revision; needs \
            --service). Changes are classified as breaking at source level, breaking at run time, or compatible \
            (see the README), and a semantic-version step is suggested.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case breaking
    }

    @Argument(help: "The old side: a schema file, a folder of pages, or git:<revision>.")
    var old: String

    @Argument(help: "The new side: a schema file, a folder of pages, or git:<revision>.")
    var new: String

    @Option(help: "The service (a name from spec/services.json): which schema git:<revision> means, and the name and endpoint prefix of a folder.")
    var service: String?

    @Option(help: "markdown (a report for a pull request or a CHANGELOG) or json.")
    var format: Format = .markdown

    @Option(name: .customLong("fail-on"), help: "Exit with status 1 when there is a breaking change.")
    var failOn: FailOn?

    func run() async throws {
        let sources = SchemaSources(workspace: Workspace(), service: service)
        let clock = ContinuousClock()
        let start = clock.now
        async let before = sources.load(old)
        async let after = sources.load(new)
        let (oldSchema, newSchema) = (try await before, try await after)
        let read = clock.now
        let diff = SchemaDiffer.diff(old: oldSchema, new: newSchema, oldLabel: old, newLabel: new)
        // Timings on standard error, so that the report on standard output stays as it is.
        FileHandle.standardError.write(
            Data("read both sides in \(read - start), compared them in \(clock.now - read)\n".utf8))
        switch format {
        case .markdown: print(diff.markdown(), terminator: "")
        case .json: FileHandle.standardOutput.write(try diff.json())
        }
        if failOn == .breaking, !diff.breaking.isEmpty { throw ExitCode.failure }
    }
}

/// Reads one side of a diff: a schema file, a folder of pages, or a committed schema at a git revision.
struct SchemaSources: Sendable {
    let workspace: Workspace
    let service: String?

    func load(_ side: String) async throws -> ServiceSchema {
        if side.hasPrefix("git:") {
            let config = try serviceConfig(for: side)
            return try decode(try gitShow(String(side.dropFirst(4)), workspace.schemaPath(config)), side)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: side, isDirectory: &isDirectory) else {
            throw PipelineError("\(side): no such file or folder (nor git:<revision>)")
        }
        let url = URL(fileURLWithPath: side, isDirectory: isDirectory.boolValue)
        guard isDirectory.boolValue else { return try decode(try Data(contentsOf: url), side) }
        let config =
            try service.map { try serviceConfig(for: side, named: $0) }
            ?? ServiceConfig(name: url.lastPathComponent, docs: side, endpointPrefix: nil)
        return try await Task.detached { try Pipeline.schema(config: config, docsDirectory: url, overridesFile: nil) }.value
    }

    private func serviceConfig(for side: String, named name: String? = nil) throws -> ServiceConfig {
        guard let name = name ?? service else { throw PipelineError("\(side) needs --service to name the service") }
        return try workspace.services(only: name)[0]
    }

    private func decode(_ data: Data, _ side: String) throws -> ServiceSchema {
        do {
            return try JSONDecoder().decode(ServiceSchema.self, from: data)
        } catch {
            throw PipelineError("\(side) is not a schema written by apiref: \(error)")
        }
    }

    /// `git show <revision>:<path>`, run in the package root.
    private func gitShow(_ revision: String, _ path: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "show", "\(revision):\(path)"]
        process.currentDirectoryURL = workspace.root
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw PipelineError("git show \(revision):\(path) failed: \(String(decoding: message, as: UTF8.self))")
        }
        return data
    }
}
