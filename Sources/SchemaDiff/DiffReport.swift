import Foundation

extension APIDiff {
    /// The report for a pull request or a CHANGELOG: the version step, then the changes by impact, each with its
    /// operation, where it is, what happened, and the page on each side.
    public func markdown() -> String {
        var lines = ["# \(service): API changes", ""]
        lines.append("`\(old)` → `\(new)`: \(count(changes.count, "change")), \(breaking.count) breaking.")
        lines.append("Suggested version step for the generated library: **\(versionStep.rawValue)**.")
        for impact in [APIChange.Impact.sourceBreaking, .runtimeBreaking, .compatible] {
            let group = changes.filter { $0.impact == impact }
            guard !group.isEmpty else { continue }
            lines += ["", "## \(impact.title) (\(group.count))", "", "| operation | where | change | page |", "|---|---|---|---|"]
            for change in group {
                let cells = [change.operation ?? "", change.location, change.detail, Self.pages(change)]
                lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as JSON: sorted keys, the changes in report order.
    public func json() throws -> Data {
        struct Counts: Encodable {
            var sourceBreaking: Int
            var runtimeBreaking: Int
            var compatible: Int
        }
        struct Document: Encodable {
            var service: String
            var old: String
            var new: String
            var versionStep: VersionStep
            var counts: Counts
            var changes: [APIChange]
        }
        let document = Document(
            service: service, old: old, new: new, versionStep: versionStep,
            counts: Counts(
                sourceBreaking: changes.filter { $0.impact == .sourceBreaking }.count,
                runtimeBreaking: changes.filter { $0.impact == .runtimeBreaking }.count,
                compatible: changes.filter { $0.impact == .compatible }.count),
            changes: changes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }

    /// One line per change, for a terminal: `breaking (source)  CreateNotebook  request body: size: removed`.
    public func lines() -> [String] {
        changes.map { change in
            let impact = change.impact.rawValue.padding(toLength: 20, withPad: " ", startingAt: 0)
            return "  \(impact)\(change.operation.map { "\($0)  " } ?? "")\(change.location): \(change.detail)"
        }
    }

    private func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    private static func pages(_ change: APIChange) -> String {
        switch (change.oldPage, change.newPage) {
        case (let old?, let new?) where old == new: old
        case (let old?, let new?): "\(old) → \(new)"
        case (let old?, nil): old
        case (nil, let new?): new
        case (nil, nil): ""
        }
    }

    /// Markdown table cell text: pipes escaped, code spans for identifiers kept readable.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}

extension APIChange.Impact {
    var title: String {
        switch self {
        case .sourceBreaking: "Breaking at source level"
        case .runtimeBreaking: "Breaking at run time"
        case .compatible: "Compatible"
        }
    }
}
