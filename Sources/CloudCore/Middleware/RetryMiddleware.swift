import Foundation

/// Retries failed attempts according to a ``RetryPolicy``; every attempt runs the inner chain again, so
/// requests are re-signed. When the attempts are exhausted the last error is thrown.
public struct RetryMiddleware: Middleware {
    private let policy: RetryPolicy

    /// Creates the middleware.
    public init(policy: RetryPolicy) { self.policy = policy }

    /// Calls `next` up to `policy.maxAttempts` times.
    public func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
        var attempt = 1
        while true {
            do {
                return try await next(request)
            } catch {
                guard attempt < policy.maxAttempts, policy.shouldRetry(error, method: request.method.rawValue) else {
                    throw error
                }
                let retryAfter = (error as? APIError)?.headerFields[.retryAfter].flatMap {
                    RetryPolicy.parseRetryAfter($0)
                }
                try await Task.sleep(for: policy.delay(beforeRetry: attempt, retryAfter: retryAfter))
                attempt += 1
            }
        }
    }
}
