import Crypto
import Foundation
import HTTPTypes
import NIOSSL
import Testing

@testable import CloudCore

struct Category: OpenEnum {
    let rawValue: String
    init(rawValue: String) { self.rawValue = rawValue }
    static let evs: Self = "EVS"
    static let efs: Self = "EFS"
}

struct Volume: Codable, Equatable {
    let category: Category
    let capacity: Int
    let size: Int64?
    let ratio: Double?
    let enabled: Bool?

    enum CodingKeys: String, CodingKey { case category, capacity, size, ratio, enabled }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        category = try container.decode(Category.self, forKey: .category)
        capacity = try container.decodeLenient(Int.self, forKey: .capacity)
        size = try container.decodeLenientIfPresent(Int64.self, forKey: .size)
        ratio = try container.decodeLenientIfPresent(Double.self, forKey: .ratio)
        enabled = try container.decodeLenientIfPresent(Bool.self, forKey: .enabled)
    }
}

@Suite("Endpoints and regions")
struct EndpointTests {
    @Test("cloud domains and explicit URLs")
    func endpoints() throws {
        #expect(Endpoint(service: "modelarts", region: .euDe, cloud: .openTelekomCloud).description
            == "https://modelarts.eu-de.otc.t-systems.com")
        #expect(Endpoint(service: "ecs", region: .cnNorth4, cloud: .huaweiCloud).description
            == "https://ecs.cn-north-4.myhuaweicloud.com")
        let local = try Endpoint(url: URL(string: "http://127.0.0.1:8080/")!)
        #expect(local.scheme == "http" && local.authority == "127.0.0.1:8080" && local.basePath == "")
        #expect(try Endpoint(url: URL(string: "https://gw.example.com/api/")!).basePath == "/api")
        #expect(throws: ClientError.self) { try Endpoint(url: URL(string: "ftp://x")!) }
    }

    @Test("regions are string literals and codable")
    func regions() throws {
        #expect(Region.euCh2.rawValue == "eu-ch2")
        #expect(Region.apSoutheast3 == "ap-southeast-3")
        let data = try JSONEncoder().encode([Region.euNl])
        #expect(String(decoding: data, as: UTF8.self) == #"["eu-nl"]"#)
        #expect(try JSONDecoder().decode([Region].self, from: data) == [.euNl])
    }
}

@Suite("Requests and query encoding")
struct RequestEncodingTests {
    @Test("nil skipped, arrays repeat, booleans and numbers spelled canonically, sorted and encoded")
    func query() {
        var query = QueryItems()
        query.append("b", true)
        query.append("a", [3, 1, 2])
        query.append("skip", Optional<Int>.none)
        query.append("d", 1.5)
        query.append("e", Int32(7))
        query.append("c", Category.evs)
        query.append("f", "x y/ü~*")
        #expect(query.items.count == 8)
        let text = String(decoding: RequestSigner.canonicalQuery(query), as: UTF8.self)
        #expect(text == "a=1&a=2&a=3&b=true&c=EVS&d=1.5&e=7&f=x%20y%2F%C3%BC~%2A")
    }

    /// The generated methods build their query as a literal of their optional arguments.
    @Test("a literal of optionals holds what appending them one by one holds, in its order")
    func queryLiteral() {
        let skipped: Int? = nil
        let count: Int? = 10
        let states: [Category]? = [.evs, .efs]
        let literal: QueryItems = ["b": true, "a": [3, 1, 2], "skip": skipped, "n": count, "c": states, "f": "x y"]
        var appended = QueryItems()
        appended.append("b", true)
        appended.append("a", [3, 1, 2])
        appended.append("skip", skipped)
        appended.append("n", count)
        appended.append("c", states)
        appended.append("f", "x y")
        #expect(literal == appended)
        #expect(literal.items.map(\.name) == ["b", "a", "a", "a", "n", "c", "c", "f"])
        #expect(literal.items.first { $0.name == "n" }?.number == 10)
    }

    @Test("a key's numbers are ordered numerically, its strings by their bytes")
    func typedValueOrder() {
        var query = QueryItems()
        query.append("n", [10, 9, 100])
        query.append("s", ["10", "9"])
        query.append("d", [2.5, 1.25])
        let text = String(decoding: RequestSigner.canonicalQuery(query), as: UTF8.self)
        #expect(text == "d=1.25&d=2.5&n=9&n=10&n=100&s=10&s=9")
    }

