import APISchema
import OpenAPIKit

// The JSON Schemas of the document: named types under `components/schemas`, and the schema of every type reference.
// Enums are open (any value of their type is valid, as the SDK decodes it); response types accept null, written
// without a `{type: null}` branch, which 3.1 generators (swift-openapi-generator) skip with a warning.
extension DocumentBuilder {
    func namedTypeSchema(_ type: NamedType) -> JSONSchema {
        var schema: JSONSchema
        switch type.kind {
        case .object(let properties):
            // In a type some response contains, the SDK decodes every property as optional (`null` or absent);
            // request-only types keep the page's required fields and no `null`.
            let inResponse = responseTypes.contains(type.name)
            let required = inResponse ? [] : Set(properties.filter(\.required).map(\.name))
            var members = OrderedDictionary<String, JSONSchema>()
            for property in properties {
                var member = self.schema(property.type, enumValues: property.enumValues)
                if inResponse { member = Self.nullable(member) }
                let description = Self.description(property.description, values: property.enumValues)
                if !description.isEmpty { member = member.with(description: description) }
                // OpenAPIKit derives the object's `required` list from its properties' own flag.
                members[property.name] = required.contains(property.name) ? member : member.optionalSchemaObject()
            }
            schema = .object(.init(), .init(properties: members))
        case .enumeration(let base, let values):
            schema = enumSchema(base: base, values: values)
        case .alias(let target):
            schema = self.schema(.named(target))
        }
        // A type some response contains accepts null itself, so that a `$ref` to it needs no `anyOf` with `null`.
        if responseTypes.contains(type.name) { schema = Self.nullable(schema) }
        if !type.description.isEmpty { schema = schema.with(description: type.description) }
        return schema.adding(["x-source": AnyCodable(type.source.description)])
    }

    /// A field's description with the meanings of its values as a list: the schema keeps them out of the prose
    /// (in `enumValues`), and `x-enum-descriptions` is read by generators, not shown by documentation viewers.
    static func description(_ prose: String, values: [EnumValue]?) -> String {
        guard let values, values.contains(where: { !$0.description.isEmpty }) else { return prose }
        return (prose.isEmpty ? "" : prose + "\n\n") + values.map(\.listItem).joined(separator: "\n")
    }

    /// The schema of a type reference; `enumValues` (documented values of a field) become an inline `enum`
    /// on the value, or on the elements of an array.
    func schema(_ type: TypeRef, enumValues: [EnumValue]? = nil) -> JSONSchema {
        if let enumValues, !enumValues.isEmpty {
            switch type {
            case .string, .integer, .int64, .number, .boolean:
                return enumSchema(base: type, values: enumValues)
            case .array(let element):
                return .array(.init(), .init(items: schema(element, enumValues: enumValues)))
            default:
                break
            }
        }
        switch type {
        case .string: return .string(.init(), .init())
        case .integer: return .integer(.init(format: .int32), .init())
        case .int64: return .integer(.init(format: .int64), .init())
        case .number: return .number(.init(), .init())
        case .boolean: return .boolean(.init())
        case .any: return .fragment(.init())
        case .array(let element): return .array(.init(), .init(items: schema(element)))
        case .map(let value): return .object(.init(), .init(properties: [:], additionalProperties: .b(schema(value))))
        case .named(let name):
            guard let exported = exportedNames[name] else {
                report.emit(.typeNotExported, "no type \(name) in the schema: exported as x-unresolved-type")
                return .fragment(.init(vendorExtensions: ["x-unresolved-type": AnyCodable(name)]))
            }
            return .reference(.component(named: exported), .init())
        }
    }

    /// An open enumeration, as the SDK decodes it: `anyOf` the documented values (with their meanings in
    /// `x-enum-descriptions`) and any other value of the same type, the idiom generators read as an open enum.
    /// (OpenAPIKit writes a single documented value as `const`, which JSON Schema reads as a one-value `enum`.)
    func enumSchema(base: TypeRef, values: [EnumValue]) -> JSONSchema {
        var unique: [EnumValue] = []
        var seen = Set<String>()
        for value in values where seen.insert(value.value).inserted { unique.append(value) }
        let (any, documented) = Self.typedValues(base: base, values: unique.map(\.value))
        guard !documented.isEmpty else { return schema(any) }
        var closed = schema(any).with(allowedValues: documented)
        if unique.contains(where: { !$0.description.isEmpty }) {
            closed = closed.adding(["x-enum-descriptions": AnyCodable(unique.map(\.description))])
        }
        return .any(of: [closed, schema(any)], core: .init())
    }

    /// The type the documented values are written in, and the values in it. They stay strings unless the base is
    /// numeric or boolean and every value reads as one.
    static func typedValues(base: TypeRef, values: [String]) -> (TypeRef, [AnyCodable]) {
        switch base {
        case .integer, .int64:
            let integers = values.compactMap { Int64($0) }
            if integers.count == values.count { return (base, integers.map { AnyCodable($0) }) }
        case .number:
            let numbers = values.compactMap { Double($0) }.filter(\.isFinite)
            if numbers.count == values.count { return (base, numbers.map { AnyCodable($0) }) }
        case .boolean:
            if values.allSatisfy({ $0 == "true" || $0 == "false" }) {
                return (base, values.map { AnyCodable($0 == "true") })
            }
        default:
            break
        }
        return (.string, values.map { AnyCodable($0) })
    }

    /// The schema of a value that may also be `null`, in the forms 3.1 generators read: `type: [T, "null"]`; for an
    /// open enum (`anyOf` the documented values and any value) its open branch `type: [T, "null"]`. A `$ref` stays
    /// as it is: the types a response contains are exported nullable themselves. `{}` (any JSON) and unresolved
    /// types already accept it.
    static func nullable(_ schema: JSONSchema) -> JSONSchema {
        switch schema.value {
        case .any(of: var branches, core: let core):
            if let open = branches.popLast() { branches.append(nullable(open)) }
            return .any(of: branches, core: core)
        case .reference, .fragment: return schema
        default: return schema.nullableSchemaObject()
        }
    }
}

extension JSONSchema {
    /// The schema with `extensions` added to its vendor extensions (`x-…`).
    func adding(_ extensions: [String: AnyCodable]) -> JSONSchema {
        with(vendorExtensions: vendorExtensions.merging(extensions) { _, new in new })
    }
}
