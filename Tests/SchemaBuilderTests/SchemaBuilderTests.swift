import APISchema
import DocReader
import Foundation
import Testing

@testable import SchemaBuilder

@Suite("SchemaBuilder: current layout")
struct CurrentLayoutTests {
    let schema = Fixtures.build([("CreateGadget.html", Fixtures.createGadget), ("overview.html", Fixtures.overview)])

    @Test func onlyAPIPagesBecomeOperations() throws {
        #expect(schema.operations.map(\.id) == ["CreateGadget"])
        let operation = try #require(schema.operation("CreateGadget"))
        #expect(operation.method == "POST")
        #expect(operation.path == "/v1/{project_id}/gadgets")
        #expect(operation.summary == "Creates a gadget in a project.")
        #expect(operation.title == "Creating a Gadget")
        #expect(operation.sourcePage == "CreateGadget.html")
        // No table of contents in the fixture: the group comes from the path's first resource.
        #expect(operation.group == "Gadgets")
        #expect(schema.groups == [OperationGroup(name: "Gadgets", title: "gadgets")])
    }

    @Test func parametersByLocationWithoutAuthHeaders() throws {
        let operation = try #require(schema.operation("CreateGadget"))
        let summary = operation.parameters.map { "\($0.location.rawValue):\($0.name):\($0.required):\($0.type)" }
        #expect(summary == [
            "path:project_id:true:string", "query:dry_run:false:boolean", "query:tags:false:array<string>",
            "header:X-Language:false:string",
        ])
    }

    @Test func requestBodyWithNamedTypes() throws {
        let operation = try #require(schema.operation("CreateGadget"))
        #expect(operation.requestBody?.type == .named("CreateGadgetRequest"))
        let body = schema.properties("CreateGadgetRequest")
        #expect(body[named: "name"]?.required == true)
        #expect(body[named: "size"]?.type == .int64)
        #expect(body[named: "ratio"]?.type == .number)
        #expect(body[named: "volume"]?.type == .named("VolumeReq"))
        #expect(body[named: "volume"]?.required == true)
        #expect(body[named: "endpoints"]?.type == .array(.named("EndpointReq")))
        #expect(body[named: "labels"]?.type == .map(.string))
        #expect(body[named: "extra"]?.type == .any)
        #expect(body[named: "mode"]?.type == .integer)
        #expect(body[named: "storage"]?.type == .array(.any))
        let volume = schema.properties("VolumeReq")
        #expect(volume[named: "ownership"]?.required == true)
        #expect(volume[named: "capacity"]?.type == .integer)
    }

    @Test func enumerationsFromDescriptions() {
        let volume = schema.properties("VolumeReq")
        #expect(volume[named: "category"]?.enumValues == [
            EnumValue(value: "EVS", description: "block storage"), EnumValue(value: "SFS", description: "file storage"),
        ])
        #expect(volume[named: "ownership"]?.enumValues?.map(\.value) == ["MANAGED", "DEDICATED"])
        // Prose after a trigger phrase is not a value list.
        #expect(volume[named: "capacity"]?.enumValues == nil)
        #expect(schema.properties("EndpointReq")[named: "service"]?.enumValues?.map(\.value) == ["SSH", "HTTPS"])
    }

    /// A list read line by line is said once, in `enumValues`: the description keeps its prose without the lead;
    /// values written inside a sentence stay in it.
    @Test func valueListsAreStatedOnce() {
        let volume = schema.properties("VolumeReq")
        #expect(volume[named: "category"]?.description == "Storage type.")
        #expect(volume[named: "ownership"]?.description == "Owner.")
        #expect(schema.properties("EndpointReq")[named: "service"]?.description == "Service. The options are SSH and HTTPS.")
    }

    @Test func responsesPerStatusCode() throws {
        let operation = try #require(schema.operation("CreateGadget"))
        #expect(operation.responses.map(\.status) == [201, 400])
        #expect(operation.responses[0].type == .named("CreateGadgetResponse"))
        #expect(operation.responses[1].type == .named("ErrorResponse"))
        #expect(schema.properties("CreateGadgetResponse")[named: "volume"]?.type == .named("VolumeRes"))
        #expect(schema.properties("ErrorResponse").map(\.name) == ["error_code", "error_msg"])
    }

    @Test func examplesParsedAndAttachedToWhatTheyIllustrate() throws {
        let operation = try #require(schema.operation("CreateGadget"))
        // The request line above the request example is not part of its value.
        #expect(operation.requestExamples.map(\.value) == [["name": "g1", "volume": ["category": "EVS", "ownership": "MANAGED"]]])
        #expect(operation.requestExamples.first?.title == "Create a gadget.")
        #expect(operation.responses.map(\.examples.count) == [1, 0])
        #expect(operation.responses.first?.examples.first?.value == ["id": "abc", "volume": ["category": "EVS"]])
    }

    @Test func diagnosticsNamePageTableAndRow() {
        let messages = schema.diagnostics.map(\.description)
        #expect(messages.contains {
            $0.hasPrefix("CreateGadget.html: 'Table 4 Request body parameters' row 9") && $0.contains("unknown type \"Array<Storage type>\", emitted as any")
        })
        #expect(messages.contains { $0.contains("row 8") && $0.contains("several types") })
        #expect(schema.diagnostics == schema.diagnostics.sorted())
    }

    @Test func everyNamedReferenceResolves() {
        let names = Set(schema.types.map(\.name))
        for type in schema.types {
            if case .object(let properties) = type.kind {
                for property in properties {
                    if let name = property.type.referencedName { #expect(names.contains(name), "\(type.name).\(property.name)") }
                }
            }
        }
        #expect(schema.types.map(\.name) == schema.types.map(\.name).sorted())
    }
}

