import APISchema
import DocReader
import Foundation

/// A named type read from one table, before global naming.
struct Candidate {
    var key: String
    var desiredName: String
    var description: String
    var properties: [Property]
    var source: SourceLocation
    var operationId: String
    var firstPage: String
}

/// Placeholder references to candidates start with this marker until names are final.
let placeholderMarker: Character = "\u{1}"

struct Builder {
    let pages: [PageModel]
    let toc: TableOfContents
    /// Table anchors of every page, the first page in path order winning: the targets of links whose own page has
    /// no such anchor.
    var anchorIndex: [String: (page: Int, table: Int)] = [:]
    /// Page indexes by path, to follow links between pages.
    let pageByPath: [String: Int]
    let apiNames: APINames
    var candidates: [String: Candidate] = [:]
    var candidateOrder: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Tables that some row or section consumed (as a type, or as the description of a map's keys).
    var consumed: Set<String> = []
    var exampleShapes: [String: Set<JSONValue.Shape>] = [:]
    var exampleElements: [String: Set<JSONValue.Shape>] = [:]
    var exampleObjects: [String: [[String: JSONValue]]] = [:]
    var referencedCache: [Int: Set<Int>] = [:]
    /// Map-shaped tables being read, so that maps referring to each other cannot recurse forever.
    var mapsInProgress: Set<String> = []

    init(pages: [DocPage], toc: TableOfContents) {
        self.pages = pages.enumerated().map { PageModel(index: $0.offset, page: $0.element) }
        self.toc = toc
        pageByPath = Dictionary(self.pages.map { ($0.page.path, $0.index) }, uniquingKeysWith: { first, _ in first })
        apiNames = APINames(pages: self.pages)
        for model in self.pages {
            for (t, table) in model.tables.enumerated() {
                for anchor in table.anchors where anchorIndex[anchor] == nil {
                    anchorIndex[anchor] = (model.index, t)
                }
            }
        }
    }

    static func tableKey(_ page: Int, _ table: Int) -> String { "\(placeholderMarker)\(page)_\(table)" }

    func sourceLocation(_ page: Int, _ table: Int? = nil, row: Int? = nil) -> SourceLocation {
        let model = pages[page]
        return SourceLocation(
            page: model.page.path, table: table.map { model.tables[$0].caption?.text ?? "Table \($0 + 1)" }, row: row)
    }

    mutating func diagnose(_ location: SourceLocation, _ message: String, severity: Diagnostic.Severity = .warning) {
        diagnostics.append(Diagnostic(severity, location, message))
    }

    // MARK: Run

    mutating func run(name: String, endpointPrefix: String) -> ServiceSchema {
        var operations: [APISchema.Operation] = []
        var usedIds: Set<String> = []
        let groups = GroupIndex(toc: toc)
        let apiPages = pages.compactMap { model in
            RequestLine.find(in: model).map { (model: model, requestLine: $0, name: operationName(of: model)) }
        }
        // API names are what users know and must stay stable; a name read from a title yields to them.
        let apiNamesInUse = Set(apiPages.filter(\.name.isAPIName).map(\.name.id))
        for (model, requestLine, name) in apiPages {
            var operation = buildOperation(model, requestLine: requestLine, id: name.id, groups: groups)
            // Unique ids: version of the path first, then a counter.
            if usedIds.contains(operation.id) || (!name.isAPIName && apiNamesInUse.contains(operation.id)) {
                let version = requestLine.path.split(separator: "/").first { $0.hasPrefix("v") && $0.dropFirst().first?.isNumber == true }
                var candidate = operation.id + (version.map { Naming.upperCamel(String($0).replacingAll(".", with: "_")) } ?? "")
                var counter = 2
                let base = candidate
                while usedIds.contains(candidate) || apiNamesInUse.contains(candidate) {
                    candidate = base + "\(counter)"
                    counter += 1
                }
                retarget(operationId: operation.id, to: candidate, page: model.page.path)
                operation.id = candidate
            }
            usedIds.insert(operation.id)
            wrapBodiesAsTheExamplesDo(&operation)
            operations.append(operation)
        }
        reconcileExamples(operations)
        let (types, names) = finalTypes()
        for o in operations.indices {
            if let body = operations[o].requestBody { operations[o].requestBody?.type = rename(body.type, names) }
            for r in operations[o].responses.indices {
                operations[o].responses[r].type = operations[o].responses[r].type.map { rename($0, names) }
            }
        }
        operations.sort { $0.id < $1.id }
        let usedGroups = Set(operations.map { $0.group })
        let tocGroups = groups.ordered.filter { usedGroups.contains($0.name) }
        // Groups of pages the table of contents does not list come after its own, sorted by name.
        let derivedGroups = usedGroups.subtracting(tocGroups.map(\.name)).sorted().map { name in
            let path = operations.first { $0.group == name }?.path ?? ""
            return OperationGroup(name: name, title: GroupIndex.resourceSegment(of: path) ?? name)
        }
        let groupList = tocGroups + derivedGroups
        return ServiceSchema(
            name: name, endpointPrefix: endpointPrefix, groups: groupList, operations: operations,
            types: types.sorted { $0.name < $1.name }, diagnostics: Array(Set(diagnostics)).sorted())
    }

    mutating func retarget(operationId: String, to newId: String, page: String) {
        for key in candidateOrder where candidates[key]?.firstPage == page && candidates[key]?.operationId == operationId {
            candidates[key]?.operationId = newId
            if let desired = candidates[key]?.desiredName, desired.hasPrefix(operationId),
                desired.dropFirst(operationId.count).first?.isUppercase == true
            {
                candidates[key]?.desiredName = newId + desired.dropFirst(operationId.count)
            }
        }
    }

    // MARK: Operations

    /// The operation id of a page: the API name of a file named after it (`CreateNotebook.html`) or of the anchor in
    /// front of its title (`createnotebook`), else a name read from the title (`Creating an Image` → `CreateImage`).
    func operationName(of model: PageModel) -> (id: String, isAPIName: Bool) {
        let fileName = model.page.path.split(separator: "/").last ?? ""
        let stem = String(fileName.split(separator: ".").first ?? "")
        if Naming.isOperationName(stem) { return (stem, true) }
        if let name = apiNames.operationId(of: model) { return (name, true) }
        return (Naming.operationId(fromTitle: model.page.title), false)
    }

    mutating func buildOperation(_ model: PageModel, requestLine: RequestLine, id: String, groups: GroupIndex)
        -> APISchema.Operation
    {
        let page = model.page
        let summary = Self.summary(of: model)
        var operation = APISchema.Operation(
            id: id, group: groups.group(of: page.path, path: requestLine.path), title: page.title, summary: summary,
            method: requestLine.method, path: requestLine.path, sourcePage: page.path)

        // Examples first: their shapes help typing tables without a Type column.
        operation.examples = Self.examples(of: model)
        exampleShapes = [:]
        exampleElements = [:]
        exampleObjects = [:]
        for example in operation.examples {
            if let json = JSONValue.parse(example.body) {
                json.collectShapes(into: &exampleShapes, elements: &exampleElements)
                json.collectObjects(into: &exampleObjects)
            }
        }

        let referenced = referencedTables(model)
        var parameters: [Parameter] = []
        var bodyTable: Int?
        var responseTables: [(status: Int?, table: Int)] = []
        var linkedResponse: String?
        var documentedStatuses: [Int] = []
        for section in model.sections {
            var status: Int? = Self.statusCode(in: section.title)
            for item in section.items {
                switch item {
                case .paragraph(let text):
                    if let code = Self.statusCode(in: text.text) { status = code }
                case .code:
                    break
                case .table(let t):
                    let table = model.tables[t]
                    if section.kind == .status || model.columns[t] == nil {
                        if section.kind == .status || Self.isStatusTable(table) {
                            documentedStatuses += Self.statuses(in: table)
                        }
                        continue
                    }
                    let caption = table.title.lowercased()
                    let location: Parameter.Location? =
                        caption.has("header") ? .header
                        : caption.has("query") ? .query
                        : caption.has("path") ? .path
                        : section.kind == .uri ? .query : nil
                    if let location, section.kind == .uri || section.kind == .request || section.kind == .other
                        || caption.has("parameter")
                    {
                        if section.kind == .response { break }
                        consumed.insert(Self.tableKey(model.index, t))
                        parameters += readParameters(model, table: t, location: location, requestLine: requestLine)
                        continue
                    }
                    guard !referenced.contains(t) else { continue }
                    switch section.kind {
                    case .request:
                        if bodyTable == nil { bodyTable = t }
                    case .response:
                        if !responseTables.contains(where: { $0.status == status }) {
                            responseTables.append((status, t))
                        }
                    default:
                        break
                    }
                }
            }
        }
        // Path variables the tables did not document.
        for variable in requestLine.pathVariables where !parameters.contains(where: { $0.name == variable && $0.location == .path }) {
            parameters.removeAll { $0.name == variable }
            parameters.append(Parameter(name: variable, location: .path, required: true, type: .string))
        }
        for query in requestLine.queryNames where !parameters.contains(where: { $0.name == query }) {
            parameters.append(Parameter(name: query, location: .query, required: false, type: .string))
        }
        // Query parameters the page's own example URLs use but no table lists.
        for query in Self.exampleQueryNames(of: model, method: requestLine.method)
        where !parameters.contains(where: { $0.name == query })
        {
            parameters.append(
                Parameter(
                    name: query, location: .query, required: false, type: .string,
                    description: "Not in the page's tables; the page's request example sends it."))
            diagnose(
                SourceLocation(page: page.path),
                "query parameter \(query): used by the page's request example but not in its tables, added as string")
        }
        var seen = Set<String>()
        operation.parameters = parameters.filter { seen.insert("\($0.location.rawValue) \($0.name)").inserted }

        if let bodyTable {
            operation.requestBody = RequestBody(
                type: tableType((model.index, bodyTable), desiredName: id + "Request", operationId: id))
        }
        let defaultStatus = documentedStatuses.first { (200..<300).contains($0) } ?? 200
        if responseTables.isEmpty, let linked = linkedResponseTable(model) {
            let key = objectType(linked.page, linked.table, desiredName: Naming.operationId(fromTitle: pages[linked.page].page.title), operationId: id)
            linkedResponse = key
        }
        var responses: [Response] = []
        let successCount = responseTables.filter { (200..<300).contains($0.status ?? defaultStatus) }.count
        for (status, t) in responseTables {
            let code = status ?? defaultStatus
            let success = (200..<300).contains(code)
            let desired = success ? (successCount > 1 ? "\(id)Response\(code)" : "\(id)Response") : "ErrorResponse"
            let type = tableType((model.index, t), desiredName: desired, operationId: id)
            if !responses.contains(where: { $0.status == code }) {
                responses.append(Response(status: code, type: type, description: model.tables[t].title))
            }
        }
        if let linkedResponse, !responses.contains(where: { (200..<300).contains($0.status) }) {
            responses.append(Response(status: defaultStatus, type: .named(linkedResponse)))
        }
        for code in documentedStatuses where (200..<300).contains(code) && !responses.contains(where: { $0.status == code }) {
            responses.append(Response(status: code))
        }
        for example in operation.examples where example.kind == .response {
            if let code = example.status, (200..<300).contains(code), !responses.contains(where: { $0.status == code }) {
                responses.append(Response(status: code))
            }
        }
        if !responses.contains(where: { (200..<300).contains($0.status) }) {
            responses.append(Response(status: defaultStatus))
        }
        // 2xx responses documented only by an example: the example's shape, with a diagnostic.
        for index in responses.indices where responses[index].type == nil && (200..<300).contains(responses[index].status) {
            let status = responses[index].status
            let example = operation.examples.first { example in
                example.kind == .response && (example.status ?? defaultStatus) == status
                    && !example.title.lowercased().has("fail") && !example.title.lowercased().has("error")
            }
            guard let example, let json = JSONValue.parse(example.body), case .object(let members) = json, !members.isEmpty
            else { continue }
            let source = SourceLocation(page: page.path, table: "Example Responses")
            responses[index].type = inferType(json, name: id + "Response", operationId: id, source: source, path: "\(status)")
            diagnose(source, "status \(status): no response table, body type read from the example")
        }
        operation.responses = responses.sorted { $0.status < $1.status }

        // Never lose a table: parameter tables nobody referenced become types of their own.
        for t in model.tables.indices where model.columns[t] != nil {
            let key = Self.tableKey(model.index, t)
            if consumed.contains(key) || candidates[key] != nil { continue }
            let table = model.tables[t]
            if model.sections[model.tableSection[t]].kind == .example { continue }
            let name = PageModel.fieldName(ofCaption: table).map { Naming.upperCamel($0) }
                ?? (table.title.isEmpty ? id + "Table\(t + 1)" : id + Naming.upperCamel(table.title))
            _ = objectType(model.index, t, desiredName: name, operationId: id)
            diagnose(sourceLocation(model.index, t), "table not referenced by any row, emitted as type \(name)")
        }
        return operation
    }

    /// A response section that only links to another page ("See Responses (Task)"): that page's first table.
    func linkedResponseTable(_ model: PageModel) -> (page: Int, table: Int)? {
        for section in model.sections where section.kind == .response {
            for case .paragraph(let text) in section.items {
                for link in text.links {
                    guard let target = link.targetPage(from: model.page.path).flatMap({ pageByPath[$0] }) else { continue }
                    let referenced = referencedTables(pages[target])
                    if let table = pages[target].columns.indices.first(where: { pages[target].columns[$0] != nil && !referenced.contains($0) }) {
                        return (target, table)
                    }
                }
            }
        }
        return nil
    }

    static func summary(of model: PageModel) -> String {
        for section in model.sections where section.kind == .function {
            for case .paragraph(let text) in section.items { return text.text }
        }
        for section in model.sections.prefix(1) {
            for case .paragraph(let text) in section.items { return text.text }
        }
        return ""
    }

    static func statusCode(in text: String) -> Int? {
        let lower = text.lowercased()
        guard lower.hasPrefix("status code") || lower.hasPrefix("normal response code") || lower.hasPrefix("http status code")
        else { return nil }
        let digits = lower.drop { !$0.isNumber }.prefix { $0.isNumber }
        guard digits.count == 3, let code = Int(digits) else { return nil }
        return code
    }

    static func isStatusTable(_ table: Table) -> Bool {
        guard let first = table.header?.first?.text.lowercased() ?? table.rows.first?.first?.text.lowercased() else {
            return false
        }
        return first.has("status code") || first == "status" || first == "returned value" || first == "code"
    }

    static func statuses(in table: Table) -> [Int] {
        table.bodyRows.compactMap { row in
            guard let first = row.first?.text else { return nil }
            let digits = first.prefix { $0.isNumber }
            return digits.count == 3 ? Int(digits) : nil
        }
    }

    // MARK: Examples

    static func examples(of model: PageModel) -> [Example] {
        var examples: [Example] = []
        for section in model.sections where section.kind == .example {
            let title = (section.parentTitle + " " + section.title).lowercased()
            var status: Int? = statusCode(in: section.title)
            var intro = ""
            for item in section.items {
                switch item {
                case .paragraph(let text):
                    if let code = statusCode(in: text.text) { status = code } else { intro = text.text }
                case .table:
                    break
                case .code(let code):
                    guard let body = exampleBody(code) else { continue }
                    let introLower = intro.lowercased()
                    let kind =
                        exampleLabel(introLower)
                        ?? (status != nil || title.has("response") ? .response : .request)
                    var exampleStatus = kind == .response ? status : nil
                    if kind == .response, introLower.has("fail") || introLower.has("error") {
                        exampleStatus = nil
                    }
                    examples.append(Example(kind: kind, status: exampleStatus, title: intro.isEmpty ? section.title : intro, body: body))
                }
            }
        }
        return examples
    }

    /// The kind an example's introduction names (`Example request`, `Response example:`, `Request`), or `nil` for an
    /// introduction that only describes it: "Request succeeded." above a 200 example or "Bad request" above a 400
    /// is no request.
    static func exampleLabel(_ intro: String) -> Example.Kind? {
        let words = Naming.words(intro).map { $0.lowercased() }
        guard words.contains(where: { $0.hasPrefix("example") || $0.hasPrefix("sample") }) || words.count == 1 else {
            return nil
        }
        if words.contains(where: { $0.hasPrefix("response") }) { return .response }
        if words.contains(where: { $0.hasPrefix("request") }) { return .request }
        return nil
    }

    /// Names in the query strings of the example request lines (`GET https://{endpoint}/v2/…?limit=10`) that use
    /// `method`.
    static func exampleQueryNames(of model: PageModel, method: String) -> [String] {
        var names: [String] = []
        for section in model.sections where section.kind == .example {
            for item in section.items {
                let text: String
                switch item {
                case .paragraph(let paragraph): text = paragraph.text
                case .code(let code): text = code
                case .table: continue
                }
                for line in text.split(separator: "\n") {
                    guard let parsed = RequestLine.parse(String(line)), parsed.method == method else { continue }
                    for name in parsed.queryNames where !names.contains(name) { names.append(name) }
                }
            }
        }
        return names
    }

    /// The JSON part of a `pre` block: the block itself, or what follows a request line.
    static func exampleBody(_ code: String) -> String? {
        let trimmed = code.trimmed()
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return trimmed }
        guard let first = trimmed.split(separator: "\n", maxSplits: 1).first,
            RequestLine.parse(String(first)) != nil
        else { return nil }
        let rest = trimmed.dropFirst(first.count).trimmed()
        return rest.hasPrefix("{") || rest.hasPrefix("[") ? rest : nil
    }

