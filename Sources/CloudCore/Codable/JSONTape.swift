/// A JSON text parsed into one flat array of entries, in document order: what ``JSONModelDecoder`` decodes from.
///
/// Strings and numbers stay bytes of the text until a model asks for them, so a field the model does not read costs
/// only its scan. Every entry knows the entry after its subtree (to step over it) and its container (to tell the
/// coding path of an error without keeping one while decoding).
struct JSONTape {
    enum Kind: UInt8 {
        case null, `true`, `false`, number
        /// A string without escapes: its bytes are its UTF-8.
        case string
        /// A string with at least one backslash escape.
        case escapedString
        case array, object
    }

    struct Entry {
        var kind: Kind
        /// Strings (inside the quotes) and numbers: the first byte. Containers: the count of elements or members.
        var start: Int32
        /// Strings and numbers: the byte after the last.
        var end: Int32
        /// The entry after this value's subtree.
        var next: Int32
        /// The array or object holding this entry, or -1 for the top-level value.
        var parent: Int32
    }

    /// The text, with a UTF-8 byte-order mark dropped.
    let bytes: [UInt8]
    /// The top-level value is entry 0. In an object, each member is a string entry (its key) followed by its value.
    private(set) var entries: [Entry] = []

    /// Parses `bytes`; throws ``Failure`` at the first byte that is not JSON, or at nesting deeper than
    /// ``maximumDepth``.
    init(parsing bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        guard self.bytes.count < Int32.max else { throw Failure(offset: 0, reason: "the text is larger than 2 GiB") }
        entries.reserveCapacity(self.bytes.count / 8 + 4)
        var position = 0
        try parseValue(at: &position, parent: -1, depth: 0)
        skipWhitespace(&position)
        if position < self.bytes.count {
            throw Failure(offset: position, reason: "unexpected \(describe(position)) after the value")
        }
    }

    /// What does not parse, and where.
    struct Failure: Error {
        var offset: Int
        var reason: String
    }

    /// Arrays and objects nested deeper than this are refused, as Foundation's decoder does, before the stack is.
    static let maximumDepth = 512

    subscript(index: Int) -> Entry { entries[index] }

    // MARK: Parsing

    private mutating func parseValue(at position: inout Int, parent: Int32, depth: Int) throws(Failure) {
        skipWhitespace(&position)
        guard position < bytes.count else { throw Failure(offset: position, reason: "unexpected end of text") }
        switch bytes[position] {
        case UInt8(ascii: "{"): try parseContainer(.object, at: &position, parent: parent, depth: depth)
        case UInt8(ascii: "["): try parseContainer(.array, at: &position, parent: parent, depth: depth)
        case UInt8(ascii: "\""): try parseString(at: &position, parent: parent)
        case UInt8(ascii: "t"): try parseLiteral("true", .true, at: &position, parent: parent)
        case UInt8(ascii: "f"): try parseLiteral("false", .false, at: &position, parent: parent)
        case UInt8(ascii: "n"): try parseLiteral("null", .null, at: &position, parent: parent)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber(at: &position, parent: parent)
        default: throw Failure(offset: position, reason: "unexpected \(describe(position)), expected a value")
        }
    }

