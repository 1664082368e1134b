/// The `Decoder` that ``JSONModelDecoder`` hands to `init(from:)`: an entry of the tape. It is two words, so passing it
/// as `any Decoder` allocates nothing, and it keeps no coding path: errors tell theirs from the tape.
struct TapeDecoder: Decoder {
    let document: TapeDocument
    let index: Int

    var codingPath: [any CodingKey] { document.codingPath(of: index) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard document.tape[index].kind == .object else { throw document.mismatch([String: Any].self, at: index) }
        return KeyedDecodingContainer(TapeKeyedContainer<Key>(document: document, object: index))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard document.tape[index].kind == .array else { throw document.mismatch([Any].self, at: index) }
        return TapeUnkeyedContainer(document: document, array: index)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }
}

extension TapeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { document.isNull(at: index) }
    func decode(_ type: Bool.Type) throws -> Bool { try document.bool(at: index) }
    func decode(_ type: String.Type) throws -> String { try document.string(at: index) }
    func decode(_ type: Double.Type) throws -> Double { try document.double(at: index) }
    func decode(_ type: Float.Type) throws -> Float { try document.float(at: index) }
    func decode(_ type: Int.Type) throws -> Int { try document.integer(at: index, as: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(at: index, as: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(at: index, as: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(at: index, as: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(at: index, as: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try document.integer(at: index, as: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(at: index, as: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(at: index, as: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(at: index, as: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(at: index, as: type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(type, at: index) }
}

/// The members of an object, looked up by key in the text (no dictionary is built).
struct TapeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let document: TapeDocument
    let object: Int

    var codingPath: [any CodingKey] { document.codingPath(of: object) }

    var allKeys: [Key] {
        document.memberKeys(in: object).compactMap { key in
            (try? document.string(at: key)).flatMap { Key(stringValue: $0) }
        }
    }

    func contains(_ key: Key) -> Bool { document.member(key, in: object) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { document.isNull(at: try value(forKey: key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(at: value(forKey: key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(at: value(forKey: key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.double(at: value(forKey: key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try document.float(at: value(forKey: key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try document.decode(type, at: value(forKey: key))
    }

    // One lookup for an optional field; the protocol's defaults look the key up three times.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key, document.bool(at:)) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key, document.string(at:)) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key, document.double(at:)) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try present(key, document.float(at:)) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try presentInteger(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try presentInteger(type, key) }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key) { try document.decode(type, at: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try TapeDecoder(document: document, index: value(forKey: key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try TapeDecoder(document: document, index: value(forKey: key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        TapeDecoder(document: document, index: try value(forKey: TapeKey(stringValue: "super")))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        TapeDecoder(document: document, index: try value(forKey: key))
    }

    private func value(forKey key: some CodingKey) throws -> Int {
        guard let value = document.member(key, in: object) else {
            throw DecodingError.keyNotFound(
                key, .init(codingPath: codingPath, debugDescription: "No value associated with key \(key.stringValue)."))
        }
        return value
    }

    private func integer<I: FixedWidthInteger>(_ type: I.Type, _ key: Key) throws -> I {
        try document.integer(at: value(forKey: key), as: type)
    }

    private func present<T>(_ key: Key, _ read: (Int) throws -> T) throws -> T? {
        guard let value = document.member(key, in: object), !document.isNull(at: value) else { return nil }
        return try read(value)
    }

    private func presentInteger<I: FixedWidthInteger>(_ type: I.Type, _ key: Key) throws -> I? {
        try present(key) { try document.integer(at: $0, as: type) }
    }
}

/// The elements of an array, in order.
struct TapeUnkeyedContainer: UnkeyedDecodingContainer {
    let document: TapeDocument
    let array: Int
    /// The entry of the next element.
    private var element: Int
    private(set) var currentIndex = 0

    init(document: TapeDocument, array: Int) {
        self.document = document
        self.array = array
        self.element = array + 1
    }

    var codingPath: [any CodingKey] { document.codingPath(of: array) }
    var count: Int? { Int(document.tape[array].start) }
    var isAtEnd: Bool { currentIndex >= count! }

    mutating func decodeNil() throws -> Bool {
        guard document.isNull(at: try next(Never?.self)) else { return false }
        advance()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try read { try $0.bool(at: $1) } }
    mutating func decode(_ type: String.Type) throws -> String { try read { try $0.string(at: $1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try read { try $0.double(at: $1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try read { try $0.float(at: $1) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try read { try $0.decode(type, at: $1) } }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try read { try TapeDecoder(document: $0, index: $1).container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try read { try TapeDecoder(document: $0, index: $1).unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder {
        try read { TapeDecoder(document: $0, index: $1) }
    }

    /// Reads the next element with `read`, and moves past it only when that succeeds (as Foundation's does).
    private mutating func read<T>(_ read: (TapeDocument, Int) throws -> T) throws -> T {
        let value = try read(document, next(T.self))
        advance()
        return value
    }

    private mutating func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        try read { try $0.integer(at: $1, as: type) }
    }

    /// The next element's entry; `valueNotFound` past the end.
    private func next(_ type: Any.Type) throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: codingPath + [TapeKey(index: currentIndex)],
                    debugDescription: "Unkeyed container is at end."))
        }
        return element
    }

    private mutating func advance() {
        element = Int(document.tape[element].next)
        currentIndex += 1
    }
}
