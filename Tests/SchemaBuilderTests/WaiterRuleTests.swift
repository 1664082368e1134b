import APISchema
import Foundation
import Testing

@testable import SchemaBuilder

/// The rule that decides which resources get waiters, on small schemas written here.
@Suite struct WaiterRuleTests {
    static func operation(_ id: String, _ method: String, _ path: String, response: String? = nil) -> APISchema.Operation {
        APISchema.Operation(
            id: id, group: "G", title: id, summary: "", method: method, path: path, sourcePage: "\(id).html",
            responses: [Response(status: 200, type: response.map { .named($0) }, description: "")])
    }

    static func states(_ values: String...) -> [EnumValue] { values.map { EnumValue(value: $0) } }

    static func object(_ name: String, _ properties: [Property]) -> NamedType {
        NamedType(name: name, description: "", kind: .object(properties), source: SourceLocation(page: "\(name).html"))
    }

    /// Gadgets (`status` in the body), servers (`server.status` in an envelope), flavors (no lifecycle) and a list.
    static let schema = ServiceSchema(
        name: "Demo", endpoint: .configured(prefix: "demo"),
        operations: [
            operation("CreateGadget", "POST", "/v1/{project_id}/gadgets", response: "CreatedGadget"),
            operation("ShowGadget", "GET", "/v1/{project_id}/gadgets/{gadget_id}", response: "Gadget"),
            operation("StopGadget", "POST", "/v1/{project_id}/gadgets/{gadget_id}/stop"),
            operation("UpdateGadget", "PUT", "/v1/{project_id}/gadgets/{gadget_id}"),
            operation("DeleteGadget", "DELETE", "/v1/{project_id}/gadgets/{gadget_id}"),
            operation("ListGadgets", "GET", "/v1/{project_id}/gadgets", response: "Gadget"),
            operation("QueryDetailsAboutServer", "GET", "/v2/servers/{server_id}", response: "ServerEnvelope"),
            operation("CreateServer", "POST", "/v2/servers", response: "ServerEnvelope"),
            operation("ShowFlavor", "GET", "/v1/flavors/{flavor_id}", response: "Flavor"),
        ],
        types: [
            object("CreatedGadget", [Property(name: "gadget_id", type: .string, required: false)]),
            object("Gadget", [
                Property(name: "id", type: .string, required: false),
                Property(
                    name: "status", type: .string, required: false,
                    enumValues: states("CREATING", "RUNNING", "STOPPED", "CREATE_FAILED", "DELETE_FAILED", "ERROR")),
            ]),
            object("ServerEnvelope", [
                Property(name: "server", type: .named("Server"), required: false),
                Property(name: "request_id", type: .string, required: false),
            ]),
            object("Server", [
                Property(name: "id", type: .string, required: false),
                Property(name: "status", type: .string, required: false, enumValues: states("ACTIVE", "SHUTOFF", "bindError", "DELETED")),
            ]),
            object("Flavor", [
                Property(name: "status", type: .string, required: false, enumValues: states("onSale", "soldOut"))
            ]),
        ])

