import APISchema
import DocReader
import Foundation

@testable import SchemaBuilder

/// Small hand-written pages in the two layouts the references use.
enum Fixtures {
    static func table(_ number: Int, _ caption: String, id: String? = nil, header: [String], rows: [[String]]) -> String {
        let anchor = id.map { "<a name=\"\($0)\"></a>" } ?? ""
        let idAttribute = id.map { " id=\"\($0)\"" } ?? ""
        let head = header.map { "<th><p>\($0)</p></th>" }.joined()
        let body = rows.map { "<tr>" + $0.map { "<td>\($0)</td>" }.joined() + "</tr>" }.joined(separator: "\n")
        return """
            <div class="tablenoborder">\(anchor)<table\(idAttribute)><caption><b>Table \(number) </b>\(caption)</caption>
            <thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table></div>
            """
    }

    static let newHeader = ["Parameter", "Mandatory", "Type", "Description"]
    static let responseHeader = ["Parameter", "Type", "Description"]

    /// Current layout: captions named after types, "Status code: 201", type names in the Type column.
    static let createGadget = """
        <h1 class="topictitle1">Creating a Gadget</h1>
        <div class="section"><h4 class="sectiontitle">Function</h4><p>Creates a gadget in a project.</p></div>
        <div class="section"><h4 class="sectiontitle">URI</h4><p>POST /v1/{project_id}/gadgets</p>
        \(table(1, "Path Parameters", header: newHeader, rows: [["<p>project_id</p>", "<p>Yes</p>", "<p>String</p>", "<p>Project ID.</p>"]]))
        \(table(2, "Query Parameters", header: newHeader, rows: [
            ["<p>dry_run</p>", "<p>No</p>", "<p>Boolean</p>", "<p>Only validate.</p>"],
            ["<p>tags</p>", "<p>No</p>", "<p>Array of strings</p>", "<p>Tags.</p>"],
        ]))
        </div>
        <div class="section"><h4 class="sectiontitle">Request Parameters</h4>
        \(table(3, "Request header parameters", header: newHeader, rows: [
            ["<p>X-Auth-Token</p>", "<p>Yes</p>", "<p>String</p>", "<p>Token.</p>"],
            ["<p>X-Language</p>", "<p>No</p>", "<p>String</p>", "<p>Language.</p>"],
        ]))
        \(table(4, "Request body parameters", id: "P__request_CreateReq", header: newHeader, rows: [
            ["<p>name</p>", "<p>Yes</p>", "<p>String</p>", "<p>Name of the gadget.</p>"],
            ["<p>size</p>", "<p>No</p>", "<p>Long</p>", "<p>Size in bytes.</p>"],
            ["<p>ratio</p>", "<p>No</p>", "<p>Float</p>", "<p>Ratio.</p>"],
            ["<p>volume</p>", "<p>Yes</p>", "<p><a href=\"#P__request_VolumeReq\">VolumeReq</a> object</p>", "<p>Storage.</p>"],
            ["<p>endpoints</p>", "<p>No</p>", "<p>Array of <a href=\"#P__request_EndpointReq\">EndpointReq</a> objects</p>", "<p>Endpoints.</p>"],
            ["<p>labels</p>", "<p>No</p>", "<p>Map&lt;String,String&gt;</p>", "<p>Labels.</p>"],
            ["<p>extra</p>", "<p>No</p>", "<p>JSON</p>", "<p>Free-form.</p>"],
            ["<p>mode</p>", "<p>No</p>", "<p>Integer/Boolean</p>", "<p>Mode.</p>"],
            ["<p>storage</p>", "<p>No</p>", "<p>Array&lt;Storage type&gt;</p>", "<p>Storage list.</p>"],
        ]))
        \(table(5, "VolumeReq", id: "P__request_VolumeReq", header: newHeader, rows: [
            ["<p>category</p>", "<p>Yes</p>", "<p>String</p>", "<p>Storage type. Options:</p><ul><li><p><strong>EVS</strong>: block storage</p></li><li><p><strong>SFS</strong>: file storage</p></li></ul>"],
            ["<p>ownership</p>", "<p>Yes</p>", "<p>String</p>", "<p>Owner. Enums:</p><ul><li><p><strong>MANAGED</strong></p></li><li><p><strong>DEDICATED</strong></p></li></ul>"],
            ["<p>capacity</p>", "<p>No</p>", "<p>Integer</p>", "<p>Capacity in GB. The value can be a number between 1 and 4096.</p>"],
        ]))
        \(table(6, "EndpointReq", id: "P__request_EndpointReq", header: newHeader, rows: [
            ["<p>service</p>", "<p>No</p>", "<p>String</p>", "<p>Service. The options are <strong>SSH</strong> and <strong>HTTPS</strong>.</p>"],
        ]))
        </div>
        <div class="section"><h4 class="sectiontitle">Response Parameters</h4><p><strong>Status code: 201</strong></p>
        \(table(7, "Response body parameters", header: responseHeader, rows: [
            ["<p>id</p>", "<p>String</p>", "<p>Gadget ID.</p>"],
            ["<p>volume</p>", "<p><a href=\"#P__response_VolumeRes\">VolumeRes</a> object</p>", "<p>Storage.</p>"],
        ]))
        \(table(8, "VolumeRes", id: "P__response_VolumeRes", header: responseHeader, rows: [
            ["<p>category</p>", "<p>String</p>", "<p>Category.</p>"],
        ]))
        <p><strong>Status code: 400</strong></p>
        \(table(9, "Response body parameters", header: responseHeader, rows: [
            ["<p>error_code</p>", "<p>String</p>", "<p>Error code.</p>"],
            ["<p>error_msg</p>", "<p>String</p>", "<p>Error message.</p>"],
        ]))
        </div>
        <div class="section"><h4 class="sectiontitle">Example Requests</h4><p>Create a gadget.</p>
        <pre class="screen">POST https://{endpoint}/v1/{project_id}/gadgets

        {"name": "g1", "volume": {"category": "EVS", "ownership": "MANAGED"}}</pre></div>
        <div class="section"><h4 class="sectiontitle">Example Responses</h4><p><strong>Status code: 201</strong></p><p>Created</p>
        <pre class="screen">{"id": "abc", "volume": {"category": "EVS"}}</pre></div>
        <div class="section"><h4 class="sectiontitle">Status Codes</h4>
        <table><thead><tr><th>Status Code</th><th>Description</th></tr></thead><tbody><tr><td>201</td><td>Created</td></tr><tr><td>400</td><td>Bad</td></tr></tbody></table></div>
        """

