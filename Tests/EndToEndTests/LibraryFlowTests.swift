import CloudCore
import ECS
import Foundation
import ModelArts
import Testing

/// Real flows through the generated SDK against the loopback cloud: every request must reach the documented
/// operation with a signature the official signer accepts, and carry exactly what the code asked for.
@Suite struct LibraryFlowTests {
    static let instance = """
        {"name": "e2e-dev", "profile_id": "e2e-profile", "flavor": "modelarts.vm.cpu.2u",
         "spec": {"storage": {"type": "evs", "location": {"path": "/home/ma-user/work"}}}, "workspace": {"id": "0"}}
        """

    /// The old development environment (DevEnviron): create, list, show, update, stop, start, delete.
    @Test func developmentEnvironmentLifecycle() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback())

        let created = try await modelArts.createDevelopmentEnvironmentInstance(
            model(Self.instance, as: CreateDevelopmentEnvironmentInstanceRequest.self))
        let id = try #require(created.id, "the documented response carries the instance id")
        // The site's list page documents no response example: the test answers it.
        try await cloud.script([
            .respond(["instances": [["id": .string(id), "name": "e2e-dev"]], "total": 1],
                page: "historical_apis/devenviron_old_version/obtaining_development_environment_instances.html")
        ])
        let list = try await modelArts.listDevelopmentEnvironmentInstances(deType: "Notebook", limit: 5)
        #expect(list.instances?.isEmpty == false)
        _ = try await modelArts.showDevelopmentEnvironmentInstance(instanceID: id)
        _ = try await modelArts.updateDescriptionOfDevelopmentEnvironmentInstance(
            instanceID: id, .init(description: "renamed by the e2e test"))
        _ = try await modelArts.manageDevelopmentEnvironmentInstance(instanceID: id, .init(action: .stop))
        _ = try await modelArts.manageDevelopmentEnvironmentInstance(instanceID: id, .init(action: .start))
        _ = try await modelArts.deleteDevelopmentEnvironmentInstance(instanceID: id)

        let received = try await cloud.requests()
        #expect(allSigned(received))
        let instancePath = "/v1/\(LoopbackCloud.projectID)/demanager/instances/\(id)"
        #expect(received.map { "\($0.method) \($0.path)" } == [
            "POST /v1/\(LoopbackCloud.projectID)/demanager/instances",
            "GET /v1/\(LoopbackCloud.projectID)/demanager/instances",
            "GET \(instancePath)", "PUT \(instancePath)", "POST \(instancePath)/action",
            "POST \(instancePath)/action", "DELETE \(instancePath)",
        ])
        #expect(received.map(\.page) == [
            "historical_apis/devenviron_old_version/creating_a_development_environment_instance.html", "historical_apis/devenviron_old_version/obtaining_development_environment_instances.html", "historical_apis/devenviron_old_version/obtaining_details_about_a_development_environment_instance.html", "historical_apis/devenviron_old_version/modifying_the_description_of_a_development_environment_instance.html",
            "historical_apis/devenviron_old_version/managing_a_development_environment_instance.html", "historical_apis/devenviron_old_version/managing_a_development_environment_instance.html", "historical_apis/devenviron_old_version/deleting_a_development_environment_instance.html",
        ])
        #expect(received[0].json == (try json(Self.instance)))
        #expect(received[1].sortedQuery == ["de_type=Notebook", "limit=5"])
        #expect(received[3].json == ["description": "renamed by the e2e test"])
        #expect(received[4].json == ["action": "stop"])
        #expect(received[5].json == ["action": "start"])
    }

    /// `CreateNotebook` (the 2024 page), as the README shows it.
    @Test func createNotebook() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback())
        let notebook = try await modelArts.createNotebook(
            .init(
                flavor: "modelarts.vm.cpu.2u", imageID: "e2e-image", name: "nb-1",
                volume: .init(capacity: 50, category: .evs, ownership: .managed)))
        #expect(notebook.id != nil)
        let received = try await cloud.requests()
        #expect(allSigned(received))
        #expect(received.map(\.page) == ["development_environment_management/creating_a_notebook_instance.html"])
        #expect(received.first?.json == [
            "flavor": "modelarts.vm.cpu.2u", "image_id": "e2e-image", "name": "nb-1",
            "volume": ["capacity": 50, "category": "EVS", "ownership": "MANAGED"],
        ])
    }

    /// What the generated models promise beyond the documented examples: a state the pages don't list survives
    /// as an open-enum value, numbers sent as strings are read, a large count stays exact, query values are
    /// encoded and path parameters percent-encoded.
    @Test func generatedModelsAreOpenLenientAndEncodeTheirParameters() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback())
        try await cloud.script([
            .respond(
                ["data": [["id": "nb 1", "status": "HIBERNATING", "name": "a b"]], "total": "9007199254740993"],
                page: "development_environment_management/querying_notebook_instances.html")
        ])
        let page = try await modelArts.listNotebooks(limit: 1, name: "a b&c", status: .running)
        let notebook = try #require(page.data?.first)
        #expect(notebook.status == NotebookStatus(rawValue: "HIBERNATING"))
        #expect(notebook.status != .running)
        #expect(page.total == 9_007_199_254_740_993)
        _ = try await modelArts.showNotebook(id: try #require(notebook.id))

        let received = try await cloud.requests()
        #expect(allSigned(received))
        #expect(received[0].sortedQuery == ["limit=1", "name=a b&c", "status=RUNNING"])
        #expect(received[1].path == "/v1/\(LoopbackCloud.projectID)/notebooks/nb%201")
        #expect(received[1].page == "development_environment_management/querying_details_of_a_notebook_instance.html")
    }

    /// Dataset create → list (two pages through the paginator) → show → delete.
    @Test func datasetLifecycleWithPagination() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback())
        let body = """
            {"dataset_name": "e2e-set", "dataset_type": 0, "work_path": "/e2e-bucket/out/", "work_path_type": 0,
             "data_sources": [{"data_type": 0, "data_path": "/e2e-bucket/in/"}]}
            """
        let created = try await modelArts.createDataset(model(body, as: CreateDatasetRequest.self))
        let id = try #require(created.datasetID)

        // ModelArts counts `offset` in pages: the second page of two is offset=1.
        try await cloud.script([
            .respond(["total_number": 3, "datasets": [["dataset_id": "d1"], ["dataset_id": "d2"]]], page: "historical_apis/data_management_old_version/querying_the_dataset_list.html"),
            .respond(["total_number": 3, "datasets": [["dataset_id": "d3"]]], page: "historical_apis/data_management_old_version/querying_the_dataset_list.html"),
        ])
        var ids: [String] = []
        for try await dataset in modelArts.listDatasetsPaginator(limit: 2) { ids.append(dataset.datasetID ?? "?") }
        #expect(ids == ["d1", "d2", "d3"])

        _ = try await modelArts.descDataset(datasetID: id)
        try await modelArts.deleteDataset(datasetID: id)

        let received = try await cloud.requests()
        #expect(allSigned(received))
        #expect(received.map(\.page) == [
            "historical_apis/data_management_old_version/creating_a_dataset.html", "historical_apis/data_management_old_version/querying_the_dataset_list.html", "historical_apis/data_management_old_version/querying_the_dataset_list.html", "historical_apis/data_management_old_version/querying_details_about_a_dataset.html", "historical_apis/data_management_old_version/deleting_a_dataset.html",
        ])
        #expect(received[0].json == (try json(body)))
        #expect(received[1].sortedQuery == ["limit=2", "offset=0"])
        #expect(received[2].sortedQuery == ["limit=2", "offset=1"])
        #expect(received[3].path == "/v2/\(LoopbackCloud.projectID)/datasets/\(id)")
        #expect(received[4].method == "DELETE" && received[4].status == 204)
    }

    /// ECS: create a server, follow its job, stop it, delete it.
    @Test func elasticCloudServerFlow() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.ecs)
        defer { cloud.stop() }
        let ecs = try ECSClient(endpoint: cloud.baseURL, configuration: .loopback())
        let server = """
            {"server": {"imageRef": "e2e-image", "flavorRef": "s3.small.1", "name": "e2e-ecs", "vpcid": "e2e-vpc",
             "nics": [{"subnet_id": "e2e-subnet"}], "root_volume": {"volumetype": "SSD"},
             "availability_zone": "eu-de-01"}}
            """
        let created = try await ecs.createPostPaidServers(model(server, as: CreatePostPaidServersRequest.self))
        let jobID = try #require(created.jobID)
        _ = try await ecs.showJob(jobID: jobID)
        let stop = #"{"os-stop": {"type": "SOFT", "servers": [{"id": "e2e-server"}]}}"#
        _ = try await ecs.batchStopServers(model(stop, as: BatchStopServersRequest.self))
        let delete = #"{"servers": [{"id": "e2e-server"}], "delete_publicip": true, "delete_volume": true}"#
        _ = try await ecs.deleteServers(model(delete, as: DeleteServersRequest.self))

        let received = try await cloud.requests()
        #expect(allSigned(received))
        #expect(received.map(\.page) == [
            "apis_recommended/lifecycle_management/creating_ecss.html", "apis_recommended/job_status_management/querying_job_execution_status.html", "apis_recommended/batch_operations/stopping_ecss_in_a_batch.html",
            "apis_recommended/lifecycle_management/deleting_ecss.html",
        ])
        #expect(received[0].json == (try json(server)))
        #expect(received[1].path == "/v1/\(LoopbackCloud.projectID)/jobs/\(jobID)")
        #expect(received[2].json == (try json(stop)))
        #expect(received[3].json == (try json(delete)))
    }
}