    @Test("path templates: project id and encoded parameters")
    func pathTemplates() throws {
        let request = OperationRequest(
            operation: "Op", method: .delete, path: "/v2/{project_id}/datasets/{dataset_id}/labels/{name}",
            pathParameters: ["dataset_id": "ds 1", "name": "a/b"])
        #expect(try request.expandedPath(projectID: "p") == "/v2/p/datasets/ds%201/labels/a%2Fb")
        #expect(throws: ClientError.self) { try request.expandedPath(projectID: nil) }
        // UTF-8 values are encoded byte by byte; a brace that is never closed is text.
        let odd = OperationRequest(operation: "Op", method: .get, path: "/v1/{name}/x{y", pathParameters: ["name": "é"])
        #expect(try odd.expandedPath(projectID: nil) == "/v1/%C3%A9/x{y")
    }

    @Test("signing dates are formatted in UTC")
    func signingDate() {
        #expect(SigningDate.string(from: Date(timeIntervalSince1970: 1_573_789_015)) == "20191115T033655Z")
        #expect(SigningDate.string(from: Date(timeIntervalSince1970: 951_782_400)) == "20000229T000000Z")
    }

    @Test("non-JSON bodies are sent as UNSIGNED-PAYLOAD")
    func unsignedPayload() {
        let signature = RequestSigner(accessKey: "A", secretKey: "S").sign(
            method: "PUT", path: "/v1/x", query: QueryItems(),
            headers: [("Host", "h"), ("Content-Type", "application/octet-stream")], body: Data([1, 2, 3]),
            date: Date(timeIntervalSince1970: 0))
        #expect(signature.headersToAdd.map(\.name) == ["X-Sdk-Date", "X-Sdk-Content-Sha256", "Authorization"])
        #expect(signature.signedHeaders == "content-type;host;x-sdk-content-sha256;x-sdk-date")
    }

    @Test("a JSON media type with parameters is hashed, not sent as UNSIGNED-PAYLOAD")
    func jsonWithParametersIsHashed() {
        let signature = RequestSigner(accessKey: "A", secretKey: "S").sign(
            method: "POST", path: "/v1/x", query: QueryItems(),
            headers: [("Host", "h"), ("Content-Type", "application/json;charset=UTF-8")], body: Data("{}".utf8),
            date: Date(timeIntervalSince1970: 0))
        #expect(signature.headersToAdd.map(\.name) == ["X-Sdk-Date", "Authorization"])
    }

