extension Operation {
    /// Whose project a call acts in, as its path says. A `{project_id}` right after the API version
    /// (`/v1/{project_id}/servers`, `/mysql/v3/{project_id}/…`), or anywhere but in a collection of projects, is the
    /// caller's: the client fills it in. One that names a member of a `projects` collection
    /// (`/v3/projects/{project_id}`, `/v3.0/OS-QUOTA/projects/{project_id}`) is the project acted on: an argument.
    public enum Scope: String, Codable, Sendable, Hashable {
        /// The path's `{project_id}` is the caller's project.
        case project
        /// The path has no `{project_id}` of the caller's (none at all, or only the member of a `projects`
        /// collection): the call is scoped by the credentials alone.
        case global

        /// The scope of `path`: ``project`` when one of its `{project_id}` segments is not the member of a
        /// collection of projects.
        public init(path: String) {
            let segments = path.split(separator: "/")
            let scoping = segments.indices.contains { index in
                segments[index] == "{\(Operation.projectParameter)}"
                    && (index == segments.startIndex || !Self.isProjectCollection(segments[index - 1]))
            }
            self = scoping ? .project : .global
        }

        /// `projects` (or `project`), in any case: the collection whose member a `{project_id}` after it names.
        static func isProjectCollection(_ segment: Substring) -> Bool {
            let name = segment.lowercased()
            return name == "projects" || name == "project"
        }
    }

    /// The path parameter that names a project (`project_id`).
    public static let projectParameter = "project_id"

    /// Whether the client fills in the path parameter `name` itself: the `{project_id}` of a project-scoped call.
    public func isBoundByClient(_ name: String) -> Bool {
        scope == .project && name == Self.projectParameter
    }
}

extension ServiceSchema {
    /// Whether the service is global (domain-level, as IAM): its client signs with the domain (`X-Domain-Id`) and
    /// needs no project id. As the official SDKs sign it where that is known (``officialScope``), else when none of
    /// its operations is scoped by the caller's project.
    public var isGlobal: Bool {
        officialScope.map { $0 == .global } ?? !operations.contains { $0.scope == .project }
    }
}
