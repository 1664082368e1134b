import Foundation
import HTTPTypes
import Logging

/// Sends the operations of one service: builds, authenticates, retries and decodes requests.
///
/// The middleware chain, outermost first: tracing → logging → retry → the user's middlewares → signing → error
/// mapping → transport. Retry sits outside signing so that every attempt is signed afresh, and the user's middlewares see
/// (and may change) every attempt before it is signed.
public final class ServiceClient: Sendable {
    /// The service's name (`ModelArts`), which middlewares read in ``RequestContext/service``.
    public let service: String
    /// Where requests go.
    public let endpoint: Endpoint
    /// The region, when known.
    public let region: Region?
    /// Whether calls are made in a project or in the domain (a global service such as IAM).
    public let scope: ServiceScope
    /// The configuration the client was created with (with the per-call options of ``with(_:)`` applied).
    public let configuration: ClientConfiguration
    private let credentialProvider: any CredentialProvider
    private let transport: any HTTPTransport
    private let clockOffset: ClockOffset
    private let chain: MiddlewareNext
    private let projectIDResolver: ProjectIDResolver?

    /// A client of `service` for `https://<endpointPrefix>.<region>.<cloud domain>`, whose calls are made in a
    /// project or, with `scope` ``ServiceScope/global``, in the domain.
    public convenience init(
        endpointPrefix: String, region: Region, cloud: Cloud = .openTelekomCloud,
        configuration: ClientConfiguration = .init(), service: String = "", scope: ServiceScope = .project
    ) throws {
        var configuration = configuration
        if configuration.iamEndpoint == nil {
            configuration.iamEndpoint = URL(string: Endpoint(service: "iam", region: region, cloud: cloud).description)
        }
        try self.init(
            service: service, resolvedEndpoint: Endpoint(service: endpointPrefix, region: region, cloud: cloud),
            region: region, configuration: configuration, scope: scope)
    }

    /// A client of `service` for an explicit endpoint such as `http://127.0.0.1:8080`, whose calls are made in a
    /// project or, with `scope` ``ServiceScope/global``, in the domain.
    public convenience init(
        endpoint: URL, region: Region? = nil, configuration: ClientConfiguration = .init(), service: String = "",
        scope: ServiceScope = .project
    ) throws {
        try self.init(
            service: service, resolvedEndpoint: Endpoint(url: endpoint), region: region, configuration: configuration,
            scope: scope)
    }

    private convenience init(
        service: String, resolvedEndpoint: Endpoint, region: Region?, configuration: ClientConfiguration,
        scope: ServiceScope
    ) throws {
        let transport: any HTTPTransport
        if let configured = configuration.transport {
            transport = configured
        } else {
            transport = try AsyncHTTPClientTransport(
                settings: ConnectionSettings(
                    connectTimeout: configuration.timeouts.connect,
                    proxy: configuration.proxy.resolved(for: resolvedEndpoint),
                    maxConnectionsPerHost: configuration.maxConnectionsPerHost,
                    caCertificateFiles: configuration.caCertificateFiles))
        }
        let provider = configuration.credentials ?? DefaultCredentialChain(transport: transport)
        var projectIDResolver: ProjectIDResolver?
        // A global service's calls need no project: none is looked up.
        if scope == .project, configuration.projectID == nil, let region, let iamEndpoint = configuration.iamEndpoint {
            var iamConfiguration = configuration
            iamConfiguration.credentials = provider
            iamConfiguration.transport = transport
            iamConfiguration.iamEndpoint = nil
            let iamClient = try ServiceClient(
                service: "IAM", resolvedEndpoint: Endpoint(url: iamEndpoint), region: nil,
                configuration: iamConfiguration, scope: .project)
            projectIDResolver = ProjectIDResolver(iamClient: iamClient, region: region)
        }
        self.init(
            service: service, endpoint: resolvedEndpoint, region: region, scope: scope, configuration: configuration,
            credentialProvider: provider, transport: transport, clockOffset: ClockOffset(),
            projectIDResolver: projectIDResolver)
    }

