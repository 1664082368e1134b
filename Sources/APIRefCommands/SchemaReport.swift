import APISchema
import OpenAPIEmitter

/// The figures `apiref report` prints for one service, computed from its schema, and the diagnostics of its
/// generation (the schema's and what the emitters reported).
struct SchemaReport {
    let schema: ServiceSchema
    let diagnostics: [Diagnostic]

    var objectCount: Int {
        schema.types.filter { if case .object = $0.kind { true } else { false } }.count
    }
    var enumCount: Int { schema.types.count - objectCount }
    var properties: [Property] {
        schema.types.flatMap { type -> [Property] in
            if case .object(let properties) = type.kind { return properties }
            return []
        }
    }
    var inlineEnumCount: Int {
        properties.filter { !($0.enumValues ?? []).isEmpty }.count
            + schema.operations.flatMap(\.parameters).filter { !($0.enumValues ?? []).isEmpty }.count
    }
    var parametersByLocation: [(Parameter.Location, Int)] {
        let all = schema.operations.flatMap(\.parameters)
        return Parameter.Location.allCases.map { location in (location, all.filter { $0.location == location }.count) }
    }

    /// What became of the pages: found, read as operations, skipped by reason (with `includePages`, each skipped
    /// page under its reason, with what on it shows the reason).
    func pageLines(includePages: Bool) -> [String] {
        let census = schema.pageCensus
        var lines = [
            "  pages:       \(census.pagesFound) found: \(census.apiPages) API pages "
                + "(\(schema.operations.count) operations), \(census.skipped.count) skipped"
        ]
        for (reason, pages) in census.skippedByReason {
            lines.append("    \(pages.count) \(reason)")
            guard includePages else { continue }
            lines += pages.map { "      \($0.page)" + ($0.detail.isEmpty ? "" : ": \($0.detail)") }
        }
        return lines
    }

    /// The report as printed lines.
    func lines(includeDiagnostics: Bool, includePages: Bool) -> [String] {
        let properties = properties
        let opaque = properties.filter(\.type.isOpaque).count
        let typed = properties.count - opaque
        let requestExamples = schema.operations.map(\.requestExamples.count).reduce(0, +)
        let responseExamples = schema.operations.flatMap(\.responses).map(\.examples.count).reduce(0, +)
        let notJSON = diagnostics.filter { $0.id == .unparsableExample }.count
        let operations = schema.operations
        let warnings = DiagnosticCollector(diagnostics).warnings.count
        let endpoint = schema.endpoint.map { "\($0.host) (\($0.page.map { "stated on \($0)" } ?? "configured prefix"))" }
        let projectArguments = operations.filter { $0.scope == .global && $0.path.contains("{\(Operation.projectParameter)}") }
        var lines = [
            "\(schema.name)",
            "  endpoint:    \(endpoint ?? "none")",
            "  scope:       \(schema.isGlobal ? "global (domain)" : "project"); "
                + "\(operations.filter { $0.scope == .project }.count) operations in the caller's project, "
                + "\(projectArguments.count) naming a project as an argument",
        ] + pageLines(includePages: includePages) + [
            "  operations:  \(operations.count) in \(schema.groups.count) groups, "
                + "\(operations.filter { $0.requestBody != nil }.count) with a request body, "
                + "\(operations.filter { $0.responses.contains { $0.type != nil } }.count) with a response schema",
            "  types:       \(schema.types.count) (\(objectCount) objects, \(enumCount) enums; "
                + "\(inlineEnumCount) fields with inline values)",
            "  properties:  \(properties.count): \(typed) typed \(Self.percent(typed, properties.count)), "
                + "\(opaque) opaque (any) \(Self.percent(opaque, properties.count))",
            "  parameters:  "
                + parametersByLocation.map { "\($0.1) \($0.0.rawValue)" }.joined(separator: ", "),
            "  examples:    \(requestExamples + responseExamples) (\(requestExamples) request, "
                + "\(responseExamples) response; \(notJSON) more are not JSON)",
            "  diagnostics: \(diagnostics.count) (\(warnings) warnings, "
                + "\(diagnostics.count - warnings) errors)",
        ]
        if includeDiagnostics {
            lines += diagnostics.sorted().map { "    [\($0.id.rawValue)] \($0)" + ($0.severity == .error ? " [error]" : "") }
        }
        return lines
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "(n/a)" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "(\(tenths / 10).\(tenths % 10)%)"
    }
}
