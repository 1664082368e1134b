/// The named types a schema's bodies refer to: objects read from tables, enumerations read from descriptions, and
/// other names of an object with the same shape.

/// A named, reusable type: an object read from a table, or an enumeration read from a description.
public struct NamedType: Codable, Sendable, Hashable {
    /// UpperCamelCase, unique within the service (`VolumeReq`).
    public var name: String
    public var description: String
    public var kind: Kind
    /// Where the type was read from (`CreateNotebook.html`, `Table 4 VolumeReq`), for diagnostics and review.
    public var source: SourceLocation

    public enum Kind: Codable, Sendable, Hashable {
        case object([Property])
        case enumeration(base: TypeRef, values: [EnumValue])
        /// Another name of the object type `target`, which has the same shape: kept where users meet it, in an
        /// operation's request or response (`UpdateNotebookResponse` = `CreateNotebookResponse`).
        case alias(target: String)
    }

    public init(name: String, description: String = "", kind: Kind, source: SourceLocation) {
        self.name = name
        self.description = description
        self.kind = kind
        self.source = source
    }

    // Flat on disk (`"kind": "object", "properties": […]`) rather than Swift's nested enum-payload form.
    private enum CodingKeys: String, CodingKey {
        case name, description, kind, properties, base, values, source, target
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decode(String.self, forKey: .description)
        source = try container.decode(SourceLocation.self, forKey: .source)
        switch try container.decode(String.self, forKey: .kind) {
        case "object":
            kind = .object(try container.decode([Property].self, forKey: .properties))
        case "enum":
            kind = .enumeration(
                base: try container.decode(TypeRef.self, forKey: .base),
                values: try container.decode([EnumValue].self, forKey: .values))
        case "alias":
            kind = .alias(target: try container.decode(String.self, forKey: .target))
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown type kind \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(description, forKey: .description)
        try container.encode(source, forKey: .source)
        switch kind {
        case .object(let properties):
            try container.encode("object", forKey: .kind)
            try container.encode(properties, forKey: .properties)
        case .enumeration(let base, let values):
            try container.encode("enum", forKey: .kind)
            try container.encode(base, forKey: .base)
            try container.encode(values, forKey: .values)
        case .alias(let target):
            try container.encode("alias", forKey: .kind)
            try container.encode(target, forKey: .target)
        }
    }
}

/// A field of an object type.
public struct Property: Codable, Sendable, Hashable {
    /// Wire name (`image_id`).
    public var name: String
    public var type: TypeRef
    public var required: Bool
    /// Documented values of this field (or of the array's elements), if the description lists them.
    public var enumValues: [EnumValue]?
    public var description: String

    public init(
        name: String, type: TypeRef, required: Bool, enumValues: [EnumValue]? = nil, description: String = ""
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.enumValues = enumValues
        self.description = description
    }
}

/// One documented value of an enumeration, with its meaning.
public struct EnumValue: Codable, Sendable, Hashable {
    /// Wire value as written (`"EVS"`, `"1"`).
    public var value: String
    public var description: String

    public init(value: String, description: String = "") {
        self.value = value
        self.description = description
    }

    /// The meaning on one line: its line breaks and runs of spaces made single spaces.
    public var meaningOnOneLine: String {
        description.split { $0.isNewline || $0 == " " || $0 == "\t" || $0 == "\u{a0}" }.joined(separator: " ")
    }

    /// "- `EVS`: Elastic Volume Service", the value and its meaning as an item of a Markdown list (the SDK's doc
    /// comments, the export's descriptions).
    public var listItem: String {
        let meaning = meaningOnOneLine
        return meaning.isEmpty ? "- `\(value)`" : "- `\(value)`: \(meaning)"
    }
}
