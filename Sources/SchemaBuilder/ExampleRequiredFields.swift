import APISchema

/// A request example a page shows is a request the service takes: a field the table marks required that the
/// page's own example leaves out (or sends as `null`, unless it is untyped) is not required after all. Kept
/// required, the typed model could not send the page's example; made optional, it still sends whatever a caller
/// gives. Each is reported.
extension Builder {
    /// Makes optional every required field that one of the request `examples` (JSON and the body type the tables
    /// give it) leaves out.
    mutating func relaxRequiredFieldsTheExamplesOmit(_ examples: [(json: JSONValue, type: TypeRef)]) {
        var omitted: [(key: String, name: String)] = []
        var seen: Set<String> = []
        func walk(_ value: JSONValue, _ type: TypeRef) {
            switch (type, value) {
            case (.named(let key), .object(let members)) where DraftTypeStore.isPlaceholder(key):
                // An object keyed by values (`{"68269e6e-…": […]}`) says nothing about the fields of the type.
                guard let candidate = candidates[key], !members.keys.contains(where: Self.isDataKey) else { return }
                for property in candidate.properties {
                    // (`null` sent for an untyped field is a value: `{"os-stop": null}` names an action.)
                    if let member = members[property.name], member != .null || property.type == .any {
                        walk(member, property.type)
                    } else if property.required, seen.insert(key + "#" + property.name).inserted {
                        omitted.append((key, property.name))
                    }
                }
            case (.array(let inner), .array(let items)):
                for item in items { walk(item, inner) }
            case (.map(let inner), .object(let members)):
                for member in members.values { walk(member, inner) }
            default:
                return
            }
        }
        for example in examples { walk(example.json, example.type) }
        for field in omitted {
            guard var candidate = candidates[field.key],
                let index = candidate.properties.firstIndex(where: { $0.name == field.name })
            else { continue }
            candidate.properties[index].required = false
            candidates[field.key] = candidate
            diagnose(
                .exampleOmitsRequired, candidate.source,
                "\(field.name): required by the table but the page's request example leaves it out, emitted as optional")
        }
    }
}
