import APISchema
import Foundation
import Testing

@testable import SchemaBuilder

/// Issue #24 item 3: a page with the marks of an API page that yields no operation is an error naming the page and
/// why; other pages are skipped with a reason the report counts; an override may accept a page as not an API page.
@Suite("Pages without an operation")
struct PageWithoutOperationTests {
    /// A URI section whose line names a method the reader cannot read (the path is glued to a label).
    static let unreadableLine = """
        <h1>Deleting a Widget</h1>
        <div><h4>URI</h4><p>DELETE:/v1/{project_id}/widgets/{id}</p></div>
        """
    /// A URI section with a path and no method.
    static let pathWithoutMethod = """
        <h1>Listing Widgets</h1>
        <div><h4>URI</h4><p>/v1/{project_id}/widgets</p></div>
        """
    /// A request parameter table, and no URI section or request line.
    static let requestTableOnly = """
        <h1>Renaming a Widget</h1>
        <div><h4>Request Parameters</h4>
        \(Fixtures.table(1, "Request body parameters", header: Fixtures.newHeader, rows: [
            ["<p>name</p>", "<p>Yes</p>", "<p>String</p>", "<p>New name.</p>"],
        ]))
        </div>
        """
    /// A concept page: prose and a table that is no parameter table.
    static let concept = """
        <h1>Widget Quotas</h1><p>Each project may hold a limited number of widgets.</p>
        <table><thead><tr><th>Resource</th><th>Quota</th></tr></thead><tbody><tr><td>widget</td><td>50</td></tr></tbody></table>
        """
    static let chapter = """
        <h1>Widget APIs</h1><ul><li><a href="delete.html">Deleting a Widget</a></li></ul>
        """

    static func build() -> ServiceSchema {
        Fixtures.build([
            ("CreateGadget.html", Fixtures.createGadget), ("widgets/delete.html", unreadableLine),
            ("widgets/list.html", pathWithoutMethod), ("widgets/rename.html", requestTableOnly),
            ("quotas.html", concept), ("widgets/index.html", chapter),
        ])
    }

    @Test func aPageWithAMarkOfAnAPIAndNoOperationIsAnError() throws {
        let schema = Self.build()
        let losses = schema.diagnostics.filter { $0.id == .pageWithoutOperation }
        #expect(losses.allSatisfy { $0.severity == .error })
        let byPage = Dictionary(losses.map { ($0.location.page, $0.message) }, uniquingKeysWith: { first, _ in first })
        #expect(byPage["widgets/delete.html"] == "no operation read: URI line unreadable: 'DELETE:/v1/{project_id}/widgets/{id}'")
        #expect(byPage["widgets/list.html"] == "no operation read: URI line without a method: '/v1/{project_id}/widgets'")
        #expect(
            byPage["widgets/rename.html"] == "no operation read: parameter table but no URI section or request line: "
                + "'Request body parameters' under 'Request Parameters'")
        #expect(Set(byPage.keys) == ["widgets/delete.html", "widgets/list.html", "widgets/rename.html"])
        #expect(schema.operations.map(\.sourcePage) == ["CreateGadget.html"])
    }

    @Test func everyPageIsCountedWithTheReasonItWasSkipped() {
        let census = Self.build().pageCensus
        #expect(census.pagesFound == 6 && census.apiPages == 1)
        #expect(census.skipped.map(\.page).sorted() == [
            "quotas.html", "widgets/delete.html", "widgets/index.html", "widgets/list.html", "widgets/rename.html",
        ])
        let reasons = census.skippedByReason.map { "\($0.pages.count) \($0.reason)" }
        #expect(reasons == [
            "1 URI line unreadable", "1 URI line without a method", "1 chapter index page",
            "1 no URI section, API name or parameter table", "1 parameter table but no URI section or request line",
        ])
    }

    /// An API name starts with a verb; the anchors of chapters and appendices in the same place do not, and mark
    /// nothing.
    @Test func anAPINameIsAMarkAndAChaptersAnchorIsNot() {
        let named = #"<span id="renamewidget"></span><h1>Renaming a Widget</h1><p>Renames a widget.</p>"#
        let appendix = #"<span id="errorcode"></span><h1>Error Codes</h1><p>Codes the widgets return.</p>"#
        let schema = Fixtures.build([
            ("CreateGadget.html", Fixtures.createGadget), ("rename.html", named), ("codes.html", appendix),
        ])
        let losses = schema.diagnostics.filter { $0.id == .pageWithoutOperation }
        #expect(losses.map(\.location.page) == ["rename.html"])
        #expect(losses.first?.message == "no operation read: API name but no request line: API name 'renamewidget'")
    }

    @Test func anOverrideAcceptsAPageAsNotAnAPIPage() throws {
        var schema = Self.build()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("overrides-\(UUID().uuidString).json")
        try Data("""
            [
              {"action": "notAnAPIPage", "page": "widgets/rename.html", "reason": "a walkthrough of renaming, no API"},
              {"action": "notAnAPIPage", "page": "CreateGadget.html", "reason": "wrong"},
              {"action": "notAnAPIPage", "page": "quotas.html", "reason": "nothing to accept"},
              {"action": "notAnAPIPage", "reason": "no page"},
              {"action": "notAnAPIPage", "page": "widgets/list.html"}
            ]
            """.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        OverrideApplier.apply(url, to: &schema)
        let losses = schema.diagnostics.filter { $0.id == .pageWithoutOperation }.map(\.location.page)
        #expect(losses.sorted() == ["widgets/delete.html", "widgets/list.html"])
        let accepted = try #require(schema.pageCensus.skipped.first { $0.page == "widgets/rename.html" })
        #expect(accepted.reason == PageCensus.acceptedReason && accepted.detail == "a walkthrough of renaming, no API")
        // A page that yields an operation, or that nothing made an error, is no target; an entry needs a page and
        // a reason.
        let problems = Dictionary(
            schema.diagnostics.filter { $0.location.page.hasPrefix("overrides") }.map { ($0.location.row ?? 0, $0.id) },
            uniquingKeysWith: { first, _ in first })
        #expect(problems == [2: .overrideTargetMissing, 3: .overrideTargetMissing, 4: .invalidOverride, 5: .invalidOverride])
    }
}
