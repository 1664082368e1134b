import CloudCore
import Foundation
import ModelArts
import Testing

/// The use case the ModelArts reference documents from start to finish (query the images, create a notebook, wait
/// until it runs, prolong it, stop it, start it, delete it), through the SDK and through `otc modelarts`,
/// against a loopback cloud whose notebook changes state as the operations ask (the scenario of
/// `Examples/NotebookLifecycle`), with a 503 on the create and a dropped connection during the first wait.
@Suite struct NotebookLifecycleTests {
    static let scenario = "Examples/NotebookLifecycle/loopback-scenario.json"
    static let folder = "development_environment_management/"
    static let operations = [
        "querying_supported_images.html": "ListImage", "creating_a_notebook_instance.html": "CreateNotebook",
        "querying_details_of_a_notebook_instance.html": "ShowNotebook", "prolonging_a_notebook_instance.html": "RenewLease",
        "stopping_a_notebook_instance.html": "StopNotebook", "starting_a_notebook_instance.html": "StartNotebook",
        "deleting_a_notebook_instance.html": "DeleteNotebook",
    ]

    /// What the cloud must receive: the documented sequence, each wait polling until its state and no further, the
    /// create retried once after its 503 (the service did not take it), the dropped poll retried.
    static let expectedTrace = [
        "ListImage", "CreateNotebook [status 503]", "CreateNotebook → CREATING",
        "ShowNotebook [drop]", "ShowNotebook → CREATING", "ShowNotebook → CREATING", "ShowNotebook → RUNNING",
        "RenewLease",
        "StopNotebook → STOPPING", "ShowNotebook → STOPPING", "ShowNotebook → STOPPING", "ShowNotebook → STOPPED",
        "StartNotebook → STARTING", "ShowNotebook → STARTING", "ShowNotebook → RUNNING",
        "DeleteNotebook → DELETING", "ShowNotebook → DELETING", "ShowNotebook [status 404] → <gone>",
    ]

    /// Each request as `Operation [fault] → state`, the operation named from the page the cloud matched.
    static func trace(_ received: [ReceivedRequest]) -> [String] {
        received.map { entry in
            let page = entry.page.map { $0.hasPrefix(folder) ? String($0.dropFirst(folder.count)) : $0 } ?? "?"
            var text = operations[page] ?? page
            if entry.fault != nil || !(200..<300).contains(entry.status ?? 0) {
                text += " [\(entry.fault == "drop" ? "drop" : "status \(entry.status ?? 0)")]"
            }
            return text + (entry.stateText.map { " → \($0)" } ?? "")
        }
    }

    static func checkLog(_ cloud: LoopbackCloud) async throws {
        let received = try await cloud.requests()
        #expect(allSigned(received))
        #expect(trace(received) == expectedTrace)
        let accepted = received.filter { (200..<300).contains($0.status ?? 0) }
        for operation in ["CreateNotebook", "StopNotebook", "StartNotebook", "DeleteNotebook", "RenewLease"] {
            #expect(trace(accepted).filter { $0.hasPrefix(operation) }.count == 1, "\(operation) accepted once")
        }
    }

