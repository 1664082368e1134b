import APISchema
import Foundation
import Testing

/// Facts read off the published pages by a person, checked against what the builder makes of them.
@Suite struct SchemaFactsTests {
    @Test func createNotebookIsReadCompletely() async throws {
        let schema = try await SchemaCache.shared.schema("ModelArts")
        let operation = try #require(
            schema.operation(page: "CreateNotebook.html"), "no operation from CreateNotebook.html")
        #expect(operation.method == "POST")
        #expect(operation.path == "/v1/{project_id}/notebooks")
        #expect(operation.parameters.contains { $0.name == "project_id" && $0.location == .path })
        let body = try #require(
            operation.requestBody?.type.referencedName, "CreateNotebook has no request body type")
        let fields = schema.properties(of: body)
        let volume = try #require(fields.first { $0.name == "volume" }, "no volume field in \(body)")
        #expect(volume.type == .named("VolumeReq"))
        #expect(volume.required)
        for name in ["flavor", "image_id", "name"] {
            #expect(fields.first { $0.name == name }?.required == true, "\(name) is mandatory on the page")
        }
        #expect(fields.first { $0.name == "duration" }?.type == .int64)
        #expect(fields.first { $0.name == "endpoints" }?.type == .array(.named("EndpointsReq")))
        let volumeFields = schema.properties(of: "VolumeReq")
        #expect(volumeFields.first { $0.name == "ownership" }?.required == true)
        #expect(volumeFields.first { $0.name == "capacity" }?.type == .integer)
        #expect(operation.responses.contains { $0.status == 200 && $0.type != nil })
    }

    @Test func pagesOutsideTheTableOfContentsAreGroupedByResource() async throws {
        // CreateNotebook.html and the workspace pages are newer exports that CLASS.TXT.json does not list.
        let schema = try await SchemaCache.shared.schema("ModelArts")
        #expect(schema.operation(page: "CreateNotebook.html")?.group == "Notebooks")
        #expect(schema.operation(page: "ListWorkspaces.html")?.group == "Workspaces")
        #expect(schema.groups.contains { $0.name == "Workspaces" && $0.title == "workspaces" })
        #expect(!schema.operations.contains { $0.group == "Default" })
    }

    @Test func modelArtsHasAnOperationPerAPIPage() async throws {
        let schema = try await SchemaCache.shared.schema("ModelArts")
        // 142 pages carry a URI section with one METHOD /path line; allow a few to be unreadable.
        #expect(schema.operations.count >= 138, "only \(schema.operations.count) operations")
        #expect(!schema.groups.isEmpty)
    }

    @Test func ecsCreatesServers() async throws {
        let schema = try await SchemaCache.shared.schema("ECS")
        let create = try #require(
            schema.operations.first { $0.method == "POST" && $0.path == "/v1/{project_id}/cloudservers" },
            "no POST /v1/{project_id}/cloudservers")
        #expect(create.sourcePage == "en-us_topic_0020212668.html")
        let body = try #require(create.requestBody?.type.referencedName)
        let server = try #require(schema.properties(of: body).first { $0.name == "server" })
        #expect(server.required)
        let serverFields = schema.properties(of: server.type.referencedName)
        for name in ["imageRef", "flavorRef", "name", "vpcid", "nics", "root_volume"] {
            #expect(serverFields.first { $0.name == name }?.required == true, "\(name) is mandatory on the page")
        }
        #expect(serverFields.first { $0.name == "count" }?.type == .integer)
        #expect(serverFields.first { $0.name == "tags" }?.type == .array(.string))
    }

    @Test func ecsServerDetailsUseOneOfTheDocumentedPaths() async throws {
        let schema = try await SchemaCache.shared.schema("ECS")
        let documented = ["/v2.1/{project_id}/servers/{server_id}", "/v2/{project_id}/servers/{server_id}"]
        #expect(schema.operations.contains { $0.method == "GET" && documented.contains($0.path) })
        // 132 pages carry a URI section; the multi-URI chapter overviews are not API pages.
        #expect(schema.operations.count >= 128, "only \(schema.operations.count) operations")
    }

    @Test(arguments: ["ModelArts", "ECS"])
    func everyOperationNamesAnExistingPageAndResolvesItsTypes(service: String) async throws {
        let schema = try await SchemaCache.shared.schema(service)
        let config = try #require(try configuredServices().first { $0.name == service })
        let docs = packageRoot.appending(path: config.docs)
        let names = Set(schema.types.map(\.name))
        #expect(!schema.operations.isEmpty, "\(service): no operations")
        #expect(Set(schema.operations.map(\.id)).count == schema.operations.count, "operation ids repeat")
        for operation in schema.operations {
            #expect(FileManager.default.fileExists(atPath: docs.appending(path: operation.sourcePage).path))
            #expect(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"].contains(operation.method))
            #expect(operation.path.hasPrefix("/"), "\(operation.sourcePage): \(operation.path)")
            let refs =
                operation.parameters.map(\.type) + [operation.requestBody?.type].compactMap { $0 }
                + operation.responses.compactMap(\.type)
            for ref in refs {
                if let name = ref.referencedName { #expect(names.contains(name), "\(operation.id): \(name)") }
            }
        }
    }
}
