import APISchema
import Foundation
import OpenAPIEmitter
import OpenAPIKit
import TestSupport
import Testing

/// A small service written by hand: one object with a nested object, an array, a map and an opaque field, a
/// named enum, an inline enum, two operations on the same method and path, and examples.
private func sampleSchema() -> ServiceSchema {
    let source = SourceLocation(page: "CreateWidget.html", table: "Table 3 Part", row: nil)
    return ServiceSchema(
        name: "Widgets", endpoint: .configured(prefix: "widgets"),
        groups: [OperationGroup(name: "WidgetManagement", title: "Widget Management")],
        operations: [
            Operation(
                id: "CreateWidget", group: "WidgetManagement", title: "Creating a Widget",
                summary: "Creates a widget.", method: "POST", path: "/v1/{project_id}/widgets",
                sourcePage: "CreateWidget.html",
                parameters: [
                    Parameter(name: "project_id", location: .path, required: false, type: .string),
                    Parameter(
                        name: "X-Language", location: .header, required: false, type: .string,
                        enumValues: [EnumValue(value: "en-us"), EnumValue(value: "zh-cn")]),
                ],
                requestBody: RequestBody(type: .named("WidgetRequest")),
                requestExamples: [Example(title: "A widget", value: ["name": "w1", "size": 3])],
                responses: [
                    Response(
                        status: 201, type: .named("Widget"), description: "Created.",
                        examples: [Example(value: ["id": "a1", "flag": true, "ratio": .double(0.5)])],
                        headers: [
                            Parameter(
                                name: "X-Request-Id", location: .header, required: true, type: .string,
                                description: "Request ID."),
                            Parameter(name: "X-Retry-In", location: .header, required: false, type: .integer),
                        ]),
                    Response(status: 400, description: ""),
                ]),
            Operation(
                id: "StartWidgets", group: "WidgetManagement", title: "Starting Widgets", summary: "",
                method: "POST", path: "/v1/{project_id}/widgets/action", sourcePage: "StartWidgets.html",
                responses: [Response(status: 204)]),
            Operation(
                id: "StopWidgets", group: "Other", title: "Stopping Widgets", summary: "",
                method: "POST", path: "/v1/{project_id}/widgets/action", sourcePage: "StopWidgets.html",
                parameters: [Parameter(name: "force", location: .query, required: false, type: .boolean)]),
        ],
        types: [
            NamedType(
                name: "Part", description: "A part.",
                kind: .object([
                    Property(name: "count", type: .integer, required: true),
                    Property(name: "bytes", type: .int64, required: false),
                ]), source: source),
            NamedType(
                name: "Size", description: "",
                kind: .enumeration(
                    base: .string, values: [EnumValue(value: "SMALL", description: "Small."), EnumValue(value: "LARGE")]),
                source: source),
            NamedType(
                name: "Widget", description: "",
                kind: .object([
                    Property(name: "id", type: .string, required: true, description: "Widget ID."),
                    Property(name: "ratio", type: .number, required: false),
                    Property(name: "flag", type: .boolean, required: false),
                    Property(
                        name: "state", type: .string, required: false,
                        enumValues: [EnumValue(value: "ACTIVE", description: "Running."), EnumValue(value: "ERROR")]),
                ]), source: source),
            NamedType(
                name: "WidgetRequest", description: "",
                kind: .object([
                    Property(name: "name", type: .string, required: true, description: "Name."),
                    Property(name: "parts", type: .array(.named("Part")), required: false),
                    Property(name: "labels", type: .map(.string), required: false),
                    Property(name: "extra", type: .any, required: false),
                    Property(name: "size", type: .named("Size"), required: false),
                    Property(
                        name: "mode", type: .string, required: false,
                        enumValues: [EnumValue(value: "fast", description: "Quick."), EnumValue(value: "slow")],
                        description: "Speed."),
                    Property(
                        name: "levels", type: .array(.integer), required: false,
                        enumValues: [EnumValue(value: "1"), EnumValue(value: "2")]),
                ]), source: source),
        ])
}

