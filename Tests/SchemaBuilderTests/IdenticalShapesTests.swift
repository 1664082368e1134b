import APISchema
import Testing

@testable import SchemaBuilder

/// Issue #26: one type per shape.
@Suite struct IdenticalShapesTests {
    static let object = EntityBodiesTests.object

    static func operation(_ id: String, request: TypeRef? = nil, response: TypeRef? = nil) -> Operation {
        Operation(
            id: id, group: "G", title: "", summary: "", method: request == nil ? "GET" : "POST", path: "/v1/\(id)",
            sourcePage: "\(id).html", requestBody: request.map { RequestBody(type: $0) },
            responses: [Response(status: 200, type: response)])
    }

    static let rule: [(String, TypeRef, Bool)] = [("id", .string, true), ("port", .integer, false)]

    /// Two operations answer with look-alike bodies that hold look-alike rules: the rules merge first, which makes
    /// the bodies twins in turn.
    static func firewalls() -> ServiceSchema {
        ServiceSchema(
            name: "S", endpoint: .configured(prefix: "s"),
            operations: [
                operation("ShowFirewall", response: .named("ShowFirewallResponse")),
                operation("UpdateFirewall", response: .named("UpdateFirewallResponse")),
                operation("ListRules", response: .array(.named("ListRulesRule"))),
            ],
            types: [
                object("ShowFirewallResponse", [("rules", .array(.named("ShowFirewallRule")), false)]),
                object("ShowFirewallRule", rule),
                object("UpdateFirewallResponse", [("rules", .array(.named("UpdateFirewallRule")), false)]),
                object("UpdateFirewallRule", rule.reversed()),  // field order does not matter
                object("ListRulesRule", rule),
            ])
    }

    @Test func twinsMergeIntoTheShortestNameAndTheirContainersFollow() {
        var schema = Self.firewalls()
        let merged = IdenticalShapes.unify(&schema)
        #expect(merged == [
            "ShowFirewallRule": "ListRulesRule", "UpdateFirewallRule": "ListRulesRule",
            "UpdateFirewallResponse": "ShowFirewallResponse",
        ])
        let types = schema.typesByName
        // Nested twins nothing names directly are gone; the fields refer to the one that stays.
        #expect(types["ShowFirewallRule"] == nil && types["UpdateFirewallRule"] == nil)
        #expect(types["ShowFirewallResponse"]?.kind == .object([
            Property(name: "rules", type: .array(.named("ListRulesRule")), required: false, description: "about rules"),
        ]))
        // The body a signature shows keeps its name, as an alias; the array body's element is renamed.
        #expect(types["UpdateFirewallResponse"]?.kind == .alias(target: "ShowFirewallResponse"))
        #expect(schema.operations[1].responses[0].type == .named("UpdateFirewallResponse"))
        #expect(schema.operations[2].responses[0].type == .array(.named("ListRulesRule")))
        #expect(schema.definitionsByName["UpdateFirewallResponse"]?.name == "ShowFirewallResponse")
        // Nothing left to merge, and every reference resolves.
        var again = schema
        #expect(IdenticalShapes.unify(&again).isEmpty)
        let names = Set(schema.types.map(\.name))
        #expect(schema.typesReachable(from: ["UpdateFirewallResponse"]).isSubset(of: names))
        #expect(schema.typesReachable(from: ["UpdateFirewallResponse"]).contains("ListRulesRule"))
    }

    @Test func requestAndResponseTwinsStayApart() {
        let fields: [(String, TypeRef, Bool)] = [("name", .string, true)]
        var schema = ServiceSchema(
            name: "S", endpoint: .configured(prefix: "s"),
            operations: [
                Self.operation("CreateTag", request: .named("CreateTagRequest"), response: nil),
                Self.operation("ShowTag", response: .named("ShowTagResponse")),
            ],
            types: [Self.object("CreateTagRequest", fields), Self.object("ShowTagResponse", fields)])
        #expect(IdenticalShapes.unify(&schema).isEmpty, "a request type keeps its required fields")
        #expect(schema.types.count == 2)
    }

    @Test func fieldsThatDifferInTypeRequirednessOrValuesAreNoTwins() {
        let base = Property(name: "mode", type: .string, required: false, enumValues: [EnumValue(value: "A")])
        var variants = [base, base, base]
        variants[1].required = true
        variants[2].enumValues = [EnumValue(value: "B")]
        var schema = ServiceSchema(
            name: "S", endpoint: .configured(prefix: "s"),
            operations: variants.indices.map { Self.operation("Op\($0)", request: .named("Op\($0)Body")) },
            types: variants.enumerated().map {
                NamedType(name: "Op\($0.offset)Body", kind: .object([$0.element]), source: SourceLocation(page: "p"))
            })
        #expect(IdenticalShapes.unify(&schema).isEmpty)
    }
}
