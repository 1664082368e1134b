import APISchema
import DocReader
import Foundation
import Testing

@testable import SchemaBuilder

/// The endpoint read from the pages (``EndpointReader``) and the `{project_id}` binding (``Operation/Scope``).
@Suite struct EndpointAndScopeTests {
    static let getGadget = """
        <h1>Querying a Gadget</h1><div><h4>URI</h4><p>GET /v2/{project_id}/gadgets/{gadget_id}</p></div>
        <div><h4>Example Request</h4><pre>GET https://gadget.eu-de.otc.t-systems.com/v2/0a1b2c/gadgets/g-1?verbose=true</pre></div>
        """
    static let endpointsPage = """
        <h1>Endpoints</h1><p>An endpoint is the address an API is called at. The endpoint of the service in the
        eu-nl region is gadget.eu-nl.otc.t-systems.com.</p>
        <p>Tokens come from the endpoint of IAM, iam.eu-de.otc.t-systems.com.</p>
        """
    static let authenticationPage = """
        <h1>Authentication</h1><pre>POST https://iam.eu-de.otc.t-systems.com/v3/auth/tokens</pre>
        <p>Objects are read at https://bucket.obs.eu-de.otc.t-systems.com/logs/a.log.</p>
        """

    static func build(_ pages: [(String, String)], prefix: String?) -> ServiceSchema {
        SchemaBuilder.build(
            config: ServiceConfig(name: "Gadgets", docs: "", endpointPrefix: prefix), pages: Fixtures.pages(pages))
    }

    @Test("a page about endpoints states the host; another service's host and a bucket's are not the service's")
    func endpointFromTheEndpointsPage() {
        let schema = Self.build(
            [("get.html", Self.getGadget), ("endpoints.html", Self.endpointsPage), ("auth.html", Self.authenticationPage)],
            prefix: "gadget")
        #expect(schema.endpoint == ServiceEndpoint(host: "gadget.{region}.otc.t-systems.com", prefix: "gadget", page: "endpoints.html"))
        #expect(!schema.diagnostics.contains { $0.id.rawValue.contains("endpoint") })
    }

    @Test("an example request's URL whose path is an operation's states the host; a token request's does not")
    func endpointFromAnExampleRequest() {
        let schema = Self.build([("get.html", Self.getGadget), ("auth.html", Self.authenticationPage)], prefix: nil)
        #expect(schema.endpoint?.prefix == "gadget")
        #expect(schema.endpoint?.page == "get.html")
    }

    @Test("a host the pages state that is not the configured prefix wins, with a warning naming both")
    func disagreementIsAWarning() {
        let schema = Self.build([("get.html", Self.getGadget)], prefix: "gadgets")
        #expect(schema.endpoint?.prefix == "gadget")
        let warning = schema.diagnostics.first { $0.id == .endpointDisagreement }
        #expect(warning?.message.contains("gadget.{region}.otc.t-systems.com") == true)
        #expect(warning?.message.contains("gadgets") == true)
    }

    @Test("no host in the pages: the configured prefix with a warning, else no endpoint and an error")
    func fallbackAndError() {
        let configured = Self.build([("auth.html", Self.authenticationPage)], prefix: "gadget")
        #expect(configured.endpoint == .configured(prefix: "gadget"))
        #expect(configured.diagnostics.contains { $0.id == .endpointFromConfiguration && $0.severity == .warning })
        let none = Self.build([("auth.html", Self.authenticationPage)], prefix: nil)
        #expect(none.endpoint == nil)
        #expect(none.diagnostics.contains { $0.id == .noEndpoint && $0.severity == .error })
    }

    @Test("several hosts on the endpoints page: the configured one among them, with a warning")
    func severalEndpoints() {
        let page = """
            <h1>API Usage</h1><table><caption>Table 1 Gadget endpoints</caption><thead><tr><th>Service</th>
            <th>Region</th><th>URL</th></tr></thead><tbody>
            <tr><td>Gadget Turbo</td><td>eu-de</td><td>gadget-turbo.eu-de.otc.t-systems.com</td></tr>
            <tr><td>Gadget</td><td>eu-de</td><td>gadget.eu-de.otc.t-systems.com</td></tr></tbody></table>
            """
        let chosen = Self.build([("usage.html", page)], prefix: "gadget")
        #expect(chosen.endpoint?.prefix == "gadget")
        #expect(chosen.diagnostics.contains { $0.id == .severalEndpoints })
        let unresolved = Self.build([("usage.html", page)], prefix: nil)
        #expect(unresolved.endpoint == nil)
        #expect(unresolved.diagnostics.contains { $0.id == .noEndpoint })
    }

    @Test("{project_id} after the version (or first) scopes the call; after a projects collection it is an argument")
    func projectBinding() {
        #expect(Operation.Scope(path: "/v1/{project_id}/servers") == .project)
        #expect(Operation.Scope(path: "/mysql/v3/{project_id}/instances") == .project)
        #expect(Operation.Scope(path: "/{project_id}/jobs") == .project)
        #expect(Operation.Scope(path: "/v2/{engine}/{project_id}/instances") == .project)
        #expect(Operation.Scope(path: "/v3/projects/{project_id}") == .global)
        #expect(Operation.Scope(path: "/v3/projects/{project_id}/groups/{group_id}/roles/{role_id}") == .global)
        #expect(Operation.Scope(path: "/v3.0/OS-QUOTA/projects/{project_id}") == .global)
        #expect(Operation.Scope(path: "/v3/auth/tokens") == .global)
        let page = """
            <h1>Deleting a Project</h1><div><h4>URI</h4><p>DELETE /v3/projects/{project_id}</p></div>
            """
        let schema = Self.build([("delete.html", page), ("get.html", Self.getGadget)], prefix: "gadget")
        let delete = schema.operations.first { $0.path == "/v3/projects/{project_id}" }
        #expect(delete?.scope == .global)
        #expect(delete?.isBoundByClient("project_id") == false)
        #expect(schema.operations.first { $0.path.hasPrefix("/v2/") }?.isBoundByClient("project_id") == true)
        #expect(!schema.isGlobal)
        #expect(Self.build([("delete.html", page)], prefix: "gadget").isGlobal)
    }

    /// Where the official SDKs' table says how their clients sign, that decides: a service whose paths name no
    /// project may still be signed with one (`BasicCredentials`), and one whose paths do with the domain.
    @Test func theOfficialSDKsCredentialsDecideTheServiceScope() throws {
        let page = """
            <h1>Deleting a Project</h1><div><h4>URI</h4><p>DELETE /v3/projects/{project_id}</p></div>
            """
        func build(_ pages: [(String, String)], credentials: String) throws -> ServiceSchema {
            let folder = FileManager.default.temporaryDirectory.appending(path: "scope-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let table = folder.appending(path: "gadgets.names.json")
            try Data(#"{"packages": [{"name": "sdkgadget", "version": "1", "credentials": "\#(credentials)"}], "operations": []}"#.utf8)
                .write(to: table)
            return SchemaBuilder.build(
                config: ServiceConfig(name: "Gadgets", docs: "", endpointPrefix: "gadget"), pages: Fixtures.pages(pages),
                officialNames: try OfficialNames.load(table))
        }
        let projectless = try build([("delete.html", page)], credentials: "BasicCredentials")
        #expect(projectless.officialScope == .project && !projectless.isGlobal, "signed with a project though no path names one")
        let domain = try build([("get.html", Self.getGadget)], credentials: "GlobalCredentials")
        #expect(domain.officialScope == .global && domain.isGlobal)
    }
}