    @Test func throughTheSDK() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        try await cloud.play(scenario: Self.scenario)
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback())
        // The waits end by the scenario; the timeout only bounds a broken run.
        let waiting = WaiterOptions(timeout: .seconds(600), minDelay: .milliseconds(10), maxDelay: .milliseconds(40))

        let image = try #require(try await modelArts.listImage(limit: 10, type: .buildIn).data?.first?.id)
        let created = try await modelArts.createNotebook(
            CreateNotebookRequest(
                flavor: "modelarts.vm.cpu.2u", imageID: image, name: "e2e-lifecycle",
                volume: VolumeReq(capacity: 50, category: .evs, ownership: .managed)))
        let id = try #require(created.id)
        let running = try await modelArts.waitForNotebook(id: id, status: [.running], options: waiting)
        #expect(running.status == .running && running.id == id)
        _ = try await modelArts.renewLease(id: id, .init(duration: 3_600_000))
        _ = try await modelArts.stopNotebook(id: id)
        #expect(try await modelArts.waitForNotebook(id: id, status: [.stopped], options: waiting).status == .stopped)
        _ = try await modelArts.startNotebook(id: id)
        #expect(try await modelArts.waitForNotebook(id: id, status: [.running], options: waiting).status == .running)
        _ = try await modelArts.deleteNotebook(id: id)
        try await modelArts.waitForNotebookDeletion(id: id, options: waiting)

        try await Self.checkLog(cloud)
        let received = try await cloud.requests()
        #expect(received.first?.sortedQuery == ["limit=10", "type=BUILD_IN"])
        #expect(received.filter { $0.page?.hasSuffix("querying_details_of_a_notebook_instance.html") == true }
            .allSatisfy { $0.path == "/v1/\(LoopbackCloud.projectID)/notebooks/\(id)" })
    }

    @Test func throughTheCommandLine() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        try await cloud.play(scenario: Self.scenario)
        let modelarts = try CommandLineClient(service: "modelarts")
        let options = CommandLineFlowTests.connection(cloud) + ["--poll-delay", "0.01"]
        func run(_ arguments: [String], waits: Bool = true) async throws -> JSONValue? {
            let run = try await modelarts.run(arguments + (waits ? options : CommandLineFlowTests.connection(cloud)))
            #expect(run.status == 0, "\(arguments.first ?? ""): \(run)")
            return run.stdout.isEmpty ? nil : try json(run.stdout)
        }

        let images = try await run(["list-image", "--limit", "10", "--type", "BUILD_IN"], waits: false)
        guard case .array(let listed)? = images?["data"], case .string(let image)? = listed.first?["id"] else {
            Issue.record("no image id in \(String(describing: images))")
            return
        }
        let body = #"{"name": "e2e-cli", "flavor": "modelarts.vm.cpu.2u", "image_id": "\#(image)", "volume": {"category": "EVS", "ownership": "MANAGED", "capacity": 50}}"#
        let running = try await run(["create-notebook", "--body", body, "--wait", "RUNNING"])
        #expect(running?["status"] == "RUNNING", "prints the resource as the last poll showed it")
        guard case .string(let id)? = running?["id"] else { Issue.record("no notebook id"); return }
        _ = try await run(["renew-lease", "--id", id, "--body", #"{"duration": 3600000}"#], waits: false)
        #expect(try await run(["stop-notebook", "--id", id, "--wait", "STOPPED"])?["status"] == "STOPPED")
        #expect(try await run(["start-notebook", "--id", id, "--wait", "RUNNING"])?["status"] == "RUNNING")
        #expect(try await run(["delete-notebook", "--id", id, "--wait"]) != nil, "prints the deletion's own answer")
        try await Self.checkLog(cloud)
    }

    @Test func aWaitThatEndsWithoutItsStateExitsWithStatus3() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelarts = try CommandLineClient(service: "modelarts")
        let wait = ["wait-for-notebook", "--id", "nb-1", "--status", "RUNNING,STOPPED", "--poll-delay", "0.01"]
            + CommandLineFlowTests.connection(cloud)

        try await cloud.script([.respond(["id": "nb-1", "status": "ERROR"], page: Self.folder + "querying_details_of_a_notebook_instance.html")])
        let failed = try await modelarts.run(wait)
        #expect(failed.status == 3, "\(failed)")
        #expect(failed.stderr == "Error: waiting for Notebook reached the failure state ERROR\n")

        // The page's own example shows CREATING, which never changes here.
        let limited = try await modelarts.run(wait + ["--max-polls", "3"])
        #expect(limited.status == 3, "\(limited)")
        #expect(limited.stderr == "Error: waiting for Notebook gave up after 3 polls (last state CREATING)\n")
        #expect(try await cloud.requests().count == 4)
    }

    /// A dataset's states are integer codes the page explains (`0: creating dataset`, `1: normal dataset`): the
    /// create command waits for a code, the poll answers numbers, a failure code ends the wait, a word is a usage
    /// error.
    @Test func waitsOnIntegerStateCodes() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let old = "historical_apis/data_management_old_version/"
        let show = old + "querying_details_about_a_dataset.html"
        try await cloud.addLifecycles([
            [
                "show": .string(show), "field": "status", "id": "dataset_id",
                "transitions": [["page": .string(old + "creating_a_dataset.html"), "through": [0], "to": 1, "polls": 2]],
            ]
        ])
        let modelarts = try CommandLineClient(service: "modelarts")
        let options = CommandLineFlowTests.connection(cloud) + ["--poll-delay", "0.01"]
        let create = try await cloud.cases().first { $0.page == old + "creating_a_dataset.html" }
        let body = try #require(create?.requestExamples.first?.bodyText, "the page's request example")
        let created = try await modelarts.run(["create-dataset", "--body", body, "--wait", "1"] + options)
        #expect(created.status == 0, "\(created)")
        #expect(try json(created.stdout)["status"] == 1, "prints the dataset as the last poll showed it")
        let states = try await cloud.requests().filter { $0.page == show }.map(\.state)
        #expect(states == [0, 0, 1], "polled until the code, and no further")

        try await cloud.script([.respond(["dataset_id": "d-1", "status": 4], page: show)])
        let failed = try await modelarts.run(["wait-for-dataset", "--dataset-id", "d-1", "--status", "1"] + options)
        #expect(failed.status == 3, "\(failed)")
        #expect(failed.stderr == "Error: waiting for Dataset reached the failure state 4\n", "4: abnormal dataset")

        let word = try await modelarts.run(["wait-for-dataset", "--dataset-id", "d-1", "--status", "normal"] + options)
        #expect(word.status == 64 && word.stderr.hasPrefix("Error: 'normal' is not a state code"), "\(word)")
    }

    @Test func listAllPrintsTheElementsOfEveryPage() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelarts = try CommandLineClient(service: "modelarts")
        let page = Self.folder + "querying_supported_images.html"
        try await cloud.script([
            .respond(["data": [["id": "a"], ["id": "b"]], "total": 3], page: page),
            .respond(["data": [["id": "c"]], "total": 3], page: page),
        ])
        let run = try await modelarts.run(
            ["list-image", "--all", "--limit", "2", "--type", "BUILD_IN"] + CommandLineFlowTests.connection(cloud))
        #expect(run.status == 0, "\(run)")
        #expect(try json(run.stdout) == [["id": "a"], ["id": "b"], ["id": "c"]])
        let received = try await cloud.requests()
        // ListImage's offset is a page number ("counting: .pages"); the total ends the listing.
        #expect(received.map(\.sortedQuery) == [["limit=2", "offset=0", "type=BUILD_IN"], ["limit=2", "offset=1", "type=BUILD_IN"]])

        let misuse = try await modelarts.run(["list-image", "--all", "--offset", "3"] + CommandLineFlowTests.connection(cloud))
        #expect(misuse.status == 64 && misuse.stderr.contains("--all lists every page from the first; leave out --offset"))
    }
}
