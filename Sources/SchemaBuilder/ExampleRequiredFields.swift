import APISchema

/// A request example a page shows is a request the service takes: a field the table marks required that the
/// page's own example leaves out (or sends as `null`, unless it is untyped) is not required after all. Kept
/// required, the typed model could not send the page's example; made optional, it still sends whatever a caller
/// gives. Each is reported.
extension Builder {
    /// Makes optional every required field that one of the request `examples` (JSON and the body type the tables
    /// give it) leaves out.
    mutating func relaxRequiredFieldsTheExamplesOmit(_ examples: [(json: JSONValue, type: DraftTypeRef)]) {
        var omitted: [DraftField] = []
        var seen: Set<DraftField> = []
        func walk(_ value: JSONValue, _ type: DraftTypeRef) {
            switch (type, value) {
            case (.draft(let key), .object(let members)):
                // An object keyed by values (`{"68269e6e-…": […]}`) says nothing about the fields of the type.
                guard !members.keys.contains(where: Self.isDataKey) else { return }
                for property in candidates[key].properties {
                    // (`null` sent for an untyped field is a value: `{"os-stop": null}` names an action.)
                    if let member = members[property.name], member != .null || property.type == .any {
                        walk(member, property.type)
                    } else if property.required {
                        let field = DraftField(draft: key, name: property.name)
                        if seen.insert(field).inserted { omitted.append(field) }
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
            var candidate = candidates[field.draft]
            guard let index = candidate.properties.firstIndex(where: { $0.name == field.name }) else { continue }
            candidate.properties[index].required = false
            candidates[field.draft] = candidate
            diagnose(
                .exampleOmitsRequired, candidate.source,
                "\(field.name): required by the table but the page's request example leaves it out, emitted as optional")
        }
    }
}
