/// The type of a field, parameter or body, as the schema records it.
///
/// Encoded as one short string so that `spec/<service>.json` reads and diffs well:
/// `string`, `integer` (32-bit), `int64`, `number`, `boolean`, `any` (opaque JSON), `array<T>`, `map<T>`
/// (string keys), or the name of a `NamedType` (always UpperCamelCase, so it never collides with the primitives).
public indirect enum TypeRef: Codable, Sendable, Hashable, CustomStringConvertible {
    case string
    case integer
    case int64
    case number
    case boolean
    /// Opaque JSON: an undescribed `Object`, `JSON`, `Dict`, or a type the builder could not read.
    case any
    case array(TypeRef)
    case map(TypeRef)
    case named(String)

    public var description: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .int64: "int64"
        case .number: "number"
        case .boolean: "boolean"
        case .any: "any"
        case .array(let element): "array<\(element)>"
        case .map(let value): "map<\(value)>"
        case .named(let name): name
        }
    }

    /// Parses the string form written by `description`; `nil` for anything else.
    public init?(parsing text: Substring) {
        func generic(_ prefix: String) -> Substring? {
            guard text.hasPrefix(prefix + "<"), text.hasSuffix(">") else { return nil }
            return text.dropFirst(prefix.count + 1).dropLast()
        }
        switch text {
        case "string": self = .string
        case "integer": self = .integer
        case "int64": self = .int64
        case "number": self = .number
        case "boolean": self = .boolean
        case "any": self = .any
        default:
            if let inner = generic("array") {
                guard let element = TypeRef(parsing: inner) else { return nil }
                self = .array(element)
            } else if let inner = generic("map") {
                guard let value = TypeRef(parsing: inner) else { return nil }
                self = .map(value)
            } else if let first = text.first, first.isUppercase,
                text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
            {
                self = .named(String(text))
            } else {
                return nil
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = TypeRef(parsing: Substring(text)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a type: \(text)")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The named type this reference ends in, looking through arrays and maps.
    public var referencedName: String? {
        switch self {
        case .named(let name): name
        case .array(let inner), .map(let inner): inner.referencedName
        default: nil
        }
    }

    /// This reference with every named type replaced by `rename(name)`, looking through arrays and maps.
    public func renamingTypes(_ rename: (String) -> String) -> TypeRef {
        switch self {
        case .named(let name): .named(rename(name))
        case .array(let inner): .array(inner.renamingTypes(rename))
        case .map(let inner): .map(inner.renamingTypes(rename))
        default: self
        }
    }

    /// Whether the value is opaque JSON (looking through arrays and maps).
    public var isOpaque: Bool {
        switch self {
        case .any: true
        case .array(let inner), .map(let inner): inner.isOpaque
        default: false
        }
    }
}

extension Operation {
    /// Renames the named types of the request body and the responses (`rename(name)` for each name).
    public mutating func renameTypes(_ rename: (String) -> String) {
        if let body = requestBody { requestBody?.type = body.type.renamingTypes(rename) }
        for r in responses.indices { responses[r].type = responses[r].type?.renamingTypes(rename) }
    }
}

extension ServiceSchema {
    /// Renames every reference to a named type — in properties, parameters, request bodies, responses and the
    /// service's error body — to `rename(name)`. The types themselves keep their names.
    public mutating func renameTypeReferences(_ rename: (String) -> String) {
        errorBody = errorBody?.renamingTypes(rename)
        for t in types.indices {
            switch types[t].kind {
            case .object(var properties):
                for p in properties.indices { properties[p].type = properties[p].type.renamingTypes(rename) }
                types[t].kind = .object(properties)
            case .alias(let target):
                types[t].kind = .alias(target: rename(target))
            case .enumeration:
                break
            }
        }
        for o in operations.indices {
            operations[o].renameTypes(rename)
            for p in operations[o].parameters.indices {
                operations[o].parameters[p].type = operations[o].parameters[p].type.renamingTypes(rename)
            }
        }
    }
}
