import CLibXML2

/// Tables: rows and cells with their spans expanded, the caption and its number.
extension TreeWalker {
    private struct RawCell {
        var blocks: [Block]
        var isHeader: Bool
        var rowSpan: Int
        var colSpan: Int
    }

    mutating func readTable(_ table: Node, anchors: [String]) -> Table {
        var caption: InlineText?
        var rows: [(cells: [RawCell], inHead: Bool)] = []

        func visit(_ node: Node, inHead: Bool) {
            var child = node.pointee.children
            while let c = child {
                defer { child = c.pointee.next }
                guard c.pointee.type == XML_ELEMENT_NODE, let cname = c.pointee.name else { continue }
                let name = Self.tableTag(cname)
                switch name {
                case "caption":
                    var inner = BlockCollector()
                    walkChildren(c, into: &inner)
                    inner.flush()
                    let text = Block.joined(inner.blocks).replacingOccurrences(of: "\n", with: " ")
                    caption = InlineText(text: text, links: inner.blocks.flatMap(\.links))
                case "thead":
                    visit(c, inHead: true)
                case "tbody", "tfoot":
                    visit(c, inHead: inHead)
                case "tr":
                    var cells: [RawCell] = []
                    var cellNode = c.pointee.children
                    while let cn = cellNode {
                        defer { cellNode = cn.pointee.next }
                        guard cn.pointee.type == XML_ELEMENT_NODE, let n = cn.pointee.name else { continue }
                        let tag = Self.tableTag(n)
                        guard tag == "td" || tag == "th" else { continue }
                        var inner = BlockCollector()
                        walkChildren(cn, into: &inner)
                        inner.flush()
                        let rowSpan = Self.attribute(cn, "rowspan").flatMap { Int($0.trimmingSpaces()) } ?? 1
                        let colSpan = Self.attribute(cn, "colspan").flatMap { Int($0.trimmingSpaces()) } ?? 1
                        cells.append(
                            RawCell(
                                blocks: inner.blocks, isHeader: tag == "th", rowSpan: min(max(rowSpan, 1), 500),
                                colSpan: min(max(colSpan, 1), 50)))
                    }
                    rows.append((cells, inHead))
                case "table":
                    continue  // nested tables are not part of this grid
                default:
                    visit(c, inHead: inHead)
                }
            }
        }
        visit(table, inHead: false)

        // Expand row and column spans into a rectangular grid.
        var grid: [[Cell?]] = []
        for (rowIndex, row) in rows.enumerated() {
            while grid.count <= rowIndex { grid.append([]) }
            var column = 0
            for raw in row.cells {
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                let cell = Cell(text: Block.joined(raw.blocks), blocks: raw.blocks, isHeader: raw.isHeader)
                let lastRow = min(rowIndex + raw.rowSpan, rows.count)
                for r in rowIndex..<lastRow {
                    while grid.count <= r { grid.append([]) }
                    for k in column..<(column + raw.colSpan) {
                        while grid[r].count <= k { grid[r].append(nil) }
                        var copy = cell
                        copy.isSpanned = r != rowIndex || k != column
                        grid[r][k] = copy
                    }
                }
                column += raw.colSpan
            }
        }
        let width = grid.map(\.count).max() ?? 0
        let cells: [[Cell]] = grid.map { row in
            (0..<width).map { k in
                k < row.count ? (row[k] ?? Cell(text: "", blocks: [], isSpanned: false)) : Cell(text: "", blocks: [])
            }
        }
        var headerRowCount = 0
        for (index, row) in rows.enumerated() {
            let allHeader = !row.cells.isEmpty && row.cells.allSatisfy(\.isHeader)
            if row.inHead || allHeader { headerRowCount = index + 1 } else { break }
        }
        let (number, title) = Self.splitCaption(caption?.text ?? "")
        return Table(
            caption: caption, number: number, title: title, anchors: anchors, rows: cells,
            headerRowCount: headerRowCount)
    }

    /// The table-structure element names (`caption`, `thead`, `tbody`, `tfoot`, `tr`, `td`, `th`, `table`), or
    /// `""` for anything else.
    static func tableTag(_ name: UnsafePointer<UInt8>) -> String {
        for tag: StaticString in ["td", "tr", "th", "tbody", "thead", "tfoot", "caption", "table"] where equalsLowercased(name, tag) {
            return tag.description
        }
        return ""
    }

    /// Whether the paragraph before a table without a caption names it (`Parameters in the resource_tag field`,
    /// `Parameter description`): short, and not a sentence.
    static func isTableName(_ text: String) -> Bool {
        guard let last = text.last, text.count <= 80 else { return false }
        return !".:;,!?".contains(last)
    }

    /// Splits `Table 4 VolumeReq` / `Table 4-5 VolumeReq` / `表4 VolumeReq` into the number and the title.
    static func splitCaption(_ caption: String) -> (Int?, String) {
        var rest = Substring(caption)
        guard let lead = Vocabulary.prefixes(.tableCaptionLead).first(where: { rest.hasPrefix($0) }) else {
            return (nil, caption)
        }
        rest = rest.dropFirst(lead.count).drop { $0 == " " }
        let digits = rest.prefix { $0.isNumber || $0 == "-" || $0 == "." }
        guard !digits.isEmpty else { return (nil, caption) }
        rest = rest.dropFirst(digits.count).drop { $0 == " " || $0 == ":" || $0 == "：" }
        let last = digits.split(whereSeparator: { $0 == "-" || $0 == "." }).last.flatMap { Int($0) }
        return (last, String(rest))
    }
}
