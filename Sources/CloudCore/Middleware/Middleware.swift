import Foundation
import HTTPTypes

/// What a middleware knows of the call a request belongs to, besides the request itself: read it here rather
/// than from headers or the path.
public struct RequestContext: Sendable, Hashable {
    /// The service, as its generated client names it (`ModelArts`); empty for a client made without one.
    public var service: String
    /// The operation id (`CreateNotebook`).
    public var operation: String
    /// The project the call is made in, when the client knows it before signing.
    public var projectID: String?
    /// Whether the call is made in a project or, for a global service, in the domain (signed with `X-Domain-Id`).
    public var scope: ServiceScope
    /// Which attempt this is, from 1: the retry middleware counts them, so middlewares inside it see each one.
    public var attempt: Int

    /// Creates a context.
    public init(
        service: String = "", operation: String, projectID: String? = nil, scope: ServiceScope = .project,
        attempt: Int = 1
    ) {
        self.service = service
        self.operation = operation
        self.projectID = projectID
        self.scope = scope
        self.attempt = attempt
    }
}

/// A request on its way through the middleware chain, before it becomes an `HTTPRequest`.
public struct PreparedRequest: Sendable {
    /// The call this request belongs to.
    public var context: RequestContext
    /// HTTP method.
    public var method: HTTPRequest.Method
    /// `https` or `http`.
    public var scheme: String
    /// Host and optional port.
    public var authority: String
    /// Percent-encoded path.
    public var path: String
    /// Query parameters; sent sorted and encoded exactly as the signer canonicalises them.
    public var query: QueryItems {
        didSet { encodedQuery = nil }
    }
    /// Header fields (without `Host`, which is the authority).
    public var headerFields: HTTPFields
    /// Body bytes.
    public var body: Data?
    /// The encoded query the signer produced for ``query``, kept so that it is not encoded a second time to be
    /// sent; cleared when the query changes.
    var encodedQuery: String?

    /// Creates a request of the call `context`.
    public init(
        context: RequestContext, method: HTTPRequest.Method, scheme: String, authority: String, path: String,
        query: QueryItems = QueryItems(), headerFields: HTTPFields = HTTPFields(), body: Data? = nil
    ) {
        self.context = context
        self.method = method
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.headerFields = headerFields
        self.body = body
    }

    /// Creates a request of `operation`, outside any service (a test, a page fetch).
    public init(
        operation: String, method: HTTPRequest.Method, scheme: String, authority: String, path: String,
        query: QueryItems = QueryItems(), headerFields: HTTPFields = HTTPFields(), body: Data? = nil
    ) {
        self.init(
            context: RequestContext(operation: operation), method: method, scheme: scheme, authority: authority,
            path: path, query: query, headerFields: headerFields, body: body)
    }

    /// The encoded query string as it is signed and sent.
    public var queryString: String {
        encodedQuery ?? String(decoding: RequestSigner.canonicalQuery(query), as: UTF8.self)
    }

    /// The request head to hand to a transport.
    public var httpRequest: HTTPRequest {
        let query = queryString
        return HTTPRequest(
            method: method, scheme: scheme, authority: authority, path: query.isEmpty ? path : path + "?" + query,
            headerFields: headerFields)
    }
}

/// The rest of the chain, as seen by one middleware.
public typealias MiddlewareNext = @Sendable (PreparedRequest) async throws -> TransportResponse

/// One step of request processing (logging, retry, signing, error mapping).
public protocol Middleware: Sendable {
    /// Handles `request`, usually by adjusting it and calling `next`.
    func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse
}

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!
    static let retryAfter = HTTPField.Name("Retry-After")!
    static let xSdkDate = HTTPField.Name(RequestSigner.dateHeader)!
    static let xSdkContentSHA256 = HTTPField.Name(RequestSigner.contentSHA256Header)!
    static let securityToken = HTTPField.Name("X-Security-Token")!
    static let projectID = HTTPField.Name("X-Project-Id")!
    static let authToken = HTTPField.Name("X-Auth-Token")!
    static let domainID = HTTPField.Name("X-Domain-Id")!
}
