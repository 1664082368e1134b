import APISchema
import DocReader
import Testing

@testable import SchemaBuilder

/// Ways of stating the method, the path and the query that older APIs use: the path and the method on lines of
/// their own, query tables where a body would be, a Location column, query text glued to the path, a literal
/// project id. Each on a small page of the export layout and, where it differs, of the site layout.
@Suite("SchemaBuilder: request patterns")
struct RequestPatternTests {
    /// An export-layout page: a title, a URI section and the given request section.
    static func exportPage(_ title: String, uri: String, request: String = "", examples: String = "") -> String {
        """
        <h1 class="topictitle1">\(title)</h1>
        <div class="section"><h4 class="sectiontitle">URI</h4>\(uri)</div>
        <div class="section"><h4 class="sectiontitle">Request</h4>\(request)</div>
        <div class="section"><h4 class="sectiontitle">Response</h4><p>None</p></div>\(examples)
        """
    }

    /// A site-layout page (Sphinx): the same, inside `#docs-content`.
    static func sitePage(_ title: String, uri: String, request: String = "") -> String {
        """
        <html><body><div id="sidebar"><p>GET /v1/sidebar/never</p></div><div id="docs-content"><section>
        <h1>\(title)<a class="headerlink" href="#x">¶</a></h1>
        <section id="uri"><h2>URI</h2>\(uri)</section>
        <section id="request"><h2>Request Parameters</h2>\(request)</section>
        </section></div></body></html>
        """
    }

    static let header = ["Parameter", "Mandatory", "Type", "Description"]

    static func row(_ name: String, _ mandatory: String, _ type: String) -> [String] {
        ["<p>\(name)</p>", "<p>\(mandatory)</p>", "<p>\(type)</p>", "<p>The \(name).</p>"]
    }

    static func locations(_ operation: APISchema.Operation?) -> [String] {
        operation?.parameters.map { "\($0.location.rawValue):\($0.name):\($0.type)" } ?? []
    }

    // MARK: The path and the method on lines of their own

