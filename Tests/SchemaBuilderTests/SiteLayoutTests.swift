import APISchema
import DocReader
import Testing

@testable import SchemaBuilder

/// A small site written for these tests: chapter index pages, API names as anchors before the titles, tables that
/// reuse the same `id` on every page, and a cross-folder link.
@Suite("SchemaBuilder: site layout")
struct SiteSchemaTests {
    static func page(_ anchor: String, _ title: String, _ line: String, body: String = "", responseType: String = "String")
        -> String
    {
        """
        <html><body><div id="sidebar"><p>GET /v1/sidebar/never</p></div><div id="docs-content">
        <section><span id="\(anchor)"></span><h1>\(title)<a class="headerlink" href="#x">¶</a></h1>
        <section id="uri"><h2>URI</h2><p>\(line)</p></section>
        <section id="request"><h2>Request Parameters</h2>\(body)</section>
        <section id="response"><h2>Response Parameters</h2><p><strong>Status code: 200</strong></p>
        <div class="table-responsive"><table id="id1"><caption><span class="caption-text"><strong>Table 1</strong> Response body parameters</span></caption>
        <thead><tr><th>Parameter</th><th>Type</th><th>Description</th></tr></thead>
        <tbody><tr><td>id</td><td>\(responseType)</td><td>The gadget's ID; see the gadget lease for its term.</td></tr></tbody></table></div>
        </section></section></div></body></html>
        """
    }

    static let leaseTable = """
        <div class="table-responsive"><table id="id2"><caption><span class="caption-text"><strong>Table 2</strong> Request body parameters</span></caption>
        <thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
        <tbody><tr><td>lease</td><td>Yes</td><td><a href="#renewgadgetlease-leasereq">LeaseReq</a> object</td><td>Lease.</td></tr></tbody></table></div>
        <div class="table-responsive"><span id="renewgadgetlease-leasereq"></span><table id="id3"><caption><span class="caption-text"><strong>Table 3</strong> LeaseReq</span></caption>
        <thead><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr></thead>
        <tbody><tr><td>duration</td><td>Yes</td><td>Long</td><td>Lease term in ms; the lease of a gadget is renewed.</td></tr></tbody></table></div>
        """

    static func index(_ title: String, _ links: [String]) -> String {
        "<html><body><div id=\"docs-content\"><h1>\(title)</h1><ul>"
            + links.map { "<li><p><a class=\"reference internal\" href=\"\($0)\">x</a></p></li>" }.joined()
            + "</ul></div></body></html>"
    }

    static let sources: [(String, String)] = [
        ("index.html", index("Gadget Service API Reference", ["overview.html", "gadgets/index.html", "old/index.html"])),
        ("overview.html", "<html><body><div id=\"docs-content\"><h1>Overview</h1><p>All about gadgets.</p></div></body></html>"),
        ("gadgets/index.html", index("Gadget Management", ["renewing_a_gadget_lease.html#renewgadgetlease", "showing_a_gadget.html"])),
        ("gadgets/renewing_a_gadget_lease.html",
            page("renewgadgetlease", "Prolonging a Gadget", "POST /v1/{project_id}/gadgets/{id}/lease", body: leaseTable)),
        ("gadgets/showing_a_gadget.html", page("showgadget", "Querying Gadget Details", "GET /v1/{project_id}/gadgets/{id}")),
        ("old/index.html", index("Gadgets (Old Version)", ["querying_gadget_details.html"])),
        // An old page without an API name whose title gives the name the new page's API name already has.
        ("old/querying_gadget_details.html", page("gadget-03-0001", "Show Gadget", "GET /v0/{project_id}/gadgets/{id}")),
    ]

    static let schema: ServiceSchema = {
        let pages = Fixtures.pages(sources)
        return SchemaBuilder.build(
            config: ServiceConfig(name: "Gadgets", docs: "", endpointPrefix: "gadgets"), pages: pages,
            tableOfContents: TableOfContents(indexPages: pages))
    }()

    @Test func apiPagesOnlyAndNothingFromTheChrome() {
        #expect(Self.schema.operations.map(\.sourcePage).sorted() == [
            "gadgets/renewing_a_gadget_lease.html", "gadgets/showing_a_gadget.html", "old/querying_gadget_details.html",
        ])
    }

    @Test func operationIdsAreTheAPINamesWithTheirWords() {
        let ids = Dictionary(uniqueKeysWithValues: Self.schema.operations.map { ($0.sourcePage, $0.id) })
        #expect(ids["gadgets/renewing_a_gadget_lease.html"] == "RenewGadgetLease")
        #expect(ids["gadgets/showing_a_gadget.html"] == "ShowGadget")
        // The title-named page yields to the API name, and gets its path's version.
        #expect(ids["old/querying_gadget_details.html"] == "ShowGadgetV0")
    }

    @Test func groupsAreTheChaptersInSiteOrder() {
        #expect(Self.schema.groups.map(\.title) == ["Gadget Management", "Gadgets (Old Version)"])
        #expect(Self.schema.operation("RenewGadgetLease")?.group == "GadgetManagement")
    }

    @Test func linksResolveOnTheirOwnPage() throws {
        // Every page has a table `id1`; the link to the span in front of Table 3 must find Table 3 of its own page.
        let renew = try #require(Self.schema.operation("RenewGadgetLease"))
        let body = try #require(renew.requestBody?.type.referencedName)
        #expect(Self.schema.properties(body)[named: "lease"]?.type == .named("LeaseReq"))
        #expect(Self.schema.properties("LeaseReq")[named: "duration"]?.type == .int64)
    }

    @Test func segmentationUsesTheServicesWords() {
        let names = APINames(pages: Fixtures.pages(Self.sources).enumerated().map { PageModel(index: $0, page: $1) })
        #expect(names.segment("renewgadgetlease") == ["renew", "gadget", "lease"])
        // An unknown stretch stays one word; a plural `s` stays with its word.
        #expect(names.segment("fetchgadget") == ["fetch", "gadget"])
        #expect(names.segment("showleases") == ["show", "leases"])
    }
}
