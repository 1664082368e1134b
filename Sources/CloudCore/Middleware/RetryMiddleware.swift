import Foundation
import Logging

/// Retries failed attempts according to a ``RetryPolicy``; every attempt runs the inner chain again, so
/// requests are re-signed. When the attempts are exhausted the last error is thrown.
public struct RetryMiddleware: Middleware {
    private let policy: RetryPolicy
    private let logger: Logger?

    /// Creates the middleware; retries are logged at debug level when a logger is given.
    public init(policy: RetryPolicy, logger: Logger? = nil) {
        self.policy = policy
        self.logger = logger
    }

    /// Calls `next` up to `policy.maxAttempts` times.
    public func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
        var request = request
        var attempt = 1
        while true {
            request.context.attempt = attempt
            do {
                return try await next(request)
            } catch {
                guard attempt < policy.maxAttempts, policy.shouldRetry(error, method: request.method.rawValue) else {
                    throw error
                }
                let retryAfter = (error as? APIError)?.headerFields[.retryAfter].flatMap {
                    RetryPolicy.parseRetryAfter($0)
                }
                let delay = policy.delay(beforeRetry: attempt, retryAfter: retryAfter)
                logger?.debug(
                    "retrying after \(delay)",
                    metadata: ["operation": "\(request.context.operation)", "attempt": "\(attempt + 1)", "cause": "\(error)"])
                try await Task.sleep(for: delay)
                attempt += 1
            }
        }
    }
}
