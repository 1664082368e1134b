import Foundation
import HTTPTypes

/// Temporary keys from the instance metadata service, for a program running on an ECS to which an agency is
/// attached (as the official SDKs' `MetadataCredentials`): `GET /openstack/latest/securitykey` gives an access key,
/// a secret key, a security token and their expiry; `GET /openstack/latest/meta_data.json` the project id.
///
/// The keys are cached and fetched again shortly before they expire; concurrent callers share one fetch, and a
/// failed refresh keeps keys that are still valid. Every request to the metadata service has its own short timeout, so that a program that is not on an
/// ECS learns it quickly.
public final class MetadataCredentialProvider: CredentialProvider, Sendable {
    private let cache: ExpiringCache<Credentials>

    /// The metadata service every ECS reaches.
    public static let defaultEndpoint = URL(string: "http://169.254.169.254")!

    /// Creates a provider; `timeout` bounds each request to the metadata service, connect included.
    public init(
        endpoint: URL = defaultEndpoint, transport: (any HTTPTransport)? = nil, timeout: Duration = .seconds(2),
        refreshMargin: TimeInterval = 300, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        let service = MetadataService(
            endpoint: endpoint, transport: transport ?? AsyncHTTPClientTransport(connectTimeout: timeout, proxy: nil),
            timeout: timeout, now: clock)
        cache = ExpiringCache(refreshMargin: refreshMargin, clock: clock) { try await service.fetch() }
    }

    /// The cached keys, or new ones when they are missing or about to expire.
    public func credentials() async throws -> Credentials {
        try await cache.value()
    }

    /// Drops the cached keys, so that the next call fetches new ones.
    public func invalidate(_ credentials: Credentials) async {
        await cache.invalidate { $0 == credentials }
    }

    /// The two documents one fetch reads.
    private struct MetadataService: Sendable {
        struct SecurityKey: Decodable {
            struct Credential: Decodable {
                var access: String
                var secret: String
                var securitytoken: String?
                var expires_at: String?
            }
            var credential: Credential
        }

        let endpoint: URL
        let transport: any HTTPTransport
        let timeout: Duration
        let now: @Sendable () -> Date
        /// The instance's project id, once read: it does not change while the program runs.
        let knownProjectID = Locked<String?>(nil)

        func fetch() async throws -> (value: Credentials, expiresAt: Date) {
            let body = try await get("/openstack/latest/securitykey")
            let key: SecurityKey.Credential
            do {
                key = try JSONModelDecoder().decode(SecurityKey.self, from: body).credential
            } catch {
                throw ClientError("the instance metadata service answered without a security key", underlying: error)
            }
            // Optional: without it, the project id comes from the configuration or from IAM. Read until known.
            var projectID = knownProjectID.current
            if projectID == nil {
                let metadata = try? await get("/openstack/latest/meta_data.json")
                projectID = metadata.flatMap { try? JSONModelDecoder().decode(JSONValue.self, from: $0) }?["project_id"]?
                    .stringValue
                knownProjectID.withLock { $0 = projectID }
            }
            let credentials = Credentials(
                authentication: .accessKey(
                    .init(accessKey: key.access, secretKey: key.secret, securityToken: key.securitytoken)),
                projectID: projectID)
            let expiry = key.expires_at.flatMap(IAMTokenProvider.parseDate) ?? now().addingTimeInterval(900)
            return (credentials, expiry)
        }

        private func get(_ path: String) async throws -> Data {
            var request = HTTPRequest(url: endpoint.appending(path: path))
            request.method = .get
            let response = try await transport.send(request, body: nil, timeout: timeout)
            guard (200...299).contains(response.head.status.code) else {
                throw ClientError("the instance metadata service answered HTTP \(response.head.status.code) for \(path)")
            }
            return response.body
        }
    }
}
