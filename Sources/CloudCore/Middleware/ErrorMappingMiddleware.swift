/// Turns non-2xx responses into ``APIError``.
public struct ErrorMappingMiddleware: Middleware {
    /// Creates the middleware.
    public init() {}

    /// Passes 2xx responses through and throws ``APIError`` for all others.
    public func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
        let response = try await next(request)
        guard (200...299).contains(response.head.status.code) else {
            var error = APIError(
                status: response.head.status.code, requestID: response.head.headerFields[.requestID],
                body: response.body)
            error.headerFields = response.head.headerFields
            throw error
        }
        return response
    }
}
