import Crypto
import Foundation

/// The canonical request that ``RequestSigner`` hashes, written once into a buffer on the stack that was sized from
/// its inputs beforehand. The header fields are sorted as ranges of a second such buffer: no array per header, name
/// or value, which used to cost a signature more than its hashing.
///
/// Its views are valid only inside the closure of ``with(method:path:query:headers:body:date:_:)``.
struct CanonicalRequest {
    /// The canonical request.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The signed header names, `;`-separated, within ``bytes``.
    let signedHeaders: Range<Int>
    /// The canonical query string within ``bytes``.
    let query: Range<Int>
    /// The `X-Sdk-Date` value signed.
    let date: String
    /// Whether the signer adds `X-Sdk-Date` (the request brought none).
    let addsDate: Bool
    /// Whether the signer adds `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD` (a body that is not JSON).
    let addsUnsignedPayload: Bool

    /// One header field: its lower-cased name and trimmed value, one after the other in the header buffer.
    private struct Field {
        var nameStart: Int
        var nameEnd: Int
        var valueEnd: Int
    }

    /// What the request's headers decide: the date signed, the headers the signer adds, what stands for the body.
    private struct HeaderDecisions {
        var date: String
        var addsDate: Bool
        var addsUnsignedPayload: Bool
        /// Signed instead of the body's digest: the request's `X-Sdk-Content-Sha256`, or `UNSIGNED-PAYLOAD`.
        var payload: String?
        /// The bytes of every name and value, the added headers' included: the room the fields take.
        var headerBytes = 0

        init(_ headers: [(name: String, value: String)], date: Date) {
            var existingDate: String?
            var contentType: String?
            for header in headers {
                headerBytes += header.name.utf8.count + header.value.utf8.count
                if equalsIgnoringASCIICase(header.name, RequestSigner.dateHeader) {
                    existingDate = existingDate ?? header.value
                } else if equalsIgnoringASCIICase(header.name, "Content-Type") {
                    contentType = contentType ?? header.value
                } else if equalsIgnoringASCIICase(header.name, RequestSigner.contentSHA256Header) {
                    payload = header.value
                }
            }
            self.date = existingDate ?? SigningDate.string(from: date)
            addsDate = existingDate == nil
            addsUnsignedPayload = payload == nil && contentType.map { !$0.containsUTF8(jsonMediaType) } ?? false
            if addsDate { headerBytes += RequestSigner.dateHeader.utf8.count + self.date.utf8.count }
            if addsUnsignedPayload {
                payload = RequestSigner.unsignedPayload
                headerBytes += RequestSigner.contentSHA256Header.utf8.count + RequestSigner.unsignedPayload.utf8.count
            }
        }
    }