    /// Old layout: "Parameter description" tables without a Type column, "see Table N" links, dotted rows.
    static let oldServers = """
        <h1 class="topictitle1">Creating an <span>ECS</span></h1>
        <div><h4>Function</h4><p>This API is used to create servers.</p></div>
        <div><h4>URI</h4><p>POST /v2/{project_id}/servers</p>
        \(table(1, "Parameter description", header: ["Parameter", "Mandatory", "Description"], rows: [["<p>project_id</p>", "<p>Yes</p>", "<p>Specifies the project ID.</p>"]]))
        </div>
        <div><h4>Request</h4><p><a href="#OLD__table2">Table 2</a> describes the request parameters.</p>
        \(table(2, "Request parameters", id: "OLD__table2", header: ["Parameter", "Mandatory", "Description"], rows: [
            ["<p>server</p>", "<p>Yes</p>", "<p>Specifies the server. For details, see <a href=\"#OLD__table3\">Table 3</a>.</p>"],
            ["<p>dry_run</p>", "<p>No</p>", "<p>Specifies whether to only check the request.</p>"],
        ]))
        \(table(3, "<strong>server</strong> field description", id: "OLD__table3", header: ["Parameter", "Mandatory", "Description"], rows: [
            ["<p>name</p>", "<p>Yes</p>", "<p>Specifies the name.</p>"],
            ["<p>metadata</p>", "<p>No</p>", "<p>Specifies the metadata.</p>"],
            ["<p>metadata.owner</p>", "<p>No</p>", "<p>Specifies the owner.</p>"],
            ["<p>nics</p>", "<p>Yes</p>", "<p>Specifies the NICs. For details, see Table 4.</p>"],
            ["<p>volume</p>", "<p>No</p>", "<p>Specifies the volume. For details, see Table 9.</p>"],
        ]))
        \(table(4, "<strong>nics</strong> field description", header: ["Parameter", "Mandatory", "Description"], rows: [
            ["<p>subnet_id</p>", "<p>Yes</p>", "<p>Specifies the subnet.</p>"],
        ]))
        </div>
        <div><h4>Response</h4>
        \(table(5, "Response parameters", header: ["Parameter", "Type", "Description"], rows: [
            ["<p>job_id</p>", "<p>String</p>", "<p>Specifies the task ID.</p>"],
            ["<p>serverIds</p>", "<p>Array of strings</p>", "<p>IDs.</p>"],
        ]))
        </div>
        <div><h4>Example Request</h4><pre>{"server": {"name": "s", "nics": [{"subnet_id": "x"}], "metadata": {"owner": "me"}}, "dry_run": false}</pre></div>
        <div><h4>Example Response</h4><pre>{"job_id": "j", "serverIds": ["a"]}</pre></div>
        """