    @Test("a date the request brings, of any length, is signed as given")
    func givenDateIsSigned() {
        let date = "20191115T033655Z" + String(repeating: "-later", count: 40)
        let headers: [(name: String, value: String)] = [("Host", "h"), ("x-sdk-date", date)]
        let signature = RequestSigner(accessKey: "A", secretKey: "S").sign(
            method: "GET", path: "/v1/x", query: QueryItems(), headers: headers, body: nil)
        #expect(signature.headersToAdd.map(\.name) == ["Authorization"])
        // The signature, composed here from the canonical request and the primitives.
        let canonical = RequestSigner.canonicalRequest(
            method: "GET", path: "/v1/x", query: QueryItems(), headers: headers, body: nil)
        let digest = SHA256.hash(data: Data(canonical.utf8)).map { String(format: "%02x", $0) }.joined()
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("SDK-HMAC-SHA256\n\(date)\n\(digest)".utf8), using: SymmetricKey(data: Data("S".utf8)))
        let hex = mac.map { String(format: "%02x", $0) }.joined()
        #expect(signature.authorization == "SDK-HMAC-SHA256 Access=A, SignedHeaders=host;x-sdk-date, Signature=\(hex)")
    }

    @Test("each attempt is signed afresh: what an earlier attempt added is replaced, not repeated")
    func earlierAuthenticationIsReplaced() async throws {
        let fixed = Date(timeIntervalSince1970: 1_700_000_000)
        let middleware = SigningMiddleware(provider: StaticCredentialProvider(accessKey: "AK", secretKey: "SK"), clock: { fixed })
        var request = PreparedRequest(
            operation: "Show", method: .get, scheme: "https", authority: "svc.example.com", path: "/v1/p/things")
        request.headerFields[.authorization] = "stale"
        request.headerFields[.xSdkDate] = "20000101T000000Z"
        request.headerFields[.authToken] = "stale-token"
        request.headerFields[.accept] = "application/json"
        let sent = Locked<HTTPFields?>(nil)
        _ = try await middleware.handle(request) { request in
            sent.withLock { $0 = request.headerFields }
            return TransportResponse(head: HTTPResponse(status: .ok))
        }
        let fields = try #require(sent.current)
        #expect(fields[values: .authorization].count == 1)
        #expect(fields[values: .xSdkDate] == [SigningDate.string(from: fixed)])
        #expect(fields[.authToken] == nil)
        #expect(fields[.accept] == "application/json")
        #expect(fields[.authorization]?.contains("SignedHeaders=accept;host;x-sdk-date,") == true)
    }

    @Test("the signing middleware signs with the keys of each call: a rotated key is used at once")
    func rotatedKeysSignAtOnce() async throws {
        let keys = Locked(["AK1": "first-secret"])
        let provider = RotatingKeys(keys: keys)
        let fixed = Date(timeIntervalSince1970: 1_700_000_000)
        let middleware = SigningMiddleware(provider: provider, clock: { fixed })
        let request = PreparedRequest(
            operation: "Show", method: .get, scheme: "https", authority: "svc.example.com", path: "/v1/p/things")
        let sent = Locked<[String]>([])
        let next: MiddlewareNext = { request in
            sent.withLock { $0.append(request.headerFields[.authorization] ?? "") }
            return TransportResponse(head: HTTPResponse(status: .ok))
        }
        _ = try await middleware.handle(request, next: next)
        _ = try await middleware.handle(request, next: next)
        keys.withLock { $0 = ["AK1": "second-secret"] }
        _ = try await middleware.handle(request, next: next)
        keys.withLock { $0 = ["AK2": "third-secret"] }
        _ = try await middleware.handle(request, next: next)

        func expected(_ accessKey: String, _ secretKey: String) -> String {
            RequestSigner(accessKey: accessKey, secretKey: secretKey).sign(
                method: "GET", path: "/v1/p/things", query: QueryItems(),
                headers: [("Host", "svc.example.com")], body: nil, date: fixed
            ).authorization
        }
        let first = expected("AK1", "first-secret")
        #expect(sent.current == [first, first, expected("AK1", "second-secret"), expected("AK2", "third-secret")])
    }
}

/// Hands out whatever key pair the test has set.
private struct RotatingKeys: CredentialProvider {
    let keys: Locked<[String: String]>

    func credentials() async throws -> Credentials {
        let (accessKey, secretKey) = keys.current.first!
        return Credentials(authentication: .accessKey(.init(accessKey: accessKey, secretKey: secretKey)))
    }
}

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("which failures are retried")
    func classification() {
        let policy = RetryPolicy.default
        #expect(policy.shouldRetry(APIError(status: 429), method: "POST"))
        #expect(policy.shouldRetry(APIError(status: 503), method: "PATCH"))
        #expect(policy.shouldRetry(APIError(status: 502), method: "GET"))
        #expect(!policy.shouldRetry(APIError(status: 502), method: "POST"))
        #expect(!policy.shouldRetry(APIError(status: 404), method: "GET"))
        #expect(policy.shouldRetry(TransportError(.connectionDropped), method: "DELETE"))
        #expect(!policy.shouldRetry(TransportError(.connectionDropped), method: "POST"))
        #expect(policy.shouldRetry(TransportError(.connectFailed), method: "POST"))
        #expect(!policy.shouldRetry(TransportError(.tlsFailed), method: "GET"))
    }

    @Test("a failed TLS handshake is told apart from a TLS connection that ends badly")
    func tlsFailures() {
        let untrusted = NIOSSLError.handshakeFailed(.sslError([]))
        #expect(AsyncHTTPClientTransport.connectFailure(untrusted)?.kind == .tlsFailed)
        #expect(AsyncHTTPClientTransport.connectFailure(NIOSSLExtraError.failedToValidateHostname)?.kind == .tlsFailed)
        // Closed without close_notify, possibly after the request was sent: not a connect failure.
        #expect(AsyncHTTPClientTransport.connectFailure(NIOSSLError.uncleanShutdown) == nil)
    }

    @Test("delays are jittered, capped and honour Retry-After")
    func delays() {
        let policy = RetryPolicy(maxAttempts: 5, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        for retry in 1...10 {
            let delay = policy.delay(beforeRetry: retry)
            #expect(delay >= .zero && delay <= .seconds(1))
        }
        #expect(policy.delay(beforeRetry: 1, retryAfter: .milliseconds(700)) == .milliseconds(700))
        #expect(policy.delay(beforeRetry: 4, retryAfter: .zero) == .zero, "Retry-After: 0 means at once")
        #expect(policy.delay(beforeRetry: 1, retryAfter: .seconds(30)) == .seconds(1))
        #expect(RetryPolicy.parseRetryAfter("5") == .seconds(5))
        let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryPolicy.parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", now: now) == .seconds(10))
        #expect(RetryPolicy.parseRetryAfter("soon") == nil)
    }
}

