import APISchema
import DocReader
import Foundation
import Testing

@testable import SchemaBuilder

/// Issue #12: what the pages mean, not what their value lists spell.
struct MisreadValueListTests {
    /// A sample page in the style of ModelArts' `DescribeAutoAnnotationSample`: a flag documented as a String
    /// whose "Options" list both spellings of each truth value, next to genuine value lists.
    static let page = """
        <h1>Querying a Sample</h1><div><h4>URI</h4><p>GET /v2/{project_id}/samples/{sample_id}</p>
        \(Fixtures.table(1, "Path Parameters", header: Fixtures.newHeader, rows: [
            ["<p>project_id</p>", "<p>Yes</p>", "<p>String</p>", "<p>Project ID.</p>"],
            ["<p>sample_id</p>", "<p>Yes</p>", "<p>String</p>", "<p>Sample ID.</p>"],
        ]))
        \(Fixtures.table(2, "Query Parameters", header: Fixtures.newHeader, rows: [
            ["<p>verbose</p>", "<p>No</p>", "<p>String</p>", "<p>Details or not. Options:</p><ul><li><p><strong>yes/true</strong>: details</p></li><li><p><strong>no/false</strong>: summary</p></li></ul>"],
        ]))
        </div>
        <div><h4>Response Parameters</h4><p>Status code: 200</p>
        \(Fixtures.table(3, "Response body parameters", header: Fixtures.responseHeader, rows: [
            ["<p>@modelarts:hard</p>", "<p>String</p>", "<p>Hard sample or not. Options:</p><ul><li><p><strong>0/false</strong>: not a hard example</p></li><li><p><strong>1/true</strong>: hard example</p></li></ul>"],
            ["<p>flags</p>", "<p>Array of strings</p>", "<p>Flags. Options:</p><ul><li><p><strong>1/true</strong>: on</p></li><li><p><strong>0/false</strong>: off</p></li></ul>"],
            ["<p>shareable</p>", "<p>String</p>", "<p>Shared or not. The value can be true or false.</p>"],
            ["<p>sample_type</p>", "<p>Integer</p>", "<p>Type. Options:</p><ul><li><p><strong>0</strong>: image</p></li><li><p><strong>1</strong>: text</p></li></ul>"],
            ["<p>range</p>", "<p>String</p>", "<p>A CIDR range. Options:</p><ul><li><p><strong>10.0.0.0/8</strong></p></li></ul>"],
            ["<p>timeout</p>", "<p>Integer</p>", "<p>Seconds it may run. Value range: 3s-1,200s.</p>"],
            ["<p>state</p>", "<p>Integer</p>", "<p>State. Options:</p><ul><li><p>0: new</p></li><li><p>**1: done</p></li></ul>"],
        ]))
        </div>
        """

    let schema = Fixtures.build([("DescribeSample.html", Self.page)])

    func property(_ name: String) throws -> Property {
        let type = try #require(schema.operation("DescribeSample")?.responses.first?.type?.referencedName)
        return try #require(schema.properties(type)[named: name])
    }

