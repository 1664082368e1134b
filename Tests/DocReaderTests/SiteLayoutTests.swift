import Testing

@testable import DocReader

/// The documentation site's layout (Sphinx, otcdocstheme), in a page written for these tests: site chrome around
/// `#docs-content`, `¶` permalinks, the API name as an empty anchor before the title, link targets on empty spans and
/// on the paragraph before a caption-less table, admonitions and Pygments-highlighted examples.
@Suite("DocReader: site layout")
struct SiteLayoutTests {
    static let page = """
        <!DOCTYPE html><html><head><title>Making Widgets - Widget Service</title></head><body>
        <nav id="sidebar"><ul><li><a href="../other/index.html">Other Chapter</a></li><li><p>Sidebar text</p></li></ul></nav>
        <div class="breadcrumbs"><p>Home / Widgets</p></div>
        <main id="docs-main"><div id="docs-content" class="docs-content">
        <section id="making-widgets"><span id="createwidget"></span><h1>Making Widgets<a class="headerlink" href="#making-widgets">¶</a></h1>
        <section id="uri"><h2>URI<a class="headerlink" href="#uri">¶</a></h2>
        <ul><li><p>URI format</p><p>POST https://<a href="../endpoints.html">{Endpoint}</a>/v1/<em>{project_id}</em>/widgets</p></li></ul>
        </section>
        <section id="request"><h2>Request<a class="headerlink" href="#request">¶</a></h2>
        <div class="table-responsive"><table class="docutils" id="id1"><caption><span class="caption-text"><strong>Table 1</strong> Request body parameters</span><a class="headerlink" href="#id1">¶</a></caption>
        <thead><tr><th><p>Parameter</p></th><th><p>Type</p></th><th><p>Description</p></th></tr></thead>
        <tbody><tr><td><p>part</p></td><td><p><a class="reference internal" href="#createwidget-request-part"><span>Part</span></a> object</p></td>
        <td><p>The part.</p><div class="admonition note"><p class="admonition-title">Note</p><p>Mind the part.</p></div></td></tr></tbody></table></div>
        <div class="table-responsive"><span id="createwidget-request-part"></span><table class="docutils" id="id2"><caption><span class="caption-text"><strong>Table 2</strong> Part</span><a class="headerlink" href="#id2">¶</a></caption>
        <thead><tr><th><p>Parameter</p></th><th><p>Type</p></th><th><p>Description</p></th></tr></thead>
        <tbody><tr><td><p>tags</p></td><td><p>List&lt;tag&gt;</p></td><td><p>See <a href="#li123">the tag field</a>.</p></td></tr></tbody></table></div>
        <ul><li><p id="li123">Parameters in the <strong>tag</strong> field</p>
        <div class="table-responsive"><table><thead><tr><th><p>Parameter</p></th><th><p>Type</p></th></tr></thead>
        <tbody><tr><td><p>key</p></td><td><p>String</p></td></tr></tbody></table></div></li></ul>
        </section>
        <section id="example-requests"><h2>Example Requests<a class="headerlink" href="#example-requests">¶</a></h2>
        <div class="highlight-json notranslate"><div class="highlight"><pre><span></span><span class="p">{</span>
          <span class="nt">&quot;part&quot;</span><span class="p">:</span> <span class="mi">1</span>
        <span class="p">}</span>
        </pre></div></div></section></section>
        <div id="bottom-navigation"><nav><ul><li><a href="prev.html">Prev</a></li></ul></nav></div>
        </div></main><footer><p>© Footer</p></footer></body></html>
        """

    static func tables(_ page: DocPage) -> [Table] {
        func collect(_ blocks: [Block]) -> [Table] {
            blocks.flatMap { block -> [Table] in
                switch block {
                case .table(let table): [table]
                case .list(_, let items): items.flatMap(collect)
                case .note(let inner): collect(inner)
                default: []
                }
            }
        }
        return collect(page.blocks)
    }

    @Test func onlyTheMainContentIsRead() {
        let page = DocReader.parse(html: Self.page, path: "widgets/making_widgets.html")
        #expect(page.path == "widgets/making_widgets.html")
        #expect(page.title == "Making Widgets")
        let text = Block.joined(page.blocks)
        for chrome in ["Sidebar text", "Other Chapter", "Home / Widgets", "Prev", "© Footer", "¶"] {
            #expect(!text.contains(chrome), "site chrome \"\(chrome)\" read as content")
        }
        #expect(text.contains("POST https://{Endpoint}/v1/{project_id}/widgets"))
    }

    @Test func theAPINameAnchorIsAttachedToTheTitle() throws {
        let page = DocReader.parse(html: Self.page, path: "w.html")
        guard case .heading(1, let title, let anchors)? = page.blocks.first else {
            Issue.record("the page does not start with its title")
            return
        }
        #expect(title.text == "Making Widgets")
        #expect(anchors == ["createwidget"])
    }

    @Test func captionsAnchorsAndCaptionlessTables() throws {
        let tables = Self.tables(DocReader.parse(html: Self.page, path: "w.html"))
        try #require(tables.count == 3)
        #expect(tables[0].number == 1 && tables[0].title == "Request body parameters")
        #expect(tables[1].number == 2 && tables[1].title == "Part")
        #expect(tables[1].anchors == ["createwidget-request-part", "id2"])
        // No caption: the paragraph before the table names it, and its id is the table's link target.
        #expect(tables[2].title == "Parameters in the tag field")
        #expect(tables[2].caption?.emphasis == ["tag"])
        #expect(tables[2].anchors == ["li123"])
    }

    @Test func admonitionsAreNotesWithoutTheirLabel() throws {
        let tables = Self.tables(DocReader.parse(html: Self.page, path: "w.html"))
        let cell = try #require(tables.first?.rows.last?.last)
        #expect(cell.blocks.contains(.note([.paragraph(InlineText(text: "Mind the part."))])))
        #expect(!cell.text.contains("Note"))
    }

    @Test func highlightedExamplesKeepTheirText() {
        let page = DocReader.parse(html: Self.page, path: "w.html")
        let code = page.blocks.compactMap { if case .code(let c) = $0 { c } else { nil } }.first
        #expect(code?.trimmingSpaces() == "{\n  \"part\": 1\n}")
    }

    @Test func minifiedPagesReadTheSame() {
        // The live site serves pages without quotes around attribute values and without whitespace between tags.
        let minified = Self.page.replacingOccurrences(of: ">\n", with: ">")
            .replacingOccurrences(of: "id=\"docs-content\"", with: "id=docs-content")
            .replacingOccurrences(of: "class=\"headerlink\"", with: "class=headerlink")
        let full = DocReader.parse(html: Self.page, path: "w.html")
        let compact = DocReader.parse(html: minified, path: "w.html")
        #expect(Self.tables(compact) == Self.tables(full))
        #expect(compact.title == full.title)
    }

    @Test(arguments: [
        ("../appendix/ids.html#x", "api/create.html", "appendix/ids.html"),
        ("other.html", "api/create.html", "api/other.html"),
        ("./sub/x.html#y", "index.html", "sub/x.html"),
        ("#local", "api/create.html", nil),
        ("https://example.com/x.html", "a.html", nil),
        ("../../outside.html", "api/create.html", nil),
    ] as [(String, String, String?)])
    func linksResolveRelativeToTheirPage(href: String, from page: String, expected: String?) {
        #expect(Link(text: "", href: href).targetPage(from: page) == expected)
    }
}