/// The document as written to `spec/`, read back as plain JSON: the tests below check the bytes users get.
private func document(_ schema: ServiceSchema = sampleSchema()) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: OpenAPIEmitter.documentJSON(for: schema))
}

@Suite struct OpenAPIEmitterTests {
    @Test func headerServersAndSecurity() throws {
        let doc = try document()
        #expect(doc["openapi"] == "3.1.0")
        #expect(doc["info"]?["title"] == "Widgets")
        guard case .array(let servers) = doc["servers"] else { Issue.record("no servers"); return }
        #expect(servers.first?["url"] == "https://widgets.{region}.otc.t-systems.com")
        #expect(servers.first?["variables"]?["region"]?["default"] == "eu-de")
        #expect(servers.contains { $0["url"] == "https://widgets.{region}.myhuaweicloud.com" })
        #expect(doc["components"]?["securitySchemes"]?["token"]?["name"] == "X-Auth-Token")
        #expect(doc["tags"] == [["name": "WidgetManagement", "description": "Widget Management"], ["name": "Other"]])
    }

    @Test func operationCarriesIdSourcePageParametersBodyAndResponses() throws {
        let operation = try #require(try document()["paths"]?["/v1/{project_id}/widgets"]?["post"])
        #expect(operation["operationId"] == "CreateWidget")
        #expect(operation["x-source-page"] == "CreateWidget.html")
        #expect(operation["summary"] == "Creating a Widget")
        #expect(operation["description"] == "Creates a widget.")
        #expect(operation["tags"] == ["WidgetManagement"])
        #expect(
            operation["parameters"] == [
                [
                    "name": "project_id", "in": "path", "required": true, "schema": ["type": "string"],
                    "x-bound-to": "project",
                ],
                [
                    "name": "X-Language", "in": "header",
                    "schema": ["anyOf": [["type": "string", "enum": ["en-us", "zh-cn"]], ["type": "string"]]],
                ],
            ])
        let body = try #require(operation["requestBody"])
        #expect(body["required"] == true)
        #expect(body["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/WidgetRequest"])
        #expect(
            body["content"]?["application/json"]?["examples"]
                == ["example1": ["summary": "A widget", "value": ["name": "w1", "size": 3]]])
        let created = try #require(operation["responses"]?["201"])
        #expect(created["description"] == "Created.")
        #expect(created["content"]?["application/json"]?["schema"] == ["$ref": "#/components/schemas/Widget"])
        // An untitled example has no summary; integers and decimals keep their kind.
        #expect(
            created["content"]?["application/json"]?["examples"]
                == ["example1": ["value": ["id": "a1", "flag": true, "ratio": .double(0.5)]]])
        #expect(operation["responses"]?["400"] == ["description": "Client error (status 400)."])
    }

    /// Issue #24: the response headers a page documents, with their schemas and descriptions; none required, as
    /// the SDK reads each as optional.
    @Test func responsesCarryTheirDocumentedHeaders() throws {
        let operation = try #require(try document()["paths"]?["/v1/{project_id}/widgets"]?["post"])
        #expect(
            operation["responses"]?["201"]?["headers"] == [
                "X-Request-Id": ["description": "Request ID.", "schema": ["type": "string"]],
                "X-Retry-In": ["schema": ["type": "integer", "format": "int32"]],
            ])
        #expect(operation["responses"]?["400"]?["headers"] == nil)
    }

    /// An alias is the Swift SDK's name in a signature; the export refers to the one schema it names.
    @Test func aliasesReferToTheirTarget() throws {
        var schema = sampleSchema()
        schema.operations[1].responses = [Response(status: 200, type: .named("StartWidgetsResponse"))]
        schema.types.append(
            NamedType(
                name: "StartWidgetsResponse", kind: .alias(target: "Widget"), source: SourceLocation(page: "S.html")))
        let doc = try document(schema)
        #expect(doc["components"]?["schemas"]?["StartWidgetsResponse"] == nil)
        #expect(doc["components"]?["schemas"]?["Widget"] != nil)
        let start = try #require(doc["paths"]?["/v1/{project_id}/widgets/action"]?["post"])
        #expect(
            start["responses"]?["200"]?["content"]?["application/json"]?["schema"]
                == ["$ref": "#/components/schemas/Widget"])
        #expect(throws: Never.self) { try OpenAPIEmitter.document(for: schema).validate(using: OpenAPIEmitter.validator) }
    }

    @Test func samePathAndMethodKeepsOneOperationPerPage() throws {
        let paths = try #require(try document()["paths"])
        #expect(paths["/v1/{project_id}/widgets/action"]?["post"]?["operationId"] == "StartWidgets")
        let stop = try #require(paths["/v1/{project_id}/widgets/action#StopWidgets"]?["post"])
        #expect(stop["x-path"] == "/v1/{project_id}/widgets/action")
        // The undeclared template parameter is added.
        #expect(
            stop["parameters"] == [
                // `required: false` is OpenAPI's default and left out.
                ["name": "force", "in": "query", "schema": ["type": "boolean"]],
                [
                    "name": "project_id", "in": "path", "required": true, "schema": ["type": "string"],
                    "description": "Not described on the page; taken from the path template.",
                    "x-bound-to": "project",
                ],
            ])
        #expect(stop["responses"] == ["default": ["description": "No response is documented on the page."]])
    }

    /// A value and its meaning as one Markdown list item, as the export's descriptions and the SDK's doc comments
    /// list them: a meaning the page breaks over lines stays one item.
    @Test func valuesAreListItemsOnOneLine() {
        #expect(EnumValue(value: "DEDICATED", description: "Managed by the user.\nOnly for  EFS.").listItem
            == "- `DEDICATED`: Managed by the user. Only for EFS.")
        #expect(EnumValue(value: "EVS").listItem == "- `EVS`")
    }

    @Test func componentsCoverRefsEnumsMapsAnyAndRequired() throws {
        let schemas = try #require(try document()["components"]?["schemas"])
        let request = try #require(schemas["WidgetRequest"])
        #expect(request["type"] == "object")
        #expect(request["required"] == ["name"])
        #expect(request["x-source"] == "CreateWidget.html: 'Table 3 Part'")
        let properties = try #require(request["properties"])
        #expect(properties["name"] == ["type": "string", "description": "Name."])
        #expect(properties["parts"] == ["type": "array", "items": ["$ref": "#/components/schemas/Part"]])
        #expect(properties["labels"] == ["type": "object", "additionalProperties": ["type": "string"]])
        #expect(properties["extra"] == [:])
        #expect(properties["size"] == ["$ref": "#/components/schemas/Size"])
        // Enums are open, as the SDK decodes them: the documented values, or any other value of their type. The
        // values' meanings follow the field's prose as a list, for readers of the document.
        #expect(
            properties["mode"]
                == [
                    "anyOf": [
                        ["type": "string", "enum": ["fast", "slow"], "x-enum-descriptions": ["Quick.", ""]], ["type": "string"],
                    ],
                    "description": "Speed.\n\n- `fast`: Quick.\n- `slow`",
                ])
        #expect(
            properties["levels"]
                == ["type": "array", "items": ["anyOf": [
                    ["type": "integer", "format": "int32", "enum": [1, 2]], ["type": "integer", "format": "int32"],
                ]]])
        #expect(schemas["Part"]?["properties"]?["count"] == ["type": "integer", "format": "int32"])
        #expect(schemas["Part"]?["properties"]?["bytes"] == ["type": "integer", "format": "int64"])
        #expect(schemas["Part"]?["description"] == "A part.")
        let size = try #require(schemas["Size"])
        #expect(size["anyOf"] == [
            ["type": "string", "enum": ["SMALL", "LARGE"], "x-enum-descriptions": ["Small.", ""]], ["type": "string"],
        ])
    }

    @Test func responseTypesAreOptionalAndNullableAsTheSDKDecodesThem() throws {
        let schemas = try #require(try document()["components"]?["schemas"])
        // Widget is a response body: no required fields, and every property accepts null.
        let widget = try #require(schemas["Widget"])
        #expect(widget["required"] == nil)
        #expect(widget["properties"]?["id"] == ["type": ["string", "null"], "description": "Widget ID."])
        #expect(widget["properties"]?["ratio"] == ["type": ["number", "null"]])
        #expect(
            widget["properties"]?["state"]
                == [
                    "anyOf": [
                        ["type": "string", "enum": ["ACTIVE", "ERROR"], "x-enum-descriptions": ["Running.", ""]],
                        ["type": ["string", "null"]],
                    ],
                    "description": "- `ACTIVE`: Running.\n- `ERROR`",
                ])
        // Request-only types keep the page's required fields and accept no null.
        #expect(schemas["WidgetRequest"]?["required"] == ["name"])
        #expect(schemas["Part"]?["properties"]?["count"] == ["type": "integer", "format": "int32"])
        #expect(schemas["Part"]?["required"] == ["count"])
    }

    /// A `$ref` in a response type accepts null through the type it names, which a response contains and so is
    /// exported as `type: ["object", "null"]`: no `anyOf` with a `{type: null}` branch, which swift-openapi-generator
    /// skips with a warning ("Schema "null" is not supported").
    @Test func aReferenceInAResponseTypeAcceptsNullThroughTheTypeItNames() throws {
        var schema = sampleSchema()
        schema.types[2].kind = .object([Property(name: "part", type: .named("Part"), required: true, description: "P.")])
        let document = try document(schema)
        let schemas = try #require(document["components"]?["schemas"])
        #expect(schemas["Widget"]?["properties"]?["part"] == ["$ref": "#/components/schemas/Part", "description": "P."])
        #expect(schemas["Part"]?["type"] == ["object", "null"])
        #expect(schemas["Widget"]?["type"] == ["object", "null"])
        // Part is now reachable from a response, so it is decoded as optional too.
        #expect(schemas["Part"]?["required"] == nil)
        #expect(schemas["Part"]?["properties"]?["count"] == ["type": ["integer", "null"], "format": "int32"])
        // A request-only type is not nullable.
        #expect(schemas["WidgetRequest"]?["type"] == "object")
        #expect(!Self.containsNullBranch(document))
    }

    /// Whether some `anyOf`/`oneOf` of `value` has a `{type: null}` branch.
    static func containsNullBranch(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members):
            for key in ["anyOf", "oneOf"] {
                if case .array(let branches)? = members[key], branches.contains(["type": "null"]) { return true }
            }
            return members.values.contains { containsNullBranch($0) }
        case .array(let elements): return elements.contains { containsNullBranch($0) }
        default: return false
        }
    }

    @Test func unresolvedNamesNeverProduceDanglingRefs() throws {
        var schema = sampleSchema()
        schema.types.removeAll { $0.name == "Part" }
        let parts = try #require(try document(schema)["components"]?["schemas"]?["WidgetRequest"]?["properties"]?["parts"])
        #expect(parts == ["type": "array", "items": ["x-unresolved-type": "Part"]])
        // And say so, at the page of the type that names it.
        var diagnostics = DiagnosticCollector()
        _ = try OpenAPIEmitter.document(for: schema, diagnostics: &diagnostics)
        let found = diagnostics.diagnostics.filter { $0.id == .typeNotExported }
        #expect(!found.isEmpty && found.allSatisfy { $0.location.page == "CreateWidget.html" && $0.message.contains("Part") })
    }

    @Test func outputIsCanonicalAndDeterministic() throws {
        let first = try OpenAPIEmitter.documentJSON(for: sampleSchema())
        let second = try OpenAPIEmitter.documentJSON(for: sampleSchema())
        #expect(first == second)
        #expect(first.last == UInt8(ascii: "\n"))
        let reencoded = try SpecFiles.canonicalJSON(try JSONDecoder().decode(JSONValue.self, from: first))
        #expect(reencoded == first)
    }

    @Test func duplicateOperationIdsAreMadeUnique() throws {
        var schema = sampleSchema()
        schema.operations[2].id = "StartWidgets"
        let paths = try #require(try document(schema)["paths"])
        #expect(paths["/v1/{project_id}/widgets/action#StartWidgets2"]?["post"]?["operationId"] == "StartWidgets2")
        try OpenAPIEmitter.document(for: schema).validate(using: OpenAPIEmitter.validator)
    }

    /// A paged list carries its paginator (the schema's, by wire names) as `x-paginator`; the document stays valid.
    @Test func paginatorIsAnExtensionOfItsOperation() throws {
        var schema = sampleSchema()
        schema.types.append(
            NamedType(
                name: "WidgetList", description: "",
                kind: .object([
                    Property(name: "widgets", type: .array(.named("Widget")), required: false),
                    Property(name: "total_count", type: .integer, required: false),
                ]), source: SourceLocation(page: "ListWidgets.html")))
        schema.operations.append(
            Operation(
                id: "ListWidgets", group: "WidgetManagement", title: "Listing Widgets", summary: "", method: "GET",
                path: "/v1/{project_id}/widgets", sourcePage: "ListWidgets.html",
                parameters: ["offset", "limit"].map { Parameter(name: $0, location: .query, required: false, type: .integer) },
                responses: [Response(status: 200, type: .named("WidgetList"))],
                paginator: Paginator(
                    kind: .pageOffset, start: "offset", limit: "limit", items: "widgets", progress: "total_count")))
        func paginator() throws -> JSONValue? {
            try document(schema)["paths"]?["/v1/{project_id}/widgets"]?["get"]?["x-paginator"]
        }
        #expect(
            try paginator()
                == ["kind": "pageOffset", "offset": "offset", "limit": "limit", "items": "widgets", "total": "total_count"])
        #expect(try document()["paths"]?["/v1/{project_id}/widgets"]?["post"]?["x-paginator"] == nil)
        try OpenAPIEmitter.document(for: schema).validate(using: OpenAPIEmitter.validator)

        schema.operations[3].paginator = Paginator(
            kind: .marker, start: "marker", limit: "limit", items: "widgets", progress: "next_marker")
        #expect(
            try paginator()
                == ["kind": "marker", "marker": "marker", "limit": "limit", "items": "widgets", "nextMarker": "next_marker"])
        schema.operations[3].paginator = Paginator(
            kind: .offset, start: "offset", limit: "limit", items: "widgets", progress: nil)
        #expect(try paginator() == ["kind": "offset", "offset": "offset", "limit": "limit", "items": "widgets"])
    }

    @Test func pathParametersFollowTheTemplateSpelling() throws {
        var schema = sampleSchema()
        schema.operations[0].parameters = [
            Parameter(name: "Project_ID", location: .path, required: true, type: .string),
            Parameter(name: "job_id", location: .path, required: true, type: .string),
        ]
        schema.types[1].kind = .enumeration(base: .string, values: [])
        let doc = try document(schema)
        #expect(
            doc["paths"]?["/v1/{project_id}/widgets"]?["post"]?["parameters"]
                == [
                    [
                        "name": "project_id", "in": "path", "required": true, "schema": ["type": "string"],
                        "x-bound-to": "project",
                    ]
                ])
        #expect(doc["components"]?["schemas"]?["Size"] == ["type": "string", "x-source": "CreateWidget.html: 'Table 3 Part'"])
        // What the export leaves out, and fills in, it reports.
        schema.operations[0].parameters.append(Parameter(name: "PROJECT_ID", location: .path, required: true, type: .string))
        schema.operations[0].parameters.removeAll { $0.name == "Project_ID" }
        schema.operations[0].parameters.append(Parameter(name: "PROJECT_ID", location: .path, required: true, type: .string))
        let first = schema.operations[0]
        func reported(_ schema: ServiceSchema) throws -> [Diagnostic] {
            var diagnostics = DiagnosticCollector()
            _ = try OpenAPIEmitter.document(for: schema, diagnostics: &diagnostics)
            return diagnostics.diagnostics.filter { $0.message.hasPrefix(first.id + ":") }
        }
        let reports = try reported(schema)
        #expect(reports.map(\.id) == [.parameterNotExported, .parameterNotExported])
        #expect(reports.allSatisfy { $0.location.page == first.sourcePage })
        schema.operations[0].parameters = []
        #expect(try reported(schema).map(\.id) == [.placeholderWithoutParameter])
    }

    @Test("a {project_id} that names a member of a projects collection is an argument, not bound to the project")
    func projectActedOnIsNotBound() throws {
        var schema = sampleSchema()
        schema.operations = [
            Operation(
                id: "DeleteProject", group: "Other", title: "Deleting a Project", summary: "", method: "DELETE",
                path: "/v3/projects/{project_id}", sourcePage: "DeleteProject.html", responses: [Response(status: 204)])
        ]
        let doc = try document(schema)
        #expect(
            doc["paths"]?["/v3/projects/{project_id}"]?["delete"]?["parameters"]
                == [
                    [
                        "name": "project_id", "in": "path", "required": true, "schema": ["type": "string"],
                        "description": "Not described on the page; taken from the path template.",
                    ]
                ])
    }

    @Test("the servers are the schema's endpoint, and none without one")
    func serversFollowTheSchemaEndpoint() throws {
        var schema = sampleSchema()
        schema.endpoint = ServiceEndpoint(host: "gadgets.{region}.otc.t-systems.com", prefix: "gadgets", page: "endpoints.html")
        guard case .array(let servers) = try document(schema)["servers"] else { Issue.record("no servers"); return }
        #expect(servers.first?["url"] == "https://gadgets.{region}.otc.t-systems.com")
        #expect(servers.first?["description"] == "Open Telekom Cloud (stated on endpoints.html)")
        schema.endpoint = nil
        #expect(try document(schema)["servers"] == nil)
    }

    @Test func emptySchemaIsStillADocument() throws {
        let empty = ServiceSchema(name: "Empty", endpoint: .configured(prefix: "empty"))
        let doc = try document(empty)
        // OpenAPI 3.1 needs `paths`, `components` or `webhooks`: the security schemes are the components.
        #expect(doc["paths"] == nil)
        #expect(doc["components"]?["schemas"] == nil)
        #expect(doc["components"]?["securitySchemes"]?["akSk"]?["name"] == "Authorization")
        try OpenAPIEmitter.document(for: empty).validate(using: OpenAPIEmitter.validator)
    }

    @Test func placeholdersOfAPath() {
        #expect(PathTemplate.placeholders(in: "/v1/{project_id}/servers/{server_id}") == ["project_id", "server_id"])
    }
}

