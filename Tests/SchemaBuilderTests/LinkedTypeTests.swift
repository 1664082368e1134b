import APISchema
import Testing

@testable import SchemaBuilder

/// A row typed by a link to another API page (not to a table on it) has the type of the object that page's
/// response holds in a field named like the row; a link that says where a value comes from names no type.
@Suite struct LinkedPageTypeTests {
    static let showWidget = """
        <span id="topic-show-widget"></span><h1>Querying a Widget</h1>
        <div><h4>URI</h4><p>GET /v1/widgets/{widget_id}</p></div>
        <div><h4>Response</h4>
        \(Fixtures.table(1, "Response parameters", header: Fixtures.responseHeader, rows: [
            ["<p>widget</p>", "<p>Object</p>", "<p>The widget. See <a href=\"#sw_t2\">Table 2</a>.</p>"],
        ]))
        \(Fixtures.table(2, "widget data structure", id: "sw_t2", header: Fixtures.responseHeader, rows: [
            ["<p>id</p>", "<p>String</p>", "<p>Widget ID.</p>"],
            ["<p>colour</p>", "<p>String</p>", "<p>Colour.</p>"],
        ]))
        </div>
        """

    static let listWidgets = """
        <h1>Listing Widgets</h1>
        <div><h4>URI</h4><p>POST /v1/widgets/search</p></div>
        <div><h4>Request</h4>
        \(Fixtures.table(1, "Request parameters", header: Fixtures.newHeader, rows: [
            ["<p>widgets</p>", "<p>No</p>", "<p>Array</p>",
             "<p>Widgets to search among. For details, see <a href=\"show.html#topic-show-widget\">Querying a Widget</a>.</p>"],
        ]))
        </div>
        <div><h4>Response</h4>
        \(Fixtures.table(2, "Response parameters", header: Fixtures.responseHeader, rows: [
            ["<p>widgets</p>", "<p>List data structure</p>",
             "<p>The widgets found. For details, see <a href=\"show.html#topic-show-widget\">Querying a Widget</a>.</p>"],
            ["<p>owners</p>", "<p>Array</p>",
             "<p>Owners. For details on how to obtain them, see <a href=\"show.html#topic-show-widget\">Querying a Widget</a>.</p>"],
        ]))
        </div>
        <div><h4>Example Request</h4><pre>{"widgets": ["w-1", "w-2"]}</pre></div>
        """

    @Test func aLinkedPageTypesTheRowAsTheObjectItsResponseWraps() throws {
        let schema = Fixtures.build([("show.html", Self.showWidget), ("list.html", Self.listWidgets)])
        let show = try #require(schema.operations.first { $0.path == "/v1/widgets/{widget_id}" })
        let list = try #require(schema.operations.first { $0.path == "/v1/widgets/search" })
        let showBody = try #require(show.responses.first?.type?.referencedName)
        let widget = try #require(schema.properties(showBody)[named: "widget"])
        let listBody = try #require(list.responses.first?.type?.referencedName)
        let response = schema.properties(listBody)
        // The row's "List" keeps it a list; its element is the other page's `widget` object, not the wrapper.
        #expect(response[named: "widgets"]?.type == .array(widget.type))
        #expect(schema.properties(schema.resolvingAlias(widget.type)).map(\.name) == ["id", "colour"])
        // "how to obtain": the link says where the values come from.
        #expect(response[named: "owners"]?.type != .array(widget.type))
        // The page's own request example sends strings where the link would put objects.
        let requestBody = try #require(list.requestBody?.type.referencedName)
        let request = schema.properties(requestBody)
        #expect(request[named: "widgets"]?.type != .array(widget.type))
    }
}

