/// An access key pair, optionally temporary (with a security token).
public struct AccessKeyCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The access key id (AK); not secret.
    public var accessKey: String
    /// The secret key (SK).
    public var secretKey: String
    /// The security token of temporary credentials, sent as `X-Security-Token`.
    public var securityToken: String?

    /// Creates permanent (no token) or temporary (with token) credentials.
    public init(accessKey: String, secretKey: String, securityToken: String? = nil) {
        self.accessKey = accessKey
        self.secretKey = secretKey
        self.securityToken = securityToken
    }

    /// Shows the access key only.
    public var description: String {
        "AccessKeyCredentials(accessKey: \(accessKey), secretKey: \(Redaction.placeholder)"
            + (securityToken == nil ? ")" : ", securityToken: \(Redaction.placeholder))")
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// What `dump(_:)` and debuggers show: the access key, and placeholders for the secrets.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKey": accessKey, "secretKey": Redaction.placeholder,
                "securityToken": securityToken.map { _ in Redaction.placeholder } as Any,
            ])
    }
}

/// How requests are authenticated.
public enum Authentication: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Sign every request with `SDK-HMAC-SHA256`.
    case accessKey(AccessKeyCredentials)
    /// Send an IAM token as `X-Auth-Token`.
    case token(String)

    /// Redacted.
    public var description: String {
        switch self {
        case .accessKey(let credentials): return "accessKey(\(credentials))"
        case .token: return "token(\(Redaction.placeholder))"
        }
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// What `dump(_:)` and debuggers show: the credentials (redacted by their own mirror), never a token.
    public var customMirror: Mirror {
        switch self {
        case .accessKey(let credentials): Mirror(self, children: ["accessKey": credentials], displayStyle: .enum)
        case .token: Mirror(self, children: ["token": Redaction.placeholder], displayStyle: .enum)
        }
    }
}

/// What a provider hands to the client for one request.
public struct Credentials: Sendable, Hashable, CustomStringConvertible {
    /// How to authenticate.
    public var authentication: Authentication
    /// The project the credentials are scoped to, when the provider knows it.
    public var projectID: String?
    /// The account (domain) id, sent as `X-Domain-Id` to global services when no project id applies.
    public var domainID: String?

    /// Creates credentials.
    public init(authentication: Authentication, projectID: String? = nil, domainID: String? = nil) {
        self.authentication = authentication
        self.projectID = projectID
        self.domainID = domainID
    }

    /// Redacted.
    public var description: String {
        "Credentials(\(authentication), projectID: \(projectID ?? "nil"))"
    }
}

/// A source of credentials; asked before every attempt, so it should cache.
public protocol CredentialProvider: Sendable {
    /// Returns current credentials, refreshing them if necessary.
    func credentials() async throws -> Credentials

    /// Called when the service rejected `credentials` (a token answered with 401): a provider that caches drops
    /// them, so that the next ``credentials()`` obtains new ones. The default does nothing.
    func invalidate(_ credentials: Credentials) async
}

extension CredentialProvider {
    /// Nothing to drop: the credentials are fixed.
    public func invalidate(_ credentials: Credentials) async {}
}