    @Test func slashPairsOfTruthValuesAreBooleans() throws {
        let hard = try property("@modelarts:hard")
        #expect(hard.type == .boolean)
        #expect(hard.enumValues == nil)
        #expect(try property("flags").type == .array(.boolean))
        let verbose = try #require(schema.operation("DescribeSample")?.parameters.first { $0.name == "verbose" })
        #expect(verbose.type == .boolean)
        #expect(verbose.enumValues == nil)
        #expect(schema.diagnostics.contains {
            $0.message == "@modelarts:hard: documented values 0/false, 1/true describe a boolean, emitted as boolean"
        })
    }

    @Test func otherValueListsStayAsDocumented() throws {
        // A String the page lists as true or false is sent as a string (metadata, scheduler hints): kept.
        let shareable = try property("shareable")
        #expect(shareable.type == .string)
        #expect(shareable.enumValues?.map(\.value) == ["true", "false"])
        #expect(try property("sample_type").enumValues?.map(\.value) == ["0", "1"])
        #expect(try property("range").enumValues?.map(\.value) == ["10.0.0.0/8"])
    }

    @Test func aNumericFieldListsOnlyNumbers() throws {
        // "3s-1,200s" is a range in words, not two values of an integer: no value list, and a diagnostic.
        let timeout = try property("timeout")
        #expect(timeout.type == .integer)
        #expect(timeout.enumValues == nil)
        #expect(schema.diagnostics.contains {
            $0.id == .valueListNotOfType && $0.message.hasPrefix("timeout: documented values 3s-1, 200s")
        })
        // A number in stray emphasis marks is the number.
        #expect(try property("state").enumValues?.map(\.value) == ["0", "1"])
        #expect(!schema.diagnostics.contains { $0.message.hasPrefix("state:") })
    }

    @Test(arguments: [
        (["0/false", "1/true"], true), (["true/false"], true), (["Yes/No"], true), (["1/true", "0/false", "x"], false),
        (["true", "false"], false), (["0", "1"], false), (["a/b"], false), (["10.0.0.0/8"], false), ([], false),
    ])
    func misreadBooleans(values: [String], expected: Bool) {
        #expect(EnumExtractor.isMisreadBoolean(values.map { EnumValue(value: $0) }) == expected)
    }
}

/// Issue #12: response fields only the examples show are declared, typed from the examples, with a diagnostic.
struct ResponseExampleFieldTests {
    static let page = """
        <h1>Showing a Dataset</h1><div><h4>URI</h4><p>GET /v2/{project_id}/datasets/{dataset_id}</p></div>
        <div><h4>Response Parameters</h4><p>Status code: 200</p>
        \(Fixtures.table(1, "Response body parameters", header: Fixtures.responseHeader, rows: [
            ["<p>dataset_id</p>", "<p>String</p>", "<p>Dataset ID.</p>"],
            ["<p>versions</p>", "<p>Array of <a href=\"#S__Version\">Version</a> objects</p>", "<p>Versions.</p>"],
        ]))
        \(Fixtures.table(2, "Version", id: "S__Version", header: Fixtures.responseHeader, rows: [
            ["<p>version_id</p>", "<p>String</p>", "<p>Version ID.</p>"],
        ]))
        </div>
        <div><h4>Example Responses</h4><p>Status code: 200</p>
        <pre>{"dataset_id": "d1", "ai_project": "default-ai-project", "annotated_by": null,
         "dataset_version": {"id": "v3", "name": "V003"},
         "versions": [{"version_id": "v1", "total_sample_count": 20}, {"version_id": "v2", "total_sample_count": 5000000000}]}</pre>
        <p>Status code: 400</p><pre>{"error_code": "ModelArts.4400", "error_msg": "bad"}</pre></div>
        """

    let schema = Fixtures.build([("ShowDataset.html", Self.page)])

    func properties(_ operation: String = "ShowDataset") throws -> [Property] {
        schema.properties(try #require(schema.operation(operation)?.responses.first?.type?.referencedName))
    }

    @Test func fieldsOnlyTheExampleShowsAreOptionalProperties() throws {
        let body = try properties()
        #expect(body[named: "ai_project"]?.type == .string)
        #expect(body[named: "ai_project"]?.required == false)
        #expect(body[named: "ai_project"]?.description == "Not in the page's table; the page's response example shows it.")
        let version = try #require(body[named: "dataset_version"]?.type.referencedName)
        #expect(schema.properties(version).map(\.name) == ["id", "name"])
        // Nested in a documented type, typed from the first value the examples show.
        let element = try #require(body[named: "versions"]?.type.referencedName)
        #expect(schema.properties(element).map(\.name) == ["version_id", "total_sample_count"])
        #expect(schema.properties(element)[named: "total_sample_count"]?.type == .int64)
        // A null says nothing about the type: not added. The error example is not a 2xx answer.
        #expect(body[named: "annotated_by"] == nil)
        #expect(body[named: "error_code"] == nil)
    }

    @Test func eachAdditionIsDiagnosed() {
        let messages = schema.diagnostics.map(\.message)
        #expect(messages.contains("ai_project: shown by the page's response example but not in the table, added as string"))
        #expect(messages.contains { $0.hasPrefix("total_sample_count: shown by the page's response example but not in the table") })
    }
}
