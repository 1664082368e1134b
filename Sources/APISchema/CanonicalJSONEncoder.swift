import Foundation

/// Writes an `Encodable` value as the canonical JSON of `spec/` (``SpecFiles/canonicalJSON(_:)``): keys sorted by
/// their UTF-8 bytes, two-space indentation, `"key" : value`, `/` unescaped: byte for byte what Foundation's
/// `JSONEncoder` writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, which the committed files were
/// written with. Foundation's encoder tests every value against its special types and boxes each container; for the
/// large OpenAPI documents that was most of the export's time. This one knows only what `spec/` holds: values that
/// encode themselves, strings, numbers, booleans, `nil` and `URL` (as its absolute string, as Foundation writes it).
struct CanonicalJSONEncoder {
    func encode(_ value: some Encodable) throws -> Data {
        let root = Node()
        try TreeEncoder(node: root, codingPath: []).encodeValue(value)
        var writer = CanonicalJSONWriter()
        try writer.write(root, indent: 0)
        return Data(writer.bytes)
    }
}

/// One value of the tree being encoded: filled by the containers, written once the whole value is known (keys are
/// sorted only then).
private final class Node {
    enum Value {
        case null, literal(String), string(String), array([Node]), object([String: Node])
    }
    var value: Value

    /// A value that asks for no container is an empty object, as with Foundation.
    init(_ value: Value = .object([:])) { self.value = value }

    func append(_ element: Node) {
        guard case .array(var elements) = value else { value = .array([element]); return }
        value = .null  // keeps `elements` uniquely referenced while it grows
        elements.append(element)
        value = .array(elements)
    }

    func set(_ member: Node, for key: String) {
        guard case .object(var members) = value else { value = .object([key: member]); return }
        value = .null
        members[key] = member
        value = .object(members)
    }
}

private struct TreeEncoder: Encoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.value {} else { node.value = .object([:]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.value {} else { node.value = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValue(node: node, codingPath: codingPath) }

    /// Scalars become their text here; any other value encodes itself into `node`.
    func encodeValue(_ value: some Encodable) throws {
        switch value {
        case let string as String: node.value = .string(string)
        case let bool as Bool: node.value = .literal(bool ? "true" : "false")
        case let double as Double: node.value = .literal(try Self.text(of: double, codingPath))
        case let float as Float: node.value = .literal(try Self.text(of: float, codingPath))
        case let integer as any BinaryInteger: node.value = .literal(String(describing: integer))
        case let url as URL: node.value = .string(url.absoluteString)
        default: try value.encode(to: self)
        }
    }

    /// Foundation's text of a floating-point number: its shortest round-trip description, without a `.0` ending.
    static func text(of number: some BinaryFloatingPoint, _ codingPath: [any CodingKey]) throws -> String {
        guard number.isFinite else {
            throw EncodingError.invalidValue(
                number, .init(codingPath: codingPath, debugDescription: "\(number) is not a JSON number"))
        }
        let text = "\(number)"
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { String(intValue!) }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    let codingPath: [any CodingKey]

    func encodeNil(forKey key: Key) throws { node.set(Node(.null), for: key.stringValue) }

    func encode(_ value: some Encodable, forKey key: Key) throws {
        let encoder = TreeEncoder(node: Node(), codingPath: codingPath + [key])
        try encoder.encodeValue(value)
        node.set(encoder.node, for: key.stringValue)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let encoder = TreeEncoder(node: Node(), codingPath: codingPath + [key])
        node.set(encoder.node, for: key.stringValue)
        return encoder.container(keyedBy: keyType)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let encoder = TreeEncoder(node: Node(), codingPath: codingPath + [key])
        node.set(encoder.node, for: key.stringValue)
        return encoder.unkeyedContainer()
    }

    func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

    func superEncoder(forKey key: Key) -> any Encoder {
        let encoder = TreeEncoder(node: Node(), codingPath: codingPath + [key])
        node.set(encoder.node, for: key.stringValue)
        return encoder
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]
    var count: Int {
        guard case .array(let elements) = node.value else { return 0 }
        return elements.count
    }

    private func nextEncoder() -> TreeEncoder {
        let encoder = TreeEncoder(node: Node(), codingPath: codingPath + [IndexKey(intValue: count)])
        node.append(encoder.node)
        return encoder
    }

    mutating func encodeNil() throws { node.append(Node(.null)) }
    mutating func encode(_ value: some Encodable) throws { try nextEncoder().encodeValue(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        nextEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nextEncoder().unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { nextEncoder() }
}

private struct SingleValue: SingleValueEncodingContainer {
    let node: Node
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.value = .null }
    mutating func encode(_ value: some Encodable) throws {
        try TreeEncoder(node: node, codingPath: codingPath).encodeValue(value)
    }
}

/// The text of a finished tree, in Foundation's pretty-printed layout.
private struct CanonicalJSONWriter {
    var bytes: [UInt8] = []

    mutating func write(_ node: Node, indent: Int) throws {
        switch node.value {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .literal(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            bytes.append(UInt8(ascii: "\n"))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                writeIndent(indent + 2)
                try write(element, indent: indent + 2)
            }
            closeContainer("]", indent: indent)
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            bytes.append(UInt8(ascii: "\n"))
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            for (index, key) in keys.enumerated() {
                if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
                writeIndent(indent + 2)
                writeString(key)
                bytes.append(contentsOf: " : ".utf8)
                try write(members[key]!, indent: indent + 2)
            }
            closeContainer("}", indent: indent)
        }
    }

    /// A container ends on its own line; an empty one still has the empty line Foundation writes.
    private mutating func closeContainer(_ bracket: Character, indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        writeIndent(indent)
        bytes.append(bracket.asciiValue!)
    }

    private mutating func writeIndent(_ count: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
