import Foundation

/// A value that expires (an IAM token, temporary keys), fetched again shortly before it does. Concurrent callers
/// share one fetch; when a fetch inside the refresh margin fails, the cached value serves until it really expires.
actor ExpiringCache<Value: Sendable> {
    /// What one fetch brings: the value and when it stops being valid.
    typealias Fetch = @Sendable () async throws -> (value: Value, expiresAt: Date)

    private let fetch: Fetch
    private let refreshMargin: TimeInterval
    private let now: @Sendable () -> Date
    /// Told when a failed refresh falls back to the cached value (`error`, the value's expiry).
    private let onStaleUse: @Sendable (any Error, Date) -> Void
    private var cached: (value: Value, expiresAt: Date)?
    private var refreshing: Task<(value: Value, expiresAt: Date), any Error>?
    /// How many fetches were started.
    private(set) var fetchCount = 0

    init(
        refreshMargin: TimeInterval, clock: @escaping @Sendable () -> Date,
        onStaleUse: @escaping @Sendable (any Error, Date) -> Void = { _, _ in }, fetch: @escaping Fetch
    ) {
        self.refreshMargin = refreshMargin
        self.now = clock
        self.onStaleUse = onStaleUse
        self.fetch = fetch
    }

    /// The cached value, or a fresh one when it is missing or expires within the refresh margin.
    func value() async throws -> Value {
        if let cached, cached.expiresAt.timeIntervalSince(now()) > refreshMargin { return cached.value }
        do {
            return try await refreshed().value
        } catch {
            guard let cached, cached.expiresAt > now() else { throw error }
            onStaleUse(error, cached.expiresAt)
            return cached.value
        }
    }

    /// Drops the cached value when `isRejected` says it is the one a service refused (a concurrent call may have
    /// replaced it already). Returns whether it was dropped.
    @discardableResult
    func invalidate(where isRejected: (Value) -> Bool) -> Bool {
        guard let cached, isRejected(cached.value) else { return false }
        self.cached = nil
        return true
    }

    private func refreshed() async throws -> (value: Value, expiresAt: Date) {
        if let refreshing { return try await refreshing.value }
        fetchCount += 1
        let task = Task { try await fetch() }
        refreshing = task
        defer { refreshing = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh
    }
}
