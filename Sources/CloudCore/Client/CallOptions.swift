import Logging

/// Options for some calls rather than the whole client: ``ServiceClient/with(_:)`` (and the generated clients'
/// `with(_:)`) returns a client that applies them, sharing everything else with the original.
///
/// ```swift
/// let quick = modelArts.with(CallOptions(timeout: .seconds(5), retry: .noRetries))
/// let notebook = try await quick.showNotebook(id: id)
/// ```
public struct CallOptions: Sendable {
    /// The time limit of each attempt, instead of the client's.
    public var timeout: Duration?
    /// The logger of these calls, instead of the client's.
    public var logger: Logger?
    /// The retry policy, instead of the client's.
    public var retry: RetryPolicy?
    /// More middlewares, run inside the client's own (closest to signing).
    public var middlewares: [any Middleware]

    /// Creates options; what is left nil keeps the client's setting.
    public init(
        timeout: Duration? = nil, logger: Logger? = nil, retry: RetryPolicy? = nil, middlewares: [any Middleware] = []
    ) {
        self.timeout = timeout
        self.logger = logger
        self.retry = retry
        self.middlewares = middlewares
    }

    func apply(to configuration: inout ClientConfiguration) {
        if let timeout { configuration.timeouts.request = timeout }
        if let logger { configuration.logger = logger }
        if let retry { configuration.retry = retry }
        configuration.middlewares += middlewares
    }
}
