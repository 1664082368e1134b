import CLibXML2

/// Accumulates inline text with whitespace collapsed, plus the links and emphasised runs in it.
struct InlineBuilder {
    var bytes: [UInt8] = []
    var links: [Link] = []
    var emphasis: [String] = []
    private var pendingSpace = false

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ pointer: UnsafePointer<UInt8>) {
        var p = pointer
        while p.pointee != 0 {
            let byte = p.pointee
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                p += 1
            } else if byte == 0xC2 && p[1] == 0xA0 {  // no-break space
                pendingSpace = true
                p += 2
            } else {
                if pendingSpace {
                    if !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                }
                bytes.append(byte)
                p += 1
            }
        }
    }

    mutating func appendSpace() { pendingSpace = true }

    /// Current length, including a pending space (so that runs start at a word boundary).
    var mark: Int { bytes.count }

    func text(from start: Int) -> String {
        guard start < bytes.count else { return "" }
        return String(decoding: bytes[start...], as: UTF8.self).trimmingSpaces()
    }

    mutating func take() -> InlineText? {
        defer {
            bytes.removeAll(keepingCapacity: true)
            links = []
            emphasis = []
            pendingSpace = false
        }
        if bytes.isEmpty { return nil }
        return InlineText(text: String(decoding: bytes, as: UTF8.self), links: links, emphasis: emphasis)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}

/// Collects blocks in document order, turning loose inline text into paragraphs.
struct BlockCollector {
    var blocks: [Block] = []
    var inline = InlineBuilder()
    var pendingAnchors: [String] = []

    mutating func flush() {
        if let text = inline.take() { blocks.append(.paragraph(text)) }
    }

    mutating func add(_ block: Block) {
        flush()
        blocks.append(block)
    }
}

/// The element names the walker treats specially.
enum Tag {
    case heading(Int), paragraph, list(ordered: Bool), listItem, table, pre, anchor, lineBreak, emphasis, inline,
        container, skip, caption, other

    init(_ name: UnsafePointer<UInt8>) {
        let length = Int(xmlStrlen(name))
        func lower(_ i: Int) -> UInt8 { name[i] | 0x20 }
        switch length {
        case 1:
            switch lower(0) {
            case UInt8(ascii: "p"): self = .paragraph
            case UInt8(ascii: "a"): self = .anchor
            case UInt8(ascii: "b"): self = .emphasis
            case UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "s"), UInt8(ascii: "q"): self = .inline
            default: self = .other
            }
        case 2:
            let a = lower(0), b = lower(1)
            if a == UInt8(ascii: "h"), b >= UInt8(ascii: "1") | 0x20, b <= UInt8(ascii: "6") | 0x20 {
                self = .heading(Int(name[1] - UInt8(ascii: "0")))
            } else if a == UInt8(ascii: "u") && b == UInt8(ascii: "l") {
                self = .list(ordered: false)
            } else if a == UInt8(ascii: "o") && b == UInt8(ascii: "l") {
                self = .list(ordered: true)
            } else if a == UInt8(ascii: "l") && b == UInt8(ascii: "i") {
                self = .listItem
            } else if a == UInt8(ascii: "b") && b == UInt8(ascii: "r") {
                self = .lineBreak
            } else if (a == UInt8(ascii: "e") && b == UInt8(ascii: "m")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "t")) {
                self = .inline
            } else if (a == UInt8(ascii: "d") && (b == UInt8(ascii: "d") || b == UInt8(ascii: "t") || b == UInt8(ascii: "l")))
                || (a == UInt8(ascii: "h") && b == UInt8(ascii: "r"))
            {
                self = .container
            } else {
                self = .other
            }
        default:
            let text = String(decoding: UnsafeBufferPointer(start: name, count: length), as: UTF8.self).lowercased()
            switch text {
            case "table": self = .table
            case "pre", "xmp", "listing": self = .pre
            case "strong", "code", "kbd", "samp": self = .emphasis
            case "span", "font", "sup", "sub", "var", "cite", "small", "big", "label", "abbr", "strike", "del",
                "ins", "mark", "nobr":
                self = .inline
            case "div", "section", "body", "html", "blockquote", "center", "article", "main", "header", "footer",
                "aside", "form", "fieldset", "head", "figure", "figcaption", "details", "summary", "tbody", "thead",
                "tfoot", "tr", "td", "th", "dir", "menu":
                self = .container
            // `nav` is page navigation (the site's previous/next links), never content.
            case "img", "script", "style", "meta", "link", "noscript", "iframe", "object", "svg", "input",
                "button", "select", "textarea", "colgroup", "col", "nav", "title":
                self = .skip
            case "caption": self = .caption
            default: self = .other
            }
        }
    }
}