@Suite("SchemaBuilder: old layout")
struct OldLayoutTests {
    let schema = Fixtures.build([("en-us_topic_0001.html", Fixtures.oldServers)])

    @Test func operationFromTitle() throws {
        let operation = try #require(schema.operations.first)
        #expect(operation.id == "CreateECS")
        #expect(operation.parameters.map(\.name) == ["project_id"])
        #expect(operation.responses.map(\.status) == [200])
    }

    @Test func seeTableLinksAndTypeInference() throws {
        let body = schema.properties("CreateECSRequest")
        #expect(body[named: "server"]?.type == .named("Server"))
        #expect(body[named: "server"]?.required == true)
        #expect(body[named: "dry_run"]?.type == .boolean)
        let server = schema.properties("Server")
        #expect(server[named: "name"]?.type == .string)
        // "see Table 4" without a link, an array in the example.
        #expect(server[named: "nics"]?.type == .array(.named("Nic")))
        #expect(schema.properties("Nic")[named: "subnet_id"]?.required == true)
        // Dotted rows become a nested type.
        #expect(server[named: "metadata"]?.type == .named("Metadata"))
        #expect(schema.properties("Metadata").map(\.name) == ["owner"])
    }

    @Test func unresolvableTableReferenceIsDiagnosed() {
        #expect(schema.diagnostics.contains { $0.message.contains("Table 9") && $0.location.row == 5 })
        #expect(schema.properties("Server")[named: "volume"]?.type == .string)
    }

    @Test func responseWithoutStatusDefaultsTo200() throws {
        let response = try #require(schema.operations.first?.responses.first)
        #expect(response.type == .named("CreateECSResponse"))
        #expect(schema.properties("CreateECSResponse")[named: "serverIds"]?.type == .array(.string))
    }
}

