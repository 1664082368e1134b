import CloudCore
import Foundation
import ModelArts
import Testing

/// Faults the loopback cloud injects on a real socket: throttling with `Retry-After`, dropped connections,
/// answers slower than the timeout. The SDK must retry what is safe to retry, re-sign every attempt, and fail
/// with the right error otherwise.
@Suite struct FaultInjectionTests {
    @Test func unavailableWithRetryAfterIsRetriedAfterTheDelay() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        try await cloud.script([.status(503, retryAfter: "1", page: "historical_apis/data_management_old_version/creating_a_dataset.html")])
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback())
        let clock = ContinuousClock()
        let start = clock.now
        let created = try await modelArts.createDataset(
            model(#"{"dataset_name": "d", "work_path": "/w/", "work_path_type": 0, "data_sources": [{"data_path": "/w/in/"}]}"#, as: CreateDatasetRequest.self))
        let elapsed = clock.now - start
        #expect(created.datasetID != nil)
        let received = try await cloud.requests()
        #expect(received.map(\.status) == [503, 201], "a 503 is retried even for POST")
        #expect(allSigned(received))
        #expect(received[0].body == received[1].body)
        #expect(elapsed >= .seconds(1), "Retry-After: 1 was honoured (\(elapsed))")
    }

    @Test func droppedConnectionIsRetriedForIdempotentCallsOnly() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback())

        try await cloud.script([.drop(page: "historical_apis/data_management_old_version/querying_the_dataset_list.html", times: 2)])
        _ = try await modelArts.listDatasets(limit: 1)
        #expect(try await cloud.requests().map(\.fault) == ["drop", "drop", nil])

        try await cloud.reset()
        try await cloud.script([.drop(page: "historical_apis/data_management_old_version/creating_a_dataset.html")])
        await #expect {
            _ = try await modelArts.createDataset(
                model(#"{"dataset_name": "d", "work_path": "/w/", "work_path_type": 0, "data_sources": [{"data_path": "/w/in/"}]}"#, as: CreateDatasetRequest.self))
        } throws: { error in
            (error as? TransportError)?.kind == .connectionDropped
        }
        #expect(try await cloud.requests().count == 1, "a POST that may have been applied is not repeated")
    }

    @Test func slowAnswerTimesOut() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        // Far later than the timeout: a call that waited for the answer would succeed, not time out.
        try await cloud.script([.delay(30, page: "historical_apis/data_management_old_version/querying_the_dataset_list.html")])
        let modelArts = try ModelArtsClient(
            endpoint: cloud.baseURL, configuration: .loopback(attempts: 1, timeout: .milliseconds(500)))
        await #expect {
            _ = try await modelArts.listDatasets()
        } throws: { error in
            (error as? TransportError)?.kind == .timedOut
        }
    }

    @Test func persistentUnavailabilityEndsWithTheLastError() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        try await cloud.script([.status(503, retryAfter: "0", page: "historical_apis/data_management_old_version/querying_details_about_a_dataset.html", times: 5)])
        let modelArts = try ModelArtsClient(endpoint: cloud.baseURL, configuration: .loopback(attempts: 3))
        await #expect {
            _ = try await modelArts.descDataset(datasetID: "d")
        } throws: { error in
            guard let error = error as? APIError else { return false }
            return error.status == 503 && error.requestID != nil
        }
        let received = try await cloud.requests()
        #expect(received.count == 3 && allSigned(received))
    }

    @Test func commandLineSurvivesFaultsAndReportsUnreachableService() async throws {
        let cloud = try await LoopbackCloud.start(docsFolder: Docs.modelArts)
        defer { cloud.stop() }
        let modelarts = try CommandLineClient(service: "modelarts")
        let options = CommandLineFlowTests.connection(cloud)
        try await cloud.script([.status(503, retryAfter: "0", page: "historical_apis/data_management_old_version/querying_the_dataset_list.html"), .drop(page: "historical_apis/data_management_old_version/querying_the_dataset_list.html")])
        let survived = try await modelarts.run(["list-datasets"] + options)
        #expect(survived.status == 0, "\(survived)")
        #expect(try await cloud.requests().map(\.status) == [503, nil, 200])

        try await cloud.script([.drop(page: "historical_apis/data_management_old_version/creating_a_dataset.html")])
        let dropped = try await modelarts.run(
            ["create-dataset", "--body", #"{"dataset_name": "d", "work_path": "/w/", "work_path_type": 0, "data_sources": [{"data_path": "/w/in/"}]}"#] + options)
        #expect(dropped.status == 69, "\(dropped)")
        #expect(dropped.stderr == "Error: no response from the service: the connection closed before the response was complete (remote closed the connection)\n")

        try await cloud.script([.delay(30, page: "historical_apis/data_management_old_version/querying_the_dataset_list.html")])
        let slow = try await modelarts.run(["list-datasets", "--timeout", "0.5", "--max-attempts", "1"] + options)
        #expect(slow.status == 69, "\(slow)")
        #expect(slow.stderr == "Error: no response from the service: no complete response within the timeout (deadline exceeded)\n")
    }
}