    private mutating func parseContainer(
        _ kind: Kind, at position: inout Int, parent: Int32, depth: Int
    ) throws(Failure) {
        guard depth < Self.maximumDepth else {
            throw Failure(offset: position, reason: "nesting deeper than \(Self.maximumDepth) levels")
        }
        let index = append(Entry(kind: kind, start: 0, end: 0, next: 0, parent: parent))
        let closing = kind == .object ? UInt8(ascii: "}") : UInt8(ascii: "]")
        position += 1
        skipWhitespace(&position)
        var count: Int32 = 0
        if position < bytes.count, bytes[position] == closing {
            position += 1
        } else {
            while true {
                if kind == .object {
                    skipWhitespace(&position)
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                        throw Failure(offset: position, reason: "unexpected \(describe(position)), expected a key")
                    }
                    try parseString(at: &position, parent: index)
                    skipWhitespace(&position)
                    try expect(UInt8(ascii: ":"), at: &position)
                }
                try parseValue(at: &position, parent: index, depth: depth + 1)
                count += 1
                skipWhitespace(&position)
                guard position < bytes.count else { throw Failure(offset: position, reason: "unexpected end of text") }
                if bytes[position] == UInt8(ascii: ",") {
                    position += 1
                    // A comma before the closing bracket is accepted, as Foundation's decoder accepts it.
                    skipWhitespace(&position)
                    if position < bytes.count, bytes[position] == closing {
                        position += 1
                        break
                    }
                } else if bytes[position] == closing {
                    position += 1
                    break
                } else {
                    let expected = kind == .object ? "`,` or `}`" : "`,` or `]`"
                    throw Failure(offset: position, reason: "unexpected \(describe(position)), expected \(expected)")
                }
            }
        }
        entries[Int(index)].start = count
        entries[Int(index)].next = Int32(entries.count)
    }

    private mutating func parseString(at position: inout Int, parent: Int32) throws(Failure) {
        let start = position + 1
        var kind = Kind.string
        position = start
        while true {
            guard position < bytes.count else { throw Failure(offset: start - 1, reason: "unterminated string") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                kind = .escapedString
                position += try escapeLength(at: position)
            } else if byte < 0x20 {
                throw Failure(offset: position, reason: "control character U+\(hexDigits(byte)) in a string")
            } else {
                position += 1
            }
        }
        append(Entry(kind: kind, start: Int32(start), end: Int32(position), next: 0, parent: parent), isLeaf: true)
        position += 1
    }

    /// The length of the escape starting with the backslash at `position` (surrogate pairs are checked when the string
    /// is read).
    private func escapeLength(at position: Int) throws(Failure) -> Int {
        guard position + 1 < bytes.count else { throw Failure(offset: position, reason: "unterminated string") }
        switch bytes[position + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return 2
        case UInt8(ascii: "u"):
            guard position + 6 <= bytes.count, bytes[position + 2..<position + 6].allSatisfy({ HexEncoding.value(of: $0) != nil })
            else { throw Failure(offset: position, reason: "a `\\u` escape without four hex digits") }
            return 6
        default:
            throw Failure(offset: position + 1, reason: "unknown escape \(describe(position + 1))")
        }
    }

    private mutating func parseNumber(at position: inout Int, parent: Int32) throws(Failure) {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        // JSON's grammar: an integer part without leading zeros, then an optional fraction and exponent.
        if position < bytes.count, bytes[position] == UInt8(ascii: "0") {
            position += 1
        } else if digits(at: &position) == 0 {
            throw Failure(offset: position, reason: "unexpected \(describe(position)) in a number")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits(at: &position) > 0 else {
                throw Failure(offset: position, reason: "unexpected \(describe(position)) in a number")
            }
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits(at: &position) > 0 else {
                throw Failure(offset: position, reason: "unexpected \(describe(position)) in a number")
            }
        }
        append(
            Entry(kind: .number, start: Int32(start), end: Int32(position), next: 0, parent: parent), isLeaf: true)
    }

    private func digits(at position: inout Int) -> Int {
        let start = position
        while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
        return position - start
    }

    private mutating func parseLiteral(
        _ literal: StaticString, _ kind: Kind, at position: inout Int, parent: Int32
    ) throws(Failure) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            position + count <= bytes.count && bytes[position..<position + count].elementsEqual(expected)
        }
        guard matches else { throw Failure(offset: position, reason: "unexpected \(describe(position)), expected a value") }
        append(Entry(kind: kind, start: 0, end: 0, next: 0, parent: parent), isLeaf: true)
        position += count
    }

    private func expect(_ byte: UInt8, at position: inout Int) throws(Failure) {
        guard position < bytes.count, bytes[position] == byte else {
            throw Failure(offset: position, reason: "unexpected \(describe(position)), expected `\(Character(.init(byte)))`")
        }
        position += 1
    }

    private func skipWhitespace(_ position: inout Int) {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    @discardableResult
    private mutating func append(_ entry: Entry, isLeaf: Bool = false) -> Int32 {
        var entry = entry
        let index = Int32(entries.count)
        if isLeaf { entry.next = index + 1 }
        entries.append(entry)
        return index
    }

    /// The byte at `position` as a message shows it: the character when printable ASCII, else its code.
    private func describe(_ position: Int) -> String {
        guard position < bytes.count else { return "end of text" }
        let byte = bytes[position]
        return (0x21..<0x7F).contains(byte) ? "`\(Character(.init(byte)))`" : "byte 0x\(hexDigits(byte))"
    }

    private func hexDigits(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16, uppercase: true)
        return byte < 0x10 ? "0" + text : text
    }
}