    // MARK: Parameters

    mutating func readParameters(_ model: PageModel, table t: Int, location: Parameter.Location, requestLine: RequestLine)
        -> [Parameter]
    {
        guard let columns = model.columns[t] else { return [] }
        var parameters: [Parameter] = []
        for (offset, row) in model.tables[t].bodyRows.enumerated() {
            guard let name = Self.rowName(row, columns) else { continue }
            if Self.authHeaders.contains(name.lowercased()) { continue }
            var loc = location
            if let l = columns.location, l < row.count {
                let text = row[l].text.lowercased()
                if text.has("path") { loc = .path } else if text.has("query") { loc = .query } else if text.has("header") { loc = .header }
            }
            if requestLine.pathVariables.contains(name) { loc = .path }
            else if loc == .path { loc = requestLine.queryNames.contains(name) || location == .path ? .query : loc }
            if loc == .query, location == .path, !requestLine.pathVariables.contains(name) { loc = .query }
            var type: TypeRef = .string
            if let c = columns.type, c < row.count, !row[c].text.isEmpty {
                let (spelling, alternatives) = TypeSpellingParser.parse(row[c].text)
                type = Self.parameterType(spelling)
                if alternatives {
                    diagnose(sourceLocation(model.index, t, row: offset + 1), "\(name): several types \"\(row[c].text)\", emitted as \(type)")
                }
            }
            let description = columns.description.map { $0 < row.count ? row[$0].text : "" } ?? ""
            var values = columns.description.flatMap { $0 < row.count ? EnumExtractor.values(in: row[$0].blocks) : nil }
            let boolean = EnumExtractor.typed(type, values: values, field: name)
            (type, values) = (boolean.type, boolean.values)
            if let message = boolean.diagnostic { diagnose(sourceLocation(model.index, t, row: offset + 1), message) }
            let required = loc == .path ? true : Self.isRequired(row, columns)
            parameters.append(
                Parameter(
                    name: name, location: loc, required: required, type: type,
                    enumValues: type == .boolean ? nil : values, description: description))
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
        let lower = text.lowercased()
        if lower == "none" || lower == "-" || lower == "n/a" { return nil }
        if let header = columns.header, columns.name < header.count, header[columns.name] == text, row.count == header.count,
            zip(row, header).allSatisfy({ $0.text == $1 })
        { return nil }
        return text
    }

    static func isRequired(_ row: [Cell], _ columns: Columns) -> Bool {
        guard let c = columns.mandatory, c < row.count else { return false }
        let text = row[c].text.lowercased().trimmed()
        if text.hasPrefix("yes") || text.hasPrefix("mandatory") || text == "true" || text == "required" || text == "m" {
            let conditional = ["for ", " if ", "when", "condition", "only", "in "].contains { text.dropFirst(3).contains($0) }
            return !conditional
        }
        return false
    }

    // MARK: Tables → types

    /// The first table after `t` in the same section that nothing refers to and nothing used yet: the
    /// description of an object whose row forgot to say "see Table N".
    mutating func orphanTable(_ p: Int, after t: Int) -> Int? {
        let model = pages[p]
        if referencedCache[p] == nil { referencedCache[p] = referencedTables(model) }
        let referenced = referencedCache[p] ?? []
        for u in model.tables.indices where u > t && model.tableSection[u] == model.tableSection[t] {
            guard model.columns[u] != nil, !referenced.contains(u) else { continue }
            let key = Self.tableKey(p, u)
            if consumed.contains(key) || candidates[key] != nil { continue }
            let caption = model.tables[u].title.lowercased()
            if caption.has("header") || caption.has("query") || caption.has("path") { continue }
            if PageModel.fieldName(ofCaption: model.tables[u]) == nil { continue }
            return u
        }
        return nil
    }

    /// Tables some row refers to (by link, by "Table N" or by type name): these are nested, not roots.
    func referencedTables(_ model: PageModel) -> Set<Int> {
        var result = Set<Int>()
        for (t, table) in model.tables.enumerated() {
            guard let columns = model.columns[t] else { continue }
            for row in table.bodyRows {
                for target in referenceTargets(model, table: t, row: row, columns: columns, byName: true)
                where target.page == model.index {
                    result.insert(target.table)
                }
            }
        }
        return result
    }

    /// Tables a row points at: links to table anchors, "Table N" mentions, and the type name.
    func referenceTargets(_ model: PageModel, table t: Int, row: [Cell], columns: Columns, byName: Bool) -> [(page: Int, table: Int)] {
        var targets: [(page: Int, table: Int)] = []
        func add(_ page: Int, _ table: Int) {
            guard !(page == model.index && table == t), pages[page].columns[table] != nil else { return }
            if !targets.contains(where: { $0.page == page && $0.table == table }) { targets.append((page, table)) }
        }
        var cells: [Cell] = []
        if let c = columns.type, c < row.count { cells.append(row[c]) }
        if let c = columns.description, c < row.count { cells.append(row[c]) }
        for cell in cells {
            for link in cell.links where link.fragment != nil {
                if let hit = table(linkedBy: link, on: model) {
                    add(hit.page, hit.table)
                } else if link.page.isEmpty, let number = Self.tableNumber(in: link.text), let hit = model.tableByNumber[number] {
                    add(model.index, hit)
                }
            }
        }
        if targets.isEmpty {
            for cell in cells {
                for number in Self.tableNumbers(in: cell.text) {
                    if let hit = model.tableByNumber[number] { add(model.index, hit) }
                }
            }
        }
        if byName, targets.isEmpty, let c = columns.type, c < row.count {
            let (spelling, _) = TypeSpellingParser.parse(row[c].text)
            if let name = Self.explicitName(spelling), let hits = model.tableByTitle[PageModel.normalise(name)] {
                if let hit = hits.first(where: { $0 != t }) { add(model.index, hit) }
            }
        }
        return targets
    }

    /// The table a link points at: an anchor of the linked page (the same page for `#…`), else of any page.
    /// Site pages reuse anchors (`id1`, `id2` on every page), so the linked page is looked at first.
    func table(linkedBy link: Link, on model: PageModel) -> (page: Int, table: Int)? {
        guard let fragment = link.fragment else { return nil }
        let target = link.page.isEmpty ? model.index : link.targetPage(from: model.page.path).flatMap { pageByPath[$0] }
        if let target, let table = pages[target].tableByAnchor[fragment] { return (target, table) }
        return anchorIndex[fragment]
    }

    static func explicitName(_ spelling: TypeSpelling) -> String? {
        switch spelling {
        case .named(let name): name
        case .array(let inner), .map(let inner): explicitName(inner)
        case .unknown(let text): text
        default: nil
        }
    }

    static func tableNumber(in text: String) -> Int? { tableNumbers(in: text).first }

    /// Numbers of "Table N" / "Table N-M" mentions in `text`.
    static func tableNumbers(in text: String) -> [Int] {
        var numbers: [Int] = []
        var rest = Substring(text)
        while let range = rest.find("Table ") {
            rest = rest[range.upperBound...]
            let token = rest.prefix { $0.isNumber || $0 == "-" || $0 == "." }
            let last = token.split(whereSeparator: { $0 == "-" || $0 == "." }).last.flatMap { Int($0) }
            if let last { numbers.append(last) }
        }
        return numbers
    }

    /// The type a table describes: a named object, or a map when its only row is a placeholder for the keys
    /// (`Name of the network …` → `map<…>`).
    mutating func tableType(_ target: (page: Int, table: Int), desiredName: String, operationId: String) -> TypeRef {
        let model = pages[target.page]
        let table = model.tables[target.table]
        let key = Self.tableKey(target.page, target.table)
        if let columns = model.columns[target.table], table.bodyRows.count == 1, let row = table.bodyRows.first,
            columns.name < row.count, mapsInProgress.insert(key).inserted
        {
            defer { mapsInProgress.remove(key) }
            let name = row[columns.name].text.trimmed()
            // `[items]` / `[]`: the body is the row's type itself (a bare JSON array).
            if name.hasPrefix("["), name.hasSuffix("]"), name.count <= 20 {
                consumed.insert(key)
                return readProperty(
                    target.page, target.table, row: row, rowNumber: 1, name: name, columns: columns, operationId: operationId
                ).type
            }
            if name.has(" "), !name.hasPrefix("X-"), name.split(separator: " ").count >= 3 {
                consumed.insert(Self.tableKey(target.page, target.table))
                let value = readProperty(
                    target.page, target.table, row: row, rowNumber: 1, name: name, columns: columns, operationId: operationId)
                return .map(value.type)
            }
        }
        return .named(objectType(target.page, target.table, desiredName: desiredName, operationId: operationId))
    }

    /// For an `Object` without a table: what the page's examples show for that key (a string map, or an object
    /// whose shape is read from the example), with a diagnostic.
    mutating func exampleObjectType(_ field: String, operationId: String, location: SourceLocation) -> TypeRef? {
        let values = exampleObjects[field] ?? []
        guard !values.isEmpty else { return nil }
        let members = values.flatMap { $0.values }
        if members.isEmpty { return nil }
        if members.allSatisfy({ if case .string = $0 { true } else { false } }) {
            diagnose(location, "\(field): object without a table, emitted as map<string> as the examples show")
            return .map(.string)
        }
        return nil
    }

    /// Builds (once) the object type of table `t` on page `p` and returns its placeholder key.
    mutating func objectType(_ p: Int, _ t: Int, desiredName: String, operationId: String) -> String {
        let key = Self.tableKey(p, t)
        consumed.insert(key)
        if candidates[key] != nil { return key }
        let model = pages[p]
        let table = model.tables[t]
        candidates[key] = Candidate(
            key: key, desiredName: desiredName, description: table.title, properties: [],
            source: sourceLocation(p, t), operationId: operationId, firstPage: model.page.path)
        candidateOrder.append(key)
        guard let columns = model.columns[t] else { return key }
        var properties: [Property] = []
        var dotted: [String: [Property]] = [:]
        for (offset, row) in table.bodyRows.enumerated() {
            guard let name = Self.rowName(row, columns) else {
                if columns.name < row.count, !row[columns.name].isSpanned, row.contains(where: { !$0.text.isEmpty }),
                    row[columns.name].text.isEmpty
                {
                    diagnose(sourceLocation(p, t, row: offset + 1), "row without a parameter name, skipped")
                }
                continue
            }
            var property = readProperty(p, t, row: row, rowNumber: offset + 1, name: name, columns: columns, operationId: operationId)
            // Dotted rows (`server.metadata`) describe a field of an earlier object row.
            if name.has("."), let dot = name.firstIndex(of: "."), properties.contains(where: { $0.name == name[..<dot] }) {
                property.name = String(name[name.index(after: dot)...])
                dotted[String(name[..<dot]), default: []].append(property)
                continue
            }
            if properties.contains(where: { $0.name == property.name }) {
                diagnose(sourceLocation(p, t, row: offset + 1), "duplicate field \(property.name), kept the first")
                continue
            }
            properties.append(property)
        }
        for (parent, children) in dotted.sorted(by: { $0.key < $1.key }) {
            guard let index = properties.firstIndex(where: { $0.name == parent }) else { continue }
            let childKey = key + "." + parent
            let isArray: Bool = { if case .array = properties[index].type { true } else { false } }()
            if candidates[childKey] == nil {
                candidates[childKey] = Candidate(
                    key: childKey, desiredName: Naming.upperCamel(isArray ? Naming.singular(parent) : parent),
                    description: properties[index].description, properties: children, source: sourceLocation(p, t),
                    operationId: operationId, firstPage: model.page.path)
                candidateOrder.append(childKey)
            }
            properties[index].type = isArray ? .array(.named(childKey)) : .named(childKey)
        }
        candidates[key]?.properties = properties
        return key
    }

    mutating func readProperty(
        _ p: Int, _ t: Int, row: [Cell], rowNumber: Int, name: String, columns: Columns, operationId: String
    ) -> Property {
        let model = pages[p]
        let description = columns.description.map { $0 < row.count ? row[$0].text : "" } ?? ""
        let descriptionBlocks = columns.description.map { $0 < row.count ? row[$0].blocks : [] } ?? []
        let typeText = columns.type.map { $0 < row.count ? row[$0].text : "" } ?? ""
        let loc = sourceLocation(p, t, row: rowNumber)
        var targets = referenceTargets(model, table: t, row: row, columns: columns, byName: true)
        var type: TypeRef

        if targets.isEmpty {
            let mentioned = Self.tableNumbers(in: description + " " + typeText)
            let unresolved = mentioned.filter { model.tableByNumber[$0] == nil }
            if let number = unresolved.first {
                diagnose(loc, "\(name): \"see Table \(number)\" does not resolve to a table on the page")
            }
        }
        if columns.type != nil, typeText.isEmpty {
            diagnose(loc, "\(name): missing type, emitted as string")
        }
        if columns.type != nil, !typeText.isEmpty {
            let (spelling, alternatives) = TypeSpellingParser.parse(typeText)
            if alternatives {
                diagnose(loc, "\(name): several types \"\(typeText.replacingAll("\n", with: " "))\", emitted as the first")
            }
            if targets.isEmpty, Self.needsTable(spelling) {
                // A table about this field (`volume field description`) describes it.
                if let hits = model.tableByField[name.lowercased()] ?? model.tableByField[Naming.singular(name).lowercased()],
                    let hit = hits.first(where: { $0 > t }) ?? hits.first(where: { $0 != t })
                {
                    targets = [(p, hit)]
                }
            }
            if targets.isEmpty, Self.needsTable(spelling), let orphan = orphanTable(p, after: t) {
                targets = [(p, orphan)]
                diagnose(loc, "\(name): no table named for \"\(typeText)\", took the next unreferenced table '\(model.tables[orphan].caption?.text ?? "")'")
            }
            type = resolve(spelling, targets: targets, field: name, location: loc, typeText: typeText, operationId: operationId)
        } else {
            // No Type column (or an empty cell): a referenced table, else what the examples show, else string.
            if targets.isEmpty, let hits = model.tableByField[name.lowercased()],
                let hit = hits.first(where: { $0 > t }) ?? hits.first(where: { $0 != t })
            {
                targets = [(p, hit)]
            }
            let shapes = exampleShapes[name] ?? []
            let elements = exampleElements[name] ?? []
            if let target = targets.first {
                let element = tableType(target, desiredName: typeName(target, field: name, array: shapes == [.array]), operationId: operationId)
                let lower = description.lowercased()
                let isArray = shapes == [.array] || (shapes.isEmpty && (lower.has("list") || lower.has("array")))
                type = isArray ? .array(element) : element
            } else if shapes.count == 1, let shape = shapes.first {
                type = Self.primitive(for: shape, elements: elements) ?? .string
            } else {
                type = Self.inferFromDescription(description)
            }
        }
        var values = EnumExtractor.values(in: descriptionBlocks)
        let boolean = EnumExtractor.typed(type, values: values, field: name)
        (type, values) = (boolean.type, boolean.values)
        if let message = boolean.diagnostic { diagnose(loc, message) }
        let hasEnum: Bool = {
            switch type {
            case .string, .integer, .int64, .number: true
            case .array(let inner): inner == .string || inner == .integer
            default: false
            }
        }()
        return Property(
            name: name, type: type, required: Self.isRequired(row, columns), enumValues: hasEnum ? values : nil,
            description: description)
    }

    static func needsTable(_ spelling: TypeSpelling) -> Bool {
        switch spelling {
        case .object, .named, .unknown: true
        case .array(let inner), .map(let inner): needsTable(inner)
        default: false
        }
    }

    static func primitive(for shape: JSONValue.Shape, elements: Set<JSONValue.Shape>) -> TypeRef? {
        switch shape {
        case .string: .string
        case .integer: .integer
        case .number: .number
        case .boolean: .boolean
        case .object: .any
        case .array:
            elements.count == 1 ? .array(primitive(for: elements.first!, elements: []) ?? .any) : .array(.any)
        }
    }

    static func inferFromDescription(_ description: String) -> TypeRef {
        let lower = description.lowercased()
        if lower.hasPrefix("specifies whether") || lower.hasPrefix("whether") || lower.hasPrefix("indicates whether") {
            return .boolean
        }
        if lower.hasPrefix("specifies the number of") || lower.hasPrefix("number of") || lower.hasPrefix("indicates the number of") {
            return .integer
        }
        return .string
    }

    /// Name for the type of `target`: its caption title when that is a type name (`VolumeReq`), else the field.
    func typeName(_ target: (page: Int, table: Int), field: String, array: Bool) -> String {
        let table = pages[target.page].tables[target.table]
        let title = table.title.trimmed()
        if !title.has(" "), PageModel.isIdentifierLike(title), title.first?.isUppercase == true {
            return Naming.upperCamel(title)
        }
        let base = PageModel.fieldName(ofCaption: table) ?? field
        return Naming.upperCamel(array ? Naming.singular(base) : base)
    }

    mutating func resolve(
        _ spelling: TypeSpelling, targets: [(page: Int, table: Int)], field: String, location: SourceLocation,
        typeText: String, operationId: String
    ) -> TypeRef {
        switch spelling {
        case .primitive(let p):
            // A "see Table N" next to a primitive (enum tables, JSON carried in a string) is description, not
            // structure: the table is noted, the documented type kept.
            for target in targets {
                let key = Self.tableKey(target.page, target.table)
                if consumed.insert(key).inserted, candidates[key] == nil {
                    diagnose(location, "\(field): documented as \"\(typeText)\" but described by '\(pages[target.page].tables[target.table].caption?.text ?? "a table")', kept \"\(typeText)\"")
                }
            }
            return p
        case .object(let opaque):
            if let target = targets.first {
                return tableType(target, desiredName: typeName(target, field: field, array: false), operationId: operationId)
            }
            if let fromExample = exampleObjectType(field, operationId: operationId, location: location) { return fromExample }
            if !opaque { diagnose(location, "\(field): object \"\(typeText)\" without a table, emitted as any") }
            return .any
        case .named(let name):
            if let target = targets.first {
                return tableType(target, desiredName: typeName(target, field: name, array: false), operationId: operationId)
            }
            diagnose(location, "\(field): type \"\(name)\" has no table, emitted as any")
            return .any
        case .array(let inner):
            switch inner {
            case .object, .named, .unknown:
                if let target = targets.first {
                    let name: String
                    if case .named(let explicit) = inner { name = explicit } else { name = field }
                    return .array(tableType(target, desiredName: typeName(target, field: name, array: true), operationId: operationId))
                }
                return .array(resolve(inner, targets: [], field: field, location: location, typeText: typeText, operationId: operationId))
            default:
                return .array(resolve(inner, targets: targets, field: field, location: location, typeText: typeText, operationId: operationId))
            }
        case .map(let inner):
            return .map(resolve(inner, targets: targets, field: field, location: location, typeText: typeText, operationId: operationId))
        case .unknown:
            if let target = targets.first {
                return tableType(target, desiredName: typeName(target, field: field, array: false), operationId: operationId)
            }
            diagnose(location, "\(field): unknown type \"\(typeText.replacingAll("\n", with: " "))\", emitted as any")
            return .any
        }
    }

    // MARK: Naming

    /// Final names for the candidates: identical structures with the same name merge; different structures with
    /// the same name are prefixed with their operation id.
    func finalTypes() -> ([NamedType], [String: String]) {
        var byName: [String: [String]] = [:]
        for key in candidateOrder {
            guard let candidate = candidates[key] else { continue }
            byName[candidate.desiredName, default: []].append(key)
        }
        func signature(_ candidate: Candidate) -> String {
            candidate.properties.map { property in
                "\(property.name):\(rename(property.type, [:], desired: true)):\(property.required)"
            }.joined(separator: ",")
        }
        var names: [String: String] = [:]
        var used = Set<String>()
        var types: [NamedType] = []
        for desired in byName.keys.sorted() {
            let keys = byName[desired]!
            // Variants by structure, most used first, then by first page.
            var variants: [(signature: String, keys: [String])] = []
            for key in keys {
                let sig = signature(candidates[key]!)
                if let index = variants.firstIndex(where: { $0.signature == sig }) {
                    variants[index].keys.append(key)
                } else {
                    variants.append((sig, [key]))
                }
            }
            variants.sort { lhs, rhs in
                if lhs.keys.count != rhs.keys.count { return lhs.keys.count > rhs.keys.count }
                return candidates[lhs.keys[0]]!.firstPage < candidates[rhs.keys[0]]!.firstPage
            }
            for (index, variant) in variants.enumerated() {
                let first = candidates[variant.keys[0]]!
                var name = index == 0 ? desired : (desired.hasPrefix(first.operationId) ? desired : first.operationId + desired)
                let base = name
                var counter = 2
                while used.contains(name) || (index > 0 && byName[name] != nil && name != desired) {
                    name = base + "\(counter)"
                    counter += 1
                }
                used.insert(name)
                for key in variant.keys { names[key] = name }
            }
        }
        for desired in byName.keys.sorted() {
            var emitted = Set<String>()
            for key in byName[desired]! {
                let name = names[key]!
                guard emitted.insert(name).inserted else { continue }
                let candidate = candidates[key]!
                let properties = candidate.properties.map { property in
                    var property = property
                    property.type = rename(property.type, names)
                    return property
                }
                types.append(NamedType(name: name, description: candidate.description, kind: .object(properties), source: candidate.source))
            }
        }
        return (types, names)
    }

    func rename(_ ref: TypeRef, _ names: [String: String], desired: Bool = false) -> TypeRef {
        switch ref {
        case .named(let key) where key.first == placeholderMarker:
            if desired { return .named(candidates[key]?.desiredName ?? "Unknown") }
            return .named(names[key] ?? "Unknown")
        case .array(let inner): return .array(rename(inner, names, desired: desired))
        case .map(let inner): return .map(rename(inner, names, desired: desired))
        default: return ref
        }
    }
}

/// Group names from the table of contents: the parent chapter of each page, identifier-safe and unique.
struct GroupIndex {
    var ordered: [OperationGroup] = []
    var byPage: [String: String] = [:]

