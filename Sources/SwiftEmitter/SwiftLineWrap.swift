/// Lists that the generated code writes several items to a line, as one would by hand (`CodingKeys` cases, the
/// memberwise initializer's parameters), instead of one item per line: a model with twenty fields takes four lines
/// for each list rather than twenty.
enum SwiftLineWrap {
    /// `items` joined by `, ` into lines that fit ``SwiftDocComment/lineWidth`` after `indent` columns (an item longer
    /// than that gets a line of its own).
    /// - Parameter continued: Whether every line but the last ends with `,` (one list over several lines), or each
    ///   line is a list of its own (`case a, b` then `case c`).
    static func lines(_ items: [String], indent: Int, continued: Bool) -> [String] {
        let width = SwiftDocComment.lineWidth - indent
        var lines: [String] = []
        var line = ""
        for item in items {
            if line.isEmpty {
                line = item
            } else if line.count + 2 + item.count + (continued ? 1 : 0) <= width {
                line += ", " + item
            } else {
                lines.append(continued ? line + "," : line)
                line = item
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}

/// One line of a list in a template: its text and what follows it (`,` between items).
struct ListItemContext {
    var text: String
    var separator: String

    static func list(_ texts: [String], separator: String = ",") -> [ListItemContext] {
        texts.enumerated().map { ListItemContext(text: $1, separator: $0 == texts.count - 1 ? "" : separator) }
    }

    /// An argument list over lines indented by `indent` columns, several arguments to a line (``SwiftLineWrap``).
    static func packed(_ texts: [String], indent: Int) -> [ListItemContext] {
        SwiftLineWrap.lines(texts, indent: indent, continued: true).map { ListItemContext(text: $0, separator: "") }
    }
}
