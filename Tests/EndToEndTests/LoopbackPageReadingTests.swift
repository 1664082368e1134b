import Foundation
import Testing

/// The loopback cloud's own reading of the pages (`Tools/docpages.py`, independent of the generator) finds the
/// request line of every page the generator reads an operation from, however the page prints it.
@Suite struct LoopbackPageReadingTests {
    /// Hand-written pages, each printing its request line in one of the ways the published pages do.
    static let pages: [String: String] = [
        // The path glued to the method.
        "glued.html": "<h1>Querying a Version</h1><h2>URI</h2><p>GET/{api_version}</p>",
        // Spaces inside a placeholder, and after a query separator.
        "spaced.html": """
            <h1>Querying Items</h1><h2>URI</h2>
            <p>GET /v1/{project_id}/items?limit={limit}& marker={marker}&begin_time={begin _time}</p>
            """,
        "expansion.html": "<h1>Querying Endpoints</h1><h2>URI</h2><p>GET /v1/endpoints{?interface, service_id}</p>",
        // A URI section that gives only the method: the path is the example request line's.
        "method-only.html": """
            <h1>Querying Versions</h1><h2>URI</h2><p>GET</p>
            <h2>Request</h2><p>Example request</p><pre>GET https://{Endpoint}/v1/versions</pre>
            """,
        // No URI section: the request line is a paragraph of its own under another heading.
        "format.html": "<h1>Querying Zones</h1><h2>API Format</h2><p>GET /v2/zones</p><h2>Request</h2><p>None</p>",
    ]

    @Test func requestLinesAsThePagesPrintThem() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "loopback-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, html) in Self.pages {
            try Data(html.utf8).write(to: folder.appending(path: name))
        }
        let cloud = try await LoopbackCloud.start(docs: folder)
        defer { cloud.stop() }
        let templates = Dictionary(try await cloud.cases().map { ($0.page, $0.method + " " + $0.templates[0]) }) { a, _ in a }
        #expect(
            templates == [
                "glued.html": "GET /{api_version}",
                "spaced.html": "GET /v1/{project_id}/items",
                "expansion.html": "GET /v1/endpoints",
                "method-only.html": "GET /v1/versions",
                "format.html": "GET /v2/zones",
            ])
    }
}
