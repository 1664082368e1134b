import CloudCore
import Foundation

/// `--output table`: the element list of a list response as rows, its elements' scalar fields as columns.
///
/// The element list is the response itself when it is an array of objects, else its member that is one (the
/// longest, when there are several: `{"count": 2, "servers": [...]}` lists `servers`). Fields holding objects or
/// arrays are left out of the table; a response with no such list, or whose elements have no scalar field, is not
/// a table and prints as JSON.
public enum TableOutput {
    /// Widest cell, in characters; longer values are cut with `…`.
    static let maxCellWidth = 60

    /// The table for `value`, or `nil` when it lists nothing (the caller prints JSON instead).
    public static func render(_ value: JSONValue) -> String? {
        guard let rows = elements(of: value), !rows.isEmpty else { return nil }
        let columns = scalarColumns(of: rows)
        guard !columns.isEmpty else { return nil }
        let cells = rows.map { row in columns.map { cell(row[$0]) } }
        let widths = columns.indices.map { index in
            cells.reduce(columns[index].count) { max($0, $1[index].count) }
        }
        func line(_ texts: [String]) -> String {
            let padded = texts.enumerated().map { index, text in
                index == texts.count - 1 ? text : text.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            return padded.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return ([line(columns)] + cells.map(line)).joined(separator: "\n")
    }

    /// The objects `value` lists: itself when it is an array of objects, else its longest member that is one.
    static func elements(of value: JSONValue) -> [[String: JSONValue]]? {
        switch value {
        case .array(let items):
            let objects = items.compactMap { item -> [String: JSONValue]? in
                if case .object(let members) = item { members } else { nil }
            }
            return objects.count == items.count ? objects : nil
        case .object(let members):
            var best: [[String: JSONValue]]?
            for key in members.keys.sorted() {
                guard case .array = members[key]!, let rows = elements(of: members[key]!) else { continue }
                if rows.count > (best?.count ?? -1) { best = rows }
            }
            return best
        default:
            return nil
        }
    }

    /// The keys whose values are scalars (or null) in every row that has them and not null in at least one, sorted.
    static func scalarColumns(of rows: [[String: JSONValue]]) -> [String] {
        let keys = Set(rows.flatMap(\.keys))
        return keys.filter { key in
            let values = rows.compactMap { $0[key] }
            return values.allSatisfy(isScalar) && values.contains { $0 != .null }
        }.sorted()
    }

    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }

    /// A value as one line of text: missing and null values are empty.
    static func cell(_ value: JSONValue?) -> String {
        let text: String
        switch value {
        case .bool(let flag)?: text = String(flag)
        case .integer(let number)?: text = String(number)
        case .double(let number)?: text = String(number)
        case .string(let string)?: text = string.split(whereSeparator: \.isNewline).joined(separator: " ")
        default: text = ""
        }
        return text.count > maxCellWidth ? String(text.prefix(maxCellWidth - 1)) + "…" : text
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
