import APISchema
import Foundation
import Testing

@testable import SchemaBuilder

/// Issue #25: operation names users know. The page's own name first, then the official SDKs' name for its method
/// and path, then a name made from the title the way API names are written.
@Suite struct TitleNameTests {
    @Test(arguments: [
        ("Creating a Development Environment Instance", "POST", "/v1/{project_id}/demanager/instances", "CreateDevelopmentEnvironmentInstance"),
        ("Querying Details About All Disks", "GET", "/v2/{project_id}/cloudvolumes/detail", "ListDisks"),
        ("Querying Details About a Disk", "GET", "/v2/{project_id}/cloudvolumes/{volume_id}", "ShowDisk"),
        ("Obtaining the Name of a Log File", "GET", "/v1/{project_id}/jobs/{job_id}/log/file-names", "ListNameOfLogFile"),
        ("Querying the Agency List Based on Specified Conditions", "GET", "/v3.0/OS-AGENCY/agencies", "ListAgency"),
        ("Querying the List of Training Job Configurations", "GET", "/v1/{project_id}/training-job-configs", "ListTrainingJobConfigurations"),
        ("Modifying an ECS", "PUT", "/v1/{project_id}/cloudservers/{server_id}", "UpdateECS"),
        ("Binding a Floating IP Address", "PUT", "/v2.0/floatingips/{floatingip_id}", "AssociateFloatingIPAddress"),
        ("Expanding Capacity of an EVS Disk", "POST", "/v2.1/{project_id}/cloudvolumes/{volume_id}/action", "ExpandCapacityOfEVSDisk"),
        ("Reserving an EVS Disk", "POST", "/v2/{project_id}/volumes/{volume_id}/action", "ReserveEVSDisk"),
        ("Pausing a Replication Group", "POST", "/v2/{project_id}/groups/{id}/action", "PauseReplicationGroup"),
        ("Accepting a Disk Transfer", "POST", "/v2/{project_id}/os-volume-transfer/{id}/accept", "AcceptDiskTransfer"),
        ("Batch Adding Tags for a Specified EVS Disk", "POST", "/v2/{project_id}/cloudvolumes/{id}/tags/action", "BatchAddTagsForEVSDisk"),
        ("Adding or Updating Tags for an EVS Resource", "POST", "/v2/{project_id}/os-vendor-tags/volumes/{id}", "AddOrUpdateTagsForEVSResource"),
        ("Obtaining the VNC-based Remote Login Address (Microversion 2.6 or Later)", "POST", "/v2.1/{project_id}/servers/{id}/remote-consoles", "ListVNCBasedRemoteLoginAddress"),
    ])
    func titlesBecomeNamesWithoutGerundsOrFillers(title: String, method: String, path: String, expected: String) {
        let name = TitleName(title: title, method: method, path: path)
        #expect(name.id == expected)
        #expect(name.deprecation == nil)
    }

    @Test(arguments: [
        ("Querying Details About an ECS (Discarded)", "ShowECS", "Discarded"),
        ("Attaching an EVS Disk (Deprecated)", "AttachEVSDisk", "Deprecated"),
        ("Creating a Snapshot (to Be Discarded)", "CreateSnapshot", "Discarded"),
    ])
    func aDeprecationMarkLeavesTheName(title: String, expected: String, mark: String) {
        let name = TitleName(title: title, method: "GET", path: "/v1/servers/{id}")
        #expect(name.id == expected)
        #expect(name.deprecation == mark)
    }

    @Test func gerundsBecomeTheirBaseForm() {
        let cases = [
            "Stopping": "Stop", "Mapping": "Map", "Computing": "Compute", "Configuring": "Configure",
            "Waiting": "Wait", "Filtering": "Filter", "Repairing": "Repair", "Installing": "Install", "Batch": "Batch",
        ]
        for (word, base) in cases { #expect(TitleName.baseForm(ofGerund: word) == base, "\(word)") }
    }
}

@Suite struct OfficialNamesTests {
    typealias Entry = OfficialNames.Entry

