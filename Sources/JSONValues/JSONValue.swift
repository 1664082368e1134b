/// An arbitrary JSON value: what the generated SDKs use for fields the documentation describes only as "object" or
/// "any", and what the generator reads the documentation's examples into.
///
/// Integers and decimals are kept apart, so that a value read as `3` is written back as `3`, not `3.0`. Two ways in:
/// ``parse(_:)``, strict, which also keeps `1.0` a decimal; and `Decodable`, which sees numbers as Foundation's
/// decoders report them, so a decimal without a fraction (`1.0`) becomes an integer. Encoded with sorted keys
/// (`JSONEncoder.OutputFormatting.sortedKeys`), the same value always gives the same bytes.
public enum JSONValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without fraction or exponent that fits in 64 bits.
    case integer(Int64)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; key order is not preserved.
    case object([String: JSONValue])

    /// Parses `text` strictly (RFC 8259), or returns `nil` when it is not JSON.
    ///
    /// Integers and decimals stay apart (`1` is ``integer(_:)``, `1.0` ``double(_:)``); a repeated key keeps its
    /// last value. The one leniency in structure is a trailing comma in an object or array (`[1, 2,]`), a slip
    /// documentation examples make that is unambiguous; missing or doubled commas, placeholders (`...`), raw control
    /// characters in strings and unpaired UTF-16 surrogates (`\ud800`) are rejected. A backslash before a letter
    /// JSON gives no meaning (`\q`) is read as that letter.
    public static func parse(_ text: String) -> JSONValue? {
        var parser = JSONParser(bytes: Array(text.utf8))
        guard let value = parser.value() else { return nil }
        parser.skipSpace()
        // Not `? value : nil`: there `nil` would be a `JSONValue`, `.null` (ExpressibleByNilLiteral).
        guard parser.index == parser.bytes.count else { return nil }
        return value
    }

    /// The member named `key` when this is an object, `nil` for anything else.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string payload when this is a string, `nil` for anything else.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value: a whole number that fits in 64 bits as ``integer(_:)``, any other as ``double(_:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Not a JSON value")
        }
    }

    /// Encodes the value as it was decoded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue: ExpressibleByNilLiteral {
    /// Creates `.null`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONValue: ExpressibleByBooleanLiteral {
    /// Creates `.bool`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONValue: ExpressibleByIntegerLiteral {
    /// Creates `.integer`.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension JSONValue: ExpressibleByFloatLiteral {
    /// Creates `.double`.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension JSONValue: ExpressibleByStringLiteral {
    /// Creates `.string`.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONValue: ExpressibleByArrayLiteral {
    /// Creates `.array`.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
}

extension JSONValue: ExpressibleByDictionaryLiteral {
    /// Creates `.object`; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
