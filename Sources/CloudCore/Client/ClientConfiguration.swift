import Foundation
import Logging
import Tracing

/// Everything a ``ServiceClient`` needs besides its endpoint.
public struct ClientConfiguration: Sendable {
    /// Where credentials come from; nil uses ``DefaultCredentialChain``.
    public var credentials: (any CredentialProvider)?
    /// Project id substituted into `{project_id}`; nil uses the one the credentials know.
    public var projectID: String?
    /// Retry behaviour.
    public var retry: RetryPolicy
    /// Connect and per-attempt time limits.
    public var timeouts: Timeouts
    /// The HTTP transport; nil uses ``AsyncHTTPClientTransport`` over the process-wide connection pool of the
    /// settings below (shared by every client with the same settings, never shut down). Pass a ``CloudHTTPClient``
    /// to own the pool and decide when it closes.
    public var transport: (any HTTPTransport)?
    /// Connections the default transport keeps open to the service; raise it for many concurrent calls.
    public var maxConnectionsPerHost = 8
    /// Whether the default transport goes through a proxy; by default the one `HTTPS_PROXY` / `HTTP_PROXY` name
    /// (unless `NO_PROXY` excludes the endpoint).
    public var proxy: ProxySetting = .environment
    /// PEM files of certificate authorities the default transport trusts besides the system's: a private
    /// endpoint's, or a TLS-inspecting corporate proxy's (the official SDKs' `ssl_ca_cert`).
    public var caCertificateFiles: [String] = []
    /// The tracer of the calls' spans; nil uses `InstrumentationSystem.tracer` as bootstrapped when the client is
    /// created (a no-op unless bootstrapped).
    public var tracer: (any Tracer)?
    /// Your middlewares, outermost first. They run on every attempt (inside the retries), before the request is
    /// signed: a header they add is signed, and they see the service's errors as ``APIError``.
    public var middlewares: [any Middleware] = []
    /// Logger for requests; nil disables logging.
    public var logger: Logger?
    /// The signing time source (tests inject a fixed clock).
    public var clock: @Sendable () -> Date
    /// IAM endpoint used to look up the project id of the region when none is configured or known to the
    /// credentials. The default is `$HUAWEICLOUD_SDK_IAM_ENDPOINT` (the official SDKs' variable); when that is
    /// unset too, clients built from a region use `https://iam.<region>.<cloud domain>`.
    public var iamEndpoint: URL?

    /// Creates a configuration.
    public init(
        credentials: (any CredentialProvider)? = nil, projectID: String? = nil, retry: RetryPolicy = .default,
        timeouts: Timeouts = .default, transport: (any HTTPTransport)? = nil, logger: Logger? = nil
    ) {
        self.credentials = credentials
        self.projectID = projectID
        self.retry = retry
        self.timeouts = timeouts
        self.transport = transport
        self.logger = logger
        self.clock = { Date() }
        self.iamEndpoint = ProcessInfo.processInfo.environment["HUAWEICLOUD_SDK_IAM_ENDPOINT"]
            .flatMap { $0.isEmpty ? nil : URL(string: $0) }
    }
}
