import APISchema

/// OpenStack-style pages (ECS's Nova and Cinder APIs) list an object's fields in the body table, while the body
/// really wraps them in one key — `{"volume": {…}}` or `{"floating_ips": […]}` — as every example on the page
/// shows and as the server sends. Decoding such a response with the table's type would fail, so the body becomes
/// a wrapper type with that one field. Where every example is a list of the documented object, the body is a list.
extension Builder {
    mutating func wrapBodiesAsTheExamplesDo(_ draft: inout OperationDraft) {
        let operation = draft.operation
        if let body = draft.requestBody, let list = list(of: body, examples: operation.requestExamples, page: operation.sourcePage) {
            draft.requestBody = list
        } else if let body = draft.requestBody,
            let wrapped = wrapper(
                around: body, examples: operation.requestExamples, name: operation.id + "Request",
                operationId: operation.id, page: operation.sourcePage)
        {
            draft.requestBody = wrapped
        }
        for response in operation.responses {
            guard (200..<300).contains(response.status), let type = draft.responseBodies[response.status] else { continue }
            if let wrapped = wrapper(
                around: type, examples: response.examples, name: operation.id + "Response",
                operationId: operation.id, page: operation.sourcePage)
            {
                draft.responseBodies[response.status] = wrapped
            }
        }
    }

    /// A list of the table's object when every example is a JSON array of objects that share fields with the table
    /// (CES's metric data: the table documents one item, the examples post several); `nil` otherwise.
    private mutating func list(of type: DraftTypeRef, examples: [Example], page: String) -> DraftTypeRef? {
        guard case .draft(let key) = type, !examples.isEmpty else { return nil }
        let inner = candidates[key]
        let documented = Set(inner.properties.map(\.name))
        for example in examples {
            guard case .array(let items) = example.value, !items.isEmpty else { return nil }
            for item in items {
                guard case .object(let fields) = item, fields.keys.contains(where: documented.contains) else { return nil }
            }
        }
        diagnose(.bodyWrapper, inner.source, "the examples send a list of this object, emitted as an array of it")
        return .array(type)
    }

    /// The wrapper type when every example wraps the documented fields in the same single key; `nil` otherwise
    /// (no examples, several keys, a documented key, or an inner object that shares less than half its keys with
    /// the table). Some tables list that key too, as a row of an object without fields after the fields it wraps
    /// (`vpnservice`, Object): then the body is that key around the other rows. A body documented as a list of
    /// objects is wrapped the same way when every example holds that list in one key (`{"policies": […]}`).
    private mutating func wrapper(
        around type: DraftTypeRef, examples: [Example], name: String, operationId: String, page: String
    ) -> DraftTypeRef? {
        let documentedList: Bool
        let key: DraftID
        switch type {
        case .draft(let id): (key, documentedList) = (id, false)
        case .array(.draft(let id)): (key, documentedList) = (id, true)
        default: return nil
        }
        guard !candidates[key].properties.isEmpty else { return nil }
        var inner = candidates[key]
        let rows = inner.properties
        // An object row without a table of its own: opaque, or a map of what the examples show (all strings).
        let listedKey = { (field: String) in
            rows.first { row in
                guard row.name == field else { return false }
                if case .map = row.type { return true }
                return row.type == .any
            }
        }
        let documented = Set(inner.properties.map(\.name))
        var shape: (field: String, isArray: Bool)?
        for example in examples {
            guard case .object(let members) = example.value, members.count == 1,
                let (field, value) = members.first, !documented.contains(field) || listedKey(field) != nil
            else { return nil }
            let object: [String: JSONValue]
            let isArray: Bool
            switch value {
            case .object(let fields):
                (object, isArray) = (fields, false)
            case .array(let items):
                guard case .object(let fields)? = items.first else { return nil }
                (object, isArray) = (fields, true)
            default:
                return nil
            }
            let shared = object.keys.filter(documented.contains).count
            guard shared > 0, shared * 2 >= object.count else { return nil }
            if let shape, shape.field != field || shape.isArray != isArray { return nil }
            if documentedList, !isArray { return nil }
            shape = (field, isArray)
        }
        guard let shape else { return nil }
        let listed = listedKey(shape.field)
        if listed != nil {
            inner.properties.removeAll { $0.name == shape.field }
            candidates[key].properties = inner.properties
        }

        // The wrapper takes the body's name; the wrapped object is named after its key.
        if inner.desiredName == name { candidates[key].desiredName = name + Naming.upperCamel(shape.field) }
        let wrapperKey = candidates.add(
            .wrapper(page: page, name: name),
            DraftType(
                desiredName: name, description: "",
                properties: [
                    DraftProperty(
                        name: shape.field, type: shape.isArray && !documentedList ? .array(type) : type,
                        required: listed?.required ?? true,
                        description: listed?.description ?? "")
                ],
                source: inner.source, operationId: operationId, firstPage: page))
        diagnose(
            .bodyWrapper, inner.source,
            "the examples wrap this body in \"\(shape.field)\", emitted as a wrapper with that one field")
        return .draft(wrapperKey)
    }
}
