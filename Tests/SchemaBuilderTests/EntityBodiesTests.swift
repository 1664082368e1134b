import APISchema
import Testing

@testable import SchemaBuilder

@Suite struct EntityBodiesTests {
    static func object(_ name: String, _ fields: [(String, TypeRef, Bool)]) -> NamedType {
        NamedType(
            name: name, description: "",
            kind: .object(fields.map { Property(name: $0.0, type: $0.1, required: $0.2, description: "about \($0.0)") }),
            source: SourceLocation(page: "\(name).html"))
    }

    static func schema(types: [NamedType], requestBody: String? = nil, response: String) -> ServiceSchema {
        ServiceSchema(
            name: "S", endpoint: .configured(prefix: "s"),
            operations: [
                Operation(
                    id: "ShowWorkspace", group: "G", title: "", summary: "", method: "GET", path: "/v1/workspaces/{id}",
                    sourcePage: "show.html", requestBody: requestBody.map { RequestBody(type: .named($0)) },
                    responses: [Response(status: 200, type: .named(response))]),
                Operation(
                    id: "ListWorkspaces", group: "G", title: "", summary: "", method: "GET", path: "/v1/workspaces",
                    sourcePage: "list.html", responses: [Response(status: 200, type: .named("ListWorkspacesResponse"))]),
            ],
            types: types)
    }

    static let workspaceFields: [(String, TypeRef, Bool)] = [("id", .string, true), ("name", .string, false)]

    @Test("a response body identical to an entity becomes the entity, wherever it was used")
    func responseBodyBecomesTheEntity() {
        var schema = Self.schema(
            types: [
                Self.object("ListWorkspacesResponse", [("workspaces", .array(.named("Workspace")), false)]),
                Self.object("ShowWorkspaceResponse", Self.workspaceFields.reversed()),  // order does not matter
                Self.object("Workspace", Self.workspaceFields),
            ],
            response: "ShowWorkspaceResponse")
        let replaced = EntityBodies.unify(&schema)
        #expect(replaced == ["ShowWorkspaceResponse": "Workspace"])
        #expect(schema.operations[0].responses[0].type == .named("Workspace"))
        #expect(schema.types.map(\.name) == ["ListWorkspacesResponse", "Workspace"])
    }

    @Test("a response body keeps its type when the entity is also sent in requests, or when the shapes differ")
    func directionAndShapeMatter() {
        var sentInRequests = Self.schema(
            types: [
                Self.object("ListWorkspacesResponse", [("count", .integer, false)]),
                Self.object("ShowWorkspaceRequest", [("workspace", .named("Workspace"), true)]),
                Self.object("ShowWorkspaceResponse", Self.workspaceFields),
                Self.object("Workspace", Self.workspaceFields),
            ],
            requestBody: "ShowWorkspaceRequest", response: "ShowWorkspaceResponse")
        #expect(EntityBodies.unify(&sentInRequests).isEmpty)

        var required = Self.schema(
            types: [
                Self.object("ListWorkspacesResponse", [("count", .integer, false)]),
                Self.object("ShowWorkspaceResponse", [("id", .string, true), ("name", .string, true)]),
                Self.object("Workspace", Self.workspaceFields),
            ],
            response: "ShowWorkspaceResponse")
        #expect(EntityBodies.unify(&required).isEmpty, "a field required in one and optional in the other differs")
    }

    @Test("of several identical entities, the shortest name wins")
    func shortestEntity() {
        var schema = Self.schema(
            types: [
                Self.object("ListWorkspacesResponse", [("count", .integer, false)]),
                Self.object("ShowWorkspaceResponse", Self.workspaceFields),
                Self.object("Workspace", Self.workspaceFields),
                Self.object("WorkspaceInfo", Self.workspaceFields),
            ],
            response: "ShowWorkspaceResponse")
        #expect(EntityBodies.unify(&schema) == ["ShowWorkspaceResponse": "Workspace"])
    }
}
