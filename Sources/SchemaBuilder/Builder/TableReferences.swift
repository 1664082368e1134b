import DocReader

/// How tables refer to each other, across all pages: link anchors, "Table N" mentions and type names. Built once
/// from the pages; it never changes while types are read.
struct TableReferences {
    let pages: [PageModel]
    /// Page indexes by path, to follow links between pages.
    let pageByPath: [String: Int]
    /// Table anchors of every page, the first page in path order winning: the targets of links whose own page has
    /// no such anchor.
    let anchorIndex: [String: TableID]
    /// Per page, the tables some row of the same page refers to: nested types, not roots.
    private(set) var referenced: [Set<Int>] = []
    /// Per page, the error statuses (400 and up) it lists, for the pages that link it as their common list: read
    /// once per page, not once per page that links it.
    private let errorStatuses: [[(status: Int, description: String)]]
    /// Per page, the pages listing error statuses that its status and error-code sections link to (read once).
    private var errorLists: [[Int]] = []
    /// The page most pages link as their list of error statuses (``linkedErrorStatuses(_:)``).
    private var commonErrorList: Int?

    init(pages: [PageModel]) {
        self.pages = pages
        pageByPath = Dictionary(pages.map { ($0.page.path, $0.index) }, uniquingKeysWith: { first, _ in first })
        var anchors: [String: TableID] = [:]
        for model in pages {
            for (t, table) in model.tables.enumerated() {
                for anchor in table.anchors where anchors[anchor] == nil { anchors[anchor] = TableID(model.index, t) }
            }
        }
        anchorIndex = anchors
        errorStatuses = pages.map(Self.errorStatuses)
        errorLists = pages.map(errorListLinks)
        commonErrorList = Self.commonErrorList(linkedBy: errorLists)
        referenced = pages.map(referencedTables)
    }

    /// The table a row names by linking another API page rather than a table on it ("For details, see Querying
    /// Details About a Server"): the table of the object that page's response holds in a field named like the row
    /// (`server` for `servers`), the page's response body being `responseBodies[page]`. The row's own type says
    /// whether it holds one or a list. A link in a sentence about where a value comes from ("For details on how to
    /// obtain the ID, see …") names no type.
    func linkedPageTable(of row: [Cell], in id: TableID, columns: Columns, responseBodies: [Int: Int]) -> TableID? {
        let model = pages[id.page]
        guard let name = ParameterReader.rowName(row, columns) else { return nil }
        let field = [name, Naming.singular(name)]
        let cells = [columns.type, columns.description].compactMap { $0 }.filter { $0 < row.count }.map { row[$0] }
        for cell in cells {
            for link in cell.links where table(linkedBy: link, on: model) == nil && !Self.isProvenance(link, in: cell.text) {
                guard let page = link.targetPage(from: model.page.path).flatMap({ pageByPath[$0] }), page != id.page,
                    let t = responseBodies[page], let responseColumns = pages[page].columns[t],
                    let wrapper = pages[page].tables[t].bodyRows.first(where: {
                        ParameterReader.rowName($0, responseColumns).map(field.contains) ?? false
                    })
                else { continue }
                let response = TableID(page, t)
                if let inner = targets(of: wrapper, in: response, columns: responseColumns).first(where: { $0.page == page }) {
                    return inner
                }
            }
        }
        return nil
    }

    /// Whether the sentence of `text` that holds the link says where a value comes from rather than what it is.
    static func isProvenance(_ link: Link, in text: String) -> Bool {
        let sentences = text.split(whereSeparator: { $0 == "\n" || $0 == "。" })
            .flatMap { String($0).components(separatorSeparatedBy: ". ") }
        guard let sentence = sentences.first(where: { !link.text.isEmpty && $0.has(link.text) }) else { return false }
        return Vocabulary.matches(.obtainMention, sentence.replacingAll(link.text, with: "").lowercased())
    }

    /// The error statuses a page lists: its status tables', else those its error-code tables pair codes with.
    private static func errorStatuses(of model: PageModel) -> [(status: Int, description: String)] {
        var listed = model.tables.filter(PageClassifier.isStatusTable).flatMap(PageClassifier.statuses(in:))
        if listed.isEmpty { listed = model.tables.flatMap(ErrorCodeReader.statuses(in:)).map { ($0, "") } }
        return listed.filter { $0.status >= 400 }
    }

    /// Tables some row of `model` refers to (by link, by "Table N" or by type name) on the same page.
    private func referencedTables(_ model: PageModel) -> Set<Int> {
        var result = Set<Int>()
        for (t, table) in model.tables.enumerated() {
            guard let columns = model.columns[t] else { continue }
            for row in table.bodyRows {
                for target in targets(of: row, in: TableID(model.index, t), columns: columns) where target.page == model.index {
                    result.insert(target.table)
                }
            }
        }
        return result
    }

