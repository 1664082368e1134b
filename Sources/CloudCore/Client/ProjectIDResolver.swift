import Foundation

/// Looks up the project id of a region through IAM (`GET /v3/projects?name=<region>`) when neither the
/// configuration nor the credentials name one, as the official SDKs do for AK/SK users. The answer is cached;
/// concurrent callers share one lookup.
actor ProjectIDResolver {
    private struct ProjectList: Decodable, Sendable {
        struct Project: Decodable, Sendable {
            let id: String
            let name: String?
        }
        let projects: [Project]
    }

    private let iamClient: ServiceClient
    private let region: Region
    private var lookup: Task<String, any Error>?

    init(iamClient: ServiceClient, region: Region) {
        self.iamClient = iamClient
        self.region = region
    }

    /// The project id named after the region.
    func projectID() async throws -> String {
        if let lookup { return try await lookup.value }
        let client = iamClient
        let region = region
        let task = Task {
            var query = QueryItems()
            query.append("name", region.rawValue)
            let list = try await client.send(
                OperationRequest(operation: "KeystoneListProjects", method: .get, path: "/v3/projects", query: query),
                as: ProjectList.self)
            guard let project = list.projects.first(where: { $0.name == region.rawValue }) ?? list.projects.first else {
                throw ClientError("IAM lists no project named \(region.rawValue); set a project id")
            }
            return project.id
        }
        lookup = task
        do {
            return try await task.value
        } catch {
            lookup = nil
            throw error
        }
    }
}
