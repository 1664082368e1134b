import Foundation
import HTTPTypes

/// A request on its way through the middleware chain, before it becomes an `HTTPRequest`.
public struct PreparedRequest: Sendable {
    /// Operation id, for logs.
    public var operation: String
    /// HTTP method.
    public var method: HTTPRequest.Method
    /// `https` or `http`.
    public var scheme: String
    /// Host and optional port.
    public var authority: String
    /// Percent-encoded path.
    public var path: String
    /// Query parameters; sent sorted and encoded exactly as the signer canonicalises them.
    public var query: QueryItems
    /// Header fields (without `Host`, which is the authority).
    public var headerFields: HTTPFields
    /// Body bytes.
    public var body: Data?
    /// Project id bound to the client, if any.
    public var projectID: String?

    /// Creates a request.
    public init(
        operation: String, method: HTTPRequest.Method, scheme: String, authority: String, path: String,
        query: QueryItems = QueryItems(), headerFields: HTTPFields = HTTPFields(), body: Data? = nil,
        projectID: String? = nil
    ) {
        self.operation = operation
        self.method = method
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.headerFields = headerFields
        self.body = body
        self.projectID = projectID
    }

    /// The encoded query string as it is signed and sent.
    public var queryString: String {
        String(decoding: RequestSigner.canonicalQuery(query), as: UTF8.self)
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
