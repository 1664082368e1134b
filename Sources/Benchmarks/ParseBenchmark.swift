import APISchema
import CLibXML2
import DocReader
import Foundation
import OpenAPIEmitter
import SchemaBuilder

/// Times the generator's front half (read every page, build the schema, export OpenAPI) for every folder of pages
/// under `../shared/docs` (each service in both layouts: the export and the site) against a baseline measured in the
/// same run: libxml2's own `htmlReadMemory` over the same files, read from disk the same way. Run from the package
/// root: `swift run -c release Benchmarks parse [iterations]`. The goal is a ratio of at most 2×.
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

    var baseline: [Duration] = []
    var pipeline: [Duration] = []
    var exporting: [Duration] = []
    var summary = ""
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        // Interleaved, so that both sides see the same machine load.
        baseline.append(clock.measure { parseWithLibXML2(pages) })
        var export = Duration.zero
        pipeline.append(
            clock.measure {
                summary = configs.map { config in
                    let schema = SchemaBuilder.build(
                        config: config, docsDirectory: root.appending(path: config.docs), overridesFile: nil)
                    var document = Data()
                    export += clock.measure { document = (try? OpenAPIEmitter.documentJSON(for: schema)) ?? Data() }
                    return "\(config.name) \(schema.operations.count) ops / \(document.count / 1024) KiB OpenAPI"
                }.joined(separator: ", ")
            })
        exporting.append(export)
    }
    let best = (baseline: baseline.min()!, pipeline: pipeline.min()!)
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    func milliseconds(_ duration: Duration) -> String { String(format: "%.1f ms", seconds(duration) * 1000) }
    print("  baseline  libxml2 htmlReadMemory:            \(milliseconds(best.baseline))")
    print("  apiref    read + build schema + OpenAPI:     \(milliseconds(best.pipeline))  (\(summary))")
    print("            of which OpenAPI export:           \(milliseconds(exporting.min()!))")
    print(String(format: "  ratio     %.2f× (goal ≤ 2×)", seconds(best.pipeline) / seconds(best.baseline)))
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
