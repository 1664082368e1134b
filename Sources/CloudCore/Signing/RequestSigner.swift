import Crypto
import Foundation

/// Signs requests with `SDK-HMAC-SHA256`, the AK/SK scheme of Huawei Cloud and Open Telekom Cloud.
///
/// The canonical request is the method, the canonical URI (every path segment percent-decoded, then
/// re-encoded, with a trailing `/`), the sorted canonical query, the canonical headers (lower-case names,
/// trimmed values; names containing `_` are not signed), the signed header list and the hex SHA-256 of the
/// body (or `UNSIGNED-PAYLOAD` when `X-Sdk-Content-Sha256` says so). The signature is the hex HMAC-SHA256,
/// keyed with the secret key, of `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>`.
public struct RequestSigner: Sendable, CustomStringConvertible {
    /// The algorithm name that opens the `Authorization` header.
    public static let algorithm = "SDK-HMAC-SHA256"
    /// Header carrying the signing time.
    public static let dateHeader = "X-Sdk-Date"
    /// Header that replaces the body digest for bodies that are not JSON.
    public static let contentSHA256Header = "X-Sdk-Content-Sha256"
    /// Value of ``contentSHA256Header`` for bodies that are not hashed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    /// The access key (not secret).
    public let accessKey: String
    private let secret: [UInt8]

    /// Creates a signer for one access key / secret key pair.
    public init(accessKey: String, secretKey: String) {
        self.accessKey = accessKey
        self.secret = Array(secretKey.utf8)
    }

    /// Redacted: shows the access key only.
    public var description: String { "RequestSigner(accessKey: \(accessKey), secretKey: <redacted>)" }

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
        var headers = headers
        var added: [(name: String, value: String)] = []

        let dateValue: String
        if let existing = headers.first(where: { Self.equalsIgnoringASCIICase($0.name, "x-sdk-date") }) {
            dateValue = existing.value
        } else {
            dateValue = SigningDate.string(from: date)
            headers.append((Self.dateHeader, dateValue))
            added.append((Self.dateHeader, dateValue))
        }
        if let contentType = headers.first(where: { Self.equalsIgnoringASCIICase($0.name, "Content-Type") })?.value,
            !contentType.contains("application/json"),
            !headers.contains(where: { Self.equalsIgnoringASCIICase($0.name, Self.contentSHA256Header) })
        {
            headers.append((Self.contentSHA256Header, Self.unsignedPayload))
            added.append((Self.contentSHA256Header, Self.unsignedPayload))
        }

        // Headers: lower-cased names, grouped, sorted by byte order.
        var grouped: [[UInt8]: [[UInt8]]] = [:]
        var payloadOverride: String?
        for header in headers {
            let lower = Self.asciiLowercased(header.name)
            if lower.starts(with: Self.contentTypePrefix) || !lower.contains(UInt8(ascii: "_")) {
                grouped[lower, default: []].append(Self.trimmed(header.value))
            }
            if lower == Self.contentSHA256Lower { payloadOverride = header.value }
        }
        let names = grouped.keys.sorted { $0.lexicographicallyPrecedes($1) }

        var canonical: [UInt8] = []
        canonical.reserveCapacity(512 + path.utf8.count * 2)
        canonical.append(contentsOf: method.utf8)
        canonical.append(0x0A)
        Self.appendCanonicalURI(path, to: &canonical)
        canonical.append(0x0A)
        let queryBytes = Self.canonicalQuery(query)
        canonical.append(contentsOf: queryBytes)
        canonical.append(0x0A)
        for name in names {
            let values = grouped[name]!
            let sortedValues = values.count > 1 ? values.sorted { $0.lexicographicallyPrecedes($1) } : values
            for value in sortedValues {
                canonical.append(contentsOf: name)
                canonical.append(UInt8(ascii: ":"))
                canonical.append(contentsOf: value)
                canonical.append(0x0A)
            }
        }
        canonical.append(0x0A)
        var signedHeaderBytes: [UInt8] = []
        for (index, name) in names.enumerated() {
            if index > 0 { signedHeaderBytes.append(UInt8(ascii: ";")) }
            signedHeaderBytes.append(contentsOf: name)
        }
        canonical.append(contentsOf: signedHeaderBytes)
        canonical.append(0x0A)
        if let payloadOverride {
            canonical.append(contentsOf: payloadOverride.utf8)
        } else {
            HexEncoding.append(SHA256.hash(data: body ?? Data()), to: &canonical)
        }

        var stringToSign: [UInt8] = []
        stringToSign.reserveCapacity(100)
        stringToSign.append(contentsOf: Self.algorithm.utf8)
        stringToSign.append(0x0A)
        stringToSign.append(contentsOf: dateValue.utf8)
        stringToSign.append(0x0A)
        HexEncoding.append(SHA256.hash(data: canonical), to: &stringToSign)

        let mac = HMAC<SHA256>.authenticationCode(for: stringToSign, using: SymmetricKey(data: secret))
        let signedHeaders = String(decoding: signedHeaderBytes, as: UTF8.self)
        let authorization =
            "\(Self.algorithm) Access=\(accessKey), SignedHeaders=\(signedHeaders), Signature=\(HexEncoding.string(mac))"
        added.append(("Authorization", authorization))
        let queryString = String(decoding: queryBytes, as: UTF8.self)
        return Signature(
            authorization: authorization,
            canonicalQuery: queryString,
            signedURI: queryString.isEmpty ? path : path + "?" + queryString,
            signedHeaders: signedHeaders,
            headersToAdd: added)
    }

    /// The canonical query string: pairs sorted by encoded-independent byte order of name, then value.
    public static func canonicalQuery(_ query: QueryItems) -> [UInt8] {
        if query.isEmpty { return [] }
        let pairs = query.items.map { (Array($0.name.utf8), Array($0.value.utf8)) }.sorted { lhs, rhs in
            if lhs.0 != rhs.0 { return lhs.0.lexicographicallyPrecedes(rhs.0) }
            return lhs.1.lexicographicallyPrecedes(rhs.1)
        }
        var output: [UInt8] = []
        output.reserveCapacity(pairs.reduce(0) { $0 + ($1.0.count + $1.1.count) * 3 + 2 })
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "&")) }
            PercentEncoding.encode(pair.0, into: &output)
            output.append(UInt8(ascii: "="))
            PercentEncoding.encode(pair.1, into: &output)
        }
        return output
    }

    private static let contentTypePrefix: [UInt8] = Array("content-type".utf8)
    private static let contentSHA256Lower: [UInt8] = Array("x-sdk-content-sha256".utf8)

    private static func appendCanonicalURI(_ path: String, to output: inout [UInt8]) {
        let bytes = Array(path.utf8)
        var start = 0
        for index in 0...bytes.count {
            if index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let segment = bytes[start..<index]
                if segment.contains(UInt8(ascii: "%")) {
                    PercentEncoding.encode(PercentEncoding.decode(segment), into: &output)
                } else {
                    PercentEncoding.encode(segment, into: &output)
                }
                if index < bytes.count { output.append(UInt8(ascii: "/")) }
                start = index + 1
            }
        }
        if output.last != UInt8(ascii: "/") { output.append(UInt8(ascii: "/")) }
    }

    private static func asciiLowercased(_ text: String) -> [UInt8] {
        text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
    }

    static func equalsIgnoringASCIICase(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count && asciiLowercased(lhs) == asciiLowercased(rhs)
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    private static func trimmed(_ value: String) -> [UInt8] {
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return [] }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return Array(String(scalars[first...last]).utf8)
    }
}
