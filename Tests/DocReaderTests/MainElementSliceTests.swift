import Testing

@testable import DocReader

/// Only the `<title>` and the `<main>` element of a page are parsed when the page leaves no doubt which they are; a
/// page read that way must read exactly as the whole page does.
@Suite("DocReader: main element slice")
struct MainElementSliceTests {
    static let content = """
        <h1>Listing Gadgets</h1><h2>URI</h2><p>GET /v2/{project_id}/gadgets</p>
        <table><caption>Table 1 Query parameters</caption><tr><th>Parameter</th><th>Type</th></tr>
        <tr><td>limit</td><td>Integer</td></tr></table>
        """

    static func page(main: String, frame: String = "<nav><p>Sidebar: Deleting Gadgets</p></nav>") -> String {
        """
        <!DOCTYPE html><html><head><title>Listing Gadgets - Gadget Service</title>
        <script>var html = "<p>not content</p>";</script></head><body>\(frame)
        \(main)
        <footer><p>Footer text</p></footer></body></html>
        """
    }

    static func slice(_ html: String) -> String? {
        var html = html
        return html.withUTF8 { MainElementSlice.document(of: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func keepsTheTitleAndTheMainElementOnly() throws {
        let html = Self.page(main: "<main id=\"docs-main\">\(Self.content)</main>")
        let slice = try #require(Self.slice(html))
        #expect(slice.hasPrefix("<html><head><title>Listing Gadgets - Gadget Service</title></head><body><main"))
        #expect(slice.hasSuffix("</main></body></html>"))
        #expect(!slice.contains("Sidebar") && !slice.contains("Footer") && !slice.contains("script"))
    }

    /// The page read from its slice is the page read whole, without the frame's text.
    @Test func aSlicedPageReadsAsTheWholePage() {
        let framed = DocReader.parse(html: Self.page(main: "<MAIN role=\"main\">\(Self.content)</MAIN>"), path: "a.html")
        let bare = DocReader.parse(
            html: "<html><head><title>Listing Gadgets - Gadget Service</title></head><body><main>\(Self.content)</main></body></html>",
            path: "a.html")
        #expect(framed == bare)
        #expect(framed.title == "Listing Gadgets")
        #expect(!framed.blocks.isEmpty)
    }

    @Test func aPageWithoutOneClearMainElementIsParsedWhole() {
        // No main element, two of them, a tag that only starts like it, an unclosed one.
        #expect(Self.slice(Self.page(main: "<div>\(Self.content)</div>")) == nil)
        #expect(Self.slice(Self.page(main: "<main>a</main><main>b</main>")) == nil)
        #expect(Self.slice(Self.page(main: "<mainframe>\(Self.content)</mainframe>")) == nil)
        #expect(Self.slice(Self.page(main: "<main>\(Self.content)")) == nil)
        // The element the walker prefers, outside the main element: the main element is not the whole content.
        let outside = Self.page(main: "<main>\(Self.content)</main>", frame: "<div id=\"docs-content\"><p>Intro</p></div>")
        #expect(Self.slice(outside) == nil)
    }
}
