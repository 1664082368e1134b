import Foundation
import TestSupport
import Testing

@testable import DocsMirror

/// Which links are followed: pages below the root, once each, whatever the fragment or query; never assets, other
/// hosts or paths outside the root. Linked pages that are missing or not HTML are skipped with a diagnostic.
@Suite(.timeLimit(.minutes(2)))
struct LinkScopeTests {
    @Test func followsOnlyPagesBelowTheRoot() async throws {
        let fixture = try await MirrorFixture.start { request in
            request.path == "/outside/x.html" ? .respond(status: 200, headers: [("Content-Type", "text/html")]) : nil
        }
        defer { Task { await fixture.tearDown() } }
        let port = fixture.server.port
        try fixture.write(
            "index.html",
            MirrorFixture.page(
                "Index",
                links: [
                    "a.html#section", "a.html?highlight=x", "./a.html", "#top", "chapter/", "chapter/index.html#x",
                    "../other.html", "/outside/x.html", "http://127.0.0.1:\(port)/outside/x.html",
                    "https://example.invalid/docs-repo/api-ref/a.html", "mailto:docs@example.invalid",
                    "_static/theme.css?v=1", "_static/logo.png", "_static/fonts/icons.woff2", "_static/app.js",
                    "genindex.html", "search.html",
                ]))
        try fixture.write("a.html", MirrorFixture.page("A", links: ["index.html", "chapter/../a.html"]))
        try fixture.write("chapter/index.html", MirrorFixture.page("Chapter", links: ["../index.html#top"]))
        let report = try await fixture.mirror()
        #expect(report.added == ["a.html", "chapter/index.html", "index.html"])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let asked = fixture.server.requests.map(\.uri).sorted()
        let pages = ["a.html", "chapter/index.html", "index.html"]
        #expect(asked == pages.map(fixture.path), "each page once, nothing else")
    }

    @Test func skipsALinkedPageThatIsNotHTMLOrNotThere() async throws {
        let fixture = try await MirrorFixture.start { request in
            guard request.path.hasSuffix("/openapi") else { return nil }
            return .respond(status: 200, headers: [("Content-Type", "application/json")], body: "{}")
        }
        defer { Task { await fixture.tearDown() } }
        try fixture.write("index.html", MirrorFixture.page("Index", links: ["openapi", "gone.html", "a.html"]))
        try fixture.write("a.html", MirrorFixture.page("A"))
        let report = try await fixture.mirror()
        #expect(report.added == ["a.html", "index.html"])
        let site = fixture.siteRoot
        let index = site.url(of: "index.html")
        #expect(
            report.diagnostics.map(\.description) == [
                "\(site.url(of: "gone.html")): HTTP 404 (linked from \(index)); skipped",
                "\(site.url(of: "openapi")): not HTML (Content-Type: application/json) (linked from \(index)); skipped",
            ])
        let files = try MirrorFixture.files(in: fixture.docs).keys.sorted()
        #expect(files == [".fetch-state.json", "a.html", "index.html"])
    }

    @Test func readsLinksFromPrettyAndMinifiedPages() {
        let html = """
            <!-- <a href="commented.html"> --><link rel=stylesheet href=_static/a.css>
            <a class=x href=minified.html>m</a><A HREF = 'single.html' >s</A><a data-href="no.html" href="yes.html">
            <img src="x.png" alt="a > b"><a title="say > no" href="after-quote.html">
            """
        #expect(
            LinkScanner.hrefs(in: Data(html.utf8))
                == ["_static/a.css", "minified.html", "single.html", "yes.html", "after-quote.html"])
    }

    @Test func resolvesLinksAgainstThePageTheyAreOn() throws {
        let scope = try #require(SiteScope(root: URL(string: "https://docs.example.com/repo/api-ref/")!))
        #expect(scope.page(linkedBy: "../b.html", on: "chapter/a.html") == "b.html")
        #expect(scope.page(linkedBy: "../../x.html", on: "chapter/a.html") == nil, "outside the root")
        #expect(scope.page(linkedBy: "/repo/api-ref/", on: "a.html") == "index.html")
        #expect(scope.page(linkedBy: "https://DOCS.example.com/repo/api-ref/c%20d.html#x", on: "a.html") == "c d.html")
        #expect(scope.page(linkedBy: "http://docs.example.com/repo/api-ref/a.html", on: "a.html") == nil, "scheme")
        #expect(scope.page(linkedBy: ".fetch-state.json", on: "a.html") == nil)
        #expect(scope.url(of: "c d.html") == "https://docs.example.com/repo/api-ref/c%20d.html")
    }

    @Test func rebasesAPublishedRootOntoAnotherAddress() {
        let published = URL(string: "https://docs.otc.t-systems.com/elastic-cloud-server/api-ref/")!
        #expect(
            SiteScope.rebasing(published, onto: URL(string: "http://127.0.0.1:8080")!).absoluteString
                == "http://127.0.0.1:8080/elastic-cloud-server/api-ref/")
        #expect(
            SiteScope.rebasing(published, onto: URL(string: "http://mirror.example/copy/")!).absoluteString
                == "http://mirror.example/copy/elastic-cloud-server/api-ref/")
    }
}
