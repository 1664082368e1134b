import Foundation

// `Benchmarks compile [runs]`: a clean debug compile of the generated ModelArts module against swift-openapi-generator's
// Types + Client generated from our export of the same service (`spec/modelarts.openapi.json`), built in the same
// run, as ratios of wall time, CPU time (user + sys) and peak memory (the largest process of the build, as
// `/usr/bin/time` reports it). Each side is the target alone: its dependencies (CloudCore and its packages,
// OpenAPIRuntime) are built once before the first run, then the target's own products are removed and it is built
// again, `runs` times, the sides taking turns at going first. Both build with `swift build` in scratch folders under
// `.build-compare/` (git-ignored): `ours` for this package, `openapi` for a throwaway package that depends on
// swift-openapi-generator and swift-openapi-runtime, which the benchmark writes there. It also prints how many
// warnings the generator gives for the export (none expected: `null` is written in forms it reads).
// Minutes per run on two cores, so it never runs in CI.

/// One side of the comparison: a package, the scratch folder it builds in, and the target timed.
private struct CompileSide {
    var name: String
    var package: URL
    var scratch: URL
    var target: String

    func build(_ arguments: [String] = []) throws -> BuildCost {
        try measuredRun(
            ["swift", "build", "--package-path", package.path, "--scratch-path", scratch.path] + arguments
                + ["--target", target])
    }