    /// Tables a row of table `id` points at: links to table anchors, "Table N" mentions, and the type name.
    func targets(of row: [Cell], in id: TableID, columns: Columns) -> [TableID] {
        let model = pages[id.page]
        var targets: [TableID] = []
        func add(_ target: TableID) {
            guard target != id, pages[target.page].columns[target.table] != nil else { return }
            if !targets.contains(target) { targets.append(target) }
        }
        var cells: [Cell] = []
        if let c = columns.type, c < row.count { cells.append(row[c]) }
        if let c = columns.description, c < row.count { cells.append(row[c]) }
        for cell in cells {
            for link in cell.links where link.fragment != nil {
                if let hit = table(linkedBy: link, on: model) {
                    add(hit)
                } else if link.page.isEmpty, let number = Self.tableNumbers(in: link.text).first,
                    let hit = model.tableByNumber[number]
                {
                    add(TableID(model.index, hit))
                }
            }
        }
        if targets.isEmpty {
            for cell in cells {
                // "see Table 1" in a link to another page names that page's table, not this one's.
                let elsewhere = Set(cell.links.filter { !$0.page.isEmpty }.flatMap { Self.tableNumbers(in: $0.text) })
                for number in Self.tableNumbers(in: cell.text) where !elsewhere.contains(number) {
                    if let hit = model.tableByNumber[number] { add(TableID(model.index, hit)) }
                }
            }
        }
        if targets.isEmpty, let c = columns.type, c < row.count {
            let (spelling, _) = TypeSpellingParser.parse(row[c].text)
            if let name = Self.explicitName(spelling), let hits = model.tableByTitle[PageModel.normalise(name)],
                let hit = hits.first(where: { $0 != id.table })
            {
                add(TableID(model.index, hit))
            }
        }
        return targets
    }

    /// The table a link points at: an anchor of the linked page (the same page for `#…`), else of any page.
    /// Site pages reuse anchors (`id1`, `id2` on every page), so the linked page is looked at first.
    func table(linkedBy link: Link, on model: PageModel) -> TableID? {
        guard let fragment = link.fragment else { return nil }
        let target = link.page.isEmpty ? model.index : link.targetPage(from: model.page.path).flatMap { pageByPath[$0] }
        if let target, let table = pages[target].tableByAnchor[fragment] { return TableID(target, table) }
        return anchorIndex[fragment]
    }

    /// A response section that only links to another page ("See Responses (Task)"): that page's first table
    /// that is not nested.
    func linkedResponseTable(_ model: PageModel) -> TableID? {
        for section in model.sections where section.kind == .response {
            for case .paragraph(let text) in section.items {
                for link in text.links {
                    guard let target = link.targetPage(from: model.page.path).flatMap({ pageByPath[$0] }) else { continue }
                    let columns = pages[target].columns
                    if let table = columns.indices.first(where: { columns[$0] != nil && !referenced[target].contains($0) }) {
                        return TableID(target, table)
                    }
                }
            }
        }
        return nil
    }

    /// The error statuses (400 and up) of the pages that the page's status and error-code sections link to ("See
    /// Returned Values for General Requests", "For details, see Error Codes"), which such a page documents as its
    /// own; when they link none, those of the service's common list (``commonErrorList``): a page that lists no
    /// error status fails as every page of its service does.
    func linkedErrorStatuses(_ model: PageModel) -> [(status: Int, description: String)] {
        var statuses: [(status: Int, description: String)] = []
        let lists = errorLists[model.index]
        for target in lists.isEmpty ? (commonErrorList.map { [$0] } ?? []) : lists {
            for entry in errorStatuses[target] where !statuses.contains(where: { $0.status == entry.status }) {
                statuses.append(entry)
            }
        }
        return statuses.sorted { $0.status < $1.status }
    }

    /// The pages listing error statuses that the status and error-code sections of `model` link to, in link order.
    private func errorListLinks(of model: PageModel) -> [Int] {
        var targets: [Int] = []
        for section in model.sections
        where section.kind == .status || Vocabulary.matches(.errorCodeHeading, section.title.lowercased()) {
            for case .paragraph(let text) in section.items {
                for link in text.links {
                    guard let target = link.targetPage(from: model.page.path).flatMap({ pageByPath[$0] }),
                        target != model.index, !errorStatuses[target].isEmpty, !targets.contains(target)
                    else { continue }
                    targets.append(target)
                }
            }
        }
        return targets
    }

    /// The service's common error list: the page that the status and error-code sections of the most pages link
    /// to (the first in path order on a tie), when at least two do.
    private static func commonErrorList(linkedBy links: [[Int]]) -> Int? {
        var counts: [Int: Int] = [:]
        for target in links.joined() { counts[target, default: 0] += 1 }
        guard let best = counts.min(by: { ($1.value, $0.key) < ($0.value, $1.key) }), best.value >= 2 else {
            return nil
        }
        return best.key
    }

    static func explicitName(_ spelling: TypeSpelling) -> String? {
        switch spelling {
        case .named(let name): name
        case .array(let inner), .map(let inner): explicitName(inner)
        case .unknown(let text): text
        default: nil
        }
    }

    /// Numbers of "Table N" / "Table N-M" / "表N" mentions in `text`.
    static func tableNumbers(in text: String) -> [Int] {
        var numbers: [Int] = []
        for mention in Vocabulary.contained(.tableMention) {
            var rest = Substring(text)
            while let range = rest.find(mention) {
                rest = rest[range.upperBound...]
                let token = rest.prefix { $0.isNumber || $0 == "-" || $0 == "." }
                let last = token.split(whereSeparator: { $0 == "-" || $0 == "." }).last.flatMap { Int($0) }
                if let last { numbers.append(last) }
            }
        }
        return numbers
    }
}