/// Walks the libxml2 tree once and turns it into blocks.
struct TreeWalker {
    /// Text of the first `h1`.
    var title: String?
    /// Nesting depth of the element being walked; content nested deeper than `maxDepth` is skipped so that a
    /// pathological page cannot exhaust the stack.
    var depth = 0
    static let maxDepth = 256

    typealias Node = UnsafeMutablePointer<xmlNode>

    /// The value of attribute `name` (lower-case ASCII), compared byte by byte without creating strings.
    static func attribute(_ node: Node, _ name: StaticString) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let attrName = a.pointee.name, equalsLowercased(attrName, name) {
                var bytes: [UInt8] = []
                var child = a.pointee.children
                while let c = child {
                    if var p = c.pointee.content {
                        while p.pointee != 0 {
                            bytes.append(p.pointee)
                            p += 1
                        }
                    }
                    child = c.pointee.next
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            attr = a.pointee.next
        }
        return nil
    }

    static func equalsLowercased(_ text: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let expected = name.utf8Start
        for i in 0..<count {
            let byte = text[i]
            if byte == 0 { return false }
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if lower != expected[i] { return false }
        }
        return text[count] == 0
    }

    /// The element that holds a page's own content, and the text of its `<title>`.
    ///
    /// A site page wraps its content (`<div id="docs-content">`, inside `<main>`) in site chrome: a header, a
    /// sidebar holding the whole table of contents, breadcrumbs, footer. Only that content is the page; an export
    /// page is a bare fragment and is read whole.
    static func mainContent(of root: Node) -> (content: Node, documentTitle: String?) {
        var main: Node?
        var documentTitle: String?
        // Document order through the child, next and parent links: no allocation per node on this extra pass.
        var node: Node? = root
        var depth = 0
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name {
                if attribute(current, "id", is: "docs-content") { return (current, documentTitle) }
                if main == nil, equalsLowercased(name, "main") || attribute(current, "role", is: "main") { main = current }
                if documentTitle == nil, equalsLowercased(name, "title") { documentTitle = normalisedText(current) }
                if let child = current.pointee.children, depth < maxDepth {
                    node = child
                    depth += 1
                    continue
                }
            }
            // Next sibling, else the next sibling of the nearest ancestor that has one.
            var climb: Node? = current
            node = nil
            while let up = climb, up != root {
                if let next = up.pointee.next {
                    node = next
                    break
                }
                climb = up.pointee.parent
                depth -= 1
            }
        }
        return (main ?? root, documentTitle)
    }

    /// The text below `node` with whitespace collapsed, as `<title>` is shown.
    static func normalisedText(_ node: Node) -> String? {
        var bytes: [UInt8] = []
        rawText(node, into: &bytes)
        bytes.append(0)
        var builder = InlineBuilder()
        bytes.withUnsafeBufferPointer { builder.append($0.baseAddress!) }
        return builder.take()?.text
    }

    /// Whether attribute `name` of `node` is exactly `value`, compared without creating a string.
    static func attribute(_ node: Node, _ name: StaticString, is value: StaticString) -> Bool {
        var attr = node.pointee.properties
        while let a = attr {
            if let attrName = a.pointee.name, equalsLowercased(attrName, name) {
                guard let text = a.pointee.children, text.pointee.next == nil, let content = text.pointee.content else {
                    return false
                }
                let count = value.utf8CodeUnitCount
                for i in 0..<count where content[i] != value.utf8Start[i] { return false }
                return content[count] == 0
            }
            attr = a.pointee.next
        }
        return false
    }

    static func classes(_ node: Node) -> [Substring] {
        guard let cls = attribute(node, "class")?.lowercased() else { return [] }
        return cls.split(separator: " ")
    }

    /// Note boxes: the export's `div.note` family and the site's `div.admonition`.
    static func isNote(_ node: Node) -> Bool {
        classes(node).contains { ["note", "notice", "caution", "warning", "danger", "tip", "admonition"].contains($0) }
    }

    /// The "NOTE:" label of a note box, which is not content.
    static func isNoteTitle(_ node: Node) -> Bool {
        classes(node).contains { ["notetitle", "noticetitle", "cautiontitle", "warningtitle", "dangertitle", "tiptitle",
            "admonition-title"].contains($0) }
    }

    /// The `¶` permalink the site puts after every heading and caption.
    static func isPermalink(_ node: Node) -> Bool {
        classes(node).contains("headerlink")
    }

    /// An element with an `id` and no content (`<span id="createnotebook"></span>`): a link target for what
    /// follows it.
    static func emptyAnchor(_ node: Node) -> String? {
        guard let id = attribute(node, "id"), !id.isEmpty else { return nil }
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { return nil }
            if c.pointee.type == XML_TEXT_NODE, var p = c.pointee.content {
                while p.pointee != 0 {
                    if !(p.pointee == 0x20 || p.pointee == 0x0A || p.pointee == 0x09 || p.pointee == 0x0D) { return nil }
                    p += 1
                }
            }
            child = c.pointee.next
        }
        return id
    }

    mutating func walkChildren(_ node: Node, into collector: inout BlockCollector) {
        var child = node.pointee.children
        while let c = child {
            walk(c, into: &collector)
            child = c.pointee.next
        }
    }

    mutating func walk(_ node: Node, into collector: inout BlockCollector) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content { collector.inline.append(content) }
            return
        case XML_ELEMENT_NODE:
            break
        default:
            return
        }
        guard let name = node.pointee.name, depth < Self.maxDepth else { return }
        depth += 1
        defer { depth -= 1 }
        let tag = Tag(name)
        switch tag {
        case .heading(let level):
            collector.flush()
            var anchors = collector.pendingAnchors
            collector.pendingAnchors = []
            if let id = Self.attribute(node, "id") { anchors.append(id) }
            var inner = BlockCollector()
            walkChildren(node, into: &inner)
            inner.flush()
            let text = InlineText(
                text: Block.joined(inner.blocks),
                links: inner.blocks.flatMap(\.links),
                emphasis: inner.blocks.flatMap { block -> [String] in
                    if case .paragraph(let t) = block { return t.emphasis }
                    return []
                })
            if level == 1, title == nil { title = text.text }
            collector.add(.heading(level: level, text: text, anchors: anchors))
            collector.blocks.append(contentsOf: inner.blocks.filter { if case .paragraph = $0 { false } else { true } })
        case .paragraph, .container, .other:
            if let anchor = Self.emptyAnchor(node) {
                collector.pendingAnchors.append(anchor)
                return
            }
            if Self.isNote(node) {
                collector.flush()
                var inner = BlockCollector()
                walkChildren(node, into: &inner)
                inner.flush()
                collector.add(.note(inner.blocks))
                return
            }
            if Self.isNoteTitle(node) { return }
            collector.flush()
            walkChildren(node, into: &collector)
            collector.flush()
            // A paragraph's id is the target of links to the table it introduces.
            if case .paragraph = tag, let id = Self.attribute(node, "id") { collector.pendingAnchors.append(id) }
        case .listItem:
            collector.flush()
            walkChildren(node, into: &collector)
            collector.flush()
        case .list(let ordered):
            collector.flush()
            var items: [[Block]] = []
            var loose = BlockCollector()
            var child = node.pointee.children
            while let c = child {
                if c.pointee.type == XML_ELEMENT_NODE, let n = c.pointee.name, case .listItem = Tag(n) {
                    loose.flush()
                    if !loose.blocks.isEmpty { items.append(loose.blocks); loose.blocks = [] }
                    var item = BlockCollector()
                    walkChildren(c, into: &item)
                    item.flush()
                    items.append(item.blocks)
                } else {
                    walk(c, into: &loose)
                }
                child = c.pointee.next
            }
            loose.flush()
            if !loose.blocks.isEmpty { items.append(loose.blocks) }
            collector.add(.list(ordered: ordered, items: items))
        case .table:
            collector.flush()
            var anchors = collector.pendingAnchors
            collector.pendingAnchors = []
            if let id = Self.attribute(node, "id") { anchors.append(id) }
            var table = readTable(node, anchors: anchors)
            if table.caption == nil, case .paragraph(let lead)? = collector.blocks.last, Self.isTableName(lead.text) {
                table.caption = lead
                (table.number, table.title) = Self.splitCaption(lead.text)
            }
            collector.add(.table(table))
        case .pre:
            collector.flush()
            var bytes: [UInt8] = []
            Self.rawText(node, into: &bytes)
            collector.add(.code(String(decoding: bytes, as: UTF8.self)))
        case .anchor:
            if Self.isPermalink(node) { return }
            let href = Self.attribute(node, "href")
            if href == nil, node.pointee.children == nil {
                if let anchor = Self.attribute(node, "name") ?? Self.attribute(node, "id") {
                    collector.pendingAnchors.append(anchor)
                }
                return
            }
            let start = collector.inline.mark
            let blocksBefore = collector.blocks.count
            walkChildren(node, into: &collector)
            if let href, collector.blocks.count == blocksBefore {
                collector.inline.links.append(Link(text: collector.inline.text(from: start), href: href))
            }
        case .emphasis:
            let start = collector.inline.mark
            let blocksBefore = collector.blocks.count
            walkChildren(node, into: &collector)
            if collector.blocks.count == blocksBefore {
                let text = collector.inline.text(from: start)
                if !text.isEmpty { collector.inline.emphasis.append(text) }
            }
        case .inline:
            if let anchor = Self.emptyAnchor(node) {
                collector.pendingAnchors.append(anchor)
                return
            }
            if Self.isNoteTitle(node) { return }
            walkChildren(node, into: &collector)
        case .lineBreak:
            collector.inline.appendSpace()
        case .skip, .caption:
            return
        }
    }

    /// Concatenates the text below `node` as printed, turning `<br>` into line breaks.
    static func rawText(_ node: Node, into bytes: inout [UInt8], depth: Int = 0) {
        guard depth < maxDepth else { return }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if var p = c.pointee.content {
                    while p.pointee != 0 {
                        if p.pointee == 0xC2 && p[1] == 0xA0 {
                            bytes.append(0x20)
                            p += 2
                        } else {
                            bytes.append(p.pointee == 0x0D ? 0x0A : p.pointee)
                            p += 1
                        }
                    }
                }
            case XML_ELEMENT_NODE:
                if let name = c.pointee.name, case .lineBreak = Tag(name) {
                    bytes.append(0x0A)
                } else {
                    rawText(c, into: &bytes, depth: depth + 1)
                }
            default:
                break
            }
            child = c.pointee.next
        }
    }

    // MARK: Tables

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

    /// Splits `Table 4 VolumeReq` / `Table 4-5 VolumeReq` into the number and the title.
    static func splitCaption(_ caption: String) -> (Int?, String) {
        var rest = Substring(caption)
        guard rest.hasPrefix("Table") else { return (nil, caption) }
        rest = rest.dropFirst(5).drop { $0 == " " }
        let digits = rest.prefix { $0.isNumber || $0 == "-" || $0 == "." }
        guard !digits.isEmpty else { return (nil, caption) }
        rest = rest.dropFirst(digits.count).drop { $0 == " " || $0 == ":" }
        let last = digits.split(whereSeparator: { $0 == "-" || $0 == "." }).last.flatMap { Int($0) }
        return (last, String(rest))
    }
}
