import CloudCore
import Foundation
import Testing

/// The same flows through `otc modelarts` and `otc ecs`, as a shell script would drive them,
/// plus what the CLI promises beyond the SDK: pretty JSON out, exit statuses, strict `--body`, `--help`.
@Suite struct CommandLineFlowTests {
    static func connection(_ cloud: LoopbackCloud) -> [String] {
        ["--endpoint", cloud.baseURL.absoluteString, "--project-id", LoopbackCloud.projectID]
    }

    @Test func developmentEnvironmentLifecycle() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelarts = try CommandLineClient(service: "modelarts")
        let options = Self.connection(cloud)

        let create = try await modelarts.run(
            ["create-development-environment-instance", "--body", LibraryFlowTests.instance] + options)
        #expect(create.status == 0, "\(create)")
        let output = try json(create.stdout)
        let id = try #require(output["id"]?.stringValue, "stdout is the response JSON: \(create.stdout)")
        #expect(create.stdout.contains("\n  \""), "pretty-printed")

        for arguments in [
            ["list-development-environment-instances", "--de-type", "Notebook", "--limit", "5"],
            ["show-development-environment-instance", "--instance-id", id],
            ["update-description-of-development-environment-instance", "--instance-id", id, "--body", #"{"description": "renamed"}"#],
            ["manage-development-environment-instance", "--instance-id", id, "--body", #"{"action": "stop"}"#],
            ["manage-development-environment-instance", "--instance-id", id, "--body", #"{"action": "start"}"#],
            ["delete-development-environment-instance", "--instance-id", id],
        ] {
            let run = try await modelarts.run(arguments + options)
            #expect(run.status == 0, "\(arguments[0]): \(run)")
        }

        let received = try await cloud.requests()
        #expect(allSigned(received))
        #expect(received.map(\.method) == ["POST", "GET", "GET", "PUT", "POST", "POST", "DELETE"])
        #expect(received[0].json == (try json(LibraryFlowTests.instance)))
        #expect(received[1].sortedQuery == ["de_type=Notebook", "limit=5"])
        #expect(received[2].path == "/v1/\(LoopbackCloud.projectID)/demanager/instances/\(id)")
        #expect(received[3].json == ["description": "renamed"])
        #expect(received[4].json == ["action": "stop"] && received[5].json == ["action": "start"])
        #expect(received[6].page == "historical_apis/devenviron_old_version/deleting_a_development_environment_instance.html")
    }

    @Test func createNotebookFromAFile() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let body = #"{"name": "nb-cli", "flavor": "modelarts.vm.cpu.2u", "image_id": "e2e-image", "volume": {"category": "EVS", "ownership": "MANAGED", "capacity": 50}}"#
        let file = FileManager.default.temporaryDirectory.appending(path: "e2e-notebook-\(UUID().uuidString).json")
        try Data(body.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let run = try await CommandLineClient(service: "modelarts").run(
            ["create-notebook", "--body", "@\(file.path)"] + Self.connection(cloud))
        #expect(run.status == 0, "\(run)")
        let received = try await cloud.requests()
        #expect(received.map(\.page) == ["development_environment_management/creating_a_notebook_instance.html"] && allSigned(received))
        #expect(received.first?.json == (try json(body)))
    }

    @Test func datasetLifecycleWithPagesAndStandardInput() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelarts = try CommandLineClient(service: "modelarts")
        let options = Self.connection(cloud)
        let body = #"{"dataset_name": "e2e-cli", "work_path": "/b/out/", "work_path_type": 0, "data_sources": [{"data_path": "/b/in/"}]}"#

        let create = try await modelarts.run(["create-dataset", "--body", "-"] + options, standardInput: body)
        #expect(create.status == 0, "\(create)")
        let id = try #require(try json(create.stdout)["dataset_id"]?.stringValue)
        try await cloud.script([
            .respond(["total_number": 3, "datasets": [["dataset_id": "d1"], ["dataset_id": "d2"]]], page: "historical_apis/data_management_old_version/querying_the_dataset_list.html"),
            .respond(["total_number": 3, "datasets": [["dataset_id": "d3"]]], page: "historical_apis/data_management_old_version/querying_the_dataset_list.html"),
        ])
        var seen: [String] = []
        for offset in ["0", "1"] {
            let page = try await modelarts.run(["list-datasets", "--limit", "2", "--offset", offset] + options)
            #expect(page.status == 0, "\(page)")
            if case .array(let datasets)? = try json(page.stdout)["datasets"] {
                seen += datasets.compactMap { $0["dataset_id"]?.stringValue }
            }
        }
        #expect(seen == ["d1", "d2", "d3"])
        #expect(try await modelarts.run(["desc-dataset", "--dataset-id", id] + options).status == 0)
        let delete = try await modelarts.run(["delete-dataset", "--dataset-id", id] + options)
        #expect(delete.status == 0 && delete.stdout.isEmpty, "\(delete)")

        let received = try await cloud.requests()
        #expect(allSigned(received))
        #expect(received.map(\.page) == [
            "historical_apis/data_management_old_version/creating_a_dataset.html", "historical_apis/data_management_old_version/querying_the_dataset_list.html", "historical_apis/data_management_old_version/querying_the_dataset_list.html", "historical_apis/data_management_old_version/querying_details_about_a_dataset.html", "historical_apis/data_management_old_version/deleting_a_dataset.html",
        ])
        #expect(received[0].json == (try json(body)))
        #expect(received[2].sortedQuery == ["limit=2", "offset=1"])
    }

    @Test func elasticCloudServerFlow() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.ecs)
        defer { cloud.stop() }
        let ecs = try CommandLineClient(service: "ecs")
        let options = Self.connection(cloud)
        let server = #"{"server": {"imageRef": "i", "flavorRef": "s3.small.1", "name": "e2e", "vpcid": "v", "nics": [{"subnet_id": "s"}], "root_volume": {"volumetype": "SSD"}}}"#
        let create = try await ecs.run(["create-post-paid-servers", "--body", server] + options)
        #expect(create.status == 0, "\(create)")
        let jobID = try #require(try json(create.stdout)["job_id"]?.stringValue)
        #expect(try await ecs.run(["show-job", "--job-id", jobID] + options).status == 0)
        let stop = try await ecs.run(
            ["batch-stop-servers", "--body", #"{"os-stop": {"type": "HARD", "servers": [{"id": "x"}]}}"#] + options)
        #expect(stop.status == 0, "\(stop)")

        let received = try await cloud.requests()
        #expect(allSigned(received))
        #expect(received.map(\.page) == [
            "apis_recommended/lifecycle_management/creating_ecss.html", "apis_recommended/job_status_management/querying_job_execution_status.html", "apis_recommended/batch_operations/stopping_ecss_in_a_batch.html",
        ])
        #expect(received[0].json == (try json(server)))
        #expect(received[2].json == ["os-stop": ["type": "HARD", "servers": [["id": "x"]]]])
    }

    // MARK: Errors, arguments and help

    @Test func serviceErrorsGoToStandardErrorWithExitStatusOne() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        try await cloud.script([
            .init(kind: "status", page: "historical_apis/data_management_old_version/querying_details_about_a_dataset.html", status: 404,
                  body: ["error_code": "ModelArts.4352", "error_msg": "Dataset not found"])
        ])
        let run = try await CommandLineClient(service: "modelarts").run(
            ["desc-dataset", "--dataset-id", "missing"] + Self.connection(cloud))
        let requestID = try #require(try await cloud.requests().first?.requestID)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("HTTP 404") && run.stderr.contains("ModelArts.4352"))
        #expect(run.stderr.contains("Dataset not found") && run.stderr.contains(requestID))
    }

    @Test func aWrongSecretKeyIsRejectedByTheOfficialSigner() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let run = try await CommandLineClient(service: "modelarts").run(
            ["list-datasets"] + Self.connection(cloud), environment: ["HUAWEICLOUD_SDK_SK": "not-the-secret"])
        #expect(run.status == 1 && run.stderr.contains("HTTP 401"), "\(run)")
        #expect(!run.stderr.contains("not-the-secret"))
        let received = try await cloud.requests()
        #expect(received.count == 1 && received[0].signature?.hasPrefix("invalid") == true)
    }

    @Test func badArgumentsExit64BeforeAnythingIsSent() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelarts = try CommandLineClient(service: "modelarts")
        let options = Self.connection(cloud)
        let misspelt = try await modelarts.run(
            ["create-notebook", "--body", #"{"name": "n", "flavor": "f", "image_id": "i", "volume": {"category": "EVS", "ownership": "MANAGED"}, "flavour": "x"}"#]
                + options)
        #expect(misspelt.status == 64)
        #expect(misspelt.stderr.contains("`flavour`") && misspelt.stderr.contains("Usage: otc modelarts create-notebook"))
        let wrongType = try await modelarts.run(["create-dataset", "--body", #"{"dataset_name": ["d"], "work_path": "/", "work_path_type": 0, "data_sources": [{"data_path": "/in/"}]}"#] + options)
        #expect(wrongType.status == 64 && wrongType.stderr.contains("`dataset_name`"), "\(wrongType)")
        let notANumber = try await modelarts.run(["list-datasets", "--limit", "ten"] + options)
        #expect(notANumber.status == 64)
        let missing = try await modelarts.run(["desc-dataset"] + options)
        #expect(missing.status == 64 && missing.stderr.contains("--dataset-id"))
        #expect(try await cloud.requests().isEmpty, "nothing may be sent for a bad command line")
    }

    @Test func helpShowsTitleMethodPathAndParameters() async throws {
        let help = try await CommandLineClient(service: "modelarts").run(["list-datasets", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("GET /v2/{project_id}/datasets"))
        #expect(help.stdout.contains("--limit <limit>") && help.stdout.contains("Maximum number of records"))
        #expect(help.stdout.contains("Documented in") && help.stdout.contains("historical_apis/data_management_old_version/querying_the_dataset_list.html"))
        let create = try await CommandLineClient(service: "modelarts").run(["create-notebook", "--help"])
        #expect(create.stdout.contains("Creating a Notebook Instance") && create.stdout.contains("flavor*"))
    }
}