    @Test func pathAndMethodOnSeparateLinesInEitherOrder() throws {
        let export = Self.exportPage(
            "Creating an Instance", uri: "<ul><li><p>PATH: /v1.0/{project_id}/instances</p></li><li><p>Method: POST</p></li></ul>")
        let site = Self.sitePage(
            "Deleting a Widget", uri: "<p>Request method: DELETE</p><p>URI: /v2/{project_id}/widgets/{widget_id}</p>")
        let chinese = Self.sitePage("删除小部件", uri: "<p>请求方法：GET</p><p>请求路径：/v2/{project_id}/gizmos</p>")
        let schema = Fixtures.build([("a.html", export), ("b.html", site), ("c.html", chinese)])
        let lines = schema.operations.map { "\($0.sourcePage) \($0.method) \($0.path)" }.sorted()
        #expect(lines == [
            "a.html POST /v1.0/{project_id}/instances", "b.html DELETE /v2/{project_id}/widgets/{widget_id}",
            "c.html GET /v2/{project_id}/gizmos",
        ])
    }

    @Test func oneLabelBeforeAWholeRequestLine() {
        let page = Self.sitePage("Querying Widgets", uri: "<p>URI: GET https://{endpoint}/v2/{project_id}/widgets</p>")
        let schema = Fixtures.build([("a.html", page)])
        #expect(schema.operations.map { "\($0.method) \($0.path)" } == ["GET /v2/{project_id}/widgets"])
    }

    @Test func aMethodWithoutAPathIsNoRequestLine() {
        let page = Self.exportPage("Notes", uri: "<p>Method: POST</p><p>Path: the folder of the widget</p>")
        #expect(Fixtures.build([("a.html", page)]).operations.isEmpty)
    }

    // MARK: Query tables where a body would be

    static let filterTable = Fixtures.table(
        2, "Parameter description", header: header,
        rows: [row("project_id", "Yes", "String"), row("marker", "No", "String"), row("limit", "No", "Integer")])

    @Test func aGetPagesRequestTableListsQueryParameters() throws {
        let uri = "<p>GET /v2/{project_id}/widgets</p>"
        for page in [Self.exportPage("Querying Widgets", uri: uri, request: Self.filterTable),
            Self.sitePage("Querying Widgets", uri: uri, request: Self.filterTable)]
        {
            let operation = try #require(Fixtures.build([("a.html", page)]).operations.first)
            #expect(Self.locations(operation) == ["path:project_id:string", "query:marker:string", "query:limit:integer"])
            #expect(operation.requestBody == nil)
        }
    }

    @Test func aDeletePagesRequestTableIsABodyOnlyWhenThePageSaysSo() throws {
        let uri = "<p>DELETE /v2/{project_id}/widgets</p>"
        let query = Fixtures.build([("a.html", Self.exportPage("Deleting Widgets", uri: uri, request: Self.filterTable))])
        #expect(Self.locations(query.operations.first) == ["path:project_id:string", "query:marker:string", "query:limit:integer"])
        #expect(query.operations.first?.requestBody == nil)

        let captioned = Fixtures.table(2, "Request body parameters", header: Self.header, rows: [Self.row("ids", "Yes", "Array of strings")])
        let named = Fixtures.build([("a.html", Self.exportPage("Deleting Widgets", uri: uri, request: captioned))])
        #expect(named.operations.first?.requestBody != nil)

        let plain = Fixtures.table(2, "Parameter description", header: Self.header, rows: [Self.row("ids", "Yes", "Array of strings")])
        let shown = Fixtures.build([
            ("a.html", Self.exportPage("Deleting Widgets", uri: uri, request: plain + "<pre>{\"ids\": [\"a\"]}</pre>"))
        ])
        #expect(shown.operations.first?.requestBody != nil)
        #expect(Self.locations(shown.operations.first) == ["path:project_id:string"])
    }

    @Test func aLocationColumnPlacesEachRow() throws {
        let placed = Fixtures.table(
            1, "Request parameters", header: ["Name", "Type", "In", "Mandatory", "Description"],
            rows: [
                ["<p>X-Trace-Id</p>", "<p>string</p>", "<p>header</p>", "<p>No</p>", "<p>Trace.</p>"],
                ["<p>widget_id</p>", "<p>string</p>", "<p>path</p>", "<p>Yes</p>", "<p>Widget.</p>"],
                ["<p>verbose</p>", "<p>boolean</p>", "<p>query</p>", "<p>No</p>", "<p>More.</p>"],
            ])
        let page = Self.sitePage("Rebooting a Widget", uri: "<p>POST /v2/widgets/{widget_id}/reboot</p>", request: placed)
        let operation = try #require(Fixtures.build([("a.html", page)]).operations.first)
        #expect(Self.locations(operation) == ["header:X-Trace-Id:string", "path:widget_id:string", "query:verbose:boolean"])
        #expect(operation.requestBody == nil)

        // `Parameter Type` names the location on some pages, the data type on others: its cells tell.
        let byParameterType = Fixtures.table(
            1, "Parameters", header: ["Parameter", "Parameter Type", "Description"],
            rows: [["<p>widget_id</p>", "<p>path</p>", "<p>Widget.</p>"], ["<p>force</p>", "<p>query</p>", "<p>Force.</p>"]])
        let second = Self.exportPage("Stopping a Widget", uri: "<p>POST /v2/widgets/{widget_id}/stop</p>", request: byParameterType)
        let stop = try #require(Fixtures.build([("a.html", second)]).operations.first)
        #expect(Self.locations(stop) == ["path:widget_id:string", "query:force:string"])
        #expect(stop.requestBody == nil)

        // A row in the body leaves the table a body table.
        let mixed = Fixtures.table(
            1, "Request parameters", header: ["Name", "Type", "In", "Mandatory", "Description"],
            rows: [["<p>name</p>", "<p>string</p>", "<p>body</p>", "<p>Yes</p>", "<p>Name.</p>"]])
        let renaming = Self.sitePage("Renaming a Widget", uri: "<p>PUT /v2/widgets/{widget_id}</p>", request: mixed)
        #expect(Fixtures.build([("a.html", renaming)]).operations.first?.requestBody != nil)
    }

    /// A query table's optional row named like a path placeholder is a filter of its own (`project_id` on
    /// `/v3/{project_id}/…`), and so is a query name of the URI line; the path table's row stays the path's.
    @Test func aQueryParameterNamedLikeAPathPlaceholderIsAFilter() throws {
        let path = Fixtures.table(1, "Path Parameters", header: Self.header, rows: [Self.row("project_id", "Yes", "String")])
        let query = Fixtures.table(2, "Query Parameters", header: Self.header, rows: [
            Self.row("limit", "No", "Integer"), Self.row("project_id", "No", "String"),
        ])
        let page = Self.sitePage("Querying Gateways", uri: "<p>GET /v3/{project_id}/gateways</p>" + path + query)
        let operation = try #require(Fixtures.build([("a.html", page)]).operations.first)
        #expect(Self.locations(operation) == ["path:project_id:string", "query:limit:integer", "query:project_id:string"])

        let line = Self.exportPage("Querying Shares", uri: "<p>GET /v2/{project_id}/shares?limit={limit}&amp;project_id={project_id}</p>" + path)
        let shares = try #require(Fixtures.build([("a.html", line)]).operations.first)
        #expect(Self.locations(shares) == ["path:project_id:string", "query:limit:string", "query:project_id:string"])

        // A query table that lists the placeholder as required lists the path parameter.
        let required = Fixtures.table(2, "Query Parameters", header: Self.header, rows: [Self.row("project_id", "Yes", "String")])
        let misplaced = Self.sitePage("Querying Routes", uri: "<p>GET /v3/{project_id}/routes</p>" + required)
        let routes = try #require(Fixtures.build([("a.html", misplaced)]).operations.first)
        #expect(Self.locations(routes) == ["path:project_id:string"])
    }

    /// The request example sends a parameter no table lists: it is added; one the table lists in other capitals
    /// (`begin_Time` for `begin_time`) is the table's, not a second parameter.
    @Test func anExampleQueryParameterInOtherCapitalsIsTheTables() throws {
        let query = Fixtures.table(1, "Query Parameters", header: Self.header, rows: [Self.row("begin_time", "No", "String")])
        let example = """
            <div class="section"><h4 class="sectiontitle">Example Request</h4>
            <p>GET https://{endpoint}/v2/records?begin_Time=20240101&amp;page_size=10</p></div>
            """
        let page = Self.exportPage("Querying Records", uri: "<p>GET /v2/records</p>", request: query, examples: example)
        let operation = try #require(Fixtures.build([("a.html", page)]).operations.first)
        #expect(Self.locations(operation) == ["query:begin_time:string", "query:page_size:string"])
    }

    @Test func aSentenceThatFiltersByTheURIIntroducesQueryParameters() throws {
        let filters = Fixtures.table(2, "Parameters", header: Self.header, rows: [Self.row("zone", "No", "String")])
        let body = Fixtures.table(3, "Request body parameters", header: Self.header, rows: [Self.row("action", "Yes", "String")])
        let request = "<p>The parameters below can be added to the URI to filter the widgets acted on.</p>" + filters + body
        for page in [Self.exportPage("Stopping Widgets", uri: "<p>POST /v2/widgets/stop</p>", request: request),
            Self.sitePage("Stopping Widgets", uri: "<p>POST /v2/widgets/stop</p>", request: request)]
        {
            let operation = try #require(Fixtures.build([("a.html", page)]).operations.first)
            #expect(Self.locations(operation) == ["query:zone:string"])
            #expect(operation.requestBody != nil)
        }
    }

    // MARK: The URI line's query text and literal ids

    /// The schema's path is a clean template, whatever the line printed around it: the emitters key and send it
    /// as it is.
    @Test func theRequestLinesPathIsACleanTemplate() {
        let paths = [
            "GET /v2/{project_id}/servers?limit={limit}": "/v2/{project_id}/servers",
            "GET /v1/{id}/a{?x,y}": "/v1/{id}/a",
            "GET https://{endpoint}/v1/x/": "/v1/x",
            "DELETE /v2/{project_id}/ports/{port_id}{": "/v2/{project_id}/ports/{port_id}",
            "PUT /v2/a}/{id}/": "/v2/a/{id}",
        ]
        for (line, path) in paths {
            #expect(RequestLine.parse(line)?.path == path, "\(line)")
        }
    }

    @Test func queryTextGluedToThePathIsAQuery() throws {
        let glued = try #require(RequestLine.parse("GET /v1/{project_id}/baremetalservers&image={image}&flavor={flavor}"))
        #expect(glued.path == "/v1/{project_id}/baremetalservers")
        #expect(glued.queryNames == ["image", "flavor"])
        let expanded = try #require(RequestLine.parse("GET /v2.1/{project_id}/servers{?name={name}&limit={limit}}"))
        #expect(expanded.path == "/v2.1/{project_id}/servers")
        #expect(expanded.queryNames == ["name", "limit"])
        let spaced = try #require(RequestLine.parse("GET https://{endpoint}/v3/{project_id}/backups?begin_time={begin _time}"))
        #expect(spaced.path == "/v3/{project_id}/backups")
        #expect(spaced.queryNames == ["begin_time"])

        // The page's table types what it lists; the rest is a string, reported.
        let table = Fixtures.table(2, "Query parameters", header: Self.header, rows: [Self.row("flavor", "No", "Integer")])
        let page = Self.exportPage(
            "Querying Servers", uri: "<p>GET /v1/{project_id}/baremetalservers&amp;image={image}&amp;flavor={flavor}</p>" + table)
        let schema = Fixtures.build([("a.html", page)])
        let operation = try #require(schema.operations.first)
        #expect(operation.path == "/v1/{project_id}/baremetalservers")
        #expect(Self.locations(operation) == ["query:flavor:integer", "path:project_id:string", "query:image:string"])
        #expect(schema.diagnostics.contains { $0.id == .untypedQueryParameter && $0.location.page == "a.html" && $0.message.contains("image") })
        #expect(!schema.diagnostics.contains { $0.id == .untypedQueryParameter && $0.message.contains("flavor") })
    }

    @Test func aLiteralProjectIDIsTheProjectPlaceholder() throws {
        let page = Self.sitePage("Querying Backups", uri: "<p>GET /mysql/v3/97b026aa9cc4417888c14c84a1ad9860/backups</p>")
        let schema = Fixtures.build([("backups.html", page)])
        let operation = try #require(schema.operations.first)
        #expect(operation.path == "/mysql/v3/{project_id}/backups")
        #expect(Self.locations(operation) == ["path:project_id:string"])
        let diagnostic = try #require(schema.diagnostics.first { $0.id == .literalProjectID })
        #expect(diagnostic.location.page == "backups.html")
        #expect(diagnostic.message.contains("97b026aa9cc4417888c14c84a1ad9860"))

        // An id elsewhere in a path, or beside a project placeholder, is the page's business.
        let resource = try #require(RequestLine.parse("GET /v3/{project_id}/widgets/0123456789abcdef0123456789abcdef"))
        #expect(resource.path == "/v3/{project_id}/widgets/0123456789abcdef0123456789abcdef")
        #expect(resource.literalProjectID == nil)
        #expect(RequestLine.parse("GET /v3/widgets/0123456789abcdef0123456789abcdef")?.literalProjectID == nil)
    }
}
