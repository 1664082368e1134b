import APISchema
import DocReader

/// Reads the rows of a path, query or header parameter table, and the row conventions every table shares
/// (the name cell, the mandatory cell).
enum ParameterReader {
    /// The parameters of table `t`; `location` is what the caption or section says, a Location column or the
    /// request line may say otherwise. Authentication headers are the runtime's and are left out.
    static func parameters(
        _ model: PageModel, table t: Int, location: Parameter.Location, requestLine: RequestLine,
        diagnostics: inout DiagnosticCollector
    ) -> [Parameter] {
        guard let columns = model.columns[t] else { return [] }
        let captionSaysQuery = Self.location(named: model.tables[t].title.lowercased()) == .query
        var parameters: [Parameter] = []
        for (offset, row) in model.tables[t].bodyRows.enumerated() {
            guard let name = rowName(row, columns) else { continue }
            if authHeaders.contains(name.lowercased()) { continue }
            var loc = location
            var saysQuery = captionSaysQuery
            if let l = columns.location, l < row.count {
                let text = row[l].text.lowercased()
                if Vocabulary.matches(.pathLocation, text) { loc = .path }
                else if Vocabulary.matches(.queryLocation, text) { (loc, saysQuery) = (.query, true) }
                else if Vocabulary.matches(.headerLocation, text) { loc = .header }
            }
            // A path placeholder's name is the path parameter, unless a table that says it lists query parameters
            // has it as optional, or the request line's query names it too: a filter of that name (`project_id` on
            // `/v3/{project_id}/…`).
            let optional = columns.mandatory != nil && !isRequired(row, columns)
            let filter = saysQuery && (requestLine.queryNames.contains(name) || optional)
            if requestLine.pathVariables.contains(name), !filter { loc = .path }
            else if loc == .path { loc = requestLine.queryNames.contains(name) || location == .path ? .query : loc }
            var type: TypeRef = .string
            if let c = columns.type, c < row.count, !row[c].text.isEmpty {
                let (spelling, alternatives) = TypeSpellingParser.parse(row[c].text)
                type = parameterType(spelling)
                if alternatives {
                    diagnostics.emit(
                        .severalTypes, model.location(table: t, row: offset + 1),
                        "\(name): several types \"\(row[c].text)\", emitted as \(type)")
                }
            }
            let description = columns.description.map { $0 < row.count ? row[$0].text : "" } ?? ""
            let blocks = columns.description.map { $0 < row.count ? row[$0].blocks : [] } ?? []
            var values = EnumExtractor.values(in: blocks)
            let typed = EnumExtractor.typed(type, values: values, blocks: blocks, field: name)
            (type, values) = (typed.type, typed.values)
            if let (code, message) = typed.diagnostic {
                diagnostics.emit(code, model.location(table: t, row: offset + 1), message)
            }
            let required = loc == .path ? true : isRequired(row, columns)
            let enumValues = type == .boolean ? nil : values
            parameters.append(
                Parameter(
                    name: name, location: loc, required: required, type: type, enumValues: enumValues,
                    description: ValueListProse.description(description, stating: enumValues)))
        }
        return parameters
    }

    static let authHeaders: Set<String> = [
        "x-auth-token", "x-security-token", "x-sdk-date", "authorization", "content-type", "x-project-id", "host",
    ]

    static func parameterType(_ spelling: TypeSpelling) -> TypeRef {
        switch spelling {
        case .primitive(let p): p
        case .array(let inner): .array(parameterType(inner))
        case .map(let inner): .map(parameterType(inner))
        default: .string
        }
    }

    /// The field or parameter name of a row; `nil` for rows that name nothing (`None`, a repeated header row).
    static func rowName(_ row: [Cell], _ columns: Columns) -> String? {
        guard columns.name < row.count else { return nil }
        let cell = row[columns.name]
        if cell.isSpanned { return nil }
        var text = cell.text.split(separator: "\n").first.map(String.init)?.trimmed() ?? ""
        if let space = text.firstIndex(of: " ") {
            let head = String(text[..<space])
            let rest = text[space...].trimmed()
            if PageModel.isIdentifierLike(head), rest.hasPrefix("(") || rest.hasPrefix("[") || rest.isEmpty { text = head }
        }
        text = text.trimmingQuotes()
        guard !text.isEmpty, text.count <= 120, !text.has(" ") || text.hasPrefix("X-") else { return nil }
        if Vocabulary.matches(.none, text.lowercased()) { return nil }
        if let header = columns.header, columns.name < header.count, header[columns.name] == text, row.count == header.count,
            zip(row, header).allSatisfy({ $0.text == $1 })
        { return nil }
        return text
    }

    static func isRequired(_ row: [Cell], _ columns: Columns) -> Bool {
        guard let c = columns.mandatory, c < row.count else { return false }
        let text = row[c].text.lowercased().trimmed()
        // `Yes`, `是`; not `Yes (only when …)`, `是（仅当…时）`: a condition after the first three characters.
        return Vocabulary.matches(.yes, text) && !Vocabulary.matches(.conditional, text.dropFirst(3))
    }

    /// The location a caption or a Location cell names (`Path Parameters`, `Query参数`, `header`), if any: header
    /// before query before path, as a caption may name several.
    static func location(named text: String) -> Parameter.Location? {
        if Vocabulary.matches(.headerLocation, text) { return .header }
        if Vocabulary.matches(.queryLocation, text) { return .query }
        if Vocabulary.matches(.pathLocation, text) { return .path }
        return nil
    }
}

extension PageModel {
    /// Where in this page: the table by caption (or `Table N`) and the row, 1-based.
    func location(table: Int? = nil, row: Int? = nil) -> SourceLocation {
        SourceLocation(page: page.path, table: table.map { tables[$0].caption?.text ?? "Table \($0 + 1)" }, row: row)
    }
}
