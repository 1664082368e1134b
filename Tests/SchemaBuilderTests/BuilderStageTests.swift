import APISchema
import DocReader
import Foundation
import Testing

@testable import SchemaBuilder

/// The builder's stages on their own: each reads small hand-written pages and returns plain values.
@Suite("SchemaBuilder: stages")
struct BuilderStageTests {
    static let header = ["Parameter", "Mandatory", "Description"]

    /// `Attaching a Tag` documents its `tag` field by linking to the body table of `Creating a Tag`; only the
    /// latter's example shows what `labels` holds.
    static func attachTag(linkingTo page: String) -> String {
        """
        <h1>Attaching a Tag</h1>
        <div><h4>URI</h4><p>POST /v1/{project_id}/attachments</p></div>
        <div><h4>Request</h4>
        \(Fixtures.table(1, "Request parameters", header: header, rows: [
            ["<p>tag</p>", "<p>Yes</p>", "<p>The tag. For details, see <a href=\"\(page)#TAG__body\">Creating a Tag</a>.</p>"],
        ]))
        </div>
        """
    }

    static let createTag = """
        <h1>Creating a Tag</h1>
        <div><h4>URI</h4><p>POST /v1/{project_id}/tags</p></div>
        <div><h4>Request</h4>
        \(Fixtures.table(1, "Request parameters", id: "TAG__body", header: header, rows: [
            ["<p>key</p>", "<p>Yes</p>", "<p>Tag key.</p>"],
            ["<p>labels</p>", "<p>No</p>", "<p>Tag labels.</p>"],
        ]))
        </div>
        <div><h4>Example Request</h4><pre>{"key": "k", "labels": ["blue", "green"]}</pre></div>
        """

    /// A table is typed with the examples of the page it is on, whichever page reaches it first: the linking page
    /// (`attach.html`, read first) has no example, so typing with its examples would make `labels` a string.
    @Test(arguments: ["attach.html", "x_attach.html"])
    func examplesTypeTheTablesOfTheirOwnPage(linkingPage: String) throws {
        let schema = Fixtures.build([(linkingPage, Self.attachTag(linkingTo: "create.html")), ("create.html", Self.createTag)])
        let create = try #require(schema.operations.first { $0.path.hasSuffix("/tags") })
        let attach = try #require(schema.operations.first { $0.path.hasSuffix("/attachments") })
        let body = try #require(create.requestBody?.type.referencedName)
        #expect(schema.properties(body)[named: "labels"]?.type == .array(.string))
        let attachBody = try #require(attach.requestBody?.type.referencedName)
        #expect(schema.properties(attachBody)[named: "tag"]?.type == .named(body))
    }

    @Test func uniqueNamesCountUpFromTwoAndSkipReservedNames() {
        var names = UniqueNames()
        #expect(names.claim("Job") == "Job")
        #expect(names.claim("Job") == "Job2")
        #expect(names.claim("Job", isReserved: { $0 == "Job3" }) == "Job4")
        #expect(names.contains("Job4") && !names.contains("Job3"))
    }

    @Test func draftsAreFoundByKeyAndById() {
        var store = DraftTypeStore()
        let draft = DraftType(
            desiredName: "Tag", description: "", properties: [], source: SourceLocation(page: "a.html"),
            operationId: "CreateTag", firstPage: "a.html")
        let tag = store.add(.table(TableID(0, 1)), draft)
        let other = store.add(.table(TableID(1, 0)), draft)
        #expect(tag != other)
        #expect(store.id(of: .table(TableID(0, 1))) == tag)
        #expect(store.id(of: .dottedRows(TableID(0, 1), parent: "x")) == nil)
        store[tag].desiredName = "Label"
        #expect(store[.table(TableID(0, 1))]?.desiredName == "Label")
        #expect(store.all.map(\.id) == [tag, other])
        // The same key again replaces its draft and keeps its id, so references to it stay valid.
        #expect(store.add(.table(TableID(0, 1)), draft) == tag && store[tag].desiredName == "Tag")
    }