/// The typed document as OpenAPIKit checks it, both as built and as OpenAPIKit reads it back from the written bytes
/// (what a generator built on OpenAPIKit, such as swift-openapi-generator, sees).
@Suite struct OpenAPIKitValidationTests {
    @Test func sampleDocumentPassesOpenAPIKitValidation() throws {
        let document = try OpenAPIEmitter.document(for: sampleSchema())
        try document.validate(using: OpenAPIEmitter.validator)
        let bytes = try OpenAPIEmitter.documentJSON(for: sampleSchema())
        let read = try JSONDecoder().decode(OpenAPI.Document.self, from: bytes)
        // Strict: a warning from reading the bytes back fails the validation too.
        try read.validate(using: OpenAPIEmitter.validator, strict: true)
        #expect(Set(read.allOperationIds) == ["CreateWidget", "StartWidgets", "StopWidgets"])
        #expect(read.paths.count == 3)
    }

    /// The validator catches what the export must never contain, so the validations of the sample above and of the
    /// four services (IntegrationTests) fail if the emitter ever drops a path parameter or repeats an operation id.
    @Test func validationRejectsAMissingPathParameterAndARepeatedOperationId() throws {
        let valid = try OpenAPIEmitter.document(for: sampleSchema())
        #expect(Self.rejections(valid).isEmpty)
        let missing = try Self.changingPost(of: valid, at: "/v1/{project_id}/widgets") {
            $0.parameters.removeAll { $0.parameterValue?.location == .path }
        }
        #expect(Self.rejections(missing).contains { $0.contains("path parameters were not defined") })
        let repeated = try Self.changingPost(of: valid, at: "/v1/{project_id}/widgets/action") {
            $0.operationId = "CreateWidget"
        }
        #expect(Self.rejections(repeated).contains { $0.contains("Operation Ids in Document are unique") })
    }

