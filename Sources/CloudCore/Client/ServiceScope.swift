/// Whose credentials scope a service's calls: a project, or the domain (account) for a global service.
///
/// As the official SDKs sign them: a regional service's calls with the project (`X-Project-Id`, and the path's
/// `{project_id}` filled in from it), a global service's (Identity and Access Management) with the domain
/// (`X-Domain-Id`), where a `{project_id}` in a path is the project acted on, always given by the caller.
public enum ServiceScope: String, Sendable, Hashable {
    /// Calls are made in a project: the configured one, the credentials', or the one IAM lists for the region.
    case project
    /// Calls are made in the domain: signed with the credentials' domain id; no project is sent or looked up.
    case global
}
