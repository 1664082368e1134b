import Foundation

/// Decodes models from JSON as `JSONDecoder` does with its default strategies, with less work per value.
///
/// ``ServiceClient`` decodes every response body with it (and the generated CLIs their `--body`). It accepts the same
/// texts and produces the same values: numbers must fit their type exactly (`1.0` is an `Int`, `1.5` is not), `Data`
/// is Base64, `URL` and `Decimal` read their JSON spelling, a missing key and `null` both decode as `nil` for optional
/// fields. A failure throws the same `DecodingError` cases with the coding path of the value, and text that is not
/// JSON is reported with the offset of the byte (from 0) where it stops being JSON.
///
/// Where it differs from `JSONDecoder`:
/// - A number that does not fit its type, and a string with an unpaired UTF-16 surrogate escape, are reported at
///   their own coding path (Foundation's reports the whole text as not valid JSON).
/// - `superDecoder(forKey:)` for an absent key throws `keyNotFound` (Foundation's decodes from `null`).
/// - Only UTF-8 text is read; a byte-order mark is skipped.
/// - For a key that appears twice in one object (which JSON advises against), a model may read either value,
///   depending on the order it reads its fields in (Foundation's reads the first).
///
/// As in Foundation's, a comma before a closing bracket is accepted.
public struct JSONModelDecoder: Sendable {
    /// How a scalar must be written to be read as its type.
    public enum ScalarSpelling: Sendable {
        /// As JSON types it (the default, as `JSONDecoder`): a `String` field takes a string, an `Int` a number.
        case exact
        /// A number or boolean field also takes its value as a string (`"limit": "10"`, `"enabled": "False"`), as
        /// services and the pages' examples often send them. ``ServiceClient`` reads responses so: the generated
        /// models rely on it instead of decoding each such field by hand.
        case quotedNumbers
        /// ``quotedNumbers``, and a string field also takes a number or boolean, read as its JSON text (`"size": 5`
        /// is `"5"`). For input people copy from the pages (`otc … --body`), never for responses.
        case lenient
    }

    /// How scalars must be written; ``ScalarSpelling/exact`` unless given.
    public var scalars: ScalarSpelling

    /// A decoder; it holds no state between calls.
    public init(scalars: ScalarSpelling = .exact) {
        self.scalars = scalars
    }

    /// Decodes a value of `type` from the JSON text `data`.
    public func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let tape: JSONTape
        do {
            tape = try JSONTape(parsing: [UInt8](data))
        } catch {
            let description = "The given data was not valid JSON: \(error.reason) at offset \(error.offset)."
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: description))
        }
        return try TapeDocument(tape, quotedNumbers: scalars != .exact, scalarStrings: scalars == .lenient)
            .decode(T.self, at: 0)
    }
}

/// A parsed text while a model is decoded from it: reads the entries' values and tells their coding paths.
final class TapeDocument {
    let tape: JSONTape
    /// The key entry that the latest member lookup found. Generated models read their fields in about the order the
    /// service writes them, so a lookup starts there instead of at the object's first member.
    private var lastMember = 0
    /// Whether numbers and booleans may be spelt as strings (``JSONModelDecoder/ScalarSpelling/quotedNumbers``).
    private let quotedNumbers: Bool
    /// Whether a string may be spelt as a number or boolean (``JSONModelDecoder/ScalarSpelling/lenient``).
    private let scalarStrings: Bool

    init(_ tape: JSONTape, quotedNumbers: Bool = false, scalarStrings: Bool = false) {
        self.tape = tape
        self.quotedNumbers = quotedNumbers
        self.scalarStrings = scalarStrings
    }

    /// Decodes `T` from entry `index`: JSON's own types and the types Foundation's decoder treats apart directly,
    /// anything else through its `init(from:)`.
    func decode<T: Decodable>(_: T.Type, at index: Int) throws -> T {
        if T.self == String.self { return try string(at: index) as! T }
        if T.self == JSONValue.self { return try jsonValue(at: index) as! T }
        if T.self == URL.self {
            guard let url = URL(string: try string(at: index)) else {
                throw corrupted(at: index, "Invalid URL string.")
            }
            return url as! T
        }
        if T.self == Data.self {
            guard let data = Data(base64Encoded: try string(at: index)) else {
                throw corrupted(at: index, "Encountered Data is not valid Base64.")
            }
            return data as! T
        }
        if T.self == Decimal.self {
            guard let decimal = Decimal(string: try numberText(at: index, for: Decimal.self)) else {
                throw corrupted(at: index, "Parsed JSON number is not a valid Decimal.")
            }
            return decimal as! T
        }
        return try T(from: TapeDecoder(document: self, index: index))
    }

