import Crypto
import Foundation

/// Signs requests with `SDK-HMAC-SHA256`, the AK/SK scheme of Huawei Cloud and Open Telekom Cloud.
///
/// The canonical request is the method, the canonical URI (every path segment percent-decoded, then
/// re-encoded, with a trailing `/`), the sorted canonical query, the canonical headers (lower-case names,
/// trimmed values; names containing `_` are not signed), the signed header list and the hex SHA-256 of the
/// body (or `UNSIGNED-PAYLOAD` when `X-Sdk-Content-Sha256` says so). The signature is the hex HMAC-SHA256,
/// keyed with the secret key, of `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>`.
public struct RequestSigner: Sendable, CustomStringConvertible, CustomReflectable {
    /// The algorithm name that opens the `Authorization` header.
    public static let algorithm = "SDK-HMAC-SHA256"
    /// Header carrying the signing time.
    public static let dateHeader = "X-Sdk-Date"
    /// Header that replaces the body digest for bodies that are not JSON.
    public static let contentSHA256Header = "X-Sdk-Content-Sha256"
    /// Value of ``contentSHA256Header`` for bodies that are not hashed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"
    /// The header that carries the signature.
    public static let authorizationHeader = "Authorization"

    /// The access key (not secret).
    public let accessKey: String
    // Keyed once: each signature continues copies of the keyed hash states, which saves deriving the key pads on
    // every request.
    private let keyedMAC: KeyedHMAC

    /// Creates a signer for one access key / secret key pair.
    public init(accessKey: String, secretKey: String) {
        self.accessKey = accessKey
        self.keyedMAC = KeyedHMAC(key: secretKey.utf8)
    }

    /// Redacted: shows the access key only.
    public var description: String { "RequestSigner(accessKey: \(accessKey), secretKey: <redacted>)" }

