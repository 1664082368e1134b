import APISchema
import Foundation
import Testing

@testable import SchemaBuilder

@Suite("Overrides")
struct OverridesTests {
    func apply(_ json: String) throws -> ServiceSchema {
        var schema = Fixtures.build([("CreateGadget.html", Fixtures.createGadget)])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("overrides-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        OverrideApplier.apply(url, to: &schema)
        return schema
    }

    @Test func actionsApply() throws {
        let schema = try apply("""
            [
              {"action": "renameType", "type": "VolumeReq", "to": "GadgetVolume", "reason": "clearer"},
              {"action": "renameOperation", "operation": "CreateGadget", "to": "MakeGadget", "reason": "house style"},
              {"action": "setType", "type": "GadgetVolume", "property": "capacity", "to": "int64", "reason": "GB can be large"},
              {"action": "setRequired", "type": "GadgetVolume", "property": "capacity", "required": true, "reason": "server rejects"},
              {"action": "addEnumValues", "type": "GadgetVolume", "property": "category", "values": ["EFS"], "reason": "seen"},
              {"action": "setType", "operation": "MakeGadget", "parameter": "X-Language", "to": "string", "reason": "noop"}
            ]
            """)
        #expect(schema.type("VolumeReq") == nil)
        #expect(schema.properties("CreateGadgetRequest")[named: "volume"]?.type == .named("GadgetVolume"))
        #expect(schema.operation("MakeGadget") != nil)
        let volume = schema.properties("GadgetVolume")
        #expect(volume[named: "capacity"]?.type == .int64)
        #expect(volume[named: "capacity"]?.required == true)
        #expect(volume[named: "category"]?.enumValues?.map(\.value) == ["EVS", "SFS", "EFS"])
        #expect(!schema.diagnostics.contains { $0.location.page.hasPrefix("overrides") })
    }

    @Test func badOverridesAreDiagnosed() throws {
        let schema = try apply("""
            [
              {"action": "renameType", "type": "Nope", "to": "Other", "reason": "x"},
              {"action": "setType", "type": "VolumeReq", "property": "capacity", "to": "int64"},
              {"action": "explode", "reason": "x"},
              {"action": "setType", "type": "VolumeReq", "property": "capacity", "to": "array<Missing>", "reason": "x"}
            ]
            """)
        let rows = schema.diagnostics.filter { $0.location.page.hasPrefix("overrides") }.compactMap(\.location.row)
        #expect(Set(rows) == [1, 2, 3, 4])
        #expect(schema.properties("VolumeReq")[named: "capacity"]?.type == .integer)
        // A target that is gone and an entry that is wrong are told apart; both are errors.
        let ids = Dictionary(
            schema.diagnostics.filter { $0.location.page.hasPrefix("overrides") }.map { ($0.location.row ?? 0, $0.id) },
            uniquingKeysWith: { first, _ in first })
        #expect(ids == [1: .overrideTargetMissing, 2: .invalidOverride, 3: .invalidOverride, 4: .overrideTargetMissing])
        #expect(schema.diagnostics.filter { $0.location.page.hasPrefix("overrides") }.allSatisfy { $0.severity == .error })
    }

    @Test func unreadableFileIsDiagnosed() throws {
        let schema = try apply("{ not json")
        #expect(schema.diagnostics.contains { $0.id == .unreadableOverrides && $0.severity == .error && $0.message.contains("unreadable") })
    }
}