    /// OpenStack style: the tables list a volume's fields, the examples (and the server) wrap them in "volume".
    static let wrappedVolume = """
        <h1>Creating a Volume</h1>
        <div><h4>URI</h4><p>POST /v2/{project_id}/volumes</p></div>
        <div><h4>Request</h4>
        \(table(1, "Request parameters", header: ["Parameter", "Mandatory", "Type", "Description"], rows: [
            ["<p>size</p>", "<p>Yes</p>", "<p>Integer</p>", "<p>Size in GB.</p>"],
            ["<p>name</p>", "<p>No</p>", "<p>String</p>", "<p>Name.</p>"],
        ]))
        </div>
        <div><h4>Response</h4>
        \(table(2, "Response parameters", header: ["Parameter", "Type", "Description"], rows: [
            ["<p>id</p>", "<p>String</p>", "<p>Volume ID.</p>"],
            ["<p>status</p>", "<p>String</p>", "<p>Status.</p>"],
        ]))
        </div>
        <div><h4>Example Request</h4><pre>{"volume": {"size": 10, "name": "v"}}</pre></div>
        <div><h4>Example Response</h4><pre>{"volume": {"id": "v1", "status": "creating", "size": 10}}</pre></div>
        """

    /// A page whose example sends more than its tables list: a query parameter and two body fields.
    static let exampleOnlyFields = """
        <h1>Creating a Widget</h1>
        <div><h4>URI</h4><p>POST /v1/{project_id}/widgets</p></div>
        <div><h4>Request</h4>
        \(table(1, "Request body parameters", header: newHeader, rows: [
            ["<p>name</p>", "<p>Yes</p>", "<p>String</p>", "<p>Name.</p>"],
        ]))
        </div>
        <div><h4>Example Request</h4><pre>POST https://{endpoint}/v1/{project_id}/widgets?async=true

        {"name": "w", "color": "red", "size": 3}</pre></div>
        """

    static let overview = """
        <h1>API Overview</h1><div><h4>Overview</h4><p>Lists the APIs.</p>
        <table><thead><tr><th>API</th><th>Description</th></tr></thead><tbody><tr><td>GET /v1/things</td><td>x</td></tr></tbody></table></div>
        """

    static func pages(_ sources: [(String, String)]) -> [DocPage] {
        sources.map { DocReader.parse(html: $0.1, path: $0.0) }
    }

    static func build(_ sources: [(String, String)], toc: TableOfContents = .init()) -> ServiceSchema {
        SchemaBuilder.build(
            config: ServiceConfig(name: "Test", docs: "", endpointPrefix: "test"), pages: pages(sources),
            tableOfContents: toc)
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sharedDocs: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared/docs") }
}

extension ServiceSchema {
    func type(_ name: String) -> NamedType? { types.first { $0.name == name } }

    func properties(_ name: String) -> [Property] {
        guard case .object(let properties)? = type(name)?.kind else { return [] }
        return properties
    }

    /// The object type a reference names, through any aliases.
    func resolvingAlias(_ ref: TypeRef) -> String {
        var name = ref.referencedName ?? ""
        while case .alias(let target)? = type(name)?.kind { name = target }
        return name
    }

    func operation(_ id: String) -> APISchema.Operation? { operations.first { $0.id == id } }
}

extension [Property] {
    subscript(named name: String) -> Property? { first { $0.name == name } }
}
