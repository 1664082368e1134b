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

    /// The service's error body is a reference like any other: it follows the type it named into its twin.
    @Test func theErrorBodyFollowsAMergedType() {
        var schema = Self.firewalls()
        schema.errorBody = .named("UpdateFirewallRule")
        IdenticalShapes.unify(&schema)
        #expect(schema.errorBody == .named("ListRulesRule"))
        #expect(schema.typesByName["ListRulesRule"] != nil)
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

/// Tables of the same name on several pages are one type only when everything they refer to is the same too.
@Suite struct SameNamedTablesTests {
    /// A token request page: `auth` → `identity` → a page-specific credential table.
    static func tokenPage(_ title: String, path: String, credential: String, field: String) -> String {
        """
        <h1>\(title)</h1><div><h4>URI</h4><p>POST \(path)</p></div>
        <div><h4>Request</h4>
        \(Fixtures.table(1, "Request body parameters", header: Fixtures.newHeader, rows: [
            ["<p>auth</p>", "<p>Yes</p>", "<p><a href=\"#t_auth\">auth</a> object</p>", "<p>Authentication.</p>"],
        ]))
        \(Fixtures.table(2, "auth", id: "t_auth", header: Fixtures.newHeader, rows: [
            ["<p>identity</p>", "<p>Yes</p>", "<p><a href=\"#t_identity\">identity</a> object</p>", "<p>Identity.</p>"],
        ]))
        \(Fixtures.table(3, "identity", id: "t_identity", header: Fixtures.newHeader, rows: [
            ["<p>methods</p>", "<p>Yes</p>", "<p>Array of strings</p>", "<p>Methods.</p>"],
            ["<p>\(field)</p>", "<p>Yes</p>", "<p><a href=\"#t_credential\">\(field)</a> object</p>", "<p>Credential.</p>"],
        ]))
        \(Fixtures.table(4, field, id: "t_credential", header: Fixtures.newHeader, rows: [
            ["<p>\(credential)</p>", "<p>Yes</p>", "<p>String</p>", "<p>Secret.</p>"],
        ]))
        </div>
        """
    }

    @Test func nestedTablesThatDifferKeepTheirBodiesApart() throws {
        let schema = Fixtures.build([
            ("CreatePasswordToken.html", Self.tokenPage("Creating a Password Token", path: "/v3/auth/tokens", credential: "password", field: "password")),
            ("CreateTokenFromToken.html", Self.tokenPage("Creating a Token from a Token", path: "/v3/auth/tokens/scoped", credential: "id", field: "token")),
        ])
        func credentialFields(_ operation: String) throws -> [String] {
            var type = try #require(schema.operation(operation)?.requestBody?.type)
            for field in ["auth", "identity"] {
                type = try #require(schema.properties(schema.resolvingAlias(type)).first { $0.name == field }?.type)
            }
            let credential = try #require(schema.properties(schema.resolvingAlias(type)).first { $0.name != "methods" })
            return [credential.name] + schema.properties(schema.resolvingAlias(credential.type)).map(\.name)
        }
        #expect(try credentialFields("CreatePasswordToken") == ["password", "password"])
        #expect(try credentialFields("CreateTokenFromToken") == ["token", "id"])
    }
}