    /// Calls `use` with the canonical request of these inputs (see ``RequestSigner`` for its form).
    static func with<Result>(
        method: String, path: String, query: QueryItems, headers: [(name: String, value: String)], body: Data?,
        date: Date, _ use: (CanonicalRequest) -> Result
    ) -> Result {
        let decisions = HeaderDecisions(headers, date: date)
        let fieldCount = headers.count + (decisions.addsDate ? 1 : 0) + (decisions.addsUnsignedPayload ? 1 : 0)
        // Names are written twice (fields, signed list), values once; each field adds at most `:`, `\n` and `;`;
        // the URI may grow by a `/`, and five line breaks separate the parts.
        let canonicalBound =
            method.utf8.count + 3 * path.utf8.count + 1 + canonicalQueryBound(query) + 2 * decisions.headerBytes
            + 3 * fieldCount + 5 + max(2 * SHA256.byteCount, decisions.payload?.utf8.count ?? 0)
        let headerBytes = decisions.headerBytes
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: headerBytes + canonicalBound) { buffer in
            withUnsafeTemporaryAllocation(of: Field.self, capacity: fieldCount) { storage in
                var text = ByteWriter(UnsafeMutableBufferPointer(rebasing: buffer[..<headerBytes]))
                var count = 0
                func collect(name: String, value: String) {
                    guard let field = writeField(name: name, value: value, into: &text) else { return }
                    storage.initializeElement(at: count, to: field)
                    count += 1
                }
                for header in headers { collect(name: header.name, value: header.value) }
                if decisions.addsDate { collect(name: RequestSigner.dateHeader, value: decisions.date) }
                if decisions.addsUnsignedPayload {
                    collect(name: RequestSigner.contentSHA256Header, value: RequestSigner.unsignedPayload)
                }
                let fields = UnsafeMutableBufferPointer(rebasing: storage[..<count])
                sort(fields, of: text.written)

                var output = ByteWriter(UnsafeMutableBufferPointer(rebasing: buffer[headerBytes...]))
                output.write(method.utf8)
                output.write(0x0A)
                writeCanonicalURI(path, into: &output)
                output.write(0x0A)
                let queryStart = output.count
                writeCanonicalQuery(query, into: &output)
                let queryRange = queryStart..<output.count
                output.write(0x0A)
                let signedHeaders = writeHeaders(fields, of: text.written, into: &output)
                output.write(0x0A)
                if let payload = decisions.payload {
                    output.write(payload.utf8)
                } else if let body {
                    var hash = SHA256()
                    body.withUnsafeBytes { hash.update(bufferPointer: $0) }
                    hash.finalize().withUnsafeBytes { output.writeHex($0) }
                } else {
                    output.write(emptyBodyDigest)
                }
                return use(
                    CanonicalRequest(
                        bytes: output.written, signedHeaders: signedHeaders, query: queryRange, date: decisions.date,
                        addsDate: decisions.addsDate, addsUnsignedPayload: decisions.addsUnsignedPayload))
            }
        }
    }

    /// `name:value` lines, a blank line and the `;`-separated names (each once); returns where the names are.
    private static func writeHeaders(
        _ fields: UnsafeMutableBufferPointer<Field>, of text: UnsafeBufferPointer<UInt8>, into output: inout ByteWriter
    ) -> Range<Int> {
        for field in fields {
            output.write(name(of: field, in: text))
            output.write(UInt8(ascii: ":"))
            output.write(text[field.nameEnd..<field.valueEnd])
            output.write(0x0A)
        }
        output.write(0x0A)
        let start = output.count
        for (index, field) in fields.enumerated()
        where index == 0 || !name(of: fields[index - 1], in: text).elementsEqual(name(of: field, in: text)) {
            if index > 0 { output.write(UInt8(ascii: ";")) }
            output.write(name(of: field, in: text))
        }
        return start..<output.count
    }

    private static let emptyBodyDigest: StaticString = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    private static let jsonMediaType: [UInt8] = Array("application/json".utf8)
    /// Signed even with a `_` in its name (as the official signers do).
    private static let contentTypePrefix: StaticString = "content-type"

    /// Writes the lower-cased name and the trimmed value; nil (and nothing written) for a name with `_`.
    private static func writeField(name: String, value: String, into text: inout ByteWriter) -> Field? {
        let start = text.count
        var hasUnderscore = false
        for byte in name.utf8 {
            text.write(asciiLowercased(byte))
            hasUnderscore = hasUnderscore || byte == UInt8(ascii: "_")
        }
        if hasUnderscore, !contentTypePrefix.withUTF8Buffer({ text.written[start...].starts(with: $0) }) {
            text.rewind(to: start)
            return nil
        }
        let nameEnd = text.count
        writeTrimmed(value, into: &text)
        return Field(nameStart: start, nameEnd: nameEnd, valueEnd: text.count)
    }

    private static func name(of field: Field, in text: UnsafeBufferPointer<UInt8>) -> Slice<UnsafeBufferPointer<UInt8>> {
        text[field.nameStart..<field.nameEnd]
    }

    /// By name, then by value (the values of a repeated name are signed sorted), byte order; stable.
    private static func sort(_ fields: UnsafeMutableBufferPointer<Field>, of text: UnsafeBufferPointer<UInt8>) {
        func precedes(_ lhs: Field, _ rhs: Field) -> Bool {
            let (left, right) = (name(of: lhs, in: text), name(of: rhs, in: text))
            if !left.elementsEqual(right) { return left.lexicographicallyPrecedes(right) }
            return text[lhs.nameEnd..<lhs.valueEnd].lexicographicallyPrecedes(text[rhs.nameEnd..<rhs.valueEnd])
        }
        stableSort(fields, by: precedes)
    }

    // MARK: URI and query

    /// Every path segment percent-decoded, then encoded again; ends with `/`.
    private static func writeCanonicalURI(_ path: String, into output: inout ByteWriter) {
        var path = path
        path.withUTF8 { bytes in
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                let segment = bytes[start..<index]
                if segment.contains(UInt8(ascii: "%")) {
                    PercentEncoding.encode(PercentEncoding.decode(segment)) { output.write($0) }
                } else {
                    PercentEncoding.encode(segment) { output.write($0) }
                }
                if index < bytes.count { output.write(UInt8(ascii: "/")) }
                start = index + 1
            }
        }
        if output.written.last != UInt8(ascii: "/") { output.write(UInt8(ascii: "/")) }
    }

    /// The most bytes ``writeCanonicalQuery(_:into:)`` writes for `query`.
    static func canonicalQueryBound(_ query: QueryItems) -> Int {
        query.items.reduce(0) { $0 + 3 * ($1.name.utf8.count + $1.value.utf8.count) + 2 }
    }

    /// Pairs sorted by name, then by value: numerically when both values were appended as numbers (as the official
    /// signers sort typed lists), otherwise by their bytes; each percent-encoded, `&`-separated.
    static func writeCanonicalQuery(_ query: QueryItems, into output: inout ByteWriter) {
        let items = query.items
        guard !items.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: items.count) { order in
            for index in items.indices { order.initializeElement(at: index, to: index) }
            stableSort(order) { lhs, rhs in
                let (left, right) = (items[lhs], items[rhs])
                if !left.name.utf8.elementsEqual(right.name.utf8) {
                    return left.name.utf8.lexicographicallyPrecedes(right.name.utf8)
                }
                if let leftNumber = left.number, let rightNumber = right.number, leftNumber != rightNumber {
                    return leftNumber < rightNumber
                }
                return left.value.utf8.lexicographicallyPrecedes(right.value.utf8)
            }
            for (position, index) in order.enumerated() {
                if position > 0 { output.write(UInt8(ascii: "&")) }
                PercentEncoding.encode(items[index].name.utf8) { output.write($0) }
                output.write(UInt8(ascii: "="))
                PercentEncoding.encode(items[index].value.utf8) { output.write($0) }
            }
        }
    }

    // MARK: Bytes

    /// Stable. A request usually has a handful of headers and query pairs, sorted by insertion without the standard
    /// library's sort machinery; long lists (a query repeating a key for many values) by the standard library's sort,
    /// stable too.
    private static func stableSort<Element>(
        _ elements: UnsafeMutableBufferPointer<Element>, by precedes: (Element, Element) -> Bool
    ) {
        guard elements.count <= 16 else {
            var elements = elements  // the buffer's own value; the memory is the same
            return elements.sort(by: precedes)
        }
        guard elements.count > 1 else { return }
        for index in 1..<elements.count {
            let element = elements[index]
            var position = index
            while position > 0, precedes(element, elements[position - 1]) {
                elements[position] = elements[position - 1]
                position -= 1
            }
            elements[position] = element
        }
    }

    private static func equalsIgnoringASCIICase(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.count == rhs.utf8.count
            && lhs.utf8.elementsEqual(rhs.utf8) { asciiLowercased($0) == asciiLowercased($1) }
    }

    @inline(__always)
    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    private static func writeTrimmed(_ value: String, into output: inout ByteWriter) {
        // Fast path: visible ASCII at both ends means nothing to trim.
        if let first = value.utf8.first, let last = value.utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            output.write(value.utf8)
            return
        }
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        output.write(String(scalars[first...last]).utf8)
    }
}