@Suite("SchemaBuilder: pieces")
struct PiecesTests {
    @Test(arguments: [
        ("String", TypeSpelling.primitive(.string)), ("Integer", .primitive(.integer)), ("int", .primitive(.integer)),
        ("Int32", .primitive(.integer)), ("Long", .primitive(.int64)), ("Int64", .primitive(.int64)),
        ("Float", .primitive(.number)), ("Double", .primitive(.number)), ("Number", .primitive(.number)),
        ("BigDecimal", .primitive(.number)), ("Boolean", .primitive(.boolean)), ("Bool", .primitive(.boolean)),
        ("Array of strings", .array(.primitive(.string))), ("String array", .array(.primitive(.string))),
        ("Array of VolumeReq objects", .array(.named("VolumeReq"))), ("Array<Object>", .array(.object(opaque: false))),
        ("List(Dict)", .array(.object(opaque: true))), ("List<String>", .array(.primitive(.string))),
        ("Map<String,String>", .map(.primitive(.string))), ("Map<String, Label>", .map(.named("Label"))),
        ("schedule array", .array(.named("schedule"))), ("JSON", .object(opaque: true)), ("Dict", .object(opaque: true)),
        ("Object", .object(opaque: false)), ("VolumeReq object", .named("VolumeReq")), ("Array of objects", .array(.object(opaque: false))),
        ("Integer/Boolean", .primitive(.integer)), ("String[]", .array(.primitive(.string))),
        ("Array<Storage type>", .array(.unknown("Storage type"))),
        ("List data structure", .array(.object(opaque: false))), ("Dictionary data structure", .object(opaque: false)),
    ])
    func typeSpellings(text: String, expected: TypeSpelling) {
        #expect(TypeSpellingParser.parse(text).0 == expected)
    }

    @Test func operationIds() {
        #expect(Naming.isOperationName("CreateNotebook"))
        #expect(!Naming.isOperationName("en-us_topic_0020212648"))
        #expect(!Naming.isOperationName("modelarts_03_0110"))
        #expect(Naming.upperCamel("os:scheduler_hints") == "OsSchedulerHints")
        #expect(Naming.singular("policies") == "policy")
        #expect(Naming.singular("servers") == "server")
    }

    @Test func inlineEnumsAreConservative() {
        #expect(EnumExtractor.inline("Options: asc and desc")?.map(\.value) == ["asc", "desc"])
        #expect(EnumExtractor.inline("The value can be a positive integer or zero.") == nil)
        #expect(EnumExtractor.inline("Value range: 1 to 100.") == nil)
    }