    /// What `dump(_:)` and debuggers show: the access key, never the key the signatures are made with.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKey": accessKey, "secretKey": Redaction.placeholder])
    }

    /// The outcome of signing one request.
    public struct Signature: Sendable {
        /// Value of the `Authorization` header.
        public var authorization: String
        /// The sorted, encoded query string that was signed (without `?`); send exactly this.
        public var canonicalQuery: String
        /// `path` followed by `?` and ``canonicalQuery`` when there is a query.
        public var signedURI: String
        /// Semicolon-separated lower-case names of the signed headers.
        public var signedHeaders: String
        /// Headers the signer added and that must be sent (`X-Sdk-Date`, maybe `X-Sdk-Content-Sha256`),
        /// followed by `Authorization`.
        public var headersToAdd: [(name: String, value: String)]
    }

    /// Signs a request.
    ///
    /// - Parameters:
    ///   - method: HTTP method, e.g. `GET`.
    ///   - path: request path as it is sent (percent-encoded or not; segments are decoded and re-encoded).
    ///   - query: query parameters.
    ///   - headers: the headers that will be sent, including `Host`. An `X-Sdk-Date` among them is used as is.
    ///   - body: the exact body bytes, or nil.
    ///   - date: the signing time, used when `headers` has no `X-Sdk-Date`.
    public func sign(
        method: String,
        path: String,
        query: QueryItems,
        headers: [(name: String, value: String)],
        body: Data?,
        date: Date = Date()
    ) -> Signature {
        sign(method: method, path: path, query: query, headers: headers, body: body, date: date) { canonical, added in
            let queryString = String(decoding: canonical.bytes[canonical.query], as: UTF8.self)
            return Signature(
                authorization: added.authorization,
                canonicalQuery: queryString,
                signedURI: queryString.isEmpty ? path : path + "?" + queryString,
                signedHeaders: String(decoding: canonical.bytes[canonical.signedHeaders], as: UTF8.self),
                headersToAdd: added.list)
        }
    }

    /// The headers to add to a request, as ``sign(method:path:query:headers:body:date:)`` gives them in
    /// ``Signature/headersToAdd``, without the signature's other strings: what ``SigningMiddleware`` sends.
    /// Also returns the encoded query that was signed, so that the request sends it without encoding it again.
    func addedHeaders(
        method: String, path: String, query: QueryItems, headers: [(name: String, value: String)], body: Data?,
        date: Date
    ) -> (headers: AddedHeaders, canonicalQuery: String) {
        sign(method: method, path: path, query: query, headers: headers, body: body, date: date) { canonical, added in
            (added, String(decoding: canonical.bytes[canonical.query], as: UTF8.self))
        }
    }

    /// The headers a signature adds to its request.
    struct AddedHeaders {
        /// The `X-Sdk-Date` value, when the request brought none.
        let date: String?
        /// Whether `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` is added (a body that is not JSON).
        let unsignedPayload: Bool
        /// The `Authorization` value.
        let authorization: String

        /// As ``Signature/headersToAdd`` lists them.
        var list: [(name: String, value: String)] {
            var headers: [(name: String, value: String)] = []
            if let date { headers.append((dateHeader, date)) }
            if unsignedPayload { headers.append((contentSHA256Header, RequestSigner.unsignedPayload)) }
            headers.append((authorizationHeader, authorization))
            return headers
        }
    }

    /// Signs, and hands `finish` the canonical request (valid inside `finish` only) and the headers to add.
    private func sign<Result>(
        method: String, path: String, query: QueryItems, headers: [(name: String, value: String)], body: Data?,
        date: Date, _ finish: (CanonicalRequest, AddedHeaders) -> Result
    ) -> Result {
        CanonicalRequest.with(method: method, path: path, query: query, headers: headers, body: body, date: date) {
            canonical in
            // The string to sign, on the stack: the algorithm, the date and the hex digest of the canonical request.
            let mac = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18 + canonical.date.utf8.count + 64) {
                buffer in
                var stringToSign = ByteWriter(buffer)
                stringToSign.write(Self.algorithm.utf8)
                stringToSign.write(0x0A)
                stringToSign.write(canonical.date.utf8)
                stringToSign.write(0x0A)
                var hash = SHA256()
                hash.update(bufferPointer: UnsafeRawBufferPointer(canonical.bytes))
                hash.finalize().withUnsafeBytes { stringToSign.writeHex($0) }
                return keyedMAC.authenticationCode(for: UnsafeRawBufferPointer(stringToSign.written))
            }
            let signedHeaders = UnsafeBufferPointer(rebasing: canonical.bytes[canonical.signedHeaders])
            let authorization = Self.authorization(accessKey: accessKey, signedHeaders: signedHeaders, mac: mac)
            return finish(
                canonical,
                AddedHeaders(
                    date: canonical.addsDate ? canonical.date : nil, unsignedPayload: canonical.addsUnsignedPayload,
                    authorization: authorization))
        }
    }

    /// `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<hex MAC>`, written once into its string.
    private static func authorization(
        accessKey: String, signedHeaders: UnsafeBufferPointer<UInt8>, mac: SHA256.Digest
    ) -> String {
        let capacity = algorithm.utf8.count + accessKey.utf8.count + signedHeaders.count + 40 + 2 * SHA256.byteCount
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            var header = ByteWriter(buffer)
            header.write(algorithm.utf8)
            header.write(" Access=")
            header.write(accessKey.utf8)
            header.write(", SignedHeaders=")
            header.write(signedHeaders)
            header.write(", Signature=")
            mac.withUnsafeBytes { header.writeHex($0) }
            return header.count
        }
    }

    /// The canonical request that ``sign(method:path:query:headers:body:date:)`` hashes, for debugging
    /// signature mismatches and for benchmarks. Contains no secret.
    public static func canonicalRequest(
        method: String, path: String, query: QueryItems, headers: [(name: String, value: String)], body: Data?,
        date: Date = Date()
    ) -> String {
        CanonicalRequest.with(method: method, path: path, query: query, headers: headers, body: body, date: date) {
            String(decoding: $0.bytes, as: UTF8.self)
        }
    }

    /// The canonical query string: pairs sorted by the UTF-8 bytes of name, then value, each percent-encoded.
    public static func canonicalQuery(_ query: QueryItems) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: CanonicalRequest.canonicalQueryBound(query)) { buffer, count in
            var output = ByteWriter(buffer)
            CanonicalRequest.writeCanonicalQuery(query, into: &output)
            count = output.count
        }
    }
}
