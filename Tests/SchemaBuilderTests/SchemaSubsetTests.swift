import APISchema
import Testing

@testable import SchemaBuilder

/// A schema cut down to the operations a user calls (the build plugin's `operations` list).
@Suite struct SchemaSubsetTests {
    static let schema: ServiceSchema = {
        var schema = WaiterRuleTests.schema
        schema.waiters = WaiterRule.waiters(in: schema)
        schema.groups = [OperationGroup(name: "G", title: "Gadgets")]
        return schema
    }()

    @Test func keepsTheOperationsAndWhatTheyReach() throws {
        let subset = try Self.schema.keeping(operations: ["ShowGadget", "StopGadget", "QueryDetailsAboutServer"])
        #expect(subset.operations.map(\.id) == ["ShowGadget", "StopGadget", "QueryDetailsAboutServer"])
        #expect(subset.types.map(\.name) == ["Gadget", "ServerEnvelope", "Server"], "reached through the envelope too")
        #expect(subset.groups.map(\.name) == ["G"])
        let gadget = try #require(subset.waiters.first { $0.name == "Gadget" })
        #expect(gadget.startedBy.map(\.operation) == ["StopGadget"], "only kept operations start a wait")
        #expect(gadget.deleteOperation == nil, "DeleteGadget is not kept")
        #expect(subset.waiters.map(\.name) == ["Gadget", "Server"])
    }

    @Test func aWaiterGoesWithItsPolledOperation() throws {
        let subset = try Self.schema.keeping(operations: ["CreateGadget"])
        #expect(subset.waiters.isEmpty)
        #expect(subset.types.map(\.name) == ["CreatedGadget"])
    }

    @Test func anUnknownOperationIsNamed() {
        let error = #expect(throws: ServiceSchema.UnknownOperations.self) {
            try Self.schema.keeping(operations: ["ShowGadget", "ShowWidget", "ListWidgets"])
        }
        #expect(error?.ids == ["ListWidgets", "ShowWidget"])
        #expect(error?.description.contains("'ShowWidget'") == true)
    }
}
