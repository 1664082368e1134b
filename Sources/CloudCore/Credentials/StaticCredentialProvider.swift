/// Credentials given in code: a permanent or temporary AK/SK, or a ready-made token.
public struct StaticCredentialProvider: CredentialProvider, CustomStringConvertible {
    /// The credentials returned every time.
    public let value: Credentials

    /// AK/SK (temporary when `securityToken` is set).
    public init(
        accessKey: String, secretKey: String, securityToken: String? = nil, projectID: String? = nil,
        domainID: String? = nil
    ) {
        value = Credentials(
            authentication: .accessKey(.init(accessKey: accessKey, secretKey: secretKey, securityToken: securityToken)),
            projectID: projectID, domainID: domainID)
    }

    /// A token obtained elsewhere, sent as `X-Auth-Token`.
    public init(token: String, projectID: String? = nil) {
        value = Credentials(authentication: .token(token), projectID: projectID)
    }

    /// Returns the fixed credentials.
    public func credentials() async throws -> Credentials { value }

    /// Redacted.
    public var description: String { "StaticCredentialProvider(\(value))" }
}
