import APISchema
import Foundation
import TestSupport
import Testing

/// The `apiref` command as CI, the build plugin and users run it: the built executable in a child process. Commands
/// that write run on a temporary copy of what they read, never on the repository. EVS only: the smallest service.
@Suite struct APIRefCommandTests {
    /// Runs the `apiref` built next to the test bundle (or in `.build/debug`) in `directory`.
    static func apiref(_ arguments: [String], in directory: URL) async throws -> ChildProcess {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appending(path: "apiref"),
            packageRoot.appending(path: ".build/debug/apiref"),
        ]
        let executable = try #require(
            candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) },
            "apiref not built: run `swift build --build-tests` first")
        return try await ChildProcess.run(executable, arguments, in: directory)
    }

    static func evs() throws -> ServiceConfig {
        try #require(try configuredServices().first { $0.name == "EVS" })
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "apiref-command-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A package root holding what `check` and `generate` read for EVS (apiref works in the current directory):
    /// services.json, vocabulary.json, the schema (the baseline of the API changes), the overrides, templates/ and
    /// both Generated/ folders. services.json paths are relative to the root, so the copy's file names the real pages
    /// by a `../…` path from its resolved location (no symbolic link into the repository that a cleanup could
    /// follow).
    static func copyOfEVS() throws -> URL {
        let config = try evs()
        let root = try temporaryDirectory().resolvingSymlinksInPath()
        let fileManager = FileManager.default
        for folder in ["spec", "Generated"] {
            try fileManager.createDirectory(at: root.appending(path: folder), withIntermediateDirectories: true)
        }
        var paths = [
            "templates", "spec/vocabulary.json", "spec/\(config.fileStem).json", "spec/\(config.fileStem).openapi.json",
            "Generated/\(config.name)", "Generated/\(config.name)CLI", "Generated/ExampleRoundTrips/\(config.name)",
        ]
        if fileManager.fileExists(atPath: packageRoot.appending(path: "spec/\(config.fileStem).overrides.json").path) {
            paths.append("spec/\(config.fileStem).overrides.json")
        }
        if let names = config.officialNames { paths.append(names) }
        for path in paths {
            try fileManager.copyItem(at: packageRoot.appending(path: path), to: root.appending(path: path))
        }
        let pages = packageRoot.appending(path: config.docs).resolvingSymlinksInPath().path
        let docs = String(repeating: "../", count: root.pathComponents.count - 1) + pages.dropFirst()
        // Every configured service stays configured (their names are the vocabulary the schema carries); only
        // EVS is ever read, by `--service EVS`.
        let services = try configuredServices().map { service in
            guard service.name == config.name else { return service }
            return ServiceConfig(
                name: config.name, docs: docs, endpointPrefix: config.endpointPrefix,
                officialNames: config.officialNames)
        }
        try SpecFiles.canonicalJSON(services).write(to: root.appending(path: "spec/services.json"))
        return root
    }

    @Test func checkExitsOneAndNamesEveryDriftedFile() async throws {
        let root = try Self.copyOfEVS()
        defer { try? FileManager.default.removeItem(at: root) }
        // The unmodified copy is current: the failure below comes from the drift alone.
        let clean = try await Self.apiref(["check", "--service", "EVS"], in: root)
        #expect(clean.status == 0, "\(clean)")
        #expect(clean.stdout.contains("up to date: EVS"), "\(clean)")

        // One drift of each kind check reports: a differing spec file and Swift file, a missing one, a stale one.
        let client = root.appending(path: "Generated/EVS/EVSClient.swift")
        try (try String(contentsOf: client, encoding: .utf8) + "// edited by hand\n").write(
            to: client, atomically: true, encoding: .utf8)
        try Data("{}\n".utf8).write(to: root.appending(path: "spec/evs.openapi.json"))
        let cli = try #require(
            try FileManager.default.contentsOfDirectory(atPath: root.appending(path: "Generated/EVSCLI").path)
                .filter { $0.hasSuffix(".swift") }.sorted().first)
        try FileManager.default.removeItem(at: root.appending(path: "Generated/EVSCLI/\(cli)"))
        try Data("struct Leftover {}\n".utf8).write(to: root.appending(path: "Generated/EVS/Leftover.swift"))

        let drifted = try await Self.apiref(["check", "--service", "EVS"], in: root)
        #expect(drifted.status == 1, "\(drifted)")
        for line in [
            "differs:  Generated/EVS/EVSClient.swift", "differs:  spec/evs.openapi.json",
            "missing:  Generated/EVSCLI/\(cli)", "stale:    Generated/EVS/Leftover.swift",
            "4 file(s) out of date",
        ] {
            #expect(drifted.stdout.contains(line), "\(line) not reported\n\(drifted)")
        }
        // check only reads: the drift is still there.
        #expect(try String(contentsOf: client, encoding: .utf8).hasSuffix("// edited by hand\n"))
        #expect(FileManager.default.fileExists(atPath: root.appending(path: "Generated/EVS/Leftover.swift").path))
    }

    /// generate owns every `.swift` file in `Generated/<Service>/` and `<Service>CLI/`, at any depth (even one
    /// written by hand): those it no longer produces are deleted, and a folder they leave empty. Other files there,
    /// and other services' folders, are left alone.
    @Test func generateDeletesStaleSwiftFilesAndKeepsOthers() async throws {
        let root = try Self.copyOfEVS()
        defer { try? FileManager.default.removeItem(at: root) }
        let fileManager = FileManager.default
        let stale = ["Generated/EVS/Models+Removed.swift", "Generated/EVSCLI/Nested/Removed.swift"]
        let kept = ["Generated/EVS/NOTES.md", "Generated/ECS/Keep.swift"]
        for path in stale + kept {
            let url = root.appending(path: path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("// \(path)\n".utf8).write(to: url)
        }
        let client = root.appending(path: "Generated/EVS/EVSClient.swift")
        let committed = try Data(contentsOf: client)
        try Data("// edited by hand\n".utf8).write(to: client)

        let run = try await Self.apiref(["generate", "--service", "EVS"], in: root)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("; 1 of "), "only the edited file is rewritten\n\(run)")
        #expect(run.stdout.contains("files written, 2 stale deleted"), "\(run)")
        for path in stale {
            #expect(!fileManager.fileExists(atPath: root.appending(path: path).path), "\(path) not deleted")
        }
        // The folder a stale file leaves empty (a group that is gone) goes with it.
        #expect(!fileManager.fileExists(atPath: root.appending(path: "Generated/EVSCLI/Nested").path))
        for path in kept {
            #expect(fileManager.fileExists(atPath: root.appending(path: path).path), "\(path) deleted")
        }
        #expect(try Data(contentsOf: client) == committed)
    }

    /// Top-level declarations (`public struct EVSClient`, `public typealias …`) in Swift source.
    static func declarations(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            for keyword in ["public struct ", "public enum ", "public typealias ", "public final class ", "enum "]
            where line.hasPrefix(keyword) {
                return String(line.dropFirst(keyword.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" })
            }
            return nil
        }
    }

    /// The build plugin declares `<prefix>1.swift` … `<prefix>N.swift` as its outputs before the command runs:
    /// exactly those must exist afterwards (a shard of an earlier, larger run must go), and the sharding must
    /// neither lose nor repeat a declaration of the per-file output.
    @Test func generateSwiftWritesExactlyTheShardsWithEveryTypeOnce() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let shards = directory.appending(path: "shards")
        try FileManager.default.createDirectory(at: shards, withIntermediateDirectories: true)
        try Data("// an earlier run's shard\n".utf8).write(to: shards.appending(path: "X4.swift"))
        let schema = packageRoot.appending(path: "spec/evs.json").path
        let sharded = try await Self.apiref(
            ["generate-swift", "--schema", schema, "--output", shards.path, "--shards", "3", "--shard-prefix", "X"],
            in: directory)
        #expect(sharded.status == 0, "\(sharded)")
        let names = try FileManager.default.contentsOfDirectory(atPath: shards.path).sorted()
        #expect(names == ["X1.swift", "X2.swift", "X3.swift"])

        let perFile = directory.appending(path: "files")
        let unsharded = try await Self.apiref(
            ["generate-swift", "--schema", schema, "--output", perFile.path], in: directory)
        #expect(unsharded.status == 0, "\(unsharded)")
        var expected: [String] = []
        for name in (FileManager.default.subpaths(atPath: perFile.path) ?? []) where name.hasSuffix(".swift") {
            expected += Self.declarations(in: try String(contentsOf: perFile.appending(path: name), encoding: .utf8))
        }
        var found: [String: Int] = [:]
        for name in names {
            let text = try String(contentsOf: shards.appending(path: name), encoding: .utf8)
            for declaration in Self.declarations(in: text) { found[declaration, default: 0] += 1 }
        }
        // Every named type of the schema is declared (some under a Swift-safe name: `Error` → `EVSError`).
        let service = try JSONDecoder().decode(ServiceSchema.self, from: Data(contentsOf: URL(fileURLWithPath: schema)))
        #expect(Set(expected).count == expected.count && expected.count > service.types.count)
        #expect(Set(found.keys) == Set(expected))
        #expect(found.filter { $0.value != 1 }.isEmpty, "declared more than once: \(found.filter { $0.value != 1 })")
    }

    /// More shards than emitted files: the surplus shards are still written, each a Swift file with
    /// nothing but the header, and every shard parses.
    @Test func emptyShardsAreValidSwift() async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = packageRoot.appending(path: "spec/evs.json").path
        let emitted = (FileManager.default.subpaths(atPath: packageRoot.appending(path: "Generated/EVS").path) ?? [])
            .filter { $0.hasSuffix(".swift") }.count
        let count = emitted + 8
        let run = try await Self.apiref(
            ["generate-swift", "--schema", schema, "--output", directory.path, "--shards", String(count)], in: directory)
        #expect(run.status == 0, "\(run)")
        let shards = (1...count).map { directory.appending(path: "SDK\($0).swift") }
        let texts = try shards.map { try String(contentsOf: $0, encoding: .utf8) }
        let empty = texts.filter { !$0.contains("// MARK: - ") }
        #expect(!empty.isEmpty)
        #expect(empty.allSatisfy { $0 == "// Generated by apiref generate-swift. Do not edit.\n" })
        let parse = try await ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["swiftc", "-parse"] + shards.map(\.path), in: directory)
        #expect(parse.status == 0, "\(parse)")
    }

    /// `apiref openapi` on the folder `generate` reads, with the options `generate` uses for EVS (its endpoint
    /// prefix, its overrides file if any), gives the committed document byte for byte.
    @Test func openAPIOfTheSiteIsTheCommittedDocument() async throws {
        let config = try Self.evs()
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appending(path: "evs.openapi.json")
        var arguments = [
            "openapi", packageRoot.appending(path: config.docs).path, "--service", config.name,
            "--endpoint-prefix", config.endpointPrefix ?? "", "-o", output.path,
        ]
        let overrides = packageRoot.appending(path: "spec/\(config.fileStem).overrides.json")
        if FileManager.default.fileExists(atPath: overrides.path) { arguments += ["--overrides", overrides.path] }
        if let names = config.officialNames { arguments += ["--official-names", packageRoot.appending(path: names).path] }
        let run = try await Self.apiref(arguments, in: directory)
        #expect(run.status == 0, "\(run)")

        func operationCount(_ data: Data) throws -> Int {
            let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            let methods: Set = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
            return paths.values.reduce(0) { $0 + $1.keys.filter(methods.contains).count }
        }
        let written = try Data(contentsOf: output)
        let committed = try Data(contentsOf: packageRoot.appending(path: "spec/\(config.fileStem).openapi.json"))
        let count = try operationCount(written)
        let committedCount = try operationCount(committed)
        #expect(count > 100)
        #expect(count == committedCount)
        #expect(written == committed, "differs from spec/evs.openapi.json")
    }
}
