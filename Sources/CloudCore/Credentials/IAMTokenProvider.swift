import Foundation
import HTTPTypes
import Logging

/// Obtains an IAM token with the password method (`POST /v3/auth/tokens`), caches it and refreshes it
/// shortly before it expires. Concurrent callers share one refresh.
///
/// The token's lifetime is read from `token.expires_at` in IAM's answer; an answer without it is taken to last one
/// hour (IAM's default validity is 24 hours, so this only refreshes early). When a refresh inside the refresh margin
/// fails, the cached token is used until it really expires, and the failure is logged.
public actor IAMTokenProvider: CredentialProvider, CustomStringConvertible {
    /// The project scope of the token.
    public enum ProjectScope: Sendable, Hashable {
        /// Scope by project id.
        case id(String)
        /// Scope by project name (often the region name, e.g. `eu-de`).
        case name(String)
    }

    private struct Token: Sendable {
        let value: String
        let expiresAt: Date
        let projectId: String?
    }

    private let tokensURL: URL
    private let userName: String
    private let password: String
    private let domainName: String
    private let scope: ProjectScope?
    private let transport: any HTTPTransport
    private let refreshMargin: TimeInterval
    private let timeout: Duration
    private let now: @Sendable () -> Date
    private let logger: Logger?
    private var cached: Token?
    private var refreshing: Task<Token, any Error>?
    /// How many tokens were fetched from IAM (for diagnostics and tests).
    public private(set) var fetchCount = 0

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
        self.tokensURL = URL(string: base + "/auth/tokens") ?? authURL
        self.userName = userName
        self.password = password
        self.domainName = domainName
        self.scope = scope
        self.transport = transport ?? AsyncHTTPClientTransport()
        self.refreshMargin = refreshMargin
        self.timeout = timeout
        self.now = clock
        self.logger = logger
    }

    /// Redacted.
    public nonisolated var description: String {
        "IAMTokenProvider(user: \(userName), domain: \(domainName), password: \(Redaction.placeholder))"
    }

    /// The cached token, or a fresh one when it is missing or about to expire.
    public func credentials() async throws -> Credentials {
        if let cached, cached.expiresAt.timeIntervalSince(now()) > refreshMargin {
            return Credentials(authentication: .token(cached.value), projectId: cached.projectId)
        }
        let token: Token
        do {
            token = try await refreshedToken()
        } catch {
            guard let cached, cached.expiresAt > now() else { throw error }
            logger?.warning(
                "IAM token refresh failed; the cached token is used until it expires",
                metadata: ["expires": "\(cached.expiresAt)", "error": "\(error)"])
            token = cached
        }
        return Credentials(authentication: .token(token.value), projectId: token.projectId)
    }

    /// Drops the cached token when it is the rejected one (a concurrent call may have replaced it already).
    public func invalidate(_ credentials: Credentials) async {
        if case .token(let rejected) = credentials.authentication, cached?.value == rejected {
            logger?.info("IAM token rejected by the service; a new one is fetched")
            cached = nil
        }
    }

    /// A new token; concurrent callers share one request.
    private func refreshedToken() async throws -> Token {
        if let refreshing { return try await refreshing.value }
        let task = Task { try await self.fetchToken() }
        refreshing = task
        defer { refreshing = nil }
        let token = try await task.value
        cached = token
        return token
    }

    private func fetchToken() async throws -> Token {
        fetchCount += 1
        var request = HTTPRequest(url: tokensURL)
        request.method = .post
        request.headerFields[.contentType] = "application/json;charset=UTF-8"
        let body = try JSONEncoder().encode(requestBody())
        let response = try await transport.send(request, body: body, timeout: timeout)
        guard (200...299).contains(response.head.status.code) else {
            throw APIError(
                status: response.head.status.code,
                requestId: response.head.headerFields[.requestId],
                body: response.body)
        }
        guard let value = response.head.headerFields[HTTPField.Name("X-Subject-Token")!], !value.isEmpty else {
            throw ClientError(
                "IAM response has no X-Subject-Token header", requestId: response.head.headerFields[.requestId])
        }
        let parsed = try? JSONDecoder().decode(JSONValue.self, from: response.body)
        let expiry = parsed?["token"]?["expires_at"]?.stringValue.flatMap(Self.parseDate)
            ?? now().addingTimeInterval(3600)
        let projectId = parsed?["token"]?["project"]?["id"]?.stringValue
        return Token(value: value, expiresAt: expiry, projectId: projectId)
    }

    private func requestBody() -> JSONValue {
        let identity: JSONValue = [
            "methods": ["password"],
            "password": ["user": ["name": .string(userName), "password": .string(password), "domain": ["name": .string(domainName)]]],
        ]
        var auth: [String: JSONValue] = ["identity": identity]
        switch scope {
        case .id(let id): auth["scope"] = ["project": ["id": .string(id)]]
        case .name(let name): auth["scope"] = ["project": ["name": .string(name)]]
        case nil: auth["scope"] = ["domain": ["name": .string(domainName)]]
        }
        return ["auth": .object(auth)]
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
