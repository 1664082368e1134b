import Foundation

/// The service list of `Package.swift`, between its two marker lines: the one part of the manifest the generator
/// writes. SwiftPM caches a manifest's evaluation by its text, so the list is written there rather than read from
/// `spec/services.json` when the manifest is evaluated.
enum ManifestServices {
    static let begin = "// services: generated from spec/services.json"
    static let end = "// end of services"

    /// The manifest `text` with its service list replaced by `services`, wrapped at 120 columns.
    static func rewrite(_ text: String, services: [String]) throws -> String {
        guard let start = text.range(of: begin + "\n"), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { throw PipelineError("Package.swift has no '\(begin)' … '\(end)' block for the service list") }
        var lines = ["let services = ["]
        var line = "   "
        for name in services.map({ "\"\($0)\"," }) {
            if line.count + 1 + name.count > 120 {
                lines.append(line)
                line = "   "
            }
            line += " " + name
        }
        lines += [line, "]", ""]
        return String(text[..<start.upperBound]) + lines.joined(separator: "\n") + String(text[stop.lowerBound...])
    }
}
