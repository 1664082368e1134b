import APISchema
import DocReader
import Foundation

/// What a section of a page is for, from its heading, in any language of the ``Vocabulary``.
enum SectionKind: Equatable {
    case function, uri, request, response, example, status, other

    init(title: String) {
        let t = title.lowercased()
        if Vocabulary.matches(.statusLine, t), t.contains(where: \.isNumber) {
            self = .other  // "Status code: 200" introduces a response; it takes its parent section's kind
        } else if Vocabulary.matches(.exampleHeading, t) {
            self = .example
        } else if Vocabulary.matches(.uriHeading, t) {
            self = .uri
        } else if Vocabulary.matches(.functionHeading, t) {
            self = .function
        } else if Vocabulary.matches(.statusHeading, t) {
            self = .status
        } else if Vocabulary.matches(.errorCodeHeading, t) {
            self = .other
        } else if Vocabulary.matches(.requestHeading, t) {
            self = .request
        } else if Vocabulary.matches(.responseHeading, t) {
            self = .response
        } else {
            // Constraints (`constraintHeading`) and anything else hold no table of the operation.
            self = .other
        }
    }
}

/// A flattened piece of a section.
enum SectionItem {
    case paragraph(InlineText)
    case table(Int)
    case code(String)
}

struct Section {
    var title: String
    var kind: SectionKind
    var items: [SectionItem] = []
    /// Title of the enclosing section for sub-headings ("Example Responses" above "Status code: 200").
    var parentTitle = ""
}

/// Column positions of a parameter table.
struct Columns {
    var name: Int
    var mandatory: Int?
    var type: Int?
    var description: Int?
    var location: Int?
    /// Header texts, to recognise header rows repeated in the body.
    var header: [String]? = nil
}

/// A page with its sections and tables indexed for reference resolution.
struct PageModel {
    let index: Int
    let page: DocPage
    var sections: [Section] = []
    var tables: [Table] = []
    var tableSection: [Int] = []
    var columns: [Columns?] = []
    var tableByNumber: [Int: Int] = [:]
    /// Tables by the anchors in front of them (the first table wins).
    var tableByAnchor: [String: Int] = [:]
    var tableByTitle: [String: [Int]] = [:]
    var tableByField: [String: [Int]] = [:]

