import CLibXML2

/// Walks the libxml2 tree once and turns it into blocks.
struct TreeWalker {
    /// Text of the first `h1`.
    var title: String?
    /// Nesting depth of the element being walked; content nested deeper than `maxDepth` is skipped so that a
    /// pathological page cannot exhaust the stack.
    var depth = 0
    static let maxDepth = 256

    typealias Node = UnsafeMutablePointer<xmlNode>

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
}
