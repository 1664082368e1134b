/// A parsed API reference page: its title and its content as an ordered list of blocks.
///
/// `DocPage` is the only thing the schema builder sees of the HTML. Text is normalised (entities decoded,
/// whitespace collapsed), links and anchors are kept so that "see Table 3" references can be resolved, and
/// tables are a rectangular grid with `rowspan`/`colspan` already expanded.
///
/// Both published layouts read into the same `DocPage`: the flat export (page fragments) and the documentation
/// site (whole Sphinx pages, of which only the main content counts). Nothing after the reader knows which layout a
/// page came from.
public struct DocPage: Sendable, Hashable {
    /// The page's path relative to its folder of pages, with `/` separators (`CreateNotebook.html`,
    /// `development_environment_management/creating_a_notebook_instance.html`).
    public var path: String
    /// Text of the first `h1`, or of `<title>` when the page has no `h1`.
    public var title: String
    /// Top-level content in document order.
    public var blocks: [Block]

    public init(path: String, title: String, blocks: [Block]) {
        self.path = path
        self.title = title
        self.blocks = blocks
    }
}

/// A hyperlink inside a run of text.
public struct Link: Sendable, Hashable {
    /// The link's visible text (`Table 3`).
    public var text: String
    /// The `href` attribute as written (`#PAGE__table123`, `other.html#anchor`).
    public var href: String

    public init(text: String, href: String) {
        self.text = text
        self.href = href
    }

    /// The fragment part of `href` (after `#`), if any.
    public var fragment: String? {
        guard let index = href.firstIndex(of: "#") else { return nil }
        let fragment = href[href.index(after: index)...]
        return fragment.isEmpty ? nil : String(fragment)
    }

    /// The page part of `href` (before `#`); empty for same-page links.
    public var page: String {
        if let index = href.firstIndex(of: "#") { return String(href[..<index]) }
        return href
    }

    /// The path of the linked page relative to the folder of pages, for a link on the page at `path`
    /// (`../appendix/x.html` from `a/b.html` is `appendix/x.html`); `nil` for same-page and external links and for
    /// links that leave the folder.
    public func targetPage(from path: String) -> String? {
        let page = page
        guard !page.isEmpty, !page.contains("://"), !page.hasPrefix("/"), !page.hasPrefix("mailto:") else { return nil }
        var segments = path.split(separator: "/").dropLast().map(String.init)
        for segment in page.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(String(segment))
            }
        }
        return segments.joined(separator: "/")
    }
}

/// Normalised text with the links and emphasised (`strong`, `b`, `code`) runs it contains.
public struct InlineText: Sendable, Hashable {
    /// Text with whitespace collapsed and trimmed.
    public var text: String
    /// Links in order of appearance.
    public var links: [Link]
    /// Emphasised runs (`<strong>`, `<b>`, `<code>`) in order of appearance, trimmed.
    public var emphasis: [String]

    public init(text: String, links: [Link] = [], emphasis: [String] = []) {
        self.text = text
        self.links = links
        self.emphasis = emphasis
    }
}

/// One block of page content.
public indirect enum Block: Sendable, Hashable {
    /// `h1`…`h6`, with the anchors attached to it: empty anchors just before it (`<span id="createnotebook">` in
    /// front of a site page's title) and its own `id`.
    case heading(level: Int, text: InlineText, anchors: [String])
    /// A paragraph, or a run of text between blocks.
    case paragraph(InlineText)
    /// `ul`/`ol`: each item is its own list of blocks.
    case list(ordered: Bool, items: [[Block]])
    /// A note/notice/caution box.
    case note([Block])
    /// A `pre` block, its text exactly as printed (entities decoded, line breaks kept).
    case code(String)
    /// A table.
    case table(Table)

    /// Plain text of the block; nested blocks are joined with newlines.
    public var plainText: String {
        switch self {
        case .heading(_, let text, _): text.text
        case .paragraph(let text): text.text
        case .list(_, let items): items.map { Block.joined($0) }.joined(separator: "\n")
        case .note(let blocks): Block.joined(blocks)
        case .code(let code): code
        case .table(let table): table.caption?.text ?? ""
        }
    }

    /// All links of the block, including those of nested blocks and table cells.
    public var links: [Link] {
        switch self {
        case .heading(_, let text, _), .paragraph(let text): text.links
        case .list(_, let items): items.flatMap { $0.flatMap(\.links) }
        case .note(let blocks): blocks.flatMap(\.links)
        case .code: []
        case .table(let table): table.rows.flatMap { $0.flatMap(\.links) }
        }
    }

    /// Joins the plain text of blocks with newlines, skipping empty ones.
    public static func joined(_ blocks: [Block]) -> String {
        blocks.map(\.plainText).filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// A table cell after `rowspan`/`colspan` expansion.
public struct Cell: Sendable, Hashable {
    /// Plain text of the cell: its blocks joined with newlines.
    public var text: String
    /// Structure of the cell: paragraphs, lists, notes, code.
    public var blocks: [Block]
    /// Whether the cell was a `th`.
    public var isHeader: Bool
    /// Whether this grid position is covered by a span from another cell (the content is a copy of that cell).
    public var isSpanned: Bool

    public init(text: String, blocks: [Block], isHeader: Bool = false, isSpanned: Bool = false) {
        self.text = text
        self.blocks = blocks
        self.isHeader = isHeader
        self.isSpanned = isSpanned
    }

    /// All links inside the cell.
    public var links: [Link] { blocks.flatMap(\.links) }
}

/// A table with its caption, anchors and an expanded grid of cells.
public struct Table: Sendable, Hashable {
    /// Caption as printed (`Table 4 VolumeReq`); for a table without a `<caption>`, the short paragraph right
    /// before it that names it (`Parameters in the resource_tag field`).
    public var caption: InlineText?
    /// The number of the caption (`4` for `Table 4`, `5` for `Table 4-5`).
    public var number: Int?
    /// The caption without its `Table N` prefix (`VolumeReq`).
    public var title: String
    /// The table's `id` and the anchors just before it (`<a name>`, an empty `<span id>`, the `id` of the paragraph
    /// that introduces it): the targets of links to the table.
    public var anchors: [String]
    /// Rows of the grid; every row has `columnCount` cells.
    public var rows: [[Cell]]
    /// How many leading rows are header rows (`thead`, or rows made only of `th`).
    public var headerRowCount: Int

    public init(caption: InlineText?, number: Int?, title: String, anchors: [String], rows: [[Cell]], headerRowCount: Int) {
        self.caption = caption
        self.number = number
        self.title = title
        self.anchors = anchors
        self.rows = rows
        self.headerRowCount = headerRowCount
    }

    /// Number of columns of the grid.
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }
    /// The last header row (the column titles), if any.
    public var header: [Cell]? { headerRowCount > 0 ? rows[headerRowCount - 1] : nil }
    /// The rows after the header rows.
    public var bodyRows: ArraySlice<[Cell]> { rows.dropFirst(headerRowCount) }
}
