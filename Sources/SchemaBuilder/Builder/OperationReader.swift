import APISchema
import DocReader

/// One API page → one operation: parameters, request body, responses and examples.
extension Builder {
    mutating func buildOperation(
        _ model: PageModel, requestLine: RequestLine, tables: OperationTables, id: String, groups: GroupIndex
    ) -> OperationDraft {
        let page = model.page
        if let literal = requestLine.literalProjectID {
            diagnose(
                .literalProjectID, model.location(),
                "the URI line names project \(literal) where {project_id} belongs: read as \(requestLine.path)")
        }
        var draft = OperationDraft(
            operation: APISchema.Operation(
                id: id, group: groups.group(of: page.path, path: requestLine.path), title: page.title,
                summary: PageClassifier.summary(of: model), method: requestLine.method, path: requestLine.path,
                sourcePage: page.path))
        let examples = pageExamples[model.index].examples
        for example in examples where example.value == nil {
            diagnose(
                .unparsableExample, SourceLocation(page: page.path, table: example.title),
                "\(example.kind.rawValue) example is not JSON: left on the page, not used to type or correct the tables")
        }
        for t in tables.unrecognised {
            let header = model.tables[t].header?.map(\.text).joined(separator: " | ") ?? ""
            diagnose(
                .unrecognisedTable, model.location(table: t),
                "column titles \"\(header)\" are in no language the vocabulary knows: table not read")
        }
        draft.operation.parameters = parameters(model, tables: tables, requestLine: requestLine)
        if let body = tables.body {
            draft.requestBody = tableType(TableID(model.index, body), desiredName: id + "Request", operationId: id, isBody: true)
        }
        (draft.operation.responses, draft.responseBodies) = responses(
            model, tables: tables, exampleStatuses: ExampleAttachment.statuses(of: examples), operationId: id)
        for example in ExampleAttachment.attach(examples, to: &draft) {
            diagnose(
                .unattachedExample, SourceLocation(page: page.path, table: example.title),
                "failure example without a status code, and the page documents no error response: not attached")
        }
        typeResponsesByTheirExamples(&draft, page: page.path)

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
        return draft
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
        // (A query name that is also a path placeholder is a query parameter of its own: a filter.)
        for query in requestLine.queryNames where !parameters.contains(where: { $0.name == query && $0.location != .path }) {
            parameters.append(Parameter(name: query, location: .query, required: false, type: .string))
            diagnose(
                .untypedQueryParameter, model.location(),
                "query parameter \(query): in the URI line but in no table, added as string")
        }
        // Query parameters the page's own example URLs use but no table lists. One the example spells in
        // other capitals (`begin_Time` for the table's `begin_time`) is the table's: a slip of the example.
        for query in ExampleReader.exampleQueryNames(of: model, method: requestLine.method)
        where !parameters.contains(where: { $0.name.lowercased() == query.lowercased() && $0.location != .path })
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
    /// the statuses the examples name; at least one success. The responses come without their body types, which
    /// come beside them by status.
    private mutating func responses(
        _ model: PageModel, tables: OperationTables, exampleStatuses: [Int], operationId id: String
    ) -> ([Response], [Int: DraftTypeRef]) {
        let defaultStatus = tables.documentedStatuses.first { (200..<300).contains($0.status) }?.status ?? 200
        var linkedResponse: DraftID?
        if tables.responses.isEmpty, let linked = references.linkedResponseTable(model) {
            linkedResponse = objectType(
                linked, desiredName: TitleName(title: pages[linked.page].page.title).id, operationId: id)
        }
        var responses: [Response] = []
        var bodies: [Int: DraftTypeRef] = [:]
        let successCount = tables.responses.filter { (200..<300).contains($0.status ?? defaultStatus) }.count
        for (status, t) in tables.responses {
            let code = status ?? defaultStatus
            let success = (200..<300).contains(code)
            let desired = success ? (successCount > 1 ? "\(id)Response\(code)" : "\(id)Response") : "ErrorResponse"
            let type = tableType(TableID(model.index, t), desiredName: desired, operationId: id, isBody: true)
            if !responses.contains(where: { $0.status == code }) {
                responses.append(Response(status: code, description: model.tables[t].title))
                bodies[code] = type
            }
        }
        if let linkedResponse, !responses.contains(where: { (200..<300).contains($0.status) }) {
            responses.append(Response(status: defaultStatus))
            bodies[defaultStatus] = .draft(linkedResponse)
        }
        for (status, t) in tables.responseHeaders {
            let code = status ?? defaultStatus
            if !responses.contains(where: { $0.status == code }) { responses.append(Response(status: code)) }
            let index = responses.firstIndex { $0.status == code }!
            responses[index].headers = responseHeaders(model, table: t, adding: responses[index].headers)
        }
        // A page without error statuses of its own documents them by linking a list; linking none, it has the
        // service's common list.
        let ownErrors = tables.documentedStatuses.contains { $0.status >= 400 }
        let documented = tables.documentedStatuses + (ownErrors ? [] : references.linkedErrorStatuses(model))
            + exampleStatuses.map { ($0, "") }
        for (code, description) in documented where code >= 200 {
            if let index = responses.firstIndex(where: { $0.status == code }) {
                if responses[index].description.isEmpty { responses[index].description = description }
            } else {
                responses.append(Response(status: code, description: description))
            }
        }
        if !responses.contains(where: { (200..<300).contains($0.status) }) {
            responses.append(Response(status: defaultStatus))
        }
        return (responses.sorted { $0.status < $1.status }, bodies)
    }

    /// The rows of response header table `t` after `headers` (a status may have several such tables), one per name
    /// whatever its case; authentication headers are the runtime's and are left out as in a request.
    private mutating func responseHeaders(_ model: PageModel, table t: Int, adding headers: [Parameter]) -> [Parameter] {
        consumed.insert(TableID(model.index, t))
        var headers = headers
        // No path or query of the request line: nothing moves a row out of the header.
        let rows = ParameterReader.parameters(
            model, table: t, location: .header, requestLine: RequestLine(method: "", path: "", queryNames: []),
            diagnostics: &diagnostics)
        for var header in rows where !headers.contains(where: { $0.name.lowercased() == header.name.lowercased() }) {
            header.location = .header
            headers.append(header)
        }
        return headers
    }

    /// 2xx responses documented only by an example: the example's shape, with a diagnostic.
    private mutating func typeResponsesByTheirExamples(_ draft: inout OperationDraft, page: String) {
        let id = draft.operation.id
        for response in draft.operation.responses {
            guard draft.responseBodies[response.status] == nil, (200..<300).contains(response.status),
                let json = response.examples.first?.value, case .object(let members) = json, !members.isEmpty
            else { continue }
            let source = SourceLocation(page: page, table: "Example Responses")
            draft.responseBodies[response.status] = inferType(
                json, name: id + "Response", operationId: id, source: source, path: "\(response.status)")
            diagnose(.responseFromExample, source, "status \(response.status): no response table, body type read from the example")
        }
    }
}
