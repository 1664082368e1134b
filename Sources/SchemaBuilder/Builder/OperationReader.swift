import APISchema
import DocReader

/// One API page → one operation: parameters, request body, responses and examples.
extension Builder {
    mutating func buildOperation(_ model: PageModel, requestLine: RequestLine, id: String, groups: GroupIndex)
        -> APISchema.Operation
    {
        let page = model.page
        var operation = APISchema.Operation(
            id: id, group: groups.group(of: page.path, path: requestLine.path), title: page.title,
            summary: PageClassifier.summary(of: model), method: requestLine.method, path: requestLine.path,
            sourcePage: page.path)
        operation.examples = pageExamples[model.index].examples
        for example in operation.examples where JSONValue.parse(example.body) == nil {
            diagnose(
                .unparsableExample, SourceLocation(page: page.path, table: example.title),
                "\(example.kind) example is not JSON: kept as documentation, not used to type or correct the tables")
        }
        let tables = PageClassifier.operationTables(of: model, referenced: references.referenced[model.index])
        operation.parameters = parameters(model, tables: tables, requestLine: requestLine)
        if let body = tables.body {
            operation.requestBody = RequestBody(
                type: tableType(TableID(model.index, body), desiredName: id + "Request", operationId: id))
        }
        operation.responses = responses(model, tables: tables, examples: operation.examples, operationId: id)

        // Never lose a table: parameter tables nobody referenced become types of their own.
        for t in model.tables.indices where model.columns[t] != nil {
            let table = TableID(model.index, t)
            if consumed.contains(table) || candidates[.table(table)] != nil { continue }
            if model.sections[model.tableSection[t]].kind == .example { continue }
            let caption = model.tables[t]
            let name = PageModel.fieldName(ofCaption: caption).map { Naming.upperCamel($0) }
                ?? (caption.title.isEmpty ? id + "Table\(t + 1)" : id + Naming.upperCamel(caption.title))
            _ = objectType(table, desiredName: name, operationId: id)
            diagnose(.unreferencedTable, model.location(table: t), "table not referenced by any row, emitted as type \(name)")
        }
        return operation
    }

    /// The parameter tables' rows, then the path variables and query names of the request line and of the
    /// example requests that no table lists. One parameter per location and name.
    private mutating func parameters(_ model: PageModel, tables: OperationTables, requestLine: RequestLine) -> [Parameter] {
        var parameters: [Parameter] = []
        for (t, location) in tables.parameters {
            consumed.insert(TableID(model.index, t))
            parameters += ParameterReader.parameters(
                model, table: t, location: location, requestLine: requestLine, diagnostics: &diagnostics)
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
        for query in ExampleReader.exampleQueryNames(of: model, method: requestLine.method)
        where !parameters.contains(where: { $0.name == query })
        {
            parameters.append(
                Parameter(
                    name: query, location: .query, required: false, type: .string,
                    description: "Not in the page's tables; the page's request example sends it."))
            diagnose(
                .exampleQueryParameter, model.location(),
                "query parameter \(query): used by the page's request example but not in its tables, added as string")
        }
        var seen = Set<String>()
        return parameters.filter { seen.insert("\($0.location.rawValue) \($0.name)").inserted }
    }

    /// One response per documented status: the response tables, a linked page's table, the status tables and
    /// the example responses; at least one success.
    private mutating func responses(
        _ model: PageModel, tables: OperationTables, examples: [Example], operationId id: String
    ) -> [Response] {
        let defaultStatus = tables.documentedStatuses.first { (200..<300).contains($0) } ?? 200
        var linkedResponse: String?
        if tables.responses.isEmpty, let linked = references.linkedResponseTable(model) {
            linkedResponse = objectType(
                linked, desiredName: Naming.operationId(fromTitle: pages[linked.page].page.title), operationId: id)
        }
        var responses: [Response] = []
        let successCount = tables.responses.filter { (200..<300).contains($0.status ?? defaultStatus) }.count
        for (status, t) in tables.responses {
            let code = status ?? defaultStatus
            let success = (200..<300).contains(code)
            let desired = success ? (successCount > 1 ? "\(id)Response\(code)" : "\(id)Response") : "ErrorResponse"
            let type = tableType(TableID(model.index, t), desiredName: desired, operationId: id)
            if !responses.contains(where: { $0.status == code }) {
                responses.append(Response(status: code, type: type, description: model.tables[t].title))
            }
        }
        if let linkedResponse, !responses.contains(where: { (200..<300).contains($0.status) }) {
            responses.append(Response(status: defaultStatus, type: .named(linkedResponse)))
        }
        for code in tables.documentedStatuses where (200..<300).contains(code) && !responses.contains(where: { $0.status == code }) {
            responses.append(Response(status: code))
        }
        for example in examples where example.kind == .response {
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
            let example = examples.first { example in
                example.kind == .response && (example.status ?? defaultStatus) == status && !ExampleReader.isFailure(example.title)
            }
            guard let example, let json = JSONValue.parse(example.body), case .object(let members) = json, !members.isEmpty
            else { continue }
            let source = SourceLocation(page: model.page.path, table: "Example Responses")
            responses[index].type = inferType(json, name: id + "Response", operationId: id, source: source, path: "\(status)")
            diagnose(.responseFromExample, source, "status \(status): no response table, body type read from the example")
        }
        return responses.sorted { $0.status < $1.status }
    }
}
