/// Diagnostics of one or more services, and what they mean for a run: errors fail it, warnings are counted by
/// kind (and fail it too when strict).
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) { self.diagnostics = diagnostics }

    /// Collects a diagnostic of kind `id` (with that kind's severity).
    public mutating func emit(_ id: Diagnostic.Code, _ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(id, location, message))
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// The diagnostics of `severity`, counted by kind, most frequent first (then by id).
    public func counts(of severity: Diagnostic.Severity) -> [(id: Diagnostic.Code, count: Int)] {
        var counts: [Diagnostic.Code: Int] = [:]
        for diagnostic in diagnostics where diagnostic.severity == severity { counts[diagnostic.id, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { ($1.count, $0.id) < ($0.count, $1.id) }
    }

    /// One line: `191 warnings: 58 example-type-correction, 40 unknown-type, …` (`no warnings`).
    public var warningSummary: String {
        let counts = counts(of: .warning)
        guard !counts.isEmpty else { return "no warnings" }
        let total = counts.reduce(0) { $0 + $1.count }
        return "\(total) warning\(total == 1 ? "" : "s"): " + counts.map { "\($0.count) \($0.id.rawValue)" }.joined(separator: ", ")
    }

    /// The diagnostics that fail a run: the errors, and with `strict` the warnings too.
    public func failing(strict: Bool) -> [Diagnostic] {
        (strict ? diagnostics : errors).sorted()
    }
}

/// The diagnostics that failed a run, one line each: `[override-target-missing] ecs.overrides.json row 3: …`.
public struct DiagnosticFailure: CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s") (--strict)") }
        return counts.joined(separator: " and ") + ":\n"
            + diagnostics.map { "  \($0.severity.rawValue) [\($0.id.rawValue)] \($0)" }.joined(separator: "\n")
    }
}