    func isNull(at index: Int) -> Bool { tape[index].kind == .null }

    func bool(at index: Int) throws -> Bool {
        switch tape[index].kind {
        case .true: return true
        case .false: return false
        default:
            guard let value = try spelt(at: index, Bool.self) else { throw mismatch(Bool.self, at: index) }
            return value
        }
    }

    func string(at index: Int) throws -> String {
        let entry = tape[index]
        switch entry.kind {
        case .string:
            return try utf8String(Int(entry.start)..<Int(entry.end), at: index)
        case .escapedString:
            return try unescapedString(Int(entry.start)..<Int(entry.end), at: index)
        case .number where scalarStrings:
            return String(decoding: tape.bytes[Int(entry.start)..<Int(entry.end)], as: UTF8.self)
        case .true where scalarStrings:
            return "true"
        case .false where scalarStrings:
            return "false"
        default:
            throw mismatch(String.self, at: index)
        }
    }

    /// The value of a string entry that spells a `T` when scalars are read leniently; nil when they are not or the
    /// entry is no string, and a `dataCorrupted` error when the string spells no `T`.
    private func spelt<T: LenientDecodable>(at index: Int, _: T.Type) throws -> T? {
        guard quotedNumbers, tape[index].kind == .string || tape[index].kind == .escapedString else { return nil }
        guard let value = T(lenientString: try string(at: index)) else {
            throw corrupted(at: index, "Expected \(T.self) or a string containing one.")
        }
        return value
    }

    /// An integer written in digits is read from them; with a fraction or exponent it must be a whole number.
    func integer<I: FixedWidthInteger>(at index: Int, as type: I.Type) throws -> I {
        guard tape[index].kind == .number else {
            guard quotedNumbers, let value = try spelt(at: index, Int64.self) else { throw mismatch(I.self, at: index) }
            guard let exact = I(exactly: value) else {
                throw corrupted(at: index, "Parsed JSON number <\(value)> does not fit in \(I.self).")
            }
            return exact
        }
        if let value = exactInteger(at: index, as: I.self) { return value }
        let text = try numberText(at: index, for: I.self)
        throw corrupted(at: index, "Parsed JSON number <\(text)> does not fit in \(I.self).")
    }

    /// The number at `index` when it is one and `I` holds it exactly, else nil.
    private func exactInteger<I: FixedWidthInteger>(at index: Int, as: I.Type) -> I? {
        let entry = tape[index]
        guard entry.kind == .number else { return nil }
        var position = Int(entry.start)
        let end = Int(entry.end)
        let isNegative = tape.bytes[position] == UInt8(ascii: "-")
        if isNegative { position += 1 }
        var value: I = 0
        var overflow = false
        while position < end, case let digit = tape.bytes[position] &- UInt8(ascii: "0"), digit < 10 {
            var product = value.multipliedReportingOverflow(by: 10)
            overflow = overflow || product.overflow
            product =
                isNegative
                ? product.partialValue.subtractingReportingOverflow(I(digit))
                : product.partialValue.addingReportingOverflow(I(digit))
            overflow = overflow || product.overflow
            value = product.partialValue
            position += 1
        }
        if position == end { return overflow ? nil : value }
        return Double(String(decoding: tape.bytes[Int(entry.start)..<end], as: UTF8.self)).flatMap { I(exactly: $0) }
    }

    func double(at index: Int) throws -> Double {
        if let value = try spelt(at: index, Double.self) { return value }
        let text = try numberText(at: index, for: Double.self)
        guard let value = Double(text), value.isFinite else {
            throw corrupted(at: index, "Parsed JSON number <\(text)> does not fit in Double.")
        }
        return value
    }

    func float(at index: Int) throws -> Float {
        let value = try double(at: index)
        guard abs(value) <= Double(Float.greatestFiniteMagnitude) else {
            throw corrupted(at: index, "Parsed JSON number <\(value)> does not fit in Float.")
        }
        return Float(value)
    }