    init(index: Int, page: DocPage) {
        self.index = index
        self.page = page
        var current = Section(title: "", kind: .other)
        var sawTitle = false
        var sectionLevel = Int.max
        var parentKind: SectionKind?
        var parentTitle = ""
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, let text, _):
                    if level == 1 && !sawTitle {
                        sawTitle = true
                        continue
                    }
                    sections.append(current)
                    var kind = SectionKind(title: text.text)
                    // A sub-heading ("Status code: 200", "Request header") inside a section keeps its kind.
                    var enclosing = ""
                    if level > sectionLevel, let parent = parentKind {
                        if kind == .other { kind = parent }
                        enclosing = parentTitle
                    } else {
                        sectionLevel = level
                        parentKind = kind
                        parentTitle = text.text
                    }
                    current = Section(title: text.text, kind: kind, parentTitle: enclosing)
                case .paragraph(let text):
                    if Vocabulary.matches(.sectionTitleParagraph, text.text.lowercased()) {
                        // A section title printed as a paragraph ("URI" on some older pages).
                        sections.append(current)
                        current = Section(title: text.text, kind: SectionKind(title: text.text))
                    } else {
                        current.items.append(.paragraph(text))
                    }
                case .list(_, let items):
                    for item in items { visit(item) }
                case .note(let inner):
                    visit(inner)
                case .code(let code):
                    current.items.append(.code(code))
                case .table(let table):
                    let tableIndex = tables.count
                    tables.append(table)
                    tableSection.append(sections.count)
                    current.items.append(.table(tableIndex))
                }
            }
        }
        visit(page.blocks)
        sections.append(current)
        for (i, table) in tables.enumerated() {
            columns.append(Self.columns(of: table))
            if let number = table.number, tableByNumber[number] == nil { tableByNumber[number] = i }
            for anchor in table.anchors where tableByAnchor[anchor] == nil { tableByAnchor[anchor] = i }
            tableByTitle[Self.normalise(table.title), default: []].append(i)
            if let field = Self.fieldName(ofCaption: table) {
                tableByField[field.lowercased(), default: []].append(i)
                // `server.metadata field description` also describes the `metadata` field of `server`.
                if let last = field.split(separator: ".").last, last.count < field.count {
                    tableByField[last.lowercased(), default: []].append(i)
                }
            }
        }
    }

    static func normalise(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// The field a caption is about: `server parameters`, `Table 3 volume field description`,
    /// `Data structure of the xxx field`, `Objects of response parameter security_group`; `nil` for
    /// captions like `Request body parameters`.
    static func fieldName(ofCaption table: Table) -> String? {
        let title = table.title.trimmed()
        // A caption-less table named by the paragraph before it may follow a "Status code: 200" line.
        if title.isEmpty || PageClassifier.statusCode(in: title) != nil { return nil }
        if let emphasised = table.caption?.emphasis.first(where: { isIdentifierLike($0) && $0 != "Table" }),
            !emphasised.hasPrefix("Table")
        {
            return emphasised
        }
        if Vocabulary.matches(.genericCaption, title.lowercased()) { return nil }
        let words = title.split(separator: " ").map(String.init)
        if words.count == 1 { return isIdentifierLike(words[0]) ? words[0] : nil }
        // "Data structure of the xxx field", "Objects of response parameter xxx": the identifier-looking word.
        let candidates = words.filter { word in
            isIdentifierLike(word) && (word.has("_") || word.has(":") || word.has(".")
                || word.has("-") || word.first?.isLowercase == true || word.contains { $0.isUppercase } && word.dropFirst().contains { $0.isUppercase })
        }
        let stop: Set<String> = [
            "parameters", "parameter", "field", "fields", "description", "objects", "object", "of", "the", "data",
            "structure", "for", "in", "response", "request", "information", "attributes", "and", "details", "a",
            "an", "to", "value", "values", "format", "list", "body", "creating", "querying", "structures", "type",
            "types", "status", "statuses", "with", "by", "on",
        ]
        if let first = candidates.first(where: { !stop.contains($0.lowercased()) }) { return first }
        return nil
    }

    static func isIdentifierLike(_ word: String) -> Bool {
        guard let first = word.first, first.isLetter else { return false }
        return word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-:.".contains($0)) }
    }

    /// Column positions, or `nil` when the table is not a parameter table. Column titles are read in any language of
    /// the ``Vocabulary``.
    static func columns(of table: Table) -> Columns? {
        guard let header = headerRow(of: table) else { return nil }
        let texts = header.map { $0.text.lowercased().trimmed() }
        if let first = texts.first, Vocabulary.matches(.codeColumn, first) { return nil }
        func find(_ concept: Concept) -> Int? { texts.firstIndex { Vocabulary.matches(concept, $0) } }
        let mandatory = find(.mandatoryColumn)
        let types = texts.indices.filter {
            Vocabulary.matches(.typeColumn, texts[$0]) && !Vocabulary.matches(.notTypeColumn, texts[$0])
        } + texts.indices.filter { Vocabulary.matches(.parameterTypeColumn, texts[$0]) }
        // `In`, `Location`, and on some pages `Parameter Type`, say where each parameter goes: their cells do.
        let location = (texts.indices.filter { Vocabulary.matches(.locationColumn, texts[$0]) } + types)
            .first { namesLocations(table, column: $0) }
        let type = types.first { $0 != location }
        let description = find(.descriptionColumn)
        let name = texts.firstIndex { Vocabulary.matches(.nameColumn, $0) && !Vocabulary.matches(.notNameColumn, $0) }
        guard let nameColumn = name else { return nil }
        guard description != nil || type != nil || mandatory != nil else { return nil }
        return Columns(
            name: nameColumn, mandatory: mandatory, type: type, description: description, location: location,
            header: header.map(\.text))
    }

    /// Whether every filled cell of a column names where a parameter goes (`query`, `path`, `header`, `body`).
    static func namesLocations(_ table: Table, column: Int) -> Bool {
        let cells = table.bodyRows.compactMap { column < $0.count ? $0[column].text.lowercased().trimmed() : nil }
            .filter { !$0.isEmpty }
        return !cells.isEmpty && cells.allSatisfy { cell in
            cell.count <= 20 && (ParameterReader.location(named: cell) != nil || Vocabulary.matches(.bodyLocation, cell))
        }
    }

    /// The column titles of a table: its header row, else a first row that reads as one (a name and a detail
    /// column).
    static func headerRow(of table: Table) -> [Cell]? {
        if let header = table.header { return header }
        guard let first = table.rows.first else { return nil }
        let texts = first.map { $0.text.lowercased() }
        guard texts.contains(where: { Vocabulary.matches(.headerRowName, $0) }),
            texts.contains(where: { Vocabulary.matches(.headerRowDetail, $0) })
        else { return nil }
        return first
    }
}
