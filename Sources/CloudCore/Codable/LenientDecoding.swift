/// A scalar that decodes from either its own JSON type or a string spelling of it.
///
/// The published API examples often send numbers and booleans as strings (`"limit": "10"`). ``JSONModelDecoder``
/// reads them so for every field (``JSONModelDecoder/ScalarSpelling/quotedNumbers``), which the generated models rely
/// on; a hand-written `init(from:)` for another decoder can use
/// ``Swift/KeyedDecodingContainer/decodeLenient(_:forKey:)``.
public protocol LenientDecodable: Decodable, Sendable {
    /// Parses the string spelling of the value, or returns nil.
    init?(lenientString: String)
}

extension Int: LenientDecodable {
    /// Parses a decimal integer, ignoring surrounding whitespace.
    public init?(lenientString: String) { self.init(lenientString.trimmingASCIISpaces) }
}

extension Int32: LenientDecodable {
    /// Parses a decimal integer, ignoring surrounding whitespace.
    public init?(lenientString: String) { self.init(lenientString.trimmingASCIISpaces) }
}

extension Int64: LenientDecodable {
    /// Parses a decimal integer, ignoring surrounding whitespace.
    public init?(lenientString: String) { self.init(lenientString.trimmingASCIISpaces) }
}

extension Double: LenientDecodable {
    /// Parses a decimal number, ignoring surrounding whitespace.
    public init?(lenientString: String) { self.init(lenientString.trimmingASCIISpaces) }
}

extension Bool: LenientDecodable {
    /// Accepts `true`/`false` in any case.
    public init?(lenientString: String) {
        switch lenientString.trimmingASCIISpaces.lowercased() {
        case "true": self = true
        case "false": self = false
        default: return nil
        }
    }
}

extension String {
    fileprivate var trimmingASCIISpaces: Substring {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            slice = slice.dropFirst()
        }
        while let last = slice.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            slice = slice.dropLast()
        }
        return slice
    }
}

extension KeyedDecodingContainer {
    /// Decodes `T` from its own JSON type or from a string containing it (`12`, `"12"`; `true`, `"true"`).
    public func decodeLenient<T: LenientDecodable>(_ type: T.Type, forKey key: Key) throws -> T {
        if let value = try? decode(T.self, forKey: key) {
            return value
        }
        let text = try decode(String.self, forKey: key)
        guard let value = T(lenientString: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "Expected \(T.self) or a string containing one")
        }
        return value
    }

    /// Like ``decodeLenient(_:forKey:)`` but returns nil when the key is absent or null.
    public func decodeLenientIfPresent<T: LenientDecodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decodeLenient(type, forKey: key)
    }
}