    /// The site's "Definition / Range / Default Value" cells: a "Range" heading, or a trigger that ends its
    /// paragraph, introduces the list in the next paragraph; prose or a numeric range there is not a list.
    @Test func aRangeHeadingIntroducesTheNextParagraph() {
        func values(_ paragraphs: String...) -> [String]? {
            EnumExtractor.values(in: paragraphs.map { .paragraph(InlineText(text: $0)) })?.map(\.value)
        }
        #expect(values("Definition", "The server status.", "Range", "ACTIVE, BUILD, ERROR, and SHUTOFF", "Default Value", "N/A")
            == ["ACTIVE", "BUILD", "ERROR", "SHUTOFF"])
        #expect(values("The server status.", "Value range:", "ACTIVE, DELETED, and SOFT_DELETED") == ["ACTIVE", "DELETED", "SOFT_DELETED"])
        #expect(values("Definition", "The size.", "Range", "1 to 1024") == nil)
        #expect(values("Range", "The value depends on the flavor, see the table below.") == nil)
        #expect(values("Change the range of the port", "TCP, UDP") == nil, "only a bare heading introduces the next paragraph")
        #expect(values("The value can be a positive integer.", "ACTIVE, BUILD") == nil, "the trigger does not end its paragraph")
    }

    /// An integer field whose description explains its codes one per line gets them as values with meanings; a
    /// listed value gets its meaning; prose around the lines, a date or a range is no code.
    @Test func integerCodesExplainedLineByLine() throws {
        let page = """
            <h1 class="topictitle1">Querying a Job</h1>
            <div class="section"><h4 class="sectiontitle">URI</h4><p>GET /v1/{project_id}/jobs/{job_id}</p></div>
            <div class="section"><h4 class="sectiontitle">Response Parameters</h4><p><strong>Status code: 200</strong></p>
            \(Fixtures.table(1, "Response body parameters", header: Fixtures.responseHeader, rows: [
                ["<p>status</p>", "<p>Integer</p>", "<p>Job status.</p><p>0: creating</p><p>1: running</p><p>-1: failed</p>"],
                ["<p>mode</p>", "<p>Integer</p>", "<p>Mode. Enumeration values:</p><ul><li><p><strong>1</strong></p></li><li><p><strong>2</strong></p></li><li><p><strong>3</strong></p></li></ul><p>1: fast</p><p>2: safe</p>"],
                ["<p>name</p>", "<p>String</p>", "<p>0: not a code of a string</p><p>1: still not</p>"],
                ["<p>size</p>", "<p>Integer</p>", "<p>Size.</p><p>2024-01-01: since then</p><p>1-100: the range</p>"],
            ]))
            </div>
            """
        let schema = Fixtures.build([("querying_a_job.html", page)])
        let body = try #require(schema.operations.first?.successResponse?.type?.referencedName)
        let type = try #require(schema.types.first { $0.name == body })
        guard case .object(let properties) = type.kind else { Issue.record("not an object"); return }
        func values(_ name: String) -> [String]? {
            properties.first { $0.name == name }?.enumValues?.map { "\($0.value)=\($0.description)" }
        }
        #expect(values("status") == ["0=creating", "1=running", "-1=failed"])
        #expect(values("mode") == ["1=fast", "2=safe", "3="], "the listed values stay; the lines explain them")
        #expect(values("name") == nil, "only an integer field has codes")
        #expect(values("size") == nil, "a date or a range is not a code")
    }

    @Test func requestLines() {
        let line = RequestLine.parse("GET /v2/{project_id}/datasets?offset={offset}&limit={limit}")
        #expect(line?.method == "GET")
        #expect(line?.path == "/v2/{project_id}/datasets")
        #expect(line?.queryNames == ["offset", "limit"])
        #expect(line?.pathVariables == ["project_id"])
        #expect(RequestLine.parse("POST https://{endpoint}/v1/{project_id}/x")?.path == "/v1/{project_id}/x")
        #expect(RequestLine.parse("Get the list of things") == nil)
    }

    /// Request lines as printed with a flaw that hides nothing: a method glued to its path, spaces inside a
    /// placeholder, in an RFC 6570 query expansion or after a query's `&`. Words that continue nothing still end it.
    @Test func requestLinesPrintedWithStraySpaces() {
        #expect(RequestLine.parse("GET/{api_version}")?.path == "/{api_version}")
        #expect(RequestLine.parse("GET/") == RequestLine(method: "GET", path: "/", queryNames: []))
        #expect(RequestLine.parse("GET https://{Widget endpoint}/v1/widgets")?.path == "/v1/widgets")
        let expansion = RequestLine.parse("GET /v3/widgets{?color, size}")
        #expect(expansion?.path == "/v3/widgets" && expansion?.queryNames == ["color", "size"])
        let query = RequestLine.parse("GET /v2/{project_id}/widgets?limit={limit}& name~={name}& offset={offset}")
        #expect(query?.path == "/v2/{project_id}/widgets" && query?.queryNames == ["limit", "name~", "offset"])
        #expect(RequestLine.parse("GET/POST method") == nil)
        #expect(RequestLine.parse("GET /v1/widgets and more") == nil)
    }

    /// A URI section that names only the method leaves the path to the example request line with that method.
    @Test func aURISectionWithOnlyTheMethodTakesTheExamplesPath() throws {
        let page = """
            <h1>Querying Widget Versions</h1><div><h4>URI</h4><p>GET</p></div>
            <div><h4>Example Request</h4><pre>POST https://{endpoint}/v1/other</pre><pre>GET https://{endpoint}/</pre></div>
            """
        let schema = Fixtures.build([("versions.html", page)])
        let operation = try #require(schema.operations.first)
        #expect(operation.method == "GET" && operation.path == "/")
    }

    /// "API Format" heads the request line as "URI" does.
    @Test func anAPIFormatSectionHoldsTheRequestLine() throws {
        let page = "<h1>Querying Widget Versions</h1><div><h4>API Format</h4><p>GET/</p></div>"
        let operation = try #require(Fixtures.build([("versions.html", page)]).operations.first)
        #expect(operation.method == "GET" && operation.path == "/")
    }

    @Test func queryStringParametersAreAdded() throws {
        let page = """
            <h1>Querying Things</h1><div><h4>URI</h4><p>GET /v1/{project_id}/things?limit={limit}</p></div>
            """
        let schema = Fixtures.build([("a.html", page)])
        let operation = try #require(schema.operations.first)
        #expect(operation.id == "ListThings")
        #expect(operation.parameters.map { "\($0.location.rawValue):\($0.name)" } == ["path:project_id", "query:limit"])
    }

    @Test func operationIdsAreUnique() {
        let page = { (path: String) in "<h1>Querying Things</h1><div><h4>URI</h4><p>GET \(path)</p></div>" }
        let schema = Fixtures.build([("a.html", page("/v1/things")), ("b.html", page("/v2/things")), ("c.html", page("/v2/things/x"))])
        #expect(schema.operations.map(\.id) == ["ListThings", "ListThingsV2", "ListThingsV22"])
    }

    @Test func groupsFromTableOfContents() throws {
        let toc = TableOfContents(entries: [
            .init(title: "Gadget Management", uri: "gadgets.html", code: "1", p_code: ""),
            .init(title: "Creating a Gadget", uri: "CreateGadget.html", code: "2", p_code: "1"),
        ])
        let schema = Fixtures.build([("CreateGadget.html", Fixtures.createGadget)], toc: toc)
        #expect(schema.groups == [OperationGroup(name: "GadgetManagement", title: "Gadget Management")])
        #expect(schema.operations.first?.group == "GadgetManagement")
    }

    @Test func sameNameDifferentStructuresGetDistinctNames() {
        let page = { (title: String, field: String) in
            """
            <h1>\(title)</h1><div><h4>URI</h4><p>POST /v1/\(field)</p></div>
            <div><h4>Request Parameters</h4>
            \(Fixtures.table(1, "Request body parameters", header: Fixtures.newHeader, rows: [["<p>spec</p>", "<p>Yes</p>", "<p>Spec object</p>", "<p>x</p>"]]))
            \(Fixtures.table(2, "Spec", header: Fixtures.newHeader, rows: [["<p>\(field)</p>", "<p>No</p>", "<p>String</p>", "<p>x</p>"]]))
            </div>
            """
        }
        let schema = Fixtures.build([
            ("CreateA.html", page("A", "alpha")), ("CreateB.html", page("B", "beta")), ("CreateC.html", page("C", "alpha")),
        ])
        #expect(schema.properties("Spec").map(\.name) == ["alpha"])
        #expect(schema.properties("CreateBSpec").map(\.name) == ["beta"])
        #expect(schema.properties("CreateCRequest")[named: "spec"]?.type == .named("Spec"))
        #expect(schema.properties("CreateBRequest")[named: "spec"]?.type == .named("CreateBSpec"))
    }

    @Test func rowSpansAndMissingCells() {
        let page = """
            <h1>Creating a Thing</h1><div><h4>URI</h4><p>POST /v1/things</p></div>
            <div><h4>Request</h4><table><caption>Table 1 Request parameters</caption>
            <thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
            <tbody><tr><td rowspan="2">name</td><td>Yes</td><td>String</td><td>Name.</td></tr>
            <tr><td>No</td><td>String</td><td>Continued description.</td></tr>
            <tr><td>count</td><td>No</td></tr>
            <tr><td></td><td>No</td><td>String</td><td>Orphan.</td></tr></tbody></table></div>
            """
        let schema = Fixtures.build([("t.html", page)])
        let body = schema.properties("CreateThingRequest")
        #expect(body.map(\.name) == ["name", "count"])
        #expect(body[named: "count"]?.type == .string)
        #expect(schema.diagnostics.contains { $0.message.contains("count: missing type") })
        #expect(schema.diagnostics.contains { $0.message.contains("without a parameter name") })
    }

    @Test func subHeadingsKeepTheirSectionKind() throws {
        let page = """
            <h1>Querying a Thing</h1><h3>URI</h3><p>GET /v1/things/{thing_id}</p>
            <h3>Response Parameters</h3><h5>Status code: 202</h5>
            \(Fixtures.table(1, "Response body parameters", header: Fixtures.responseHeader, rows: [["<p>state</p>", "<p>String</p>", "<p>State.</p>"]]))
            <h3>Example Responses</h3><h5>Status code: 202</h5><pre>{"state": "ok"}</pre>
            """
        let schema = Fixtures.build([("q.html", page)])
        let operation = try #require(schema.operations.first)
        #expect(operation.responses.map(\.status) == [202])
        #expect(operation.responses.first?.type == .named("ShowThingResponse"))
        #expect(operation.responses.first?.examples.count == 1)
        #expect(operation.parameters.map(\.name) == ["thing_id"])
    }

    @Test func bareArrayBodiesAndMapTables() throws {
        let page = """
            <h1>Listing Items</h1><div><h4>URI</h4><p>GET /v1/items</p></div>
            <div><h4>Response Parameters</h4><p>Status code: 200</p>
            \(Fixtures.table(1, "Response body parameters", header: Fixtures.responseHeader, rows: [["<p>[items]</p>", "<p>Array of <a href=\"#L__Item\">Item</a> objects</p>", "<p>Items.</p>"]]))
            \(Fixtures.table(2, "Item", id: "L__Item", header: Fixtures.responseHeader, rows: [
                ["<p>id</p>", "<p>String</p>", "<p>ID.</p>"],
                ["<p>addresses</p>", "<p>Object</p>", "<p>Addresses. For details, see Table 3.</p>"],
            ]))
            \(Fixtures.table(3, "addresses field description", header: Fixtures.responseHeader, rows: [["<p>Name of the network of the item</p>", "<p>Array of strings</p>", "<p>IPs.</p>"]]))
            </div>
            """
        let schema = Fixtures.build([("ListItems.html", page)])
        let operation = try #require(schema.operation("ListItems"))
        #expect(operation.responses.first?.type == .array(.named("Item")))
        #expect(schema.properties("Item")[named: "addresses"]?.type == .map(.array(.string)))
    }

    @Test func buildIsDeterministic() {
        let sources = [("CreateGadget.html", Fixtures.createGadget), ("en-us_topic_0001.html", Fixtures.oldServers)]
        let first = Fixtures.build(sources)
        let second = Fixtures.build(sources.reversed())
        #expect(first == second)
    }
}

