import Testing

@testable import DocReader

@Suite("DocReader")
struct DocReaderTests {
    static let page = """
        <html><head><title>Fallback</title></head><body>
        <a name="TOPIC"></a><h1 class="topictitle1">Creating a  Widget</h1>
        <div class="section"><h4 class="sectiontitle">Function</h4>
        <p>This API   creates a widget &amp; returns&nbsp;it.</p></div>
        <div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v1/{project_id}/widgets</p>
        <div class="p"><a href="#PAGE__table1">Table 1</a> describes the parameters.
        <div class="tablenoborder"><a name="PAGE__table1"></a><table id="t1"><caption><b>Table 1 </b>Path parameters</caption>
        <thead><tr><th>Parameter</th><th>Mandatory</th><th>Description</th></tr></thead>
        <tbody><tr><td><p>project_id</p></td><td>Yes</td><td><p>Project ID.</p>
        <ul><li><p><strong>A</strong>: first</p></li><li><p><strong>B</strong>: second</p></li></ul>
        <div class="note"><span class="notetitle"> NOTE: </span><div class="notebody"><p>Careful.</p></div></div>
        </td></tr></tbody></table></div></div></div>
        <pre class="screen">{
          "a": 1
        }</pre>
        </body></html>
        """

    @Test func titleSectionsAndText() {
        let page = DocReader.parse(html: Self.page, path: "CreateWidget.html")
        #expect(page.path == "CreateWidget.html")
        #expect(page.title == "Creating a Widget")
        let headings = page.blocks.compactMap { block -> String? in
            if case .heading(_, let text, _) = block { return text.text }
            return nil
        }
        #expect(headings == ["Creating a Widget", "Function", "URI"])
        #expect(page.blocks.contains(.paragraph(InlineText(text: "This API creates a widget & returns it."))))
        #expect(page.blocks.contains(.paragraph(InlineText(text: "POST /v1/{project_id}/widgets"))))
    }

    @Test func linksAnchorsAndTables() throws {
        let page = DocReader.parse(html: Self.page, path: "x.html")
        let link = page.blocks.flatMap(\.links).first
        #expect(link?.text == "Table 1")
        #expect(link?.fragment == "PAGE__table1")
        #expect(link?.page == "")
        let table = try #require(page.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.number == 1)
        #expect(table.title == "Path parameters")
        #expect(table.anchors == ["PAGE__table1", "t1"])
        #expect(table.headerRowCount == 1)
        #expect(table.header?.map(\.text) == ["Parameter", "Mandatory", "Description"])
        let cell = table.rows[1][2]
        #expect(cell.blocks.count == 3)
        guard case .list(false, let items) = cell.blocks[1] else {
            Issue.record("expected a list in the cell")
            return
        }
        #expect(items.count == 2)
        guard case .paragraph(let first)? = items.first?.first else {
            Issue.record("expected a paragraph in the item")
            return
        }
        #expect(first.text == "A: first")
        #expect(first.emphasis == ["A"])
        guard case .note(let note) = cell.blocks[2] else {
            Issue.record("expected a note")
            return
        }
        #expect(Block.joined(note) == "Careful.")
    }

    @Test func preKeepsLineBreaks() {
        let page = DocReader.parse(html: Self.page, path: "x.html")
        let code = page.blocks.compactMap { if case .code(let c) = $0 { c } else { nil } }.first
        #expect(code == "{\n  \"a\": 1\n}")
    }

    @Test func rowAndColumnSpansAreExpanded() throws {
        let html = """
            <table><caption>Table 4-5 Spans</caption>
            <tr><th>A</th><th>B</th><th>C</th></tr>
            <tr><td rowspan="2">a</td><td colspan="2">bc</td></tr>
            <tr><td>b2</td><td>c2</td></tr>
            <tr><td>a3</td><td>b3</td></tr>
            </table>
            """
        let page = DocReader.parse(html: html, path: "spans.html")
        let table = try #require(page.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.number == 5)
        #expect(table.title == "Spans")
        #expect(table.columnCount == 3)
        #expect(table.rows.map { $0.map(\.text) } == [["A", "B", "C"], ["a", "bc", "bc"], ["a", "b2", "c2"], ["a3", "b3", ""]])
        #expect(table.rows[2][0].isSpanned)
        #expect(!table.rows[1][1].isSpanned)
        #expect(table.rows[1][2].isSpanned)
    }

    @Test func headerRowWithoutThead() throws {
        let page = DocReader.parse(html: "<table><tr><th>X</th></tr><tr><td>1</td></tr></table>", path: "h.html")
        let table = try #require(page.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }.first)
        #expect(table.headerRowCount == 1)
        #expect(table.bodyRows.map { $0.map(\.text) } == [["1"]])
    }

    /// Broken markup keeps its readable text (libxml2's recovery), bounded; `rowspan="99999"` must not
    /// expand into thousands of rows.
    @Test(arguments: [
        ("", [String]()), ("<", []), ("<html", []),
        ("<table><tr><td rowspan=\"99999\">x", ["x"]),
        ("<p>unclosed <b>bold <i>nested", ["unclosed bold nested"]),
        ("<h1>T</h1><table><caption>Table 1 X</caption><tr><td>a<td>b</tr><tr><td colspan=0>c", ["T", "X", "a", "b", "c"]),
        ("garbage\u{1}\u{FFFD}<<<>>>\u{0}after a NUL", ["garbage"]),
        ("<ul><li>one<li>two<table><tr><td>in list</table></ul>", ["one", "two", "in list"]),
        ("<pre>unterminated", ["unterminated"]), ("&amp;&lt;&bogus;&#xZZ;", ["&<"]),
    ])
    func brokenMarkupKeepsItsText(html: String, expected: [String]) {
        let page = DocReader.parse(html: html, path: "broken.html")
        func texts(_ blocks: [Block]) -> [String] {
            blocks.flatMap { block -> [String] in
                switch block {
                case .list(_, let items): items.flatMap(texts)
                case .note(let inner): texts(inner)
                case .table(let table):
                    [table.caption?.text ?? ""] + table.rows.flatMap { $0.map(\.text) }
                default: [block.plainText]
                }
            }
        }
        let all = ([page.title] + texts(page.blocks)).joined(separator: "\n")
        for word in expected { #expect(all.contains(word), "\(word) lost from \(html.debugDescription): \(all)") }
        if expected.isEmpty { #expect(all.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(all)") }
        let rows = page.blocks.reduce(0) { count, block in
            if case .table(let table) = block { count + table.rows.count } else { count }
        }
        #expect(rows <= 2)
    }

    @Test func deepNestingIsCut() {
        let html = String(repeating: "<div><span>", count: 3000) + "deep" + String(repeating: "</span></div>", count: 3000)
        let page = DocReader.parse(html: "<h1>Deep</h1>" + html, path: "deep.html")
        #expect(page.title == "Deep")
    }

    @Test func titleFallsBackToDocumentTitle() {
        let page = DocReader.parse(html: "<html><head><title> Only  title </title></head><body><p>x</p></body></html>", path: "t.html")
        #expect(page.title == "Only title")
    }

    @Test func captionSplitting() {
        #expect(TreeWalker.splitCaption("Table 4 VolumeReq") == (4, "VolumeReq"))
        #expect(TreeWalker.splitCaption("Table 12 server field description") == (12, "server field description"))
        #expect(TreeWalker.splitCaption("Spans") == (nil, "Spans"))
    }
}
