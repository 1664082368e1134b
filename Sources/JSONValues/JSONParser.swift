/// A small strict JSON parser (RFC 8259) that keeps integer and decimal literals apart: `JSONValue.parse`.
struct JSONParser {
    let bytes: [UInt8]
    var index = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
    }

    mutating func value() -> JSONValue? {
        skipSpace()
        guard index < bytes.count, depth < 200 else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            let closed = elements(closedBy: UInt8(ascii: "}")) { parser in
                guard let key = parser.string() else { return false }
                parser.skipSpace()
                guard parser.index < parser.bytes.count, parser.bytes[parser.index] == UInt8(ascii: ":") else {
                    return false
                }
                parser.index += 1
                guard let member = parser.value() else { return false }
                members[key] = member
                return true
            }
            return closed ? .object(members) : nil
        case UInt8(ascii: "["):
            var items: [JSONValue] = []
            let closed = elements(closedBy: UInt8(ascii: "]")) { parser in
                guard let item = parser.value() else { return false }
                items.append(item)
                return true
            }
            return closed ? .array(items) : nil
        case UInt8(ascii: "\""):
            return string().map { .string($0) }
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default:
            return number()
        }
    }

    /// Reads the comma-separated elements of the object or array whose opening bracket is at `index`, through
    /// `close`; `element` reads one and says whether it could. Whether the brackets closed.
    mutating func elements(closedBy close: UInt8, _ element: (inout JSONParser) -> Bool) -> Bool {
        index += 1
        depth += 1
        defer { depth -= 1 }
        while true {
            skipSpace()
            // Empty, or a comma before the closing bracket: a slip the pages make (10 examples of the first four
            // services), unambiguous, and one Foundation's parser forgives too.
            if index < bytes.count, bytes[index] == close { index += 1; return true }
            guard element(&self) else { return false }
            skipSpace()
            guard index < bytes.count else { return false }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == close { index += 1; return true }
            return false
        }
    }

    mutating func literal(_ word: String, _ value: JSONValue) -> JSONValue? {
        let utf8 = Array(word.utf8)
        guard index + utf8.count <= bytes.count, Array(bytes[index..<(index + utf8.count)]) == utf8 else { return nil }
        index += utf8.count
        return value
    }

    mutating func number() -> JSONValue? {
        let start = index
        var isDecimal = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                index += 1
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || ((byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && isDecimal)
            {
                isDecimal = true
                index += 1
            } else {
                break
            }
        }
        guard index > digitsStart else { return nil }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if !isDecimal, let integer = Int64(text) { return .integer(integer) }
        return Double(text).map { .double($0) }
    }

    mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard index < bytes.count else { return nil }
                let escaped = bytes[index]
                index += 1
                guard escaped == UInt8(ascii: "u") else {
                    out.append(JSONEscape.byte(for: escaped))
                    continue
                }
                guard var code = hexQuad() else { return nil }
                if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    let mark = index
                    index += 2
                    if let low = hexQuad(), let pair = JSONEscape.surrogatePair(code, low) {
                        code = pair
                    } else {
                        index = mark  // not the second half of a pair: read on its own
                    }
                }
                guard let scalar = Unicode.Scalar(code) else { return nil }  // an unpaired surrogate
                UTF8.encode(scalar) { out.append($0) }
            default:
                if byte < 0x20 { return nil }
                out.append(byte)
            }
        }
        return nil
    }

    /// The four hex digits at `index` (`\u` read), or `nil` when they are not.
    mutating func hexQuad() -> UInt32? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for byte in bytes[index..<(index + 4)] {
            guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
            value = value << 4 | UInt32(digit)
        }
        index += 4
        return value
    }
}

/// JSON's string escapes, which the runtime's tape decoder also replaces (in strings its own parser checked).
package enum JSONEscape {
    /// The byte a one-letter escape stands for (`n`: a line feed); any other letter stands for itself (`"`, `\`,
    /// `/`, and, as the strict parser forgives, others).
    package static func byte(for escape: UInt8) -> UInt8 {
        switch escape {
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: escape
        }
    }

    /// The code point that `\u<high>\u<low>` stands for, or `nil` when the two are not a UTF-16 surrogate pair.
    package static func surrogatePair(_ high: UInt32, _ low: UInt32) -> UInt32? {
        guard (0xD800..<0xDC00).contains(high), (0xDC00..<0xE000).contains(low) else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }
}
