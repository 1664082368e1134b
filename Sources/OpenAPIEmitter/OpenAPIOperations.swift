import APISchema
import OpenAPIKit

// The `paths` of the document: one operation per API page, its parameters, request body, responses and the page's
// JSON examples.
extension DocumentBuilder {
    var paths: OpenAPI.PathItem.Map {
        // Several pages can document the same method and path (batch `action` endpoints, deprecated pages);
        // OpenAPI holds one operation per method and path, so later ones get a `#OperationId` fragment in their
        // key and keep the real path in `x-path`.
        var items = OrderedDictionary<OpenAPI.Path, OpenAPI.PathItem>()
        var taken = Set<String>()
        var usedIds = UniqueNames()
        for operation in schema.operations {
            let verb = operation.method.uppercased()
            // As OpenAPIKit keys it (empty segments dropped), so paths that differ only in a `//` are one path. The
            // schema's paths are clean templates (`RequestLine`): no query, no stray brace.
            let path = OpenAPI.Path(rawValue: operation.path).rawValue
            let operationId = usedIds.claim(operation.id)
            // `/a/{id}` and `/a/{name}` are one path to OpenAPI.
            let template = PathTemplate.replacingPlaceholders(in: path) { _ in "{}" }
            let first = taken.insert(verb + " " + template).inserted
            let key = OpenAPI.Path(rawValue: first ? path : path + "#" + operationId)
            let method = OpenAPI.BuiltinHttpMethod(rawValue: verb).map(OpenAPI.HttpMethod.builtin) ?? .other(verb)
            items[key, default: OpenAPI.PathItem()][method] = self.operation(
                operation, operationId: operationId, path: path, xPath: !first)
        }
        return items.mapValues { .b($0) }
    }

    func operation(_ operation: APISchema.Operation, operationId: String, path: String, xPath: Bool)
        -> OpenAPI.Operation
    {
        report.page = operation.sourcePage
        var extensions = ["x-source-page": AnyCodable(operation.sourcePage)]
        if xPath { extensions["x-path"] = AnyCodable(path) }
        if let paginator = operation.paginator { extensions["x-paginator"] = Self.paginator(paginator) }
        let requestBody = operation.requestBody.map { body in
            OpenAPI.Request(
                content: [.json: .b(content(schema(body.type), operation.requestExamples))], required: body.required)
        }
        return OpenAPI.Operation(
            tags: operation.group.isEmpty ? nil : [operation.group],
            summary: operation.title.isEmpty ? operation.id : operation.title,
            description: operation.summary.isEmpty ? nil : operation.summary,
            operationId: operationId,
            parameters: parameters(operation, path: path).map { .b($0) },
            requestBody: requestBody,
            responses: responses(operation),
            deprecated: operation.deprecation != nil,
            vendorExtensions: extensions)
    }

    func parameters(_ operation: APISchema.Operation, path: String) -> [OpenAPI.Parameter] {
        let template = PathTemplate.placeholders(in: path)
        var seen = Set<String>()
        var parameters: [OpenAPI.Parameter] = []
        for parameter in operation.parameters {
            var name = parameter.name
            if parameter.location == .path {
                // Spelled as in the template; one that is not in the template cannot be sent (OpenAPI rejects it).
                guard let spelled = template.first(where: { $0.lowercased() == name.lowercased() }) else {
                    report.emit(
                        .parameterNotExported,
                        "\(operation.id): path parameter \(name) is not in the path \(path): left out of the export")
                    continue
                }
                name = spelled
            }
            guard seen.insert(parameter.location.rawValue + " " + name.lowercased()).inserted else {
                report.emit(
                    .parameterNotExported,
                    "\(operation.id): a second \(parameter.location.rawValue) parameter \(name): left out of the export")
                continue
            }
            let schema = schema(parameter.type, enumValues: parameter.enumValues)
            let context: OpenAPI.Parameter.Context =
                switch parameter.location {
                case .path: .path(schema: schema)
                case .query: .query(required: parameter.required, schema: schema)
                case .header: .header(required: parameter.required, schema: schema)
                }
            let description = Self.description(parameter.description, values: parameter.enumValues)
            parameters.append(
                OpenAPI.Parameter(
                    name: name, context: context, description: description.isEmpty ? nil : description,
                    vendorExtensions: Self.binding(of: name, in: operation)))
        }
        // Every `{name}` of the path must be declared; the pages sometimes leave one out of the table.
        for name in template where seen.insert("path " + name.lowercased()).inserted {
            report.emit(
                .placeholderWithoutParameter,
                "\(operation.id): no parameter describes {\(name)} of \(path): exported as a string")
            parameters.append(
                OpenAPI.Parameter(
                    name: name, context: .path(schema: schema(.string)),
                    description: "Not described on the page; taken from the path template.",
                    vendorExtensions: Self.binding(of: name, in: operation)))
        }
        return parameters
    }

