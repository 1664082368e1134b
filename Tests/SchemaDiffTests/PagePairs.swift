import APISchema
import DocReader
import Foundation
import SchemaBuilder

/// Two versions of a small "Widgets" service, written as API pages: between them, every kind of change the report
/// knows happens at least once.
enum PagePairs {
    struct Row {
        var name: String
        var required: Bool = false
        var type: String
        var description: String = "."

        /// A field of the type documented in the table captioned `type`.
        static func object(_ name: String, _ type: String, required: Bool = false) -> Row {
            Row(name: name, required: required, type: "<a href=\"#P__\(type)\">\(type)</a> object")
        }

        /// An array of the type documented in the table captioned `type`.
        static func objects(_ name: String, _ type: String) -> Row {
            Row(name: name, type: "Array of <a href=\"#P__\(type)\">\(type)</a> objects")
        }
    }

    /// One API page in the current layout: URI, parameter tables, request body and response tables.
    static func page(
        title: String, method: String, path: String, path parameters: [Row] = [], query: [Row] = [],
        headers: [Row] = [], body: [Row]? = nil, nested: [(String, [Row])] = [], responses: [(Int, [Row]?)]
    ) -> String {
        var number = 0
        func table(_ caption: String, _ rows: [Row], id: String? = nil, response: Bool = false) -> String {
            number += 1
            let header = response ? ["Parameter", "Type", "Description"] : ["Parameter", "Mandatory", "Type", "Description"]
            let cells = rows.map { row in
                let values = [row.name] + (response ? [] : [row.required ? "Yes" : "No"]) + [row.type, row.description]
                return "<tr>" + values.map { "<td><p>\($0)</p></td>" }.joined() + "</tr>"
            }
            let anchor = id.map { "<a name=\"\($0)\"></a>" } ?? ""
            let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
            return """
                <div class="tablenoborder">\(anchor)<table\(idAttribute)><caption><b>Table \(number) </b>\(caption)</caption>
                <thead><tr>\(header.map { "<th><p>\($0)</p></th>" }.joined())</tr></thead><tbody>\(cells.joined())</tbody></table></div>
                """
        }
        var html = """
            <h1 class="topictitle1">\(title)</h1>
            <div class="section"><h4 class="sectiontitle">Function</h4><p>\(title) in a project.</p></div>
            <div class="section"><h4 class="sectiontitle">URI</h4><p>\(method) \(path)</p>
            """
        html += table("Path Parameters", [Row(name: "project_id", required: true, type: "String")] + parameters)
        if !query.isEmpty { html += table("Query Parameters", query) }
        html += "</div><div class=\"section\"><h4 class=\"sectiontitle\">Request Parameters</h4>"
        html += table("Request header parameters", [Row(name: "X-Auth-Token", required: true, type: "String")] + headers)
        if let body { html += table("Request body parameters", body) }
        for (name, rows) in nested where !name.hasSuffix("Res") { html += table(name, rows, id: "P__\(name)") }
        html += "</div><div class=\"section\"><h4 class=\"sectiontitle\">Response Parameters</h4>"
        for (status, rows) in responses {
            html += "<p><strong>Status code: \(status)</strong></p>"
            if let rows { html += table("Response body parameters", rows, response: true) }
        }
        for (name, rows) in nested where name.hasSuffix("Res") { html += table(name, rows, id: "P__\(name)", response: true) }
        html += "</div>"
        return html
    }

    static func schema(_ pages: [String: String]) -> ServiceSchema {
        let parsed = pages.keys.sorted().map { DocReader.parse(html: pages[$0]!, path: $0) }
        return SchemaBuilder.build(config: ServiceConfig(name: "Widgets", docs: "", endpointPrefix: "widgets"), pages: parsed)
    }

    static let widgetId = Row(name: "widget_id", required: true, type: "String")

