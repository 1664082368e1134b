import CloudCore
import Foundation
import ModelArts
import Testing

/// The README's "Using the SDK" example, compiled against the generated module (not run: it needs a cloud
/// account). If a regeneration renames what the README shows, this stops compiling.
@Suite struct SDKUsageTests {
    func readmeExample(imageId: String) async throws {
        let modelArts = try ModelArtsClient(region: .euDe)  // credentials and project ID from the environment
        do {
            let notebook = try await modelArts.createNotebook(
                .init(
                    flavor: "modelarts.vm.cpu.2u", imageId: imageId, name: "nb-1",
                    volume: .init(category: .evs, ownership: .managed)))
            print(notebook.id ?? "", notebook.status ?? "")
            for try await dataset in modelArts.listDatasetsPaginator(limit: 50) {
                print(dataset.datasetName ?? "")
            }
        } catch let error as APIError {
            print(error.status, error.code ?? "", error.message ?? "", error.requestId ?? "")
        }
    }

    @Test func operationsAreOneMethodEach() throws {
        let client = try ModelArtsClient(endpoint: URL(string: "https://modelarts.eu-de.otc.t-systems.com")!)
        _ = client.listDatasetsPaginator(limit: 10)
    }
}
