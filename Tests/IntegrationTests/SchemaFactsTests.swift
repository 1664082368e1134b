import APISchema
import Foundation
import SchemaBuilder
import TestSupport
import Testing

/// Facts read off the published pages by a person, checked against what the builder makes of them.
@Suite struct SchemaFactsTests {
    @Test func createNotebookIsReadCompletely() async throws {
        let schema = try await SchemaCache.shared.schema("ModelArts")
        let page = "development_environment_management/creating_a_notebook_instance.html"
        let operation = try #require(schema.operation(page: page), "no operation from \(page)")
        #expect(operation.id == "CreateNotebook")
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

    @Test func groupsAreTheSiteChaptersInReadingOrder() async throws {
        let schema = try await SchemaCache.shared.schema("ModelArts")
        #expect(schema.operation(page: "development_environment_management/creating_a_notebook_instance.html")?.group
            == "DevelopmentEnvironmentManagement")
        let titles = schema.groups.map(\.title)
        // The order of the site's own table of contents: notebooks first, the historical APIs last.
        #expect(titles.first == "Development Environment Management")
        let training = try #require(titles.firstIndex(of: "Training Management"))
        let oldDevEnviron = try #require(titles.firstIndex(of: "DevEnviron (Old Version)"))
        #expect(training < oldDevEnviron)
        #expect(!schema.operations.contains { $0.group == "Default" })
    }

    /// Every page with a `URI` section is an operation, counted on the site pages (the chapter, overview and
    /// "Making an API Request" pages are not); exact, so that a reader regression fails.
    @Test(arguments: [("ModelArts", 222), ("ECS", 140), ("VPC", 187), ("EVS", 141)])
    func anOperationPerAPIPage(service: String, pages: Int) async throws {
        let schema = try await SchemaCache.shared.schema(service)
        print("\(service): \(schema.operations.count) operations from \(pages) API pages")
        #expect(schema.operations.count == pages)
        #expect(!schema.groups.isEmpty)
    }

    /// The operation ids of the documented notebook use case: the API names on the site pages.
    @Test func notebookImageAndLeaseOperationsKeepTheirAPINames() async throws {
        let schema = try await SchemaCache.shared.schema("ModelArts")
        let ids = Set(schema.operations.map(\.id))
        for name in [
            "ListImage", "CreateNotebook", "ShowNotebook", "RenewLease", "ShowLease", "StopNotebook", "StartNotebook",
            "DeleteNotebook", "ListNotebooks", "UpdateNotebook", "CreateDataset", "ListDatasets", "DescDataset",
        ] {
            #expect(ids.contains(name), "no operation \(name)")
        }
        // A page whose title gives a name that an API name already has yields (old and new training jobs).
        #expect(ids.contains("CreateTrainingJob") && ids.contains("CreateTrainingJobV1"))
    }

    /// The 2022 export names its files after the APIs (`CreateDataset.html`); where the site documents the same
    /// method and path, the name recovered from the site's lower-case anchor must be that name, casing included.
    @Test func apiNamesAgreeWithTheExportsFileNames() async throws {
        let site = try await SchemaCache.shared.schema("ModelArts")
        let export = await onOwnThread {
            SchemaBuilder.build(
                config: ServiceConfig(name: "ModelArts", docs: "", endpointPrefix: "modelarts"),
                docsDirectory: packageRoot.appending(path: "../shared/docs/modelarts/api-ref"), overridesFile: nil)
        }
        let siteIds = Dictionary(site.operations.map { ("\($0.method) \($0.path)", $0.id) }, uniquingKeysWith: { a, _ in a })
        var compared = 0
        var differing: [String] = []
        for operation in export.operations where operation.sourcePage == operation.id + ".html" {
            guard let siteId = siteIds["\(operation.method) \(operation.path)"] else { continue }
            compared += 1
            if siteId != operation.id { differing.append("\(operation.id) → \(siteId)") }
        }
        print("API names: \(compared - differing.count)/\(compared) agree with the export's file names; differ: \(differing)")
        #expect(compared >= 80)
        #expect(Double(compared - differing.count) >= 0.95 * Double(compared))
    }

    @Test func ecsCreatesServers() async throws {
        let schema = try await SchemaCache.shared.schema("ECS")
        let create = try #require(
            schema.operations.first { $0.method == "POST" && $0.path == "/v1/{project_id}/cloudservers" },
            "no POST /v1/{project_id}/cloudservers")
        #expect(create.sourcePage == "apis_recommended/lifecycle_management/creating_ecss.html")
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
    }

    @Test(arguments: ["ModelArts", "ECS", "VPC", "EVS"])
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
