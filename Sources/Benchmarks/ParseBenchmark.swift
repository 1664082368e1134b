import APISchema
import CLibXML2
import Foundation
import OpenAPIEmitter
import SchemaBuilder

/// Times the generator's front half (read every page, build the schema, export OpenAPI) for every service in
/// `spec/services.json` against a baseline measured in the same run: libxml2's own `htmlReadMemory` over the
/// same files, read from disk the same way. Run from the package root:
/// `swift run -c release Benchmarks parse [iterations]`. The goal is a ratio of at most 2×.
func runParseBenchmark(iterations: Int = 5) {
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let configs: [ServiceConfig]
    do {
        configs = try ServiceConfig.load(from: root.appending(path: "spec/services.json"))
    } catch {
        print("parse benchmark: cannot read spec/services.json (run from the package root): \(error)")
        return
    }
    let pages = configs.flatMap { config -> [URL] in
        let docs = root.appending(path: config.docs)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted().map { docs.appending(path: $0) }
    }
    guard !pages.isEmpty else {
        print("parse benchmark: no pages found in \(configs.map(\.docs).joined(separator: ", "))")
        return
    }
    let bytes = pages.reduce(0) { $0 + ((try? Data(contentsOf: $1))?.count ?? 0) }
    print("parse benchmark: \(pages.count) pages, \(bytes / 1024) KiB, \(configs.count) services, "
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
                    export += clock.measure { document = (try? OpenAPIEmitter.document(for: schema)) ?? Data() }
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