    /// Why `OpenAPIEmitter.validator` rejects `document`: empty when it accepts it.
    static func rejections(_ document: OpenAPI.Document) -> [String] {
        do {
            try document.validate(using: OpenAPIEmitter.validator)
            return []
        } catch let errors as ValidationErrorCollection {
            return errors.values.map(\.reason)
        } catch {
            return ["\(error)"]
        }
    }

    /// `document` with the POST operation of `path` changed by `change`.
    static func changingPost(
        of document: OpenAPI.Document, at path: OpenAPI.Path, _ change: (inout OpenAPI.Operation) -> Void
    ) throws -> OpenAPI.Document {
        var document = document
        var item = try #require(document.paths[path]?.pathItemValue)
        var operation = try #require(item.post)
        change(&operation)
        item.post = operation
        document.paths[path] = .b(item)
        return document
    }
}

/// Runs `openapi-spec-validator` (PyPI; `.ci/run` installs it) over the sample document, when it is installed.
@Suite struct OpenAPIValidatorTests {
    static func python(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static var validatorInstalled: Bool { python(["-c", "import openapi_spec_validator"])?.status == 0 }

    @Test(.enabled(if: validatorInstalled, "openapi-spec-validator is not installed"))
    func sampleDocumentIsValidOpenAPI31() async throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "apiref-openapi-\(UUID().uuidString).json")
        try OpenAPIEmitter.documentJSON(for: sampleSchema()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let path = file.path
        // Seconds of Python: off the cooperative pool, which the other tests' timers and I/O need.
        let result = try #require(await onOwnThread { Self.python(["-m", "openapi_spec_validator", path]) })
        #expect(result.status == 0, "\(result.output)")
    }

