/// Credentials given in code: a permanent or temporary AK/SK, or a ready-made token.
public struct StaticCredentialProvider: CredentialProvider, CustomStringConvertible {
    /// The credentials returned every time.
    public let value: Credentials

    /// AK/SK (temporary when `securityToken` is set).
    public init(
        accessKey: String, secretKey: String, securityToken: String? = nil, projectId: String? = nil,
        domainId: String? = nil
    ) {
        value = Credentials(
            authentication: .accessKey(.init(accessKey: accessKey, secretKey: secretKey, securityToken: securityToken)),
            projectId: projectId, domainId: domainId)
    }

    /// A token obtained elsewhere, sent as `X-Auth-Token`.
    public init(token: String, projectId: String? = nil) {
        value = Credentials(authentication: .token(token), projectId: projectId)
    }

    /// Returns the fixed credentials.
    public func credentials() async throws -> Credentials { value }

    /// Redacted.
    public var description: String { "StaticCredentialProvider(\(value))" }
}