    init(toc: TableOfContents) {
        var byCode: [String: TableOfContents.Entry] = [:]
        for entry in toc.entries { byCode[entry.code] = entry }
        var nameByCode: [String: String] = [:]
        var used = Set<String>()
        for entry in toc.entries {
            guard let parentCode = entry.p_code, let parent = byCode[parentCode] else { continue }
            if nameByCode[parentCode] == nil {
                var name = Naming.upperCamel(parent.title)
                if used.contains(name), let grand = parent.p_code.flatMap({ byCode[$0] }) {
                    name = Naming.upperCamel(grand.title) + name
                }
                let base = name
                var counter = 2
                while used.contains(name) {
                    name = base + "\(counter)"
                    counter += 1
                }
                used.insert(name)
                nameByCode[parentCode] = name
                ordered.append(OperationGroup(name: name, title: parent.title))
            }
            let page = String(entry.uri.split(separator: "#").first ?? "")
            if byPage[page] == nil { byPage[page] = nameByCode[parentCode] }
        }
    }

    /// The page's chapter in the table of contents; a page the table does not list (newer exports often are
    /// not) joins the group named after the first resource of its path (`/v1/{project_id}/workspaces/{id}` →
    /// `Workspaces`), so that related operations still share a file.
    func group(of page: String, path: String) -> String {
        byPage[page] ?? Self.resourceSegment(of: path).map(Naming.upperCamel) ?? "Default"
    }

    /// The first literal path segment that is neither a version (`v1`, `v1.1`) nor a parameter.
    static func resourceSegment(of path: String) -> String? {
        path.split(separator: "/").first { segment in
            guard segment.first != "{" else { return false }
            let isVersion = segment.first == "v" && segment.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
            return !isVersion && segment.contains { $0.isLetter }
        }.map(String.init)
    }
}
