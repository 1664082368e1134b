import APISchema
import DocReader

/// Reads a service's error-code tables: the appendix page(s) that list, per `error_code`, its HTTP status, message,
/// meaning and solution. A table is one when its header names an error-code column and a status or message column;
/// the page it is on does not matter, so a service that splits its codes over several pages gets them all.
enum ErrorCodeReader {
    /// The codes of every error-code table of `pages`, sorted by code. A code a list gives again keeps both
    /// meanings (``ErrorCode/merge(_:)``), with a diagnostic when the second row pairs it with another status (the
    /// first is kept). The service's own lists come first: a table on one of the `apiPages` shows what that API
    /// answers, often with a message about one resource, so it only adds the codes the lists leave out.
    static func errorCodes(in pages: [DocPage], apiPages: Set<String>) -> (codes: [ErrorCode], diagnostics: [Diagnostic]) {
        var byCode: [String: ErrorCode] = [:]
        var diagnostics: [Diagnostic] = []
        for page in pages.sorted(by: { (apiPages.contains($0.path) ? 1 : 0, $0.path) < (apiPages.contains($1.path) ? 1 : 0, $1.path) }) {
            for case .table(let table) in page.blocks {
                guard let columns = Columns(table.header) else { continue }
                for (index, row) in table.bodyRows.enumerated() {
                    let location = SourceLocation(page: page.path, table: table.caption?.text, row: index + 1)
                    guard let entry = columns.errorCode(in: row, at: location) else { continue }
                    if var first = byCode[entry.code] {
                        // A service list that gives one code several meanings (one per module of the service):
                        // they are all kept, one line each; an API page's own table adds nothing to a list's code.
                        guard !apiPages.contains(page.path) else { continue }
                        if let status = entry.status, first.status != status {
                            diagnostics.append(
                                Diagnostic(
                                    .duplicateErrorCode, location,
                                    "error code \(entry.code) is listed again with HTTP \(status) (first at "
                                        + "\(first.source) with \(first.status.map(String.init) ?? "none")); the first status is kept"))
                        }
                        first.merge(entry)
                        byCode[entry.code] = first
                        continue
                    }
                    byCode[entry.code] = entry
                }
            }
        }
        return (byCode.values.sorted { $0.code < $1.code }, diagnostics)
    }

    /// The distinct statuses an error-code table pairs its codes with, in order; empty for another table.
    static func statuses(in table: Table) -> [Int] {
        guard let columns = Columns(table.header), let column = columns.status else { return [] }
        var seen: Set<Int> = []
        return table.bodyRows.compactMap { row in
            guard column < row.count, columns.code < row.count, !row[columns.code].text.isEmpty else { return nil }
            return Int(row[column].text.prefix { $0.isNumber })
        }.filter { seen.insert($0).inserted }
    }

    /// Which column of a table holds what, read from its header.
    private struct Columns {
        var code: Int
        var status: Int?
        var message: Int?
        var description: Int?
        var solution: Int?

        /// The header's words for each column (`Error Codes`, `HTTP Status Code`, `Handling Measure`, `错误码`), from
        /// the ``Vocabulary``; nil when the table is not an error-code table.
        init?(_ header: [Cell]?) {
            guard let header else { return nil }
            let titles = header.map { $0.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            func column(_ concept: Concept) -> Int? { titles.firstIndex { Vocabulary.matches(concept, $0) } }
            guard let code = column(.errorCodeColumn) else { return nil }
            self.code = code
            status = column(.statusColumn)
            message = column(.errorMessageColumn)
            description = column(.descriptionColumn)
            solution = column(.solutionColumn)
            guard status != nil || message != nil else { return nil }
        }

        /// The row's code; nil for a row without one (a section heading spanning the table).
        func errorCode(in row: [Cell], at location: SourceLocation) -> ErrorCode? {
            func text(_ column: Int?) -> String {
                guard let column, column < row.count else { return "" }
                return row[column].text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            let code = text(code)
            guard !code.isEmpty, !code.contains(" "), code.lowercased() != "none" else { return nil }
            let statusText = text(status)
            return ErrorCode(
                code: code, status: Int(statusText.prefix { $0.isNumber }), message: text(message),
                description: text(description), solution: text(solution), source: location)
        }
    }
}

extension ErrorCode {
    /// Adds the message, description and solution of another row of the same code, each on a line of its own
    /// when it says something new.
    mutating func merge(_ other: ErrorCode) {
        func joined(_ text: String, _ more: String) -> String {
            guard !more.isEmpty, !text.split(separator: "\n").contains(Substring(more)) else { return text }
            return text.isEmpty ? more : text + "\n" + more
        }
        message = joined(message, other.message)
        description = joined(description, other.description)
        solution = joined(solution, other.solution)
    }
}
