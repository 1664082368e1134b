import APISchema
import DocReader
import Foundation

@testable import SchemaBuilder

/// Small hand-written pages in the layout both editions of the reference share, written once and printed in either
/// language: headings, captions, column titles, cell words, value-list lead-ins and status lines come from an
/// ``Edition``. A page may take its headings from one edition and its tables from the other (a mixed page).
struct Edition: Sendable {
    var language: Language
    // Headings.
    var function, constraints, request, response, exampleRequest, exampleResponse, statusCodes: String
    // Captions and column titles.
    var tableLead, pathCaption, queryCaption, headerCaption, bodyCaption, responseCaption: String
    var parameter, mandatory, type, description, statusColumn: String
    // Cells.
    var yes, no, none: String
    /// Introduces a value list printed as a list.
    var enumLead: String
    /// Introduces an inline value list, its separator, and the default that follows it.
    var rangeLead, comma, defaultLead: String
    /// Two spellings of the status line's label (`Status code: 201`, `状态码：201`).
    var statusLabel, statusLabelCompact: String

    func statusLine(_ code: Int) -> String { statusLabel + "\(code)" }
    func statusLineCompact(_ code: Int) -> String { statusLabelCompact + "\(code)" }

    static let english = Edition(
        language: .english, function: "Function", constraints: "Constraints", request: "Request Parameters",
        response: "Response Parameters", exampleRequest: "Example Requests", exampleResponse: "Example Responses",
        statusCodes: "Status Codes", tableLead: "Table", pathCaption: "Path Parameters",
        queryCaption: "Query Parameters", headerCaption: "Request header parameters",
        bodyCaption: "Request body parameters", responseCaption: "Response body parameters",
        parameter: "Parameter", mandatory: "Mandatory", type: "Type", description: "Description",
        statusColumn: "Status Code", yes: "Yes", no: "No", none: "None", enumLead: "Enumerated values:",
        rangeLead: "Value range: ", comma: ", ", defaultLead: "Default: ",
        statusLabel: "Status code: ", statusLabelCompact: "Status code:")

    static let chinese = Edition(
        language: .chinese, function: "功能介绍", constraints: "约束", request: "请求参数", response: "响应参数",
        exampleRequest: "请求示例", exampleResponse: "响应示例", statusCodes: "状态码", tableLead: "表",
        pathCaption: "路径参数", queryCaption: "Query参数", headerCaption: "请求Header参数",
        bodyCaption: "请求Body参数", responseCaption: "响应Body参数", parameter: "参数", mandatory: "是否必选",
        type: "参数类型", description: "描述", statusColumn: "状态码", yes: "是", no: "否", none: "无",
        enumLead: "枚举值如下：", rangeLead: "取值范围：", comma: "，", defaultLead: "默认值：",
        statusLabel: "状态码: ", statusLabelCompact: "状态码：")

    /// `english` in the English edition, `chinese` in the Chinese one: the page's own prose.
    func text(_ english: String, _ chinese: String) -> String { language == .english ? english : chinese }