/// What the examples show: a documented list that every example holds in one key, and the elements of a list
/// or a map that differ from each other.
@Suite struct ExampleShapeTests {
    @Test func aDocumentedListThatTheExamplesWrapInOneKeyIsAWrapper() throws {
        let page = """
            <h1>Listing Rules</h1><div><h4>URI</h4><p>GET /v1/rules</p></div>
            <div><h4>Response Parameters</h4><p>Status code: 200</p>
            \(Fixtures.table(1, "Response body parameters", header: Fixtures.responseHeader, rows: [
                ["<p>[items]</p>", "<p>Array of <a href=\"#R__Rule\">Rule</a> objects</p>", "<p>Rules.</p>"],
            ]))
            \(Fixtures.table(2, "Rule", id: "R__Rule", header: Fixtures.responseHeader, rows: [
                ["<p>name</p>", "<p>String</p>", "<p>Name.</p>"], ["<p>limit</p>", "<p>Integer</p>", "<p>Limit.</p>"],
            ]))
            </div>
            <div><h4>Example Responses</h4><p>Status code: 200</p>
            <pre>{"rules": [{"name": "a", "limit": 1}, {"name": "b", "limit": 2}]}</pre></div>
            """
        let schema = Fixtures.build([("ListRules.html", page)])
        let body = schema.properties(try #require(schema.operation("ListRules")?.responses.first?.type?.referencedName))
        #expect(body.map(\.name) == ["rules"])
        #expect(body[named: "rules"]?.type == .array(.named("Rule")))
    }

    @Test func everyElementOfAnExampleListDeclaresItsKeys() throws {
        // No table: the response is read from its example, whose result rows differ per statement.
        let page = """
            <h1>Querying Results</h1><div><h4>URI</h4><p>GET /v1/queries/{query_id}/results</p></div>
            <div><h4>Example Responses</h4><p>Status code: 200</p>
            <pre>{"results": {"0": [{"state": "done"}], "1": [{"table": "t1", "rows": 3}, {"table": "t2", "rows": 4.5}]},
             "windows": [{"start": "1:00", "end": "2:00"}, {"start": "3:00", "end": "4:00", "days": [1, "mon"]}]}</pre></div>
            """
        let schema = Fixtures.build([("ShowResults.html", page)])
        let body = schema.properties(try #require(schema.operation("ShowResults")?.responses.first?.type?.referencedName))
        guard case .map(.array(let row))? = body[named: "results"]?.type else {
            Issue.record("results: \(String(describing: body[named: "results"]?.type))")
            return
        }
        let columns = schema.properties(schema.resolvingAlias(row))
        #expect(columns.map(\.name) == ["rows", "state", "table"])
        // An integer in one row and a decimal in another: a number.
        #expect(columns[named: "rows"]?.type == .number)
        guard case .array(let window)? = body[named: "windows"]?.type else {
            Issue.record("windows: \(String(describing: body[named: "windows"]?.type))")
            return
        }
        // Keys only a later element has are declared too; a list of mixed values is a list of any.
        let fields = schema.properties(schema.resolvingAlias(window))
        #expect(fields.map(\.name) == ["days", "end", "start"])
        #expect(fields[named: "days"]?.type == .array(.any))
    }

    @Test func anObjectOfKeyValuePairsWithoutATableIsAMap() throws {
        let page = """
            <h1>Creating a Job</h1><div><h4>URI</h4><p>POST /v1/jobs</p></div>
            <div><h4>Request</h4>
            \(Fixtures.table(1, "Request parameters", header: Fixtures.newHeader, rows: [
                ["<p>settings</p>", "<p>No</p>", "<p>Object</p>", "<p>Key-value pair set of the job's settings.</p>"],
                ["<p>spec</p>", "<p>No</p>", "<p>Object</p>", "<p>The job specification.</p>"],
            ]))
            </div>
            """
        let schema = Fixtures.build([("CreateJob.html", page)])
        let body = schema.properties(try #require(schema.operation("CreateJob")?.requestBody?.type.referencedName))
        #expect(body[named: "settings"]?.type == .map(.any))
        #expect(body[named: "spec"]?.type == .any)
    }
}