    @Test func draftTypesBecomeSchemaTypesOnlyThroughTheirFinalNames() {
        var store = DraftTypeStore()
        let source = SourceLocation(page: "a.html")
        let tag = store.add(
            .table(TableID(0, 0)),
            DraftType(desiredName: "Tag", description: "", properties: [], source: source, operationId: "A", firstPage: "a.html"))
        let type = DraftTypeRef.map(.array(.draft(tag)))
        #expect(type.resolved { $0 == tag ? "ResourceTag" : "?" } == .map(.array(.named("ResourceTag"))))
        #expect(DraftTypeRef(.array(.int64)) == .array(.int64))
        var draft = OperationDraft(
            operation: APISchema.Operation(id: "A", group: "g", title: "", summary: "", method: "POST", path: "/a", sourcePage: "a.html"),
            requestBody: .draft(tag))
        draft.operation.responses = [Response(status: 200), Response(status: 202)]
        // The success response is the one with a body, as the schema's rule says, before the body is named.
        draft.responseBodies[202] = .array(.draft(tag))
        #expect(draft.successStatus == 202)
        let operation = draft.resolved { _ in "ResourceTag" }
        #expect(operation.requestBody?.type == .named("ResourceTag"))
        #expect(operation.responses.map(\.type) == [nil, .array(.named("ResourceTag"))])
    }

    @Test func pathPlaceholders() {
        #expect(PathTemplate.placeholders(in: "/v1/{project_id}/jobs/{id}/{id}") == ["project_id", "id"])
        #expect(PathTemplate.replacingPlaceholders(in: "/v1/{project_id}/jobs/{id}") { _ in "{}" } == "/v1/{}/jobs/{}")
        #expect(PathTemplate.placeholders(in: "/v1/{project_id") == [])
    }

    @Test func tableReferencesFollowLinksToOtherPages() throws {
        let pages = Fixtures.pages([("attach.html", Self.attachTag(linkingTo: "create.html")), ("create.html", Self.createTag)])
            .enumerated().map { PageModel(index: $0.offset, page: $0.element) }
        let references = TableReferences(pages: pages)
        let columns = try #require(pages[0].columns[0])
        let row = try #require(pages[0].tables[0].bodyRows.first)
        #expect(references.targets(of: row, in: TableID(0, 0), columns: columns) == [TableID(1, 0)])
        // A link to another page does not make the table nested on its own page.
        #expect(references.referenced == [[], []])
    }

    @Test func pageClassifierFindsParametersBodyAndResponses() {
        let model = PageModel(index: 0, page: DocReader.parse(html: Fixtures.createGadget, path: "CreateGadget.html"))
        let references = TableReferences(pages: [model])
        let tables = PageClassifier.operationTables(
            of: model, referenced: references.referenced[0], method: "POST", showsRequestBody: false)
        #expect(tables.parameters.map(\.location) == [.path, .query, .header])
        #expect(tables.body == 3)
        #expect(tables.responses.map(\.status) == [201, 400])
        #expect(tables.documentedStatuses.map(\.status) == [201, 400])
        #expect(PageClassifier.summary(of: model) == "Creates a gadget in a project.")
    }

    @Test func parameterReaderReadsOneTableAndLeavesAuthenticationToTheRuntime() throws {
        let model = PageModel(index: 0, page: DocReader.parse(html: Fixtures.createGadget, path: "CreateGadget.html"))
        let requestLine = try #require(RequestLine.parse("POST /v1/{project_id}/gadgets"))
        var diagnostics = DiagnosticCollector()
        let query = ParameterReader.parameters(model, table: 1, location: .query, requestLine: requestLine, diagnostics: &diagnostics)
        #expect(query.map { "\($0.location.rawValue):\($0.name):\($0.type)" } == ["query:dry_run:boolean", "query:tags:array<string>"])
        let headers = ParameterReader.parameters(model, table: 2, location: .header, requestLine: requestLine, diagnostics: &diagnostics)
        #expect(headers.map(\.name) == ["X-Language"])
        #expect(diagnostics.diagnostics.isEmpty)
    }

    @Test func failureExamples() {
        #expect(ExampleReader.isFailure("Failed response"))
        #expect(ExampleReader.isFailure("Error example"))
        #expect(!ExampleReader.isFailure("Example response"))
    }

    /// One rule for a version segment, which the unique-id suffix, the group fallback, the official-name matching and
    /// the path names share.
    @Test func versionSegments() {
        #expect(["v1", "v2.0", "v1.1", "v21"].allSatisfy { PathTemplate.isVersionSegment($0) })
        #expect(!["v", "vpcs", "v2beta", "v1.2.3", "v1.", "V1", "{v1}"].contains { PathTemplate.isVersionSegment($0) })
        #expect(PathName.id(method: "GET", path: "/v2.1/{project_id}/pools/{pool_name}") == "ShowPool")
        #expect(PathName.id(method: "GET", path: "/v1/{project_id}/vpcs") == "ListVpcs")
    }
}
