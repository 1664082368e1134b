import APISchema
import DocReader
import Foundation

/// What a section of a page is for, from its heading.
enum SectionKind: Equatable {
    case function, uri, request, response, example, status, other

    init(title: String) {
        let t = title.lowercased()
        if t.hasPrefix("status code"), t.contains(where: \.isNumber) {
            self = .other  // "Status code: 200" introduces a response; it takes its parent section's kind
        } else if t.hasPrefix("example") || t.hasPrefix("sample") || t.has("example request")
            || t.has("example response") || t.has("request example") || t.has("response example")
            || t.has("examples") || t.hasSuffix("example")
        {
            self = .example
        } else if t == "uri" || t.hasPrefix("uri") || t == "url" || t == "request line" || t == "request url" {
            self = .uri
        } else if t.has("function") || t == "description" || t == "api description" {
            self = .function
        } else if t.has("status code") || t.has("returned value") || t.has("return code") {
            self = .status
        } else if t.has("error code") {
            self = .other
        } else if t.hasPrefix("request") || t.has("request parameter") || t.has("request body")
            || t.has("request header")
        {
            self = .request
        } else if t.hasPrefix("response") || t.has("response parameter") || t.has("response body") {
            self = .response
        } else {
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
                    if Self.sectionTitles.contains(text.text.lowercased()) {
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

    /// Section titles that some pages print as plain paragraphs.
    static let sectionTitles: Set<String> = [
        "uri", "function", "request", "response", "request body", "response body", "request parameters",
        "response parameters", "example request", "example requests", "example response", "example responses",
        "samples", "status code", "status codes", "request header", "request headers",
    ]

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
        let lower = title.lowercased()
        let generic = [
            "request body parameters", "request parameters", "request parameter", "response body parameters",
            "response parameters", "response parameter", "parameter description", "parameters", "path parameters",
            "query parameters", "request header parameters", "response header parameters", "parameter",
            "request", "response", "status codes", "error codes", "description", "header parameters",
        ]
        if generic.contains(lower) { return nil }
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

    /// Column positions, or `nil` when the table is not a parameter table.
    static func columns(of table: Table) -> Columns? {
        var headerRow = table.header
        if headerRow == nil, let first = table.rows.first {
            let texts = first.map { $0.text.lowercased() }
            if texts.contains(where: { $0.hasPrefix("parameter") || $0 == "name" })
                && texts.contains(where: { $0.has("description") || $0 == "type" })
            {
                headerRow = first
            }
        }
        guard let header = headerRow else { return nil }
        let texts = header.map { $0.text.lowercased().trimmed() }
        if let first = texts.first, first.has("status code") || first.has("error code") || first == "status"
            || first == "http status code" || first == "code"
        {
            return nil
        }
        func find(_ predicate: (String) -> Bool) -> Int? { texts.firstIndex(where: predicate) }
        let mandatory = find { $0.has("mandatory") || $0.has("required") || $0 == "optional" || $0 == "m/o" }
        let location = find { $0 == "location" || $0 == "in" || $0 == "position" || $0 == "parameter location" }
        let type = find {
            ($0 == "type" || $0.hasSuffix(" type") || $0.hasPrefix("type")) && !$0.has("parameter type")
                && !$0.has("location")
        } ?? find { $0 == "parameter type" }
        let description = find {
            $0.has("description") || $0.has("meaning") || $0.has("remark") || $0.has("explanation")
        }
        let name =
            find {
                ($0.hasPrefix("parameter") || $0.hasPrefix("name") || $0.has("field") || $0.has("attribute")
                    || $0 == "element" || $0 == "property" || $0 == "key" || $0.hasSuffix("name")
                    || $0 == "param")
                    && !$0.has("type") && !$0.has("description") && !$0.has("location")
            }
        guard let nameColumn = name else { return nil }
        guard description != nil || type != nil || mandatory != nil else { return nil }
        return Columns(
            name: nameColumn, mandatory: mandatory, type: type, description: description, location: location,
            header: header.map(\.text))
    }
}