    /// Any value, built from the entries without going through `JSONValue.init(from:)`'s trials.
    func jsonValue(at index: Int) throws -> JSONValue {
        switch tape[index].kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .string, .escapedString: return .string(try string(at: index))
        case .number:
            // As `JSONValue.init(from:)` tries them: a whole number that fits (`1.0` too), else a double.
            if let integer = exactInteger(at: index, as: Int64.self) { return .integer(integer) }
            return .double(try double(at: index))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(tape[index].start))
            var element = index + 1
            while element < Int(tape[index].next) {
                elements.append(try jsonValue(at: element))
                element = Int(tape[element].next)
            }
            return .array(elements)
        case .object:
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(Int(tape[index].start))
            var key = index + 1
            while key < Int(tape[index].next) {
                let name = try string(at: key)
                if members[name] == nil { members[name] = try jsonValue(at: key + 1) }  // the first of a repeated key
                key = Int(tape[key + 1].next)
            }
            return .object(members)
        }
    }

    // MARK: Objects

    /// The value entry of the member named `key` in the object at `object`, or nil.
    func member(_ key: some CodingKey, in object: Int) -> Int? {
        let members = Int(tape[object].start)
        guard members > 0 else { return nil }
        let first = object + 1
        let end = Int(tape[object].next)
        var start = first
        if lastMember > object, lastMember < end {
            // The latest lookup was in this object or below it: climb to this object's member that holds it.
            var entry = lastMember
            while Int(tape[entry].parent) != object { entry = Int(tape[entry].parent) }
            start = entry == lastMember ? entry : entry - 1
        }
        var name = key.stringValue
        var candidate = start
        repeat {
            if matches(&name, candidate) {
                lastMember = candidate
                return candidate + 1
            }
            candidate = Int(tape[candidate + 1].next)
            if candidate == end { candidate = first }
        } while candidate != start
        return nil
    }

    /// The key entries of the object at `object`, in document order.
    func memberKeys(in object: Int) -> [Int] {
        var keys: [Int] = []
        keys.reserveCapacity(Int(tape[object].start))
        var key = object + 1
        while key < Int(tape[object].next) {
            keys.append(key)
            key = Int(tape[key + 1].next)
        }
        return keys
    }

    private func matches(_ name: inout String, _ key: Int) -> Bool {
        let entry = tape[key]
        guard entry.kind == .string else { return (try? string(at: key)) == name }
        return name.withUTF8 { name in
            tape.bytes.withUnsafeBufferPointer { bytes in
                let stored = UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)])
                guard stored.count == name.count else { return false }
                return name.isEmpty || memcmp(stored.baseAddress!, name.baseAddress!, name.count) == 0
            }
        }
    }

    // MARK: Coding paths and errors

    /// The coding path of entry `index`, told from the tape: keys for members, `Index n` for elements.
    func codingPath(of index: Int) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var child = index
        while case let parent = Int(tape[child].parent), parent >= 0 {
            if tape[parent].kind == .object {
                keys.append(TapeKey(stringValue: (try? string(at: child - 1)) ?? ""))
            } else {
                var position = 0
                var element = parent + 1
                while element != child {
                    element = Int(tape[element].next)
                    position += 1
                }
                keys.append(TapeKey(index: position))
            }
            child = parent
        }
        return keys.reversed()
    }

    /// `typeMismatch`, or `valueNotFound` for `null`, worded as Foundation's decoder words them.
    func mismatch(_ type: Any.Type, at index: Int) -> DecodingError {
        let kind = tape[index].kind
        if kind == .null {
            let description = "Cannot get value of type \(type) -- found null value instead"
            return .valueNotFound(type, .init(codingPath: codingPath(of: index), debugDescription: description))
        }
        let found: String =
            switch kind {
            case .null: "null"
            case .true, .false: "bool"
            case .number: "number"
            case .string, .escapedString: "a string"
            case .array: "an array"
            case .object: "a dictionary"
            }
        let description = "Expected to decode \(type) but found \(found) instead."
        return .typeMismatch(type, .init(codingPath: codingPath(of: index), debugDescription: description))
    }

    func corrupted(at index: Int, _ description: String) -> DecodingError {
        .dataCorrupted(.init(codingPath: codingPath(of: index), debugDescription: description))
    }
}

/// A key of a coding path that the decoder tells from the text.
struct TapeKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(index: Int) {
        self.stringValue = "Index \(index)"
        self.intValue = index
    }

    init?(intValue: Int) { self.init(index: intValue) }
}
