/// The provider used when none is configured: environment variables, then `~/.huaweicloud/credentials`,
/// then `clouds.yaml`. The first source that yields credentials is kept for the life of the chain.
public actor DefaultCredentialChain: CredentialProvider {
    private let environment: CredentialEnvironment
    private let transport: (any HTTPTransport)?
    private var resolved: (any CredentialProvider)?

    /// Creates a chain over `environment` (the real process environment by default).
    public init(environment: CredentialEnvironment = .process, transport: (any HTTPTransport)? = nil) {
        self.environment = environment
        self.transport = transport
    }

    /// The first provider the environment yields.
    public func resolveProvider() throws -> any CredentialProvider {
        if let resolved { return resolved }
        let provider =
            try EnvironmentCredentials.provider(from: environment, transport: transport)
            ?? ProfileFileCredentials.provider(from: environment)
        let found = try provider ?? CloudsYAMLCredentials.provider(from: environment, transport: transport)
        guard let found else {
            throw ClientError.missingCredentials(
                "set HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK, OS_* variables, ~/.huaweicloud/credentials or clouds.yaml")
        }
        resolved = found
        return found
    }

    /// Credentials of the resolved provider.
    public func credentials() async throws -> Credentials {
        try await resolveProvider().credentials()
    }

    /// Passes the rejection on to the resolved provider.
    public func invalidate(_ credentials: Credentials) async {
        await resolved?.invalidate(credentials)
    }
}