    /// The folder this side's debug products are built in.
    func binPath() throws -> URL {
        URL(
            filePath: try run(
                ["swift", "build", "--package-path", package.path, "--scratch-path", scratch.path, "--show-bin-path"])
                .trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Drops SwiftPM's cached build plan, so that the next build plans again: a target whose sources were written
    /// after the last plan (swift-openapi-generator's output) is otherwise missing from it.
    func forgetPlan() throws {
        try? FileManager.default.removeItem(at: try binPath().appending(path: "description.json"))
        try? FileManager.default.removeItem(at: scratch.appending(path: "debug.yaml"))
    }

    /// Removes what compiling the target produced (its object files, dependency records and module), not its
    /// dependencies'. The build plan SwiftPM keeps in the target's folder (`output-file-map.json`, `sources`) stays:
    /// SwiftPM writes it only when it plans again, and fails without it.
    func clean() throws {
        let binPath = try binPath()
        let files = FileManager.default
        let plan: Set<String> = ["output-file-map.json", "sources", "include"]
        let objects = binPath.appending(path: "\(target).build")
        for name in (try? files.contentsOfDirectory(atPath: objects.path)) ?? [] where !plan.contains(name) {
            try files.removeItem(at: objects.appending(path: name))
        }
        let modules = binPath.appending(path: "Modules")
        for name in (try? files.contentsOfDirectory(atPath: modules.path)) ?? [] where name.hasPrefix("\(target).swift") {
            try files.removeItem(at: modules.appending(path: name))
        }
    }
}

/// What one build cost, as `/usr/bin/time` reports it for the build and all the processes it waited for.
private struct BuildCost {
    var wall: Double
    var cpu: Double
    var peakMegabytes: Double
}

func runCompileBenchmark(runs: Int) throws {
    let root = URL(filePath: FileManager.default.currentDirectoryPath)
    let scratch = root.appending(path: ".build-compare")
    let openAPIPackage = scratch.appending(path: "openapi")
    let ours = CompileSide(
        name: "apiref ModelArts", package: root, scratch: scratch.appending(path: "ours"), target: "ModelArts")
    let theirs = CompileSide(
        name: "swift-openapi-generator", package: openAPIPackage, scratch: openAPIPackage.appending(path: ".build"),
        target: "ModelArtsOpenAPI")

    let warnings = try generateOpenAPISources(
        export: root.appending(path: "spec/modelarts.openapi.json"), package: openAPIPackage)
    say("swift-openapi-generator read spec/modelarts.openapi.json with \(warnings) warnings")
    say("building dependencies once (not timed)…")
    for side in [ours, theirs] {
        try side.forgetPlan()
        _ = try side.build()
    }

    var costs: [String: [BuildCost]] = [:]
    for index in 0..<runs {
        for side in index.isMultiple(of: 2) ? [ours, theirs] : [theirs, ours] {
            try side.clean()
            let cost = try side.build()
            costs[side.name, default: []].append(cost)
            say(
                String(
                    format: "run %d %@: %.1f s wall, %.1f s CPU, %.0f MB peak", index + 1, side.name, cost.wall,
                    cost.cpu, cost.peakMegabytes))
        }
    }
    let mine = costs[ours.name] ?? []
    let other = costs[theirs.name] ?? []
    for (label, value) in [("wall", \BuildCost.wall), ("CPU", \.cpu), ("peak memory", \.peakMegabytes)] {
        let ratios = zip(mine, other).map { $0[keyPath: value] / $1[keyPath: value] }
        let median = ratios.sorted()[ratios.count / 2]
        say(
            String(
                format: "%@: %.2f× of swift-openapi-generator's (median of %d; runs %@)", label, median, ratios.count,
                ratios.map { String(format: "%.2f", $0) }.joined(separator: ", ")))
    }
}

/// Writes the throwaway package, builds the generator and generates Types + Client from `export` into the package's
/// target; returns how many warnings the generator printed.
private func generateOpenAPISources(export: URL, package: URL) throws -> Int {
    let files = FileManager.default
    let sources = package.appending(path: "Sources/ModelArtsOpenAPI")
    try? files.removeItem(at: sources)
    try files.createDirectory(at: sources, withIntermediateDirectories: true)
    try """
        // swift-tools-version: 6.0
        // Written by `Benchmarks compile`: swift-openapi-generator's code for our ModelArts export, built to compare.
        import PackageDescription

        let package = Package(
            name: "CompareOpenAPI",
            dependencies: [
                .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
                .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
            ],
            targets: [
                .target(
                    name: "ModelArtsOpenAPI",
                    dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")])
            ]
        )

        """.write(to: package.appending(path: "Package.swift"), atomically: true, encoding: .utf8)
    let config = package.appending(path: "openapi-generator-config.yaml")
    try "generate:\n  - types\n  - client\naccessModifier: public\n".write(to: config, atomically: true, encoding: .utf8)
    say("building swift-openapi-generator (first time: minutes)…")
    _ = try run(["swift", "build", "--package-path", package.path, "--product", "swift-openapi-generator"])
    let binPath = try run(["swift", "build", "--package-path", package.path, "--show-bin-path"])
        .trimmingCharacters(in: .whitespacesAndNewlines)
    let output = try run([
        binPath + "/swift-openapi-generator", "generate", export.path, "--config", config.path,
        "--output-directory", sources.path,
    ])
    return output.split(separator: "\n").filter { $0.contains("warning:") }.count
}

/// Runs `arguments` under `/usr/bin/time`, its output discarded; throws when it fails.
private func measuredRun(_ arguments: [String]) throws -> BuildCost {
    let report = FileManager.default.temporaryDirectory.appending(path: "compile-benchmark-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: report) }
    _ = try run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", report.path] + arguments)
    let fields = try String(contentsOf: report, encoding: .utf8).split(whereSeparator: \.isWhitespace)
        .compactMap { Double($0) }
    guard fields.count == 4 else { throw CompileBenchmarkError(message: "unexpected /usr/bin/time output") }
    return BuildCost(wall: fields[0], cpu: fields[1] + fields[2], peakMegabytes: fields[3] / 1024)
}

/// Runs `arguments` (found on `PATH`), returns its standard output and error together; throws when it fails.
private func run(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(filePath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw CompileBenchmarkError(message: "\(arguments.joined(separator: " ")) failed:\n\(output.suffix(4000))")
    }
    return output
}

private struct CompileBenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Prints `text` at once, even into a file: the figures of finished runs survive a run that fails.
private func say(_ text: String) {
    print(text)
    fflush(nil)
}
