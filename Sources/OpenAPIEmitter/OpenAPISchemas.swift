import APISchema

// The JSON Schemas of the document: named types under `components/schemas`, and the schema of every type reference.
// Enums are open (any value of their type is valid, as the SDK decodes it); response types accept null.
extension DocumentBuilder {
    func namedTypeSchema(_ type: NamedType) -> JSONValue {
        var node: [String: JSONValue]
        switch type.kind {
        case .object(let properties):
            node = ["type": "object"]
            var members: [String: JSONValue] = [:]
            var required: [JSONValue] = []
            var seenRequired = Set<String>()
            // In a type some response contains, the SDK decodes every property as optional (`null` or absent);
            // request-only types keep the page's required fields and no `null`.
            let inResponse = responseTypes.contains(type.name)
            for property in properties {
                var schema = schemaNode(property.type, enumValues: property.enumValues)
                if inResponse { schema = Self.nullable(schema) }
                if !property.description.isEmpty { schema = Self.adding("description", property.description, to: schema) }
                members[property.name] = schema
                if property.required && !inResponse && seenRequired.insert(property.name).inserted {
                    required.append(.string(property.name))
                }
            }
            node["properties"] = .object(members)
            if !required.isEmpty { node["required"] = .array(required) }
        case .enumeration(let base, let values):
            node = enumNode(base: base, values: values)
        }
        if !type.description.isEmpty { node["description"] = .string(type.description) }
        node["x-source"] = .string(type.source.description)
        return .object(node)
    }

    /// The schema of a type reference; `enumValues` (documented values of a field) become an inline `enum`
    /// on the value, or on the elements of an array.
    func schemaNode(_ type: TypeRef, enumValues: [EnumValue]? = nil) -> JSONValue {
        if let enumValues, !enumValues.isEmpty {
            switch type {
            case .string, .integer, .int64, .number, .boolean:
                return .object(enumNode(base: type, values: enumValues))
            case .array(let element):
                return ["type": "array", "items": schemaNode(element, enumValues: enumValues)]
            default:
                break
            }
        }
        switch type {
        case .string: return ["type": "string"]
        case .integer: return ["type": "integer", "format": "int32"]
        case .int64: return ["type": "integer", "format": "int64"]
        case .number: return ["type": "number"]
        case .boolean: return ["type": "boolean"]
        case .any: return [:]
        case .array(let element): return ["type": "array", "items": schemaNode(element)]
        case .map(let value): return ["type": "object", "additionalProperties": schemaNode(value)]
        case .named(let name):
            guard typeNames.contains(name) else { return ["x-unresolved-type": .string(name)] }
            return ["$ref": .string("#/components/schemas/\(name)")]
        }
    }

    /// An open enumeration, as the SDK decodes it: `anyOf` the documented values (with their meanings in
    /// `x-enum-descriptions`) and any other value of the same type, the idiom generators read as an open enum.
    func enumNode(base: TypeRef, values: [EnumValue]) -> [String: JSONValue] {
        let documented = closedEnumNode(base: base, values: values)
        guard documented["enum"] != nil else { return documented }
        var any = documented
        any.removeValue(forKey: "enum")
        any.removeValue(forKey: "x-enum-descriptions")
        return ["anyOf": [.object(documented), .object(any)]]
    }

    /// The schema of a value that may also be `null`: `type: [T, "null"]`, a `null` branch added to an `anyOf`,
    /// or `anyOf` with a `null` branch around a `$ref`. `{}` (any JSON) and unresolved types already accept it.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        var members = schema.objectMembers
        if case .array(let branches)? = members["anyOf"] {
            members["anyOf"] = .array(branches + [["type": "null"]])
        } else if case .string(let type)? = members["type"] {
            members["type"] = [.string(type), "null"]
        } else if members["$ref"] != nil {
            return ["anyOf": [schema, ["type": "null"]]]
        }
        return .object(members)
    }

    /// The documented values alone. They stay strings unless the base is numeric and every value reads as a
    /// number.
    func closedEnumNode(base: TypeRef, values: [EnumValue]) -> [String: JSONValue] {
        var unique: [EnumValue] = []
        var seen = Set<String>()
        for value in values where seen.insert(value.value).inserted { unique.append(value) }
        var node: [String: JSONValue]
        let integral = unique.allSatisfy { Int64($0.value) != nil }
        switch base {
        case .integer where integral, .int64 where integral:
            node = schemaNode(base).objectMembers
            node["enum"] = .array(unique.map { .integer(Int64($0.value)!) })
        case .number where unique.allSatisfy({ Double($0.value)?.isFinite == true }):
            node = ["type": "number"]
            node["enum"] = .array(unique.map { .number(Double($0.value)!) })
        case .boolean where unique.allSatisfy({ $0.value == "true" || $0.value == "false" }):
            node = ["type": "boolean"]
            node["enum"] = .array(unique.map { .bool($0.value == "true") })
        default:
            node = ["type": "string"]
            node["enum"] = .array(unique.map { .string($0.value) })
        }
        if unique.isEmpty { node.removeValue(forKey: "enum") }
        if unique.contains(where: { !$0.description.isEmpty }) {
            node["x-enum-descriptions"] = .array(unique.map { .string($0.description) })
        }
        return node
    }

    static func adding(_ key: String, _ value: String, to node: JSONValue) -> JSONValue {
        var members = node.objectMembers
        members[key] = .string(value)
        return .object(members)
    }
}
