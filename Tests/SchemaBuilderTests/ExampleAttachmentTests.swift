import APISchema
import Testing

@testable import SchemaBuilder

/// Issue #27: each example is parsed once and attached, by one rule, to the request or the response it illustrates.
struct ExampleAttachmentTests {
    /// A page documenting a 200 body and a 400 error body, with examples of each kind: a success example without a
    /// status, a failed one without a status, one under a status the tables do not list, and a success status
    /// above a failed example.
    static func page(errorTable: Bool, failureIntro: String = "Failed response") -> String {
        let errorSection =
            errorTable
            ? """
            <p>Status code: 400</p>
            \(Fixtures.table(2, "Response body parameters", header: Fixtures.responseHeader, rows: [
                ["<p>error_code</p>", "<p>String</p>", "<p>Error code.</p>"],
            ]))
            """ : ""
        return """
            <h1>Showing a Widget</h1><div><h4>URI</h4><p>GET /v1/widgets/{widget_id}</p></div>
            <div><h4>Response Parameters</h4><p>Status code: 200</p>
            \(Fixtures.table(1, "Response body parameters", header: Fixtures.responseHeader, rows: [
                ["<p>name</p>", "<p>String</p>", "<p>Name.</p>"],
            ]))
            \(errorSection)
            </div>
            <div><h4>Example Request</h4><pre>{"probe": true,}</pre></div>
            <div><h4>Example Responses</h4><p>Successful response</p><pre>{"name": "w"}</pre>
            <p>\(failureIntro)</p><pre>{"error_code": "W.0001"}</pre>
            <p>Status code: 404</p><pre>{"error_code": "W.0404"}</pre></div>
            """
    }

    func built(_ page: String) throws -> (APISchema.Operation, ServiceSchema) {
        let schema = Fixtures.build([("ShowWidget.html", page)])
        return (try #require(schema.operations.first), schema)
    }

    @Test func eachExampleGoesToTheResponseItIllustrates() throws {
        let (operation, _) = try built(Self.page(errorTable: true))
        #expect(operation.responses.map(\.status) == [200, 400, 404])
        #expect(operation.responses.map { $0.examples.map(\.value) } == [
            [["name": "w"]], [["error_code": "W.0001"]], [["error_code": "W.0404"]],
        ])
        #expect(operation.responses[0].examples.first?.title == "Successful response")
    }

    @Test func aRequestExampleIsKeptWhereTheTablesDocumentNoBody() throws {
        let (operation, _) = try built(Self.page(errorTable: true))
        #expect(operation.requestBody == nil)
        // The trailing comma the page prints is forgiven.
        #expect(operation.requestExamples.map(\.value) == [["probe": true]])
    }

    @Test func aFailureWithoutStatusAndNoErrorResponseIsReportedNotGuessed() throws {
        let (operation, schema) = try built(Self.page(errorTable: false))
        // The documented 404 is the lowest error response: the failure without a status goes there.
        #expect(operation.responses.map(\.status) == [200, 404])
        #expect(operation.responses[1].examples.count == 2)
        #expect(!schema.diagnostics.contains { $0.id == .unattachedExample })

        let onlySuccess = Self.page(errorTable: false).replacingOccurrences(
            of: #"<p>Status code: 404</p><pre>{"error_code": "W.0404"}</pre>"#, with: "")
        let (alone, aloneSchema) = try built(onlySuccess)
        #expect(alone.responses.map(\.status) == [200])
        #expect(alone.responses[0].examples.map(\.value) == [["name": "w"]], "never attached to the success")
        let diagnostic = try #require(aloneSchema.diagnostics.first { $0.id == .unattachedExample })
        #expect(diagnostic.location == SourceLocation(page: "ShowWidget.html", table: "Failed response"))
    }

    @Test func aSuccessStatusAboveAFailedExampleIsTheSectionsNotTheExamples() throws {
        let page = """
            <h1>Deleting a Widget</h1><div><h4>URI</h4><p>DELETE /v1/widgets/{widget_id}</p></div>
            <div><h4>Example Responses</h4><p>Status code: 200</p><p>Error response</p><pre>{"error_code": "W.1"}</pre>
            <p>Status code: 409</p><pre>{"error_code": "W.2"}</pre></div>
            """
        let (operation, _) = try built(page)
        #expect(operation.responses.map(\.status) == [200, 409])
        #expect(operation.responses[0].examples.isEmpty)
        #expect(operation.responses[1].examples.map(\.value) == [["error_code": "W.1"], ["error_code": "W.2"]])
    }
}

/// Issue #25: keys that are values (ids, versions) are never type names: an object keyed by them is a map.
struct DataKeyTests {
    static let page = """
        <h1>Showing a Server</h1><div><h4>URI</h4><p>GET /v1/servers/{server_id}</p></div>
        <div><h4>Response Parameters</h4>
        \(Fixtures.table(1, "Response body parameters", header: Fixtures.responseHeader, rows: [
            ["<p>name</p>", "<p>String</p>", "<p>Name.</p>"],
            ["<p>addresses</p>", "<p>Object</p>", "<p>Addresses. See <a href=\"#S__Address\">Table 2</a>.</p>"],
        ]))
        \(Fixtures.table(2, "Address", id: "S__Address", header: Fixtures.responseHeader, rows: [
            ["<p>addr</p>", "<p>String</p>", "<p>IP address.</p>"],
        ]))
        </div>
        <div><h4>Example Responses</h4><pre>{"name": "s", "addresses": {"68269e6e-4a27-441b-8029-35373ad50bd9": [{"addr": "10.0.0.2"}]},
         "versions": {"7.8.2-102": {"detail": "x"}}}</pre></div>
        """

    @Test func anObjectKeyedByIdsIsAMapOfWhatTheTableDescribes() throws {
        let schema = Fixtures.build([("show.html", Self.page)])
        let body = schema.properties(try #require(schema.operations.first?.responses.first?.type?.referencedName))
        #expect(body[named: "addresses"]?.type == .map(.array(.named("Address"))))
        // An undocumented object keyed by versions: a map too, its values typed from the example.
        let versions = try #require(body[named: "versions"]?.type)
        guard case .map(.named(let value)) = versions else { Issue.record("versions: \(versions)"); return }
        #expect(schema.properties(value).map(\.name) == ["detail"])
        #expect(!schema.types.contains { $0.name.contains("68269e6e") || $0.name.contains("782102") })
    }

    @Test func dataKeysAreIdsAndNumbersNotNames() {
        for key in ["68269e6e-4a27-441b-8029-35373ad50bd9", "7.8.2-102", "2", "01d7aef8442b408eb82f13afff51e4e4"] {
            #expect(Builder.isDataKey(key), "\(key)")
        }
        for key in ["addresses", "OS-EXT-IPS:type", "deadbeefdeadbeef", "image_id"] {
            #expect(!Builder.isDataKey(key), "\(key)")
        }
    }
}
