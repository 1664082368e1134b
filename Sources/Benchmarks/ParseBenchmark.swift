import APISchema
import CLibXML2
import DocReader
import Foundation
import OpenAPIEmitter
import SchemaBuilder
import Synchronization

/// Times the generator's front half (read every page, build the schema, export OpenAPI) for every folder of pages
/// under `../shared/docs` (each service in both layouts: the export and the site) against a baseline measured in the
/// same run: libxml2's own `htmlReadMemory` over the same files, read from disk the same way. Run from the package
/// root: `swift run -c release Benchmarks parse [iterations]`. The services are built side by side, as `apiref
/// generate` builds them; the goal is a wall time of at most 1.5× the baseline's. The ratio of CPU times (every
/// thread's) is printed beside it: the work itself, which more cores do not shrink.
func runParseBenchmark(iterations: Int = 5) {
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let docsRoot = root.appending(path: "../shared/docs")
    func subfolders(_ url: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted().filter { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: url.appending(path: name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }
    // One configuration per folder of pages: `../shared/docs/<service>/<layout>`.
    let configs = subfolders(docsRoot).flatMap { service in
        subfolders(docsRoot.appending(path: service)).map { layout in
            ServiceConfig(name: "\(service)/\(layout)", docs: "../shared/docs/\(service)/\(layout)", endpointPrefix: service)
        }
    }
    let pages = configs.flatMap { config -> [URL] in
        let docs = root.appending(path: config.docs)
        return DocReader.pagePaths(in: docs).map { docs.appending(path: $0) }
    }
    guard !pages.isEmpty else {
        print("parse benchmark: no pages found under ../shared/docs (run from the package root)")
        return
    }
    let bytes = pages.reduce(0) { $0 + ((try? Data(contentsOf: $1))?.count ?? 0) }
    print("parse benchmark: \(pages.count) pages, \(bytes / 1024) KiB, \(configs.count) folders of pages, "
        + "\(iterations) iterations (best of each)")

    var baseline: [Measure] = []
    var pipeline: [Measure] = []
    var exporting: [Duration] = []
    var summary = ""
    for _ in 0..<iterations {
        // Interleaved, so that both sides see the same machine load.
        baseline.append(Measure.of { parseWithLibXML2(pages) })
        let results = Mutex<[Int: (line: String, export: Duration)]>([:])
        // The services side by side, as `apiref generate` renders them (`Pipeline.renderAll`).
        pipeline.append(
            Measure.of {
                DispatchQueue.concurrentPerform(iterations: configs.count) { index in
                    let config = configs[index]
                    let schema = SchemaBuilder.build(
                        config: config, docsDirectory: root.appending(path: config.docs), overridesFile: nil)
                    var document = Data()
                    let export = ContinuousClock().measure {
                        document = (try? OpenAPIEmitter.documentJSON(for: schema)) ?? Data()
                    }
                    let line = "\(config.name) \(schema.operations.count) ops / \(document.count / 1024) KiB OpenAPI"
                    results.withLock { $0[index] = (line, export) }
                }
            })
        let finished = results.withLock { $0 }.sorted { $0.key < $1.key }.map(\.value)
        summary = finished.map(\.line).joined(separator: ", ")
        exporting.append(finished.map(\.export).reduce(.zero, +))
    }
    let best = (baseline: baseline.min { $0.wall < $1.wall }!, pipeline: pipeline.min { $0.wall < $1.wall }!)
    func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
    print("  baseline  libxml2 htmlReadMemory, one thread:  \(best.baseline)")
    print("  apiref    read + build schema + OpenAPI:       \(best.pipeline)  (\(summary))")
    print("            of which OpenAPI export (CPU):       \(milliseconds(exporting.min()!.inSeconds))")
    print(
        String(
            format: "  ratio     %.2f× wall (goal ≤ 1.5×), %.2f× CPU (the work itself, on every core)",
            best.pipeline.wall / best.baseline.wall, best.pipeline.cpu / best.baseline.cpu))
}

/// The wall time and the process's CPU time (user + system, every thread) of one run, in seconds.
private struct Measure: CustomStringConvertible {
    var wall: Double
    var cpu: Double

    static func of(_ work: () -> Void) -> Measure {
        let cpuBefore = processCPUTime()
        let wall = ContinuousClock().measure(work)
        return Measure(wall: wall.inSeconds, cpu: processCPUTime() - cpuBefore)
    }

    var description: String { String(format: "%.1f ms wall, %.1f ms CPU", wall * 1000, cpu * 1000) }

    private static func processCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Reads and parses every page with libxml2's HTML parser, then frees the tree: the floor any reader pays.
private func parseWithLibXML2(_ pages: [URL]) {
    let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue)
    for page in pages {
        guard let data = try? Data(contentsOf: page) else { continue }
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            if let document = htmlReadMemory(base, Int32(buffer.count), page.lastPathComponent, "UTF-8", options) {
                xmlFreeDoc(document)
            }
        }
    }
}