    /// What a strict JSON Schema validator (Python `jsonschema`, installed with openapi-spec-validator) makes of
    /// the export agrees with the SDK: an undocumented enum value and `null`s decode in a response; a request-only
    /// type still rejects `null` for a required field and a wrong type.
    @Test(.enabled(if: validatorInstalled, "openapi-spec-validator is not installed"))
    func strictValidatorAgreesWithTheSDK() async throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "apiref-strict-\(UUID().uuidString).json")
        try OpenAPIEmitter.documentJSON(for: sampleSchema()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            document = json.load(open(sys.argv[1]))
            def valid(name, value):
                root = {"components": document["components"], "$ref": "#/components/schemas/" + name}
                return jsonschema.Draft202012Validator(root).is_valid(value)
            print(valid("Widget", {"id": None, "ratio": None, "state": "public"}),
                  valid("Widget", {"state": "ACTIVE", "flag": True}), valid("Widget", {"state": 3}),
                  valid("WidgetRequest", {"name": None}), valid("WidgetRequest", {"name": "w", "mode": "turbo"}),
                  valid("WidgetRequest", {"name": "w", "mode": 3}), valid("WidgetRequest", {}))
            """
        let path = file.path
        let result = try #require(await onOwnThread { Self.python(["-c", script, path]) })
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == "True True False False True False False")
    }
}