    /// `x-bound-to: project` on the `{project_id}` that scopes the call: SDKs fill it in with the caller's project
    /// (one that names a project acted on, `/v3/projects/{project_id}`, is the caller's to give).
    static func binding(of name: String, in operation: APISchema.Operation) -> [String: AnyCodable] {
        operation.isBoundByClient(name) ? ["x-bound-to": "project"] : [:]
    }

    /// `x-paginator`: how the operation's list is read page by page (``Paginator``), by the wire names of its
    /// parameters and response fields: `{"kind": "offset", "offset": "offset", "limit": "limit", "items":
    /// "datasets", "total": "total_number"}`; a `pageOffset` counts pages; a `marker` has `marker` and `nextMarker`.
    /// `total` is left out when the response counts no elements.
    static func paginator(_ paginator: Paginator) -> AnyCodable {
        let byMarker = paginator.kind == .marker
        var members: [String: JSONValue] = [
            "kind": .string(paginator.kind.rawValue), byMarker ? "marker" : "offset": .string(paginator.start),
            "limit": .string(paginator.limit), "items": .string(paginator.items),
        ]
        if let progress = paginator.progress { members[byMarker ? "nextMarker" : "total"] = .string(progress) }
        return AnyCodable(json: .object(members))
    }

    func responses(_ operation: APISchema.Operation) -> OpenAPI.Response.Map {
        var responses = OpenAPI.Response.Map()
        for response in operation.responses {
            let hasContent = response.type != nil || !response.examples.isEmpty
            responses[.status(code: response.status)] = .b(
                OpenAPI.Response(
                    description: response.description.isEmpty
                        ? Self.statusDescription(response.status) : response.description,
                    headers: headers(of: response),
                    content: hasContent
                        ? [.json: .b(content(response.type.map { schema($0) }, response.examples))] : [:]))
        }
        if let errorBody = schema.errorBody {
            // Any status the page does not name (the gateway's 401, 403 and 429 come from every API).
            responses[.default] = .b(
                OpenAPI.Response(
                    description: "A failure the page does not list: the service's error body.",
                    content: [.json: .b(content(schema(errorBody), []))]))
        } else if responses.isEmpty {
            responses[.default] = .b(OpenAPI.Response(description: "No response is documented on the page."))
        }
        return responses
    }

    /// The header fields the page documents for a response, by name, or `nil` when it documents none. None is
    /// `required`: the SDK reads each as optional, as it reads response fields (servers omit what pages promise).
    func headers(of response: Response) -> OpenAPI.Header.Map? {
        guard !response.headers.isEmpty else { return nil }
        var headers = OpenAPI.Header.Map()
        for header in response.headers {
            headers[header.name] = .b(
                OpenAPI.Header(
                    schema: schema(header.type, enumValues: header.enumValues),
                    description: header.description.isEmpty ? nil : header.description))
        }
        return headers
    }

    /// A JSON body: its schema (if the page documents one) and the page's examples of it, `example1`, `example2`, …
    func content(_ schema: JSONSchema?, _ examples: [Example]) -> OpenAPI.Content {
        var map = OpenAPI.Example.Map()
        for (index, example) in examples.enumerated() {
            map["example\(index + 1)"] = .b(
                OpenAPI.Example(
                    summary: example.title.isEmpty ? nil : example.title,
                    legacyValue: .b(AnyCodable(json: example.value))))
        }
        return OpenAPI.Content(schema: schema.map { .b($0) }, examples: map.isEmpty ? nil : map)
    }

    static func statusDescription(_ status: Int) -> String {
        switch status {
        case 200..<300: "Success (status \(status))."
        case 300..<400: "Redirection (status \(status))."
        case 400..<500: "Client error (status \(status))."
        default: "Status \(status)."
        }
    }
}