@Suite("Codable helpers")
struct CodableHelperTests {
    @Test("open enums keep unknown values")
    func openEnum() throws {
        let decoded = try JSONDecoder().decode([Category].self, from: Data(#"["EVS","NEW_KIND"]"#.utf8))
        #expect(decoded == [.evs, Category(rawValue: "NEW_KIND")])
        #expect(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self) == #"["EVS","NEW_KIND"]"#)
        #expect(Category.efs.description == "EFS")
    }

    @Test("lenient decoding accepts numbers and booleans as strings")
    func lenient() throws {
        let native = try JSONDecoder().decode(
            Volume.self, from: Data(#"{"category":"EVS","capacity":50,"size":7,"ratio":0.5,"enabled":true}"#.utf8))
        let strings = try JSONDecoder().decode(
            Volume.self, from: Data(#"{"category":"EVS","capacity":"50","size":"7","ratio":"0.5","enabled":"true"}"#.utf8))
        #expect(native == strings)
        let absent = try JSONDecoder().decode(Volume.self, from: Data(#"{"category":"X","capacity":1,"size":null}"#.utf8))
        #expect(absent.size == nil && absent.enabled == nil)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Volume.self, from: Data(#"{"category":"X","capacity":"many"}"#.utf8))
        }
    }

    @Test("error bodies: flat, camel case, plain, nested, OpenStack, non-JSON")
    func errorBodies() {
        func parse(_ text: String) -> (String?, String?) {
            let error = APIError(status: 400, requestID: nil, body: Data(text.utf8))
            return (error.code, error.message)
        }
        #expect(parse(#"{"error_code":"A","error_msg":"m"}"#) == ("A", "m"))
        #expect(parse(#"{"errorCode":"B","errorMsg":"m"}"#) == ("B", "m"))
        #expect(parse(#"{"code":"C","message":"m"}"#) == ("C", "m"))
        #expect(parse(#"{"error":{"code":"D","message":"m"}}"#) == ("D", "m"))
        #expect(parse(#"{"itemNotFound":{"code":404,"message":"m"}}"#) == ("404", "m"))
        #expect(parse("<html>gateway</html>") == (nil, nil))
    }
}

@Suite("Paginators")
struct PaginatorTests {
    @Test("offset paginator stops on a short page and on total")
    func offset() async throws {
        let data = Array(0..<23)
        let calls = Locked(0)
        let paginator = OffsetPaginator<Int>(limit: 10) { offset, limit in
            calls.withLock { $0 += 1 }
            return (Array(data[min(offset, data.count)..<min(offset + limit, data.count)]), nil)
        }
        var seen: [Int] = []
        for try await element in paginator { seen.append(element) }
        #expect(seen == data)
        #expect(calls.current == 3)

        let exact = Array(0..<20)
        let exactCalls = Locked(0)
        let withTotal = OffsetPaginator<Int>(offset: 0, limit: 10) { offset, limit in
            exactCalls.withLock { $0 += 1 }
            return (Array(exact[offset..<min(offset + limit, exact.count)]), exact.count)
        }
        var all: [Int] = []
        for try await element in withTotal { all.append(element) }
        #expect(all == exact && exactCalls.current == 2)
    }

    @Test("marker paginator follows markers until nil or empty")
    func marker() async throws {
        let pages: [String?: ([String], String?)] = [nil: (["a", "b"], "b"), "b": (["c"], "c"), "c": ([], "c")]
        let paginator = MarkerPaginator<String>(limit: 2) { marker, _ in
            let page = pages[marker] ?? ([], nil)
            return (page.0, page.1)
        }
        var seen: [String] = []
        for try await element in paginator { seen.append(element) }
        #expect(seen == ["a", "b", "c"])
    }
}
