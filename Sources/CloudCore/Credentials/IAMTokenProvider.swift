import Foundation
import HTTPTypes
import Logging

/// Obtains an IAM token with the password method (`POST /v3/auth/tokens`), caches it and refreshes it
/// shortly before it expires. Concurrent callers share one refresh.
///
/// The token's lifetime is read from `token.expires_at` in IAM's answer; an answer without it is taken to last one
/// hour (IAM's default validity is 24 hours, so this only refreshes early). When a refresh inside the refresh margin
/// fails, the cached token is used until it really expires, and the failure is logged.
public final class IAMTokenProvider: CredentialProvider, CustomStringConvertible, CustomReflectable, Sendable {
    /// The project scope of the token.
    public enum ProjectScope: Sendable, Hashable {
        /// Scope by project id.
        case id(String)
        /// Scope by project name (often the region name, e.g. `eu-de`).
        case name(String)
    }

    private struct Token: Sendable {
        let value: String
        let projectID: String?
    }

    private let request: TokenRequest
    private let cache: ExpiringCache<Token>
    private let logger: Logger?

    /// How many tokens were requested from IAM (for diagnostics and tests).
    public var fetchCount: Int {
        get async { await cache.fetchCount }
    }

    /// Creates a provider.
    /// - Parameters:
    ///   - authURL: the IAM endpoint, with or without the `/v3` suffix, e.g. `https://iam.eu-de.otc.t-systems.com/v3`.
    ///   - userName: the IAM user.
    ///   - password: the user's password; never logged or shown in descriptions.
    ///   - domainName: the account (domain) the user belongs to.
    ///   - scope: the project the token is for; nil asks for a domain-scoped token.
    ///   - transport: how the token request is sent; nil uses its own ``AsyncHTTPClientTransport``.
    ///   - refreshMargin: a token is replaced when it expires within this interval.
    ///   - timeout: the time limit of the token request.
    ///   - clock: the current time, injectable for tests.
    ///   - logger: where a failed refresh is reported while the cached token is still used.
    public init(
        authURL: URL, userName: String, password: String, domainName: String, scope: ProjectScope?,
        transport: (any HTTPTransport)? = nil, refreshMargin: TimeInterval = 300, timeout: Duration = .seconds(30),
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger? = nil
    ) {
        var base = authURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        if !base.hasSuffix("/v3") { base += "/v3" }
        let request = TokenRequest(
            tokensURL: URL(string: base + "/auth/tokens") ?? authURL, userName: userName, password: password,
            domainName: domainName, scope: scope, transport: transport ?? AsyncHTTPClientTransport(), timeout: timeout,
            now: clock)
        self.request = request
        self.cache = ExpiringCache(
            refreshMargin: refreshMargin, clock: clock,
            onStaleUse: { error, expiry in
                logger?.warning(
                    "IAM token refresh failed; the cached token is used until it expires",
                    metadata: ["expires": "\(expiry)", "error": "\(error)"])
            },
            fetch: { try await request.fetch() })
        self.logger = logger
    }

    /// Redacted.
    public var description: String {
        "IAMTokenProvider(user: \(request.userName), domain: \(request.domainName), password: \(Redaction.placeholder))"
    }

    /// What `dump(_:)` and debuggers show: as ``description``, never the password or the cached token.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: ["user": request.userName, "domain": request.domainName, "password": Redaction.placeholder])
    }

    /// The cached token, or a fresh one when it is missing or about to expire.
    public func credentials() async throws -> Credentials {
        let token = try await cache.value()
        return Credentials(authentication: .token(token.value), projectID: token.projectID)
    }

    /// Drops the cached token when it is the rejected one (a concurrent call may have replaced it already).
    public func invalidate(_ credentials: Credentials) async {
        guard case .token(let rejected) = credentials.authentication else { return }
        if await cache.invalidate(where: { $0.value == rejected }) {
            logger?.info("IAM token rejected by the service; a new one is fetched")
        }
    }

    /// `POST /v3/auth/tokens` with the password method: what one fetch sends.
    private struct TokenRequest: Sendable {
        let tokensURL: URL
        let userName: String
        let password: String
        let domainName: String
        let scope: ProjectScope?
        let transport: any HTTPTransport
        let timeout: Duration
        let now: @Sendable () -> Date

        func fetch() async throws -> (value: Token, expiresAt: Date) {
            var request = HTTPRequest(url: tokensURL)
            request.method = .post
            request.headerFields[.contentType] = "application/json;charset=UTF-8"
            let body = try JSONEncoder().encode(requestBody())
            let response = try await transport.send(request, body: body, timeout: timeout)
            guard (200...299).contains(response.head.status.code) else {
                throw APIError(
                    status: response.head.status.code,
                    requestID: response.head.headerFields[.requestID],
                    body: response.body)
            }
            guard let value = response.head.headerFields[HTTPField.Name("X-Subject-Token")!], !value.isEmpty else {
                throw ClientError(
                    "IAM response has no X-Subject-Token header", requestID: response.head.headerFields[.requestID])
            }
            let parsed = try? JSONModelDecoder().decode(JSONValue.self, from: response.body)
            let expiry = parsed?["token"]?["expires_at"]?.stringValue.flatMap(IAMTokenProvider.parseDate)
                ?? now().addingTimeInterval(3600)
            let projectID = parsed?["token"]?["project"]?["id"]?.stringValue
            return (Token(value: value, projectID: projectID), expiry)
        }

        private func requestBody() -> JSONValue {
            let identity: JSONValue = [
                "methods": ["password"],
                "password": [
                    "user": ["name": .string(userName), "password": .string(password), "domain": ["name": .string(domainName)]]
                ],
            ]
            var auth: [String: JSONValue] = ["identity": identity]
            switch scope {
            case .id(let id): auth["scope"] = ["project": ["id": .string(id)]]
            case .name(let name): auth["scope"] = ["project": ["name": .string(name)]]
            case nil: auth["scope"] = ["domain": ["name": .string(domainName)]]
            }
            return ["auth": .object(auth)]
        }
    }

    /// Parses `expires_at`, e.g. `2026-11-24T09:13:31.816000Z`.
    static func parseDate(_ text: String) -> Date? {
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = fractional.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        return plain.date(from: text)
    }
}