@Suite("SchemaBuilder: bodies the examples wrap")
struct BodyWrapperTests {
    @Test func examplesThatWrapTheDocumentedFieldsMakeAWrapperType() throws {
        let schema = Fixtures.build([("CreateVolume.html", Fixtures.wrappedVolume)])
        let operation = try #require(schema.operations.first)
        let request = try #require(operation.requestBody?.type.referencedName)
        let wrapper = schema.properties(request)
        #expect(wrapper.map { $0.name } == ["volume"])
        #expect(wrapper.first?.required == true)
        let inner = try #require(wrapper.first?.type.referencedName)
        #expect(schema.properties(inner).map { $0.name } == ["size", "name"])

        let response = try #require(operation.responses.first { $0.status == 200 }?.type?.referencedName)
        let responseInner = try #require(schema.properties(response).first { $0.name == "volume" }?.type.referencedName)
        // `size` is in the response example only: added as an optional property (#12).
        #expect(schema.properties(responseInner).map { $0.name } == ["id", "status", "size"])
        #expect(schema.properties(responseInner).last?.required == false)
        #expect(schema.diagnostics.contains { $0.message.contains("wrap this body in \"volume\"") })
    }

    /// The table lists the wrapper key too, as an object row without fields of its own after the fields it wraps:
    /// the body is that key around the other rows, as the example sends it.
    @Test func aTableThatListsTheWrapperKeyAmongTheWrappedFields() throws {
        let page = """
            <h1>Creating a Tunnel</h1><div><h4>URI</h4><p>POST /v2.0/tunnels</p></div>
            <div><h4>Request</h4>
            \(Fixtures.table(1, "Request parameters", header: Fixtures.newHeader, rows: [
                ["<p>router_id</p>", "<p>Yes</p>", "<p>String</p>", "<p>Router.</p>"],
                ["<p>name</p>", "<p>No</p>", "<p>String</p>", "<p>Name.</p>"],
                ["<p>tunnel</p>", "<p>Yes</p>", "<p>Object</p>", "<p>The tunnel.</p>"],
            ]))
            </div>
            <div><h4>Example Request</h4><pre>{"tunnel": {"router_id": "r-1", "name": "t"}}</pre></div>
            """
        let schema = Fixtures.build([("CreateTunnel.html", page)])
        let request = try #require(schema.operation("CreateTunnel")?.requestBody?.type.referencedName)
        #expect(schema.properties(request).map { "\($0.name) \($0.required)" } == ["tunnel true"])
        let inner = try #require(schema.properties(request).first?.type.referencedName)
        #expect(schema.properties(inner).map { "\($0.name) \($0.required)" } == ["router_id true", "name false"])
    }