    static let names = OfficialNames(
        entries: [
            Entry(method: "GET", path: "/v1/{project_id}/cloudservers/detail", name: "ListServersDetails", package: "sdk"),
            Entry(method: "POST", path: "/v2.1/{project_id}/servers/{server_id}/action", name: "NovaStartServer", package: "sdk",
                  bodyKeys: ["os-start"]),
            Entry(method: "POST", path: "/v2.1/{project_id}/servers/{server_id}/action", name: "NovaStopServer", package: "sdk",
                  bodyKeys: ["os-stop"]),
            Entry(method: "GET", path: "/v3/{project_id}/backups", name: "ListBackups", package: "sdk"),
            Entry(method: "GET", path: "/v2/{project_id}/items", name: "ListItemsFromOther", package: "other"),
            Entry(method: "GET", path: "/v2/{project_id}/items", name: "ListItems", package: "sdk"),
        ],
        packageOrder: ["sdk", "other"])

    @Test func placeholderNamesTrailingSlashesAndMinorZeroDoNotMatter() {
        #expect(Self.names.names(method: "GET", path: "/v1/{tenant}/cloudservers/detail/", bodyKeys: []) == ["ListServersDetails"])
        #expect(Self.names.names(method: "get", path: "/v1.0/{project_id}/cloudservers/detail", bodyKeys: []) == ["ListServersDetails"])
        #expect(Self.names.names(method: "POST", path: "/v1/{project_id}/cloudservers/detail", bodyKeys: []).isEmpty)
    }

    @Test func aServiceWordTheProjectAndTheMinorVersionAreLooserMatches() {
        #expect(Self.names.names(method: "GET", path: "/mysql/v3/{project_id}/backups", bodyKeys: []) == ["ListBackups"])
        #expect(Self.names.names(method: "GET", path: "/v3/backups", bodyKeys: []) == ["ListBackups"])
        #expect(Self.names.names(method: "GET", path: "/v3.1/{project_id}/backups", bodyKeys: []) == ["ListBackups"])
        // Another major version is another API.
        #expect(Self.names.names(method: "GET", path: "/v2/{project_id}/backups", bodyKeys: []).isEmpty)
    }

    @Test func theRequestBodyTellsActionsApartAndPackagesKeepTheirOrder() {
        let action = "/v2.1/{project_id}/servers/{id}/action"
        #expect(Self.names.names(method: "POST", path: action, bodyKeys: ["os-stop"]) == ["NovaStopServer"])
        #expect(Self.names.names(method: "POST", path: action, bodyKeys: []) == ["NovaStartServer", "NovaStopServer"])
        #expect(Self.names.names(method: "POST", path: action, bodyKeys: ["reboot"]).isEmpty)
        #expect(Self.names.names(method: "GET", path: "/v2/{project_id}/items", bodyKeys: []) == ["ListItems"])
    }

    /// A page without a name of its own takes the official one; one the body cannot tell apart keeps its title,
    /// with a diagnostic; a page's own API name wins over both.
    @Test func theBuilderPrefersThePagesNameThenTheOfficialOneThenTheTitle() throws {
        func page(_ title: String, _ line: String, anchor: String = "", body: String = "") -> String {
            "\(anchor)<h1>\(title)</h1><div><h4>URI</h4><p>\(line)</p></div>"
                + (body.isEmpty ? "" : "<div><h4>Example Request</h4><pre>\(body)</pre></div>")
        }
        let schema = SchemaBuilder.build(
            config: ServiceConfig(name: "T", docs: "", endpointPrefix: "t"),
            pages: Fixtures.pages([
                ("a.html", page("Querying ECSs", "GET /v1/{project_id}/cloudservers/detail")),
                ("b.html", page("Stopping an ECS", "POST /v2.1/{project_id}/servers/{server_id}/action", body: #"{"os-stop": {}}"#)),
                ("c.html", page("Acting on an ECS", "POST /v2.1/{project_id}/servers/{server_id}/action", body: #"{"x": 1}"#)),
                ("d.html", page("Querying Backups", "GET /v3/{project_id}/backups", anchor: #"<span id="showbackups"></span>"#)),
                ("e.html", page("Rebooting an ECS", "POST /v2.1/{project_id}/servers/{server_id}/action")),
            ]),
            officialNames: Self.names)
        let ids = Dictionary(uniqueKeysWithValues: schema.operations.map { ($0.sourcePage, $0.id) })
        #expect(ids == [
            "a.html": "ListServersDetails", "b.html": "NovaStopServer", "c.html": "ActOnECS", "d.html": "ShowBackups",
            "e.html": "RebootECS",
        ])
        let ambiguous = try #require(schema.diagnostics.first { $0.id == .ambiguousOfficialName })
        #expect(ambiguous.location.page == "e.html")
        #expect(ambiguous.message.contains("NovaStartServer, NovaStopServer"))
    }
}
