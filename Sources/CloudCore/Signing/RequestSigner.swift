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
    /// The header that carries the signature.
    public static let authorizationHeader = "Authorization"

    /// The access key (not secret).
    public let accessKey: String
    // The HMAC keyed once: each signature continues a copy of it (a value; the copy owns its own state), which
    // saves deriving the key pads on every request.
    nonisolated(unsafe) private let keyedMAC: HMAC<SHA256>

    /// Creates a signer for one access key / secret key pair.
    public init(accessKey: String, secretKey: String) {
        self.accessKey = accessKey
        self.keyedMAC = HMAC(key: SymmetricKey(data: Array(secretKey.utf8)))
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
        let parts = Self.canonicalize(method: method, path: path, query: query, headers: headers, body: body, date: date)
        // The string to sign, on the stack: the algorithm, the date and the hex digest of the canonical request.
        let mac = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 18 + parts.date.utf8.count + 64) { buffer in
            var stringToSign = ByteWriter(buffer)
            stringToSign.write(Self.algorithm.utf8)
            stringToSign.write(0x0A)
            stringToSign.write(parts.date.utf8)
            stringToSign.write(0x0A)
            SHA256.hash(data: parts.canonicalRequest).withUnsafeBytes { stringToSign.writeHex($0) }
            var hmac = keyedMAC
            hmac.update(data: UnsafeRawBufferPointer(stringToSign.written))
            return hmac.finalize()
        }
        let signedHeaders = parts.canonicalRequest[parts.signedHeaders]
        let authorization = Self.authorization(accessKey: accessKey, signedHeaders: signedHeaders, mac: mac)
        var added = parts.addedHeaders
        added.append((Self.authorizationHeader, authorization))
        let queryString = String(decoding: parts.canonicalRequest[parts.query], as: UTF8.self)
        return Signature(
            authorization: authorization,
            canonicalQuery: queryString,
            signedURI: queryString.isEmpty ? path : path + "?" + queryString,
            signedHeaders: String(decoding: signedHeaders, as: UTF8.self),
            headersToAdd: added)
    }

    /// `SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<names>, Signature=<hex MAC>`, written once into its string.
    private static func authorization(
        accessKey: String, signedHeaders: ArraySlice<UInt8>, mac: HashedAuthenticationCode<SHA256>
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
        let parts = canonicalize(method: method, path: path, query: query, headers: headers, body: body, date: date)
        return String(decoding: parts.canonicalRequest, as: UTF8.self)
    }

    private struct CanonicalParts {
        var canonicalRequest: [UInt8]
        /// Where the signed header names and the canonical query are in ``canonicalRequest``.
        var signedHeaders: Range<Int>
        var query: Range<Int>
        var date: String
        var addedHeaders: [(name: String, value: String)]
    }

    private static func canonicalize(
        method: String, path: String, query: QueryItems, headers: [(name: String, value: String)], body: Data?,
        date: Date
    ) -> CanonicalParts {
        // One pass for the headers that decide what the signer adds, and what it hashes for the body.
        var existingDate: String?
        var contentType: String?
        var payloadOverride: String?
        for header in headers {
            if equalsIgnoringASCIICase(header.name, dateHeader) {
                existingDate = existingDate ?? header.value
            } else if equalsIgnoringASCIICase(header.name, "Content-Type") {
                contentType = contentType ?? header.value
            } else if equalsIgnoringASCIICase(header.name, contentSHA256Header) {
                payloadOverride = header.value
            }
        }
        var added: [(name: String, value: String)] = []
        added.reserveCapacity(3)
        let dateValue = existingDate ?? SigningDate.string(from: date)
        if existingDate == nil { added.append((dateHeader, dateValue)) }
        if let contentType, !contentType.containsUTF8(jsonMediaType), payloadOverride == nil {
            added.append((contentSHA256Header, unsignedPayload))
            payloadOverride = unsignedPayload
        }

        // Headers: lower-cased names, sorted by byte order; values of a repeated name sorted too. Names and values
        // are copied once, into one buffer, and sorted as ranges of it (an array per name and value cost more than
        // the hashing).
        var text: [UInt8] = []
        let length = { (sum: Int, header: (name: String, value: String)) in
            sum + header.name.utf8.count + header.value.utf8.count
        }
        text.reserveCapacity(added.reduce(headers.reduce(0, length), length))
        var fields: [(name: Range<Int>, value: Range<Int>)] = []
        fields.reserveCapacity(headers.count + added.count)
        for index in 0..<(headers.count + added.count) {
            let header = index < headers.count ? headers[index] : added[index - headers.count]
            let nameStart = text.count
            var hasUnderscore = false
            for byte in header.name.utf8 {
                text.append(asciiLowercased(byte))
                hasUnderscore = hasUnderscore || byte == UInt8(ascii: "_")
            }
            let name = nameStart..<text.count
            guard !hasUnderscore || text[name].starts(with: contentTypePrefix) else {
                text.removeSubrange(name)
                continue
            }
            appendTrimmed(header.value, to: &text)
            fields.append((name, name.upperBound..<text.count))
        }
        text.withUnsafeBufferPointer { text in
            fields.sort { lhs, rhs in
                text[lhs.name].elementsEqual(text[rhs.name])
                    ? text[lhs.value].lexicographicallyPrecedes(text[rhs.value])
                    : text[lhs.name].lexicographicallyPrecedes(text[rhs.name])
            }
        }

        var canonical: [UInt8] = []
        canonical.reserveCapacity(2 * text.count + 3 * fields.count + 160 + path.utf8.count * 2)
        canonical.append(contentsOf: method.utf8)
        canonical.append(0x0A)
        appendCanonicalURI(path, to: &canonical)
        canonical.append(0x0A)
        let queryStart = canonical.count
        appendCanonicalQuery(query, to: &canonical)
        let queryRange = queryStart..<canonical.count
        canonical.append(0x0A)
        for field in fields {
            canonical.append(contentsOf: text[field.name])
            canonical.append(UInt8(ascii: ":"))
            canonical.append(contentsOf: text[field.value])
            canonical.append(0x0A)
        }
        canonical.append(0x0A)
        let signedHeadersStart = canonical.count
        for (index, field) in fields.enumerated()
        where index == 0 || !text[fields[index - 1].name].elementsEqual(text[field.name]) {
            if index > 0 { canonical.append(UInt8(ascii: ";")) }
            canonical.append(contentsOf: text[field.name])
        }
        let signedHeaders = signedHeadersStart..<canonical.count
        canonical.append(0x0A)
        if let payloadOverride {
            canonical.append(contentsOf: payloadOverride.utf8)
        } else if let body {
            SHA256.hash(data: body).withUnsafeBytes { digest in
                HexEncoding.forEachDigit(of: digest) { canonical.append($0) }
            }
        } else {
            canonical.append(contentsOf: emptyBodyDigest)
        }
        return CanonicalParts(
            canonicalRequest: canonical, signedHeaders: signedHeaders, query: queryRange, date: dateValue,
            addedHeaders: added)
    }

    private static let emptyBodyDigest: [UInt8] = Array(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".utf8)

    /// The canonical query string: pairs sorted by the UTF-8 bytes of name, then value, each percent-encoded.
    public static func canonicalQuery(_ query: QueryItems) -> [UInt8] {
        var output: [UInt8] = []
        appendCanonicalQuery(query, to: &output)
        return output
    }

    private static func appendCanonicalQuery(_ query: QueryItems, to output: inout [UInt8]) {
        if query.isEmpty { return }
        // Sorted by name, then by value: numerically when both values were appended as numbers (as the official
        // signers sort typed lists), otherwise by their bytes.
        let pairs = query.items.map { (Array($0.name.utf8), Array($0.value.utf8), $0.number) }.sorted { lhs, rhs in
            if lhs.0 != rhs.0 { return lhs.0.lexicographicallyPrecedes(rhs.0) }
            if let left = lhs.2, let right = rhs.2, left != right { return left < right }
            return lhs.1.lexicographicallyPrecedes(rhs.1)
        }
        output.reserveCapacity(output.count + pairs.reduce(0) { $0 + ($1.0.count + $1.1.count) * 3 + 2 })
        for (index, pair) in pairs.enumerated() {
            if index > 0 { output.append(UInt8(ascii: "&")) }
            PercentEncoding.encode(pair.0, into: &output)
            output.append(UInt8(ascii: "="))
            PercentEncoding.encode(pair.1, into: &output)
        }
    }

    private static let jsonMediaType: [UInt8] = Array("application/json".utf8)
    /// Signed even with a `_` in its name (as the official signers do).
    private static let contentTypePrefix: [UInt8] = Array("content-type".utf8)

    private static func appendCanonicalURI(_ path: String, to output: inout [UInt8]) {
        var path = path
        path.withUTF8 { appendCanonicalURI($0, to: &output) }
    }

    private static func appendCanonicalURI(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
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

    static func equalsIgnoringASCIICase(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        for (left, right) in zip(lhs.utf8, rhs.utf8) where asciiLowercased(left) != asciiLowercased(right) {
            return false
        }
        return true
    }

    @inline(__always)
    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    private static func appendTrimmed(_ value: String, to output: inout [UInt8]) {
        // Fast path: visible ASCII at both ends means nothing to trim.
        if let first = value.utf8.first, let last = value.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            output.append(contentsOf: value.utf8)
            return
        }
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        output.append(contentsOf: String(scalars[first...last]).utf8)
    }
}
