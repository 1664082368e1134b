/// The provider used when none is configured: environment variables, then `~/.huaweicloud/credentials`,
/// then `clouds.yaml`, then the instance metadata service (an ECS with an agency). The first source that yields
/// credentials is kept for the life of the chain.
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
        let found =
            try provider ?? CloudsYAMLCredentials.provider(from: environment, transport: transport)
            ?? environment.metadataEndpoint.map { MetadataCredentialProvider(endpoint: $0, timeout: environment.metadataTimeout) }
        guard let found else { throw Self.noCredentials() }
        resolved = found
        return found
    }

    /// Credentials of the resolved provider. When only the metadata service was left and it does not answer, the
    /// error lists every source.
    public func credentials() async throws -> Credentials {
        let provider = try resolveProvider()
        do {
            return try await provider.credentials()
        } catch {
            guard provider is MetadataCredentialProvider else { throw error }
            throw Self.noCredentials(metadata: error)
        }
    }

    private static func noCredentials(metadata: (any Error)? = nil) -> ClientError {
        let tried = "set HUAWEICLOUD_SDK_AK/HUAWEICLOUD_SDK_SK, OS_* variables, ~/.huaweicloud/credentials or clouds.yaml"
        guard let metadata else { return .missingCredentials(tried) }
        return .missingCredentials(tried + ", or run on an ECS with an agency (the metadata service: \(metadata))")
    }

    /// Passes the rejection on to the resolved provider.
    public func invalidate(_ credentials: Credentials) async {
        await resolved?.invalidate(credentials)
    }
}