    private init(
        service: String, endpoint: Endpoint, region: Region?, scope: ServiceScope, configuration: ClientConfiguration,
        credentialProvider: any CredentialProvider, transport: any HTTPTransport, clockOffset: ClockOffset,
        projectIDResolver: ProjectIDResolver?
    ) {
        self.service = service
        self.endpoint = endpoint
        self.region = region
        self.scope = scope
        self.configuration = configuration
        self.credentialProvider = credentialProvider
        self.transport = transport
        self.clockOffset = clockOffset
        self.projectIDResolver = projectIDResolver
        let logger = configuration.logger
        let timeout = configuration.timeouts.request

        // Without a tracer the tracing middleware would only pass requests on: it is left out, as is the count of
        // attempts that only a span reads.
        let tracing = TracingMiddleware(tracer: configuration.tracer)
        let isTracing = tracing.isTracing
        var middlewares: [any Middleware] = isTracing ? [tracing] : []
        if let logger { middlewares.append(LoggingMiddleware(logger: logger)) }
        middlewares.append(RetryMiddleware(policy: configuration.retry, logger: logger))
        middlewares += configuration.middlewares
        middlewares.append(
            SigningMiddleware(
                provider: credentialProvider, clock: configuration.clock, offset: clockOffset, logger: logger))
        middlewares.append(ErrorMappingMiddleware())

        var next: MiddlewareNext = { request in
            if isTracing { AttemptCounter.current?.withLock { $0 += 1 } }
            if let logger {
                logger.trace(
                    "attempt", metadata: ["headers": .string(LoggingMiddleware.render(request.headerFields))])
            }
            return try await transport.send(request.httpRequest, body: request.body, timeout: timeout)
        }
        for middleware in middlewares.reversed() {
            let inner = next
            next = { request in try await middleware.handle(request, next: inner) }
        }
        self.chain = next
    }

    /// This client with `options` applied to the calls made through the returned one. The connection pool, the
    /// credentials (and their cached token), the project id lookup and the learnt clock offset are shared.
    public func with(_ options: CallOptions) -> ServiceClient {
        var configuration = configuration
        options.apply(to: &configuration)
        return ServiceClient(
            service: service, endpoint: endpoint, region: region, scope: scope, configuration: configuration,
            credentialProvider: credentialProvider,
            transport: transport, clockOffset: clockOffset, projectIDResolver: projectIDResolver)
    }

    private static let projectIDPlaceholder = Array("{project_id}".utf8)

    // One encoder for every call: it holds no per-call state (its options are never changed).
    private static let encoder = JSONEncoder()

    /// Sends and decodes the JSON body of a 2xx response. An empty body (services answer 204 where the pages
    /// document a body) decodes as `{}`, which every response model accepts since all its fields are optional.
    /// Numbers and booleans sent as strings are read as their values
    /// (``JSONModelDecoder/ScalarSpelling/quotedNumbers``). A body that does not fit the model throws
    /// ``ResponseDecodingError`` with the path of the mismatch.
    public func send<Output: Decodable & Sendable>(_ request: OperationRequest, as: Output.Type) async throws -> Output {
        try Self.decode(Output.self, from: try await execute(request), of: request)
    }

    /// The JSON body of `response` to `request` as `Output` (see ``send(_:as:)``).
    static func decode<Output: Decodable>(
        _: Output.Type, from response: TransportResponse, of request: OperationRequest
    ) throws -> Output {
        let isEmpty = response.body.withUnsafeBytes { bytes in
            bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
        do {
            return try JSONModelDecoder(scalars: .quotedNumbers).decode(Output.self, from: isEmpty ? Data("{}".utf8) : response.body)
        } catch let error as DecodingError {
            throw ResponseDecodingError(
                operation: request.operation, status: response.head.status.code,
                requestID: response.head.headerFields[.requestID], body: response.body, decoding: error)
        }
    }

    /// Sends and ignores the response body (204 / no documented body).
    public func send(_ request: OperationRequest) async throws {
        _ = try await execute(request)
    }

    /// Sends and returns the raw response (status, headers and body) of a 2xx response.
    public func execute(_ request: OperationRequest) async throws -> TransportResponse {
        // A global service's path names a project only as an argument (`/v3/projects/{project_id}`).
        var projectID = scope == .project ? configuration.projectID : nil
        if scope == .project, projectID == nil, request.pathParameters["project_id"] == nil,
            request.path.containsUTF8(Self.projectIDPlaceholder)
        {
            let credentials = try await credentialProvider.credentials()
            projectID = credentials.projectID
            if projectID == nil, case .accessKey = credentials.authentication, let projectIDResolver {
                projectID = try await projectIDResolver.projectID()
            }
        }
        let path = endpoint.basePath + (try request.expandedPath(projectID: projectID))
        var body: Data?
        var contentType = "application/json"
        if let raw = request.body as? Data {
            body = raw
            contentType = "application/octet-stream"
        } else if let payload = request.body {
            do {
                body = try Self.encoder.encode(payload)
            } catch {
                throw ClientError("the request body could not be encoded", operation: request.operation, underlying: error)
            }
            contentType = "application/json;charset=UTF-8"
        }
        var fields: HTTPFields = [.contentType: contentType]
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key }) {
            guard let fieldName = HTTPField.Name(name) else {
                throw ClientError("invalid header name \(name)")
            }
            fields[fieldName] = value
        }
        let prepared = PreparedRequest(
            context: RequestContext(service: service, operation: request.operation, projectID: projectID, scope: scope),
            method: request.method, scheme: endpoint.scheme, authority: endpoint.authority,
            path: path.isEmpty ? "/" : path, query: request.query, headerFields: fields, body: body)
        return try await chain(prepared)
    }
}
