import Foundation
import HTTPTypes

/// Authenticates each attempt: AK/SK requests are signed (fresh `X-Sdk-Date` every time), token requests
/// carry `X-Auth-Token`.
public struct SigningMiddleware: Middleware {
    private let provider: any CredentialProvider
    private let clock: @Sendable () -> Date

    /// Creates the middleware; `clock` supplies the signing time.
    public init(provider: any CredentialProvider, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.provider = provider
        self.clock = clock
    }

    /// Adds authentication headers and calls `next`.
    public func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
        var request = request
        let credentials = try await provider.credentials()
        request.headerFields[.xSdkDate] = nil
        request.headerFields[.authorization] = nil
        switch credentials.authentication {
        case .token(let token):
            request.headerFields[.authToken] = token
        case .accessKey(let keys):
            if let token = keys.securityToken { request.headerFields[.securityToken] = token }
            if let projectId = request.projectId ?? credentials.projectId, !projectId.isEmpty {
                if request.headerFields[.projectId] == nil { request.headerFields[.projectId] = projectId }
            } else if let domainId = credentials.domainId, request.headerFields[.domainId] == nil {
                request.headerFields[.domainId] = domainId
            }
            var headers: [(name: String, value: String)] = [("Host", request.authority)]
            for field in request.headerFields { headers.append((field.name.rawName, field.value)) }
            let signature = RequestSigner(accessKey: keys.accessKey, secretKey: keys.secretKey).sign(
                method: request.method.rawValue, path: request.path, query: request.query, headers: headers,
                body: request.body, date: clock())
            for header in signature.headersToAdd {
                if let name = HTTPField.Name(header.name) { request.headerFields[name] = header.value }
            }
        }
        return try await next(request)
    }
}
