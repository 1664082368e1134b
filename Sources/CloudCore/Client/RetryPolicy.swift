import Foundation

/// When and how long to wait before trying a request again.
///
/// 429 and 503 are retried for every method; other 5xx responses, dropped connections and timeouts only
/// for idempotent methods (GET, HEAD, PUT, DELETE); failed connects (nothing sent) for every method.
/// Delays grow exponentially with full jitter and are capped; a `Retry-After` header replaces the backoff (the
/// service said when to come back, `0` included), within the cap.
public struct RetryPolicy: Sendable, Hashable {
    /// Total attempts including the first; 1 disables retries.
    public var maxAttempts: Int
    /// Delay ceiling of the first retry before jitter.
    public var baseDelay: Duration
    /// Upper bound of any delay, including one asked for by `Retry-After`.
    public var maxDelay: Duration

    /// Creates a policy.
    public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(20)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Three attempts, 200 ms base delay, 20 s cap.
    public static let `default` = RetryPolicy()
    /// A single attempt.
    public static let noRetries = RetryPolicy(maxAttempts: 1)

    /// Whether `error` from attempt of `method` may be retried.
    public func shouldRetry(_ error: any Error, method: String) -> Bool {
        let idempotent = ["GET", "HEAD", "PUT", "DELETE", "OPTIONS"].contains(method.uppercased())
        switch error {
        case let error as APIError:
            if error.status == 429 || error.status == 503 { return true }
            return idempotent && (500...599).contains(error.status)
        case let error as TransportError:
            switch error.kind {
            case .connectFailed: return true
            case .connectionDropped, .timedOut, .other: return idempotent
            case .invalidRequest, .tlsFailed: return false
            }
        default:
            return false
        }
    }

    /// The delay before retry number `retry` (1 for the first retry): `retryAfter` (capped) when the service gave
    /// one, else the jittered backoff.
    public func delay(beforeRetry retry: Int, retryAfter: Duration? = nil) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        let ceiling = min(baseDelay * (1 << exponent), maxDelay)
        let ceilingSeconds = ceiling.secondsValue
        let jittered = Duration.seconds(ceilingSeconds > 0 ? Double.random(in: 0...ceilingSeconds) : 0)
        guard let retryAfter else { return jittered }
        return min(retryAfter, maxDelay)
    }

    /// Parses a `Retry-After` value: delta seconds or an HTTP date (relative to `now`).
    public static func parseRetryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return .seconds(max(0, seconds)) }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now)))
    }
}

extension Duration {
    /// The duration in (fractional) seconds.
    var secondsValue: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