    func table(_ number: Int, _ caption: String, id: String? = nil, header: [String], rows: [[String]]) -> String {
        let anchor = id.map { "<a name=\"\($0)\"></a>" } ?? ""
        let head = header.map { "<th><p>\($0)</p></th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return """
            <div class="tablenoborder">\(anchor)<table\(id.map { " id=\"\($0)\"" } ?? "")><caption><b>\(tableLead)\(number) </b>\(caption)</caption>
            <thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>
            """
    }

    var requestHeader: [String] { [parameter, mandatory, type, description] }
    var responseHeader: [String] { [parameter, type, description] }
}

enum BilingualPages {
    static func section(_ heading: String, _ content: String) -> String {
        "<div class=\"section\"><h4 class=\"sectiontitle\">\(heading)</h4>\(content)</div>"
    }

    /// `POST /v1/{project_id}/pools`: path, query and header parameters, a body with a nested type, value lists in
    /// both forms, a 201 and a 400 response, examples and a status code table. Headings (and the title and status
    /// lines) from `h`, tables (and their prose) from `t`.
    static func createPool(headings h: Edition, tables t: Edition) -> String {
        let enumList = "<p>\(t.text("Mode. ", "模式。"))\(t.enumLead)</p><ul><li><p>FAST\(t.text(": quick", "：快速"))</p></li><li><p>SAFE</p></li></ul>"
        let range = "<p>\(t.text("Tier. ", "等级。"))\(t.rangeLead)GOLD\(t.comma)SILVER\(t.comma)BRONZE\(t.comma)\(t.defaultLead)SILVER</p>"
        return """
            <h1 class="topictitle1">\(h.text("Creating a Pool", "创建资源池"))</h1>
            \(section(h.function, "<p>\(h.text("Creates a pool.", "创建一个资源池。"))</p>"))
            \(section(h.constraints, "<p>\(h.text("At most ten pools.", "最多十个资源池。"))</p>"))
            \(section("URI", """
                <p>POST /v1/{project_id}/pools</p>
                \(t.table(1, t.pathCaption, header: t.requestHeader, rows: [["project_id", t.yes, "String", t.text("Project.", "项目。")]]))
                \(t.table(2, t.queryCaption, header: t.requestHeader, rows: [
                    ["dry_run", t.no, "Boolean", t.text("Only check.", "仅检查。")],
                    ["mode", t.no, "String", enumList],
                ]))
                """))
            \(section(h.request, """
                \(t.table(3, t.headerCaption, header: t.requestHeader, rows: [
                    ["X-Auth-Token", t.yes, "String", t.text("Token.", "令牌。")],
                    ["X-Language", t.no, "String", t.text("Language.", "语言。")],
                ]))
                \(t.table(4, t.bodyCaption, header: t.requestHeader, rows: [
                    ["name", t.yes, "String", t.text("Name.", "名称。")],
                    ["tier", t.no, "String", range],
                    ["tags", t.no, "Array of <a href=\"#PoolTag\">PoolTag</a> objects", t.text("Tags.", "标签。")],
                    ["labels", t.no, "Map&lt;String,String&gt;", t.text("Labels.", "标记。")],
                    ["size", t.no, "Integer", t.text("Size.", "大小。")],
                ]))
                \(t.table(5, "PoolTag", id: "PoolTag", header: t.requestHeader, rows: [
                    ["key", t.yes, "String", t.text("Key.", "键。")],
                    ["values", t.no, "Array of strings", t.text("Values.", "值。")],
                ]))
                """))
            \(section(h.response, """
                <p><strong>\(h.statusLine(201))</strong></p>
                \(t.table(6, t.responseCaption, header: t.responseHeader, rows: [
                    ["id", "String", t.text("Pool ID.", "资源池ID。")],
                    ["status", "String", "<p>\(t.text("State. ", "状态。"))\(t.enumLead)</p><ul><li><p>CREATING</p></li><li><p>READY</p></li></ul>"],
                ]))
                <p><strong>\(h.statusLineCompact(400))</strong></p>
                \(t.table(7, t.responseCaption, header: t.responseHeader, rows: [
                    ["error_code", "String", t.text("Error code.", "错误码。")],
                    ["error_msg", "String", t.text("Error message.", "错误信息。")],
                ]))
                """))
            \(section(h.exampleRequest, """
                <p>\(h.text("Create a pool.", "创建资源池。"))</p>
                <pre class="screen">POST https://{endpoint}/v1/{project_id}/pools

                {"name": "p1", "tier": "GOLD"}</pre>
                """))
            \(section(h.exampleResponse, """
                <p><strong>\(h.statusLineCompact(201))</strong></p><p>\(h.text("Created.", "创建成功。"))</p>
                <pre class="screen">{"id": "abc", "status": "CREATING"}</pre>
                """))
            \(section(h.statusCodes, """
                <table><thead><tr><th>\(t.statusColumn)</th><th>\(t.description)</th></tr></thead>
                <tbody><tr><td>201</td><td>\(t.text("Created", "创建成功"))</td></tr><tr><td>400</td><td>\(t.text("Bad", "错误"))</td></tr></tbody></table>
                """))
            """
    }

    /// `GET /v1/{project_id}/pools/{pool_name}`: a query table whose only row says none, a 200 response (its status
    /// line in the response section only) with a map, an array of a type named by its caption and a value list under
    /// a value-range heading.
    static func showPool(headings h: Edition, tables t: Edition) -> String {
        """
        <h1 class="topictitle1">\(h.text("Querying a Pool", "查询资源池"))</h1>
        \(section("URI", """
            <p>GET /v1/{project_id}/pools/{pool_name}</p>
            \(t.table(1, t.pathCaption, header: t.requestHeader, rows: [
                ["project_id", t.yes, "String", t.text("Project.", "项目。")],
                ["pool_name", t.yes, "String", t.text("Pool.", "资源池。")],
            ]))
            \(t.table(2, t.queryCaption, header: t.requestHeader, rows: [[t.none, "", "", ""]]))
            """))
        \(section(h.response, """
            <p><strong>\(h.statusLine(200))</strong></p>
            \(t.table(3, t.responseCaption, header: t.responseHeader, rows: [
                ["name", "String", t.text("Name.", "名称。")],
                ["labels", "Map&lt;String,String&gt;", t.text("Labels.", "标记。")],
                ["tags", "Array of <a href=\"#ShowTag\">PoolTag</a> objects", t.text("Tags.", "标签。")],
                ["kind", "String", "<p>\(t.text("Value range", "取值范围"))</p><p>ALPHA\(t.comma)BETA</p>"],
            ]))
            \(t.table(4, "PoolTag", id: "ShowTag", header: t.responseHeader, rows: [
                ["key", "String", t.text("Key.", "键。")],
                ["values", "Array of strings", t.text("Values.", "值。")],
            ]))
            """))
        """
    }

    /// `GET /v1/{project_id}/pools`: a response table without a Type column, typed from its descriptions.
    static func listPools(headings h: Edition, tables t: Edition) -> String {
        """
        <h1 class="topictitle1">\(h.text("Querying Pools", "查询资源池列表"))</h1>
        \(section("URI", "<p>GET /v1/{project_id}/pools</p>"))
        \(section(h.response, t.table(1, t.responseCaption, header: [t.parameter, t.description], rows: [
            ["shared", t.text("Whether the pools are shared.", "是否共享资源池。")],
            ["count", t.text("Number of pools.", "资源池数量。")],
            ["owner", t.text("Owner.", "所有者。")],
        ])))
        """
    }

    /// The service built from the three pages, with headings from `h` and tables from `t`.
    static func build(headings h: Edition, tables t: Edition) -> ServiceSchema {
        Fixtures.build([
            ("CreatePool.html", createPool(headings: h, tables: t)), ("ShowPool.html", showPool(headings: h, tables: t)),
            ("ListPools.html", listPools(headings: h, tables: t)),
        ])
    }
}

extension ServiceSchema {
    /// The schema with everything written in the page's language masked: titles, summaries, descriptions, example
    /// titles, and the captions and messages of diagnostics and sources. What is left is structure: operations,
    /// parameters, bodies, responses, types and value lists.
    var structure: ServiceSchema {
        var copy = self
        func mask(_ values: [EnumValue]?) -> [EnumValue]? { values?.map { EnumValue(value: $0.value) } }
        for o in copy.operations.indices {
            copy.operations[o].title = ""
            copy.operations[o].summary = ""
            for p in copy.operations[o].parameters.indices {
                copy.operations[o].parameters[p].description = ""
                copy.operations[o].parameters[p].enumValues = mask(copy.operations[o].parameters[p].enumValues)
            }
            for e in copy.operations[o].requestExamples.indices { copy.operations[o].requestExamples[e].title = "" }
            for r in copy.operations[o].responses.indices {
                copy.operations[o].responses[r].description = ""
                for e in copy.operations[o].responses[r].examples.indices {
                    copy.operations[o].responses[r].examples[e].title = ""
                }
            }
        }
        for g in copy.groups.indices { copy.groups[g].title = "" }
        for t in copy.types.indices {
            copy.types[t].description = ""
            copy.types[t].source.table = nil
            switch copy.types[t].kind {
            case .object(let properties):
                copy.types[t].kind = .object(properties.map { property in
                    var property = property
                    property.description = ""
                    property.enumValues = mask(property.enumValues)
                    return property
                })
            case .enumeration(let base, let values):
                copy.types[t].kind = .enumeration(base: base, values: mask(values) ?? [])
            case .alias:
                break
            }
        }
        copy.diagnostics = diagnostics.map { Diagnostic($0.id, SourceLocation(page: $0.location.page), "") }
        return copy
    }
}
