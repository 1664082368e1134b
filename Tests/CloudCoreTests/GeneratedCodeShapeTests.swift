import CloudCore
import Foundation
import Testing

// Code shaped like the generator's output, compiled against CloudCore's public API only (no @testable).

/// Notebook status as documented; unknown values survive.
public struct NotebookStatus: OpenEnum, QueryValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let running: Self = "RUNNING"
    public static let stopped: Self = "STOPPED"
}

/// One notebook.
public struct NotebookSummary: Codable, Sendable, Equatable {
    public let id: String
    public let status: NotebookStatus?
    public let cpu: Int?
    public let extra: JSONValue?

    enum CodingKeys: String, CodingKey { case id, status, cpu, extra }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        status = try container.decodeIfPresent(NotebookStatus.self, forKey: .status)
        cpu = try container.decodeLenientIfPresent(Int.self, forKey: .cpu)
        extra = try container.decodeIfPresent(JSONValue.self, forKey: .extra)
    }
}

/// A page of notebooks.
public struct ListNotebooksResponse: Codable, Sendable {
    public let data: [NotebookSummary]
    public let total: Int?
}

/// A generated service client.
public struct ModelArtsLikeClient: Sendable {
    let client: ServiceClient

    public init(region: Region, cloud: Cloud = .openTelekomCloud, configuration: ClientConfiguration = .init()) throws {
        client = try ServiceClient(endpointPrefix: "modelarts", region: region, cloud: cloud, configuration: configuration)
    }

    public init(endpoint: URL, configuration: ClientConfiguration) throws {
        client = try ServiceClient(endpoint: endpoint, configuration: configuration)
    }

    public func listNotebooks(
        status: [NotebookStatus]? = nil, limit: Int? = nil, offset: Int? = nil, sortDir: String? = nil
    ) async throws -> ListNotebooksResponse {
        var query = QueryItems()
        query.append("status", status)
        query.append("limit", limit)
        query.append("offset", offset)
        query.append("sort_dir", sortDir)
        return try await client.send(
            OperationRequest(operation: "ListNotebooks", method: .get, path: "/v1/{project_id}/notebooks", query: query),
            as: ListNotebooksResponse.self)
    }

    public func deleteNotebook(id: String) async throws {
        try await client.send(
            OperationRequest(
                operation: "DeleteNotebook", method: .delete, path: "/v1/{project_id}/notebooks/{id}",
                pathParameters: ["id": id]))
    }

    public func allNotebooks(status: [NotebookStatus]? = nil) -> OffsetPaginator<NotebookSummary> {
        OffsetPaginator(limit: 2) { offset, limit in
            let page = try await listNotebooks(status: status, limit: limit, offset: offset)
            return (page.data, page.total)
        }
    }
}

@Suite("Generated code shape")
struct GeneratedCodeShapeTests {
    @Test("a generated-style client lists, paginates and deletes against loopback")
    func generatedClient() async throws {
        let server = try await LoopbackServer.start { request, _ in
            if request.method == "DELETE" { return .respond(status: 204) }
            let offset = request.query.contains("offset=2") ? 2 : 0
            let items = offset == 0
                ? #"[{"id":"a","status":"RUNNING","cpu":"4"},{"id":"b","status":"NEW_STATE","extra":{"n":3}}]"#
                : #"[{"id":"c"}]"#
            return .respond(status: 200, body: #"{"data":\#(items),"total":3}"#)
        }
        defer { Task { await server.shutdown() } }
        let configuration = ClientConfiguration(
            credentials: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), projectId: "p1",
            retry: RetryPolicy(maxAttempts: 2, baseDelay: .milliseconds(1), maxDelay: .milliseconds(5)))
        let client = try ModelArtsLikeClient(endpoint: server.baseURL, configuration: configuration)

        var ids: [String] = []
        for try await notebook in client.allNotebooks(status: [.running, .stopped]) { ids.append(notebook.id) }
        #expect(ids == ["a", "b", "c"])
        let first = try await client.listNotebooks(limit: 2)
        #expect(first.data[0].cpu == 4)
        #expect(first.data[1].status == NotebookStatus(rawValue: "NEW_STATE"))
        #expect(first.data[1].extra == ["n": 3])
        try await client.deleteNotebook(id: "nb/1")
        let requests = server.requests
        #expect(requests[0].query == "limit=2&offset=0&status=RUNNING&status=STOPPED")
        #expect(requests.last?.path == "/v1/p1/notebooks/nb%2F1")
        #expect(throws: Never.self) { _ = try ModelArtsLikeClient(region: .euDe) }
    }
}