    static var old: ServiceSchema {
        schema([
            "CreateWidget.html": page(
                title: "Creating a Widget", method: "POST", path: "/v1/{project_id}/widgets",
                query: [Row(name: "dry_run", type: "Boolean")], headers: [Row(name: "X-Language", type: "String")],
                body: [
                    Row(name: "name", required: true, type: "String"),
                    Row(name: "size", type: "Integer"),
                    Row(name: "color", type: "String", description: "Color. Options: RED, BLUE, GREEN"),
                    .object("volume", "VolumeSpec", required: true),
                    .objects("tags", "Tag"),
                ],
                nested: [
                    ("VolumeSpec", [Row(name: "category", required: true, type: "String"), Row(name: "capacity", type: "Integer")]),
                    ("Tag", [Row(name: "key", type: "String"), Row(name: "value", type: "String")]),
                ],
                responses: [(201, [
                    Row(name: "id", type: "String"), Row(name: "legacy", type: "String"),
                    Row(name: "status", type: "String", description: "Status. Options: CREATING, RUNNING"),
                ])]),
            "ShowWidget.html": page(
                title: "Querying a Widget", method: "GET", path: "/v1/{project_id}/widgets/{widget_id}",
                path: [widgetId], query: [Row(name: "fields", type: "String"), Row(name: "verbose", type: "Boolean")],
                responses: [(200, [Row(name: "id", type: "String"), Row(name: "count", type: "Integer")])]),
            "DeleteWidget.html": page(
                title: "Deleting a Widget", method: "DELETE", path: "/v1/{project_id}/widgets/{widget_id}",
                path: [widgetId], responses: [(204, nil)]),
            "RebootWidget.html": page(
                title: "Rebooting a Widget", method: "POST", path: "/v1/{project_id}/widgets/{widget_id}/reboot",
                path: [widgetId], responses: [(204, nil)]),
            "ExportWidget.html": page(
                title: "Exporting a Widget", method: "POST", path: "/v1/{project_id}/widgets/{widget_id}/export",
                path: [widgetId], responses: [(204, nil)]),
            "ListGizmos.html": page(
                title: "Listing Gizmos", method: "GET", path: "/v1/{project_id}/gizmos",
                responses: [(200, [Row(name: "count", type: "Integer")])]),
        ])
    }

    static var new: ServiceSchema {
        schema([
            "CreateWidget.html": page(
                title: "Creating a Widget", method: "POST", path: "/v1/{project_id}/widgets",
                query: [Row(name: "region_id", required: true, type: "String"), Row(name: "trace", type: "Boolean")],
                headers: [Row(name: "dry_run", type: "Boolean")],
                body: [
                    Row(name: "name", required: true, type: "String"),
                    Row(name: "size", type: "String"),
                    Row(name: "color", type: "String", description: "Color. Options: RED, BLUE, YELLOW"),
                    .object("volume", "VolumeSpec", required: true),
                    .objects("tags", "Label"),
                    Row(name: "owner", required: true, type: "String"),
                    Row(name: "note", type: "String"),
                ],
                nested: [
                    ("VolumeSpec", [Row(name: "kind", required: true, type: "String"), Row(name: "capacity", required: true, type: "Integer")]),
                    ("Label", [Row(name: "key", type: "String"), Row(name: "value", type: "String")]),
                ],
                responses: [(200, [
                    Row(name: "id", type: "String"), Row(name: "created_at", type: "Long"),
                    Row(name: "status", type: "String", description: "Status. Options: CREATING, RUNNING, FAILED"),
                ])]),
            "ShowWidget.html": page(
                title: "Querying a Widget", method: "GET", path: "/v1/{project_id}/widgets/{id}",
                path: [Row(name: "id", required: true, type: "String")],
                query: [Row(name: "fields", type: "Integer"), Row(name: "verbose", required: true, type: "Boolean")],
                responses: [(200, [Row(name: "id", type: "String"), Row(name: "count", type: "Object")])]),
            "DeleteWidget.html": page(
                title: "Deleting a Widget", method: "DELETE", path: "/v1/{project_id}/widgets/{widget_id}",
                path: [widgetId], responses: [(204, nil), (202, nil)]),
            "RestartWidget.html": page(
                title: "Restarting a Widget", method: "POST", path: "/v1/{project_id}/widgets/{widget_id}/reboot",
                path: [widgetId], responses: [(204, nil)]),
            "ExportWidget.html": page(
                title: "Exporting a Widget", method: "POST", path: "/v2/{project_id}/widgets/{widget_id}/export",
                path: [widgetId], responses: [(204, nil)]),
            "ListWidgets.html": page(
                title: "Listing Widgets", method: "GET", path: "/v1/{project_id}/widgets",
                responses: [(200, [Row(name: "count", type: "Integer")])]),
        ])
    }
}