    /// A field the table marks required that the page's own request example leaves out is optional, reported.
    @Test func aRequiredFieldTheRequestExampleLeavesOutIsOptional() throws {
        let page = """
            <h1>Creating a Gauge</h1><div><h4>URI</h4><p>POST /v1/{project_id}/gauges</p></div>
            <div><h4>Request</h4>
            \(Fixtures.table(1, "Request parameters", header: Fixtures.newHeader, rows: [
                ["<p>name</p>", "<p>Yes</p>", "<p>String</p>", "<p>Name.</p>"],
                ["<p>unit</p>", "<p>Yes</p>", "<p>String</p>", "<p>Unit.</p>"],
                ["<p>scale</p>", "<p>Yes</p>", "<p>Integer</p>", "<p>Scale.</p>"],
            ]))
            </div>
            <div><h4>Example Request</h4><pre>{"name": "g", "scale": null}</pre></div>
            """
        let schema = Fixtures.build([("CreateGauge.html", page)])
        let request = try #require(schema.operation("CreateGauge")?.requestBody?.type.referencedName)
        #expect(schema.properties(request).map { "\($0.name) \($0.required)" } == ["name true", "unit false", "scale false"])
        #expect(schema.diagnostics.filter { $0.id == .exampleOmitsRequired }.map(\.message).sorted() == [
            "scale: required by the table but the page's request example leaves it out, emitted as optional",
            "unit: required by the table but the page's request example leaves it out, emitted as optional",
        ])
    }

    /// A table documents one item and every example posts a list of them: the body is a list.
    @Test func examplesThatListTheDocumentedObjectMakeTheBodyAList() throws {
        let page = """
            <h1>Adding Readings</h1><div><h4>URI</h4><p>POST /v1/{project_id}/readings</p></div>
            <div><h4>Request</h4>
            \(Fixtures.table(1, "Request parameters", header: Fixtures.newHeader, rows: [
                ["<p>value</p>", "<p>Yes</p>", "<p>Number</p>", "<p>Value.</p>"],
                ["<p>unit</p>", "<p>No</p>", "<p>String</p>", "<p>Unit.</p>"],
            ]))
            </div>
            <div><h4>Example Request</h4><pre>[{"value": 1.5, "unit": "C"}, {"value": 2}]</pre></div>
            """
        let schema = Fixtures.build([("AddReadings.html", page)])
        let body = try #require(schema.operation("AddReadings")?.requestBody?.type)
        guard case .array(.named(let item)) = body else {
            Issue.record("the body is \(body), not a list")
            return
        }
        #expect(schema.properties(item).map(\.name) == ["value", "unit"])
        #expect(schema.diagnostics.contains { $0.id == .bodyWrapper && $0.message.contains("send a list of this object") })
        // An example that is one object keeps the table's object.
        let single = Fixtures.build([("AddReadings.html", page.replacingOccurrences(of: "[{\"value\": 1.5, \"unit\": \"C\"}, {\"value\": 2}]", with: "{\"value\": 1.5}"))])
        #expect(single.operation("AddReadings")?.requestBody?.type == .named(item))
    }

    @Test func examplesThatMatchTheTableLeaveTheBodyAlone() throws {
        let schema = Fixtures.build([("CreateGadget.html", Fixtures.createGadget), ("servers.html", Fixtures.oldServers)])
        #expect(!schema.diagnostics.contains { $0.message.contains("wrap this body") })
        let gadget = try #require(schema.operation("CreateGadget")?.requestBody?.type.referencedName)
        #expect(schema.properties(gadget).contains { $0.name == "volume" && $0.type == .named("VolumeReq") })
    }
}

