import Foundation
import HTTPTypes
import Logging

/// Authenticates each attempt: AK/SK requests are signed (fresh `X-Sdk-Date` every time), with the project
/// (`X-Project-Id`) or, for a global service or when no project applies, the domain (`X-Domain-Id`); token requests
/// carry `X-Auth-Token`.
///
/// It also recovers from the two rejections a long-running program meets through no fault of its request, once per
/// attempt, before the retry policy sees them:
/// - a token rejected with 401 (expired early, revoked) is invalidated at its provider, a new one obtained and the
///   request sent again;
/// - a signature rejected as expired because the local clock is off by more than the gateway's 15 minutes: the
///   offset is taken from the answer's `Date` header (or the server time in its message), the request signed again
///   with the corrected time, and later requests signed with it too.
public struct SigningMiddleware: Middleware {
    private let provider: any CredentialProvider
    private let clock: @Sendable () -> Date
    private let offset: ClockOffset
    private let logger: Logger?
    /// The signer of the last key pair used: keyed once, not per request, while the keys stay the same.
    private let lastSigner = Locked<(keys: AccessKeyCredentials, signer: RequestSigner)?>(nil)

    /// Creates the middleware; `clock` supplies the signing time, corrected by `offset` (shared by the requests of
    /// one client).
    public init(
        provider: any CredentialProvider, clock: @escaping @Sendable () -> Date = { Date() },
        offset: ClockOffset = ClockOffset(), logger: Logger? = nil
    ) {
        self.provider = provider
        self.clock = clock
        self.offset = offset
        self.logger = logger
    }

    /// Adds authentication headers and calls `next`; once more after a recoverable rejection.
    public func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
        let credentials = try await provider.credentials()
        do {
            return try await next(authenticated(request, with: credentials))
        } catch let error as APIError where error.status == 401 {
            switch credentials.authentication {
            case .token:
                logger?.debug("token rejected; fetching a new one", metadata: ["operation": "\(request.context.operation)"])
                await provider.invalidate(credentials)
                return try await next(authenticated(request, with: try await provider.credentials()))
            case .accessKey:
                guard let serverTime = Self.serverTimeOfExpiredSignature(error) else { throw error }
                let correction = serverTime.timeIntervalSince(clock())
                offset.set(correction)
                logger?.warning(
                    "the local clock is off; signing with the server's time",
                    metadata: ["operation": "\(request.context.operation)", "offset-seconds": "\(Int(correction))"])
                return try await next(authenticated(request, with: credentials))
            }
        }
    }

    private func authenticated(_ request: PreparedRequest, with credentials: Credentials) -> PreparedRequest {
        var request = request
        // Room for what is added below (project, date, payload, authorization): copied once, not grown.
        request.headerFields.reserveCapacity(request.headerFields.count + 5)
        // Scanned, not looked up by name: a lookup builds the fields' name index, on every call.
        if request.headerFields.contains(where: { Self.replacedPerAttempt.contains($0.name) }) {
            request.headerFields.removeAll { Self.replacedPerAttempt.contains($0.name) }
        }
        switch credentials.authentication {
        case .token(let token):
            request.headerFields.append(HTTPField(name: .authToken, value: token))
        case .accessKey(let keys):
            if let token = keys.securityToken { request.headerFields[.securityToken] = token }
            // A global service's calls are the domain's, whatever project the credentials name.
            if request.context.scope == .project, let projectID = request.context.projectID ?? credentials.projectID,
                !projectID.isEmpty
            {
                if !request.headerFields.contains(where: { $0.name == .projectID }) {
                    request.headerFields.append(HTTPField(name: .projectID, value: projectID))
                }
            } else if let domainID = credentials.domainID, !request.headerFields.contains(where: { $0.name == .domainID }) {
                request.headerFields.append(HTTPField(name: .domainID, value: domainID))
            }
            var headers: [(name: String, value: String)] = []
            headers.reserveCapacity(request.headerFields.count + 1)
            headers.append(("Host", request.authority))
            for field in request.headerFields { headers.append((field.name.rawName, field.value)) }
            let (added, canonicalQuery) = signer(for: keys).addedHeaders(
                method: request.method.rawValue, path: request.path, query: request.query, headers: headers,
                body: request.body, date: clock().addingTimeInterval(offset.seconds))
            request.encodedQuery = canonicalQuery
            if let date = added.date { request.headerFields.append(HTTPField(name: .xSdkDate, value: date)) }
            if added.unsignedPayload {
                request.headerFields.append(HTTPField(name: .xSdkContentSHA256, value: RequestSigner.unsignedPayload))
            }
            request.headerFields.append(HTTPField(name: .authorization, value: added.authorization))
        }
        return request
    }

    /// Set afresh on every attempt.
    private static let replacedPerAttempt: [HTTPField.Name] = [.xSdkDate, .authorization, .authToken]

    private func signer(for keys: AccessKeyCredentials) -> RequestSigner {
        lastSigner.withLock { last in
            if let last, last.keys.accessKey == keys.accessKey, last.keys.secretKey == keys.secretKey {
                return last.signer
            }
            let signer = RequestSigner(accessKey: keys.accessKey, secretKey: keys.secretKey)
            last = (keys, signer)
            return signer
        }
    }

    /// The server's time when `error` is the gateway's "signature expired" (`X-Sdk-Date` more than 15 minutes
    /// off): from the `Date` header, else from `server time:<YYYYMMDDTHHMMSSZ>` in the message; nil otherwise.
    static func serverTimeOfExpiredSignature(_ error: APIError) -> Date? {
        guard let message = error.message?.lowercased(), message.contains("signature expired") else { return nil }
        if let date = error.headerFields[.date], let parsed = HTTPDate.parse(date) { return parsed }
        guard let range = message.range(of: "server time:") else { return nil }
        let stamp = message[range.upperBound...].trimmingCharacters(in: .whitespaces).prefix(16)
        return SigningDate.parse(String(stamp).uppercased())
    }
}

/// The correction added to the local clock when signing, learnt from the gateway; shared by a client's requests.
public final class ClockOffset: Sendable {
    private let value = Locked<TimeInterval>(0)

    /// No correction.
    public init() {}

    /// Seconds to add to the local clock.
    public var seconds: TimeInterval { value.current }

    func set(_ seconds: TimeInterval) { value.withLock { $0 = seconds } }
}