    @Test func findsResourcesWithALifecycle() throws {
        let waiters = WaiterRule.waiters(in: Self.schema)
        #expect(waiters.map(\.name) == ["Gadget", "Server"], "ShowFlavor's onSale/soldOut is no lifecycle; ListGadgets shows no single resource")

        let gadget = try #require(waiters.first)
        #expect(gadget.operation == "ShowGadget" && gadget.stateField == ["status"])
        #expect(gadget.failureStates == ["CREATE_FAILED", "DELETE_FAILED", "ERROR"])
        #expect(gadget.deletionFailureStates == ["DELETE_FAILED"])
        #expect(gadget.deletedStates.isEmpty && gadget.deleteOperation == "DeleteGadget")
        #expect(gadget.startedBy == [
            .init(operation: "CreateGadget", idField: ["gadget_id"]), .init(operation: "DeleteGadget"),
            .init(operation: "StopGadget"), .init(operation: "UpdateGadget"),
        ])

        let server = waiters[1]
        #expect(server.name == "Server", "QueryDetailsAbout is the verb")
        #expect(server.stateField == ["server", "status"], "the envelope's only object-typed property")
        #expect(server.failureStates == ["bindError"], "camel-case words count")
        #expect(server.deletedStates == ["DELETED"])
        #expect(server.deleteOperation == nil)
        #expect(server.startedBy == [.init(operation: "CreateServer", idField: ["server", "id"])])
    }

    /// Integer codes are states where the page says what each means; the meaning, not the number, is judged.
    @Test func integerCodesWithMeaningsAreStates() throws {
        func code(_ value: String, _ meaning: String) -> EnumValue { EnumValue(value: value, description: meaning) }
        let schema = ServiceSchema(
            name: "Demo", endpoint: .configured(prefix: "demo"),
            operations: [
                Self.operation("ShowJob", "GET", "/v1/{project_id}/jobs/{job_id}", response: "Job"),
                Self.operation("DeleteJob", "DELETE", "/v1/{project_id}/jobs/{job_id}"),
                Self.operation("ShowPlan", "GET", "/v1/{project_id}/plans/{plan_id}", response: "Plan"),
                Self.operation("ShowRule", "GET", "/v1/{project_id}/rules/{rule_id}", response: "Rule"),
            ],
            types: [
                Self.object("Job", [
                    Property(
                        name: "status", type: .integer, required: false,
                        enumValues: [
                            code("0", "creating job"), code("1", "Running. Labels are being added, in order"),
                            code("2", "Creation failed. The quota is used up"), code("3", "deleted job"),
                        ])
                ]),
                // "billing" ends in ING, but no meaning starts with an ongoing word: no lifecycle.
                Self.object("Plan", [
                    Property(
                        name: "status", type: .integer, required: false,
                        enumValues: [code("0", "The billing is normal"), code("1", "The billing is frozen")])
                ]),
                // Codes without meanings say nothing about a lifecycle.
                Self.object("Rule", [
                    Property(name: "status", type: .integer, required: false, enumValues: Self.states("0", "1", "2"))
                ]),
            ])
        let waiters = WaiterRule.waiters(in: schema)
        #expect(waiters.map(\.name) == ["Job"])
        let job = try #require(waiters.first)
        #expect(job.failureStates == ["2"], "judged by the meaning's first clause, not the prose after it")
        #expect(job.deletedStates == ["3"])
        #expect(job.deleteOperation == "DeleteJob")
    }

    @Test func namesResourcesAfterTheShowOperation() {
        #expect(WaiterRule.resourceName("ShowNotebook") == "Notebook")
        #expect(WaiterRule.resourceName("QueryDetailsAboutECSV21") == "ECSV21")
        #expect(WaiterRule.resourceName("QueryNetworkDetails") == "Network")
        // A product word in front of the verb (the official SDKs' names of wrapped OpenStack APIs).
        #expect(WaiterRule.resourceName("NovaShowServer") == "Server")
        #expect(WaiterRule.resourceName("NeutronShowFirewallGroup") == "FirewallGroup")
        #expect(WaiterRule.resourceName("DescImportTask") == "ImportTask")
        #expect(WaiterRule.resourceName("Showcase") == "Showcase", "a verb is a whole word")
    }

    @Test func twoResourcesOfOneNameAreNamedAfterTheirOperations() {
        var schema = Self.schema
        schema.operations.append(Self.operation("QueryGadget", "GET", "/v2/{project_id}/gadgets/{id}", response: "Gadget"))
        let names = WaiterRule.waiters(in: schema).map(\.name)
        #expect(names == ["QueryGadget", "Server", "ShowGadget"])
    }

    @Test func overridesAddRemoveAndCorrectWaiters() throws {
        var schema = Self.schema
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("waiters-\(UUID().uuidString).json")
        try Data(
            """
            [
              {"action": "addWaiter", "operation": "ShowFlavor", "property": "status", "reason": "sold out is waited for"},
              {"action": "removeWaiter", "operation": "QueryDetailsAboutServer", "reason": "servers are waited for by job"},
              {"action": "setFailureStates", "operation": "ShowGadget", "values": ["ERROR"], "reason": "create failures are retried"},
              {"action": "addWaiter", "operation": "ShowGadget", "property": "status", "reason": "twice"},
              {"action": "addWaiter", "operation": "ListGadgets", "property": "status", "reason": "not one resource"},
              {"action": "removeWaiter", "operation": "ShowGadget"}
            ]
            """.utf8
        ).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        OverrideApplier.apply(url, to: &schema)
        #expect(schema.waiters.map(\.name) == ["Flavor", "Gadget"])
        #expect(schema.waiters.first?.failureStates == [])
        #expect(schema.waiters.last?.failureStates == ["ERROR"])
        let problems = schema.diagnostics.filter { $0.location.page.hasPrefix("waiters-") }
        #expect(problems.compactMap(\.location.row) == [4, 5, 6])
        #expect(problems.map(\.message) == [
            "addWaiter: 'ShowGadget' has a waiter already, ignored",
            "addWaiter: no GET operation 'ListGadgets' ending in a path parameter whose response has 'status' with documented values, ignored",
            "removeWaiter: missing reason, ignored",
        ])
    }
}