@Suite("SchemaBuilder: what only the examples show")
struct ExampleOnlyFieldTests {
    let schema = Fixtures.build([("CreateWidget.html", Fixtures.exampleOnlyFields)])

    @Test func queryParametersOfTheExampleURLAreAdded() throws {
        let operation = try #require(schema.operation("CreateWidget"))
        let async = try #require(operation.parameters.first { $0.name == "async" })
        #expect(async.location == .query && !async.required && async.type == .string)
    }

    @Test func bodyFieldsOfTheExampleAreAddedAsOptional() {
        let body = schema.properties("CreateWidgetRequest")
        #expect(body[named: "name"]?.required == true)
        #expect(body[named: "color"]?.type == .string && body[named: "color"]?.required == false)
        #expect(body[named: "size"]?.type == .integer)
    }

    @Test func eachAdditionIsDiagnosed() {
        let messages = schema.diagnostics.map(\.message)
        #expect(messages.contains { $0.hasPrefix("query parameter async: used by the page's request example") })
        #expect(messages.contains { $0.hasPrefix("color: sent by the page's request example but not in the table") })
        #expect(messages.contains { $0.hasPrefix("size: sent by the page's request example but not in the table") })
    }
}

@Suite("SchemaBuilder: examples that contradict a documented primitive")
struct ExampleStructureTests {
    func json(_ text: String) throws -> JSONValue { try #require(JSONValue.parse(text)) }

    @Test func aStructureWhereThePageSaysPrimitiveBecomesOpaqueJSON() throws {
        #expect(Builder.correction(.string, try json(#"{"AICORE": 10, "memory": "32Gi"}"#)) == .any)
        #expect(Builder.correction(.array(.string), try json(#"[{"name": "node-1"}]"#)) == .array(.any))
        #expect(Builder.correction(.string, try json(#"["a", "b"]"#)) == .array(.string))
        // What agrees with the page is left alone.
        #expect(Builder.correction(.array(.string), try json(#"["a", "b"]"#)) == nil)
        #expect(Builder.correction(.map(.string), try json(#"{"a": "x"}"#)) == nil)
    }

    @Test func everyElementCountsNotOnlyTheFirst() throws {
        // A row that mixes the documented strings with objects must hold both.
        #expect(Builder.correction(.array(.array(.string)), try json(#"[["a", {"lr": 0.1}]]"#)) == .array(.array(.any)))
        // A map whose other values agree with the page: widening to the odd one out would reject them.
        #expect(Builder.correction(.map(.string), try json(#"{"task": "x", "op_list": []}"#)) == .map(.any))
        // Numbers only widen.
        #expect(Builder.correction(.array(.integer), try json("[1, 5000000000]")) == .array(.int64))
    }

    @Test func requestExamplesCorrectStructureNotSpelling() {
        #expect(DraftTypeRef.any.isStructuralChange(from: .string))
        #expect(DraftTypeRef.map(.any).isStructuralChange(from: .map(.string)))
        #expect(!DraftTypeRef.boolean.isStructuralChange(from: .string))
        #expect(!DraftTypeRef.array(.string).isStructuralChange(from: .string))
    }
}

/// "see Table 1" in a link to another page names that page's table: the request table of this page, also its
/// Table 1, stays the request body.
@Suite struct ForeignTableMentionTests {
    @Test func aLinkedTableNumberDoesNotNameThisPagesTable() throws {
        let page = """
            <h1>Creating a Rule</h1><div><h4>URI</h4><p>POST /v2.0/rules</p></div>
            <div><h4>Request</h4>
            \(Fixtures.table(1, "Request parameter", header: Fixtures.newHeader, rows: [
                ["<p>rule</p>", "<p>Yes</p>", "<p>Object</p>", "<p>The rule. For details, see <a href=\"#t2\">Table 2</a>.</p>"],
            ]))
            \(Fixtures.table(2, "Description of the rule field", id: "t2", header: Fixtures.newHeader, rows: [
                ["<p>name</p>", "<p>Yes</p>", "<p>String</p>", "<p>Name.</p>"],
                ["<p>status</p>", "<p>No</p>", "<p>String</p>", "<p>Status. For its values, see <a href=\"../common/status.html#statuses\">Table 1</a>.</p>"],
            ]))
            </div>
            """
        let schema = Fixtures.build([("CreateRule.html", page)])
        let body = try #require(schema.operation("CreateRule")?.requestBody?.type.referencedName)
        #expect(schema.properties(body).map(\.name) == ["rule"])
        #expect(!schema.diagnostics.contains { $0.id == .tableForPrimitive })
    }
}
