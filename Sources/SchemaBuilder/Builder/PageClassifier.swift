import APISchema
import DocReader

/// Which tables of an API page are parameters, the request body and the responses.
struct OperationTables {
    var parameters: [(table: Int, location: Parameter.Location)] = []
    var body: Int?
    /// Response tables in page order with the status their section names (`nil`: the documented default).
    var responses: [(status: Int?, table: Int)] = []
    /// The table of the body the operation returns on success: the first response table of a 2xx status or of the
    /// documented default (always a success, ``OperationReader``).
    var successBody: Int? { responses.first { $0.status.map { (200..<300).contains($0) } ?? true }?.table }
    /// Response header tables in page order with the status their section names (`nil`: the documented default).
    var responseHeaders: [(status: Int?, table: Int)] = []
    /// The status codes the page's status tables list, with what the table says of each.
    var documentedStatuses: [(status: Int, description: String)] = []
    /// Tables of a parameter, request or response section that holds no table whose columns were recognised: their
    /// column titles are in no language of the ``Vocabulary``, and the section would be read as empty.
    var unrecognised: [Int] = []
}

/// Reads what the sections of a page are for: its summary, its status codes and the role of each table.
enum PageClassifier {
    /// The role of each table of an API page. `referenced` are the tables some row of the page refers to: nested
    /// types, neither bodies nor responses. A page whose `method` sends no body, and that shows none
    /// (`showsRequestBody`), has query parameters where a body table would be (``isQueryForBody``).
    static func operationTables(
        of model: PageModel, referenced: Set<Int>, method: String, showsRequestBody: Bool
    ) -> OperationTables {
        var result = OperationTables()
        var bodyTableRead = false
        for section in model.sections {
            var status: Int? = statusCode(in: section.title)
            // "… can be added to the URI to filter …" before a table: its parameters are query parameters.
            var filterSentence = false
            for item in section.items {
                switch item {
                case .paragraph(let text):
                    if let code = statusCode(in: text.text) { status = code }
                    let lower = text.text.lowercased()
                    if Vocabulary.matches(.filterMention, lower), Vocabulary.matches(.uriMention, lower) { filterSentence = true }
                case .code:
                    break
                case .table(let t):
                    let table = model.tables[t]
                    defer { filterSentence = false }
                    if section.kind == .status || model.columns[t] == nil {
                        if section.kind == .status || isStatusTable(table) {
                            result.documentedStatuses += statuses(in: table)
                        } else if isUnrecognised(t, in: section, of: model) {
                            result.unrecognised.append(t)
                        }
                        continue
                    }
                    let caption = table.title.lowercased()
                    let location = ParameterReader.location(named: caption)
                        ?? (section.kind == .uri || filterSentence ? .query : nil)
                    // A header table of a response section lists what the response sends, not what a request does;
                    // a table some row refers to is an object named after headers (`ResponseInfoHeader`).
                    if section.kind == .response, location == .header, !referenced.contains(t) {
                        result.responseHeaders.append((status, t))
                        continue
                    }
                    if let location, section.kind == .uri || section.kind == .request || section.kind == .other
                        || Vocabulary.matches(.parameterCaption, caption)
                    {
                        if section.kind == .response { break }
                        result.parameters.append((t, location))
                        continue
                    }
                    // A Location column places each row (no row in the body): a parameter table wherever it is.
                    if [.uri, .request, .other].contains(section.kind), let column = model.columns[t]?.location,
                        !table.bodyRows.contains(where: { column < $0.count && Vocabulary.matches(.bodyLocation, $0[column].text.lowercased()) })
                    {
                        result.parameters.append((t, .query))
                        continue
                    }
                    guard !referenced.contains(t) else { continue }
                    switch section.kind {
                    case .request:
                        if bodyTableRead { break }
                        bodyTableRead = true
                        if !showsRequestBody, isQueryForBody(method: method, caption: caption, section: section) {
                            result.parameters.append((t, .query))
                        } else {
                            result.body = t
                        }
                    case .response:
                        if !result.responses.contains(where: { $0.status == status }) {
                            result.responses.append((status, t))
                        }
                    default:
                        break
                    }
                }
            }
        }
        return result
    }

    /// Whether the table a request section holds where a body would be lists query parameters: on a GET or HEAD,
    /// which send no body; on a DELETE, unless its caption or section names a body (`Request body parameters`).
    static func isQueryForBody(method: String, caption: String, section: Section) -> Bool {
        switch method {
        case "GET", "HEAD": true
        case "DELETE":
            !Vocabulary.matches(.bodyLocation, caption) && !Vocabulary.matches(.bodyLocation, section.title.lowercased())
        default: false
        }
    }

    /// Whether a page shows a request body: a request example in JSON, or JSON in its request section.
    static func showsRequestBody(_ model: PageModel, examples: [PageExample]) -> Bool {
        if examples.contains(where: { $0.kind == .request && $0.value != nil }) { return true }
        return model.sections.contains { section in
            section.kind == .request && section.items.contains { item in
                if case .code(let code) = item { ExampleReader.exampleBody(code).flatMap(JSONValue.parse) != nil } else { false }
            }
        }
    }

    /// Whether table `t` has column titles but none that the vocabulary knows, in a section that should hold
    /// parameters or a body and holds no other table that was recognised.
    static func isUnrecognised(_ t: Int, in section: Section, of model: PageModel) -> Bool {
        guard [.uri, .request, .response].contains(section.kind), model.tables[t].header != nil else { return false }
        return !section.items.contains { item in
            if case .table(let other) = item { model.columns[other] != nil } else { false }
        }
    }

    /// The first paragraph of the function section, else of the page.
    static func summary(of model: PageModel) -> String {
        for section in model.sections where section.kind == .function {
            for case .paragraph(let text) in section.items { return text.text }
        }
        for section in model.sections.prefix(1) {
            for case .paragraph(let text) in section.items { return text.text }
        }
        return ""
    }

    /// The status of `Status code: 201`, `Normal response code: 200`, `HTTP status code 202`, `状态码：201`.
    static func statusCode(in text: String) -> Int? {
        let lower = text.lowercased()
        guard Vocabulary.matches(.statusLine, lower) || Vocabulary.matches(.otherStatusLine, lower) else { return nil }
        let digits = lower.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard digits.count == 3, let code = Int(digits) else { return nil }
        return code
    }

    static func isStatusTable(_ table: Table) -> Bool {
        guard let first = table.header?.first?.text.lowercased() ?? table.rows.first?.first?.text.lowercased() else {
            return false
        }
        return Vocabulary.matches(.statusColumn, first)
    }

    /// The statuses of a status table's rows (`201`, `400 Bad Request`), each with the row's description: the
    /// last cell that says more than the status.
    static func statuses(in table: Table) -> [(status: Int, description: String)] {
        table.bodyRows.compactMap { row in
            guard let first = row.first?.text else { return nil }
            let digits = first.prefix { $0.isNumber }
            guard digits.count == 3, let status = Int(digits) else { return nil }
            let description = row.dropFirst().last { !$0.text.isEmpty && $0.text != first }?.text ?? ""
            return (status, description.split(whereSeparator: \.isWhitespace).joined(separator: " "))
        }
    }
}
