import CloudCore
import ECS
import Foundation
import ModelArts
import Testing

/// The README's "Using the SDK" example, compiled against the generated module (not run: it needs a cloud
/// account). If a regeneration renames what the README shows, this stops compiling.
@Suite struct SDKUsageTests {
    func readmeExample(imageID: String) async throws {
        let modelArts = try ModelArtsClient(region: .euDe)  // credentials and project ID from the environment
        do {
            let notebook = try await modelArts.createNotebook(
                .init(
                    flavor: "modelarts.vm.cpu.2u", imageID: imageID, name: "nb-1",
                    volume: .init(category: .evs, ownership: .managed)))
            print(notebook.id ?? "", notebook.status ?? "")
            for try await dataset in modelArts.listDatasetsPaginator(limit: 50) {
                print(dataset.datasetName ?? "")
            }
        } catch let error as APIError {
            print(error.status, error.code ?? "", error.message ?? "", error.requestID ?? "")
        }
    }

    /// The README's notebook lifecycle (the documented use case, with waiters).
    func readmeLifecycle(modelArts: ModelArtsClient) async throws {
        let image = try await modelArts.listImage(limit: 10, type: .buildIn).data?.first?.id ?? ""
        let notebook = try await modelArts.createNotebook(
            .init(
                flavor: "modelarts.vm.cpu.2u", imageID: image, name: "nb-1",
                volume: .init(capacity: 50, category: .evs, ownership: .managed)))
        let id = notebook.id ?? ""
        try await modelArts.waitForNotebook(id: id, status: [.running])
        _ = try await modelArts.renewLease(id: id, .init(duration: 3_600_000))
        _ = try await modelArts.stopNotebook(id: id)
        try await modelArts.waitForNotebook(id: id, status: [.stopped])
        _ = try await modelArts.startNotebook(id: id)
        try await modelArts.waitForNotebook(id: id, status: [.running])
        _ = try await modelArts.deleteNotebook(id: id)
        try await modelArts.waitForNotebookDeletion(id: id)
    }

    @Test func clientsTargetTheirRegionalEndpoint() throws {
        let explicit = try ModelArtsClient(endpoint: URL(string: "https://modelarts.example.test/base")!)
        #expect(explicit.client.endpoint.description == "https://modelarts.example.test/base")
        let regional = try ModelArtsClient(
            region: Region(rawValue: "eu-de"), configuration: ClientConfiguration(projectID: "p"))
        #expect(regional.client.endpoint.description == "https://modelarts.eu-de.otc.t-systems.com")
        #expect(ModelArtsClient.endpointPrefix == "modelarts")
    }

    /// The README's "Errors as documented": a failed call's code as the service's documented error-code enum.
    @Test func aFailedCallsCodeIsTheServicesDocumentedCode() throws {
        let body = Data(#"{"error": {"code": "Ecs.0005", "message": "Invalid parameter values."}}"#.utf8)
        let error = APIError(status: 400, requestID: "r-1", body: body)
        let code = try #require(error.code(as: ECSErrorCode.self))
        #expect(code == .ecs0005)
        #expect(code.documentation?.status == 400)
        #expect(code.documentation?.solution.isEmpty == false)
        #expect(ECSErrorCode(rawValue: "Ecs.9999").documentation == nil, "an unlisted code decodes, undocumented")
        #expect(ModelArtsErrorCode.documentedCodes.count > 800)
    }
}
