import APISchema

/// Finds the resources whose lifecycle state can be waited for, by one rule over the schema (no list of services):
///
/// 1. A `GET` operation whose path ends in a path parameter (`/notebooks/{id}`) shows one resource.
/// 2. Its state field is a `status` or `state` property with documented values, on the 2xx response body itself
///    or inside the body's only object-typed property (the OpenStack envelope `{"server": {…}}`): strings, or
///    integer codes whose meanings the page gives (`0: creating`, `3: creation failed`).
/// 3. The states describe a lifecycle: at least one is a failure (a word `ERROR`, `FAILED`, `FAIL`, `FAILURE` or
///    `ABNORMAL`) or an ongoing state (a word ending in `ING`: `CREATING`, `PENDING_DELETE`). Value lists such as
///    `onSale`/`soldOut` or `CURRENT`/`DEPRECATED` describe no lifecycle and get no waiter. A string state is
///    judged by its value, an integer code by its meaning's first clause (ongoing: by its first word).
///
/// The failure states are the failure values; the deleted states are those that read `DELETED`; the delete operation is
/// the `DELETE` of the same path. A waiter is started by every other non-`GET` operation on the path or below it
/// (start, stop, update, delete), and by the `POST` on the parent collection (create) when its response carries
/// the new resource's id (a property named like the last path parameter, or `id`, in the body or its envelope).
enum WaiterRule {
    static func waiters(in schema: ServiceSchema) -> [Waiter] {
        let types = schema.typesByName
        let found = schema.operations.compactMap { waiter(for: $0, stateField: nil, in: schema, types: types) }
        // Two resources with the same name: one shown by a wrapped API keeps its product word (`NovaServer` beside
        // `Server`); those still alike (a v1 and a v2 show page) are named after their operations.
        func distinct(_ waiters: [Waiter], renaming rename: (Waiter) -> String) -> [Waiter] {
            let counts = Dictionary(waiters.map { ($0.name, 1) }, uniquingKeysWith: +)
            return waiters.map { waiter in
                var waiter = waiter
                if counts[waiter.name]! > 1 { waiter.name = rename(waiter) }
                return waiter
            }
        }
        let qualified = distinct(found) { waiter in productWord(of: waiter.operation).map { $0 + waiter.name } ?? waiter.name }
        return distinct(qualified) { $0.operation }.sorted { $0.name < $1.name }
    }

    /// The product word the official SDKs put before the verb of an API they wrap (`Nova` in `NovaShowServer`).
    static func productWord(of operationId: String) -> String? {
        guard let second = operationId.dropFirst().firstIndex(where: \.isUppercase),
            showVerbs.contains(where: { operationId[second...].hasPrefix($0) })
        else { return nil }
        return String(operationId[..<second])
    }

    private static let showVerbs = ["Show", "Query", "Describe", "Get"]

    /// The waiter of one operation. `stateField` (an override's) replaces steps 2 and 3 of the rule: the field
    /// must still have documented values.
    static func waiter(
        for operation: Operation, stateField forced: [String]?, in schema: ServiceSchema, types: [String: NamedType]
    ) -> Waiter? {
        guard operation.method == "GET",
            let resourceParameter = lastPathParameter(operation.path),
            let field = forced.map({ documentedValues(at: $0, of: operation, types: types) })
                ?? stateField(of: operation, types: types)
        else { return nil }
        let failures = field.values.filter { isFailure(field.label($0)) }.map(\.value)
        guard forced != nil || !failures.isEmpty || field.values.contains(where: field.isOngoing) else { return nil }
        let delete = schema.operations.first { $0.method == "DELETE" && $0.path == operation.path }
        return Waiter(
            name: resourceName(operation.id), operation: operation.id, stateField: field.path,
            failureStates: failures,
            deletedStates: field.values.filter(field.isDeleted).map(\.value),
            deleteOperation: delete?.id,
            startedBy: triggers(of: operation, resourceParameter: resourceParameter, in: schema, types: types))
    }

    /// `ShowNotebook` → `Notebook`, `QueryDetailsAboutECS` → `ECS`, `QueryNetworkDetails` → `Network`.
    static func resourceName(_ operationId: String) -> String {
        // The resource follows the verb, also after a product word (`NovaShowServer`, `NeutronShowNetwork`).
        var name = Substring(operationId).dropFirst(productWord(of: operationId)?.count ?? 0)
        for verb in ["Show", "Query", "Describe", "Desc", "Get"] where name.hasPrefix(verb) {
            let rest = name.dropFirst(verb.count)
            if rest.first?.isUppercase == true { name = rest }
            break
        }
        for lead in ["DetailsAbout", "DetailsOf", "InformationAbout", "Details"] where name.hasPrefix(lead) {
            let rest = name.dropFirst(lead.count)
            if rest.first?.isUppercase == true { name = rest }
            break
        }
        for tail in ["Details", "Detail"] where name.hasSuffix(tail) && name.count > tail.count {
            name = name.dropLast(tail.count)
            break
        }
        return String(name)
    }

    static func isFailure(_ value: String) -> Bool {
        words(value).contains { ["ERROR", "FAILED", "FAIL", "FAILURE", "ABNORMAL"].contains($0) }
    }

    static func isOngoing(_ value: String) -> Bool {
        words(value).contains { $0.count > 3 && $0.hasSuffix("ING") }
    }

    /// Upper-cased words of a value: `CREATE_FAILED` → `CREATE`, `FAILED`; `bindError` → `BIND`, `ERROR`.
    fileprivate static func words(_ value: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousIsLower = false
        for character in value {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, previousIsLower {
                words.append(current)
                current = String(character)
            } else {
                current.append(character)
            }
            previousIsLower = character.isLowercase
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.uppercased() }
    }

    private static func lastPathParameter(_ path: String) -> String? {
        guard path.hasSuffix("}"), let open = path.lastIndex(of: "{") else { return nil }
        return String(path[path.index(after: open)..<path.index(before: path.endIndex)])
    }

    /// The object type of the operation's documented success body.
    private static func responseObject(_ operation: Operation, types: [String: NamedType]) -> [Property]? {
        guard case .named(let name)? = operation.successResponse?.type,
            case .object(let properties)? = types[name]?.kind
        else { return nil }
        return properties
    }

    /// The properties of the envelope's content, when the body is an envelope: its only object-typed property
    /// (`{"server": {…}}`, `{"publicip": {…}, "request_id": "…"}`).
    private static func envelope(_ properties: [Property], types: [String: NamedType]) -> (String, [Property])? {
        let objects = properties.compactMap { property -> (String, [Property])? in
            guard case .named(let name) = property.type, case .object(let inner)? = types[name]?.kind else { return nil }
            return (property.name, inner)
        }
        return objects.count == 1 ? objects[0] : nil
    }

    private static func stateField(of operation: Operation, types: [String: NamedType]) -> StateField? {
        guard let properties = responseObject(operation, types: types) else { return nil }
        var candidates = [["status"], ["state"]]
        if let (wrapper, _) = envelope(properties, types: types) {
            candidates += [[wrapper, "status"], [wrapper, "state"]]
        }
        return candidates.lazy.compactMap { documentedValues(at: $0, of: operation, types: types) }.first
    }

    /// The documented values of the string property, or the explained codes of the integer property, at `path`
    /// in the operation's response body.
    private static func documentedValues(at path: [String], of operation: Operation, types: [String: NamedType])
        -> StateField?
    {
        guard var properties = responseObject(operation, types: types), let last = path.last else { return nil }
        for name in path.dropLast() {
            guard case .named(let typeName)? = properties.first(where: { $0.name == name })?.type,
                case .object(let inner)? = types[typeName]?.kind
            else { return nil }
            properties = inner
        }
        guard let property = properties.first(where: { $0.name == last }), let values = property.enumValues,
            !values.isEmpty
        else { return nil }
        if property.type == .string { return StateField(path: path, values: values, isCode: false) }
        let explained = values.contains { !$0.description.isEmpty }
        guard property.type == .integer || property.type == .int64, explained else { return nil }
        return StateField(path: path, values: values, isCode: true)
    }

    /// A state field and its documented states.
    private struct StateField {
        var path: [String]
        var values: [EnumValue]
        /// Integer codes, whose meanings (not values) say what state they are.
        var isCode: Bool

        /// What a state is judged by: a string's value, a code's meaning up to its first stop (`Creation failed`
        /// of `Creation failed. The quota …`).
        func label(_ state: EnumValue) -> String {
            guard isCode else { return state.value }
            return String(state.description.prefix { !".,;(（。，；".contains($0) })
        }

        /// A value with a word in `ING`; a code whose meaning starts with one (`creating dataset`, not `The billing
        /// is normal`).
        func isOngoing(_ state: EnumValue) -> Bool {
            isCode ? WaiterRule.isOngoing(WaiterRule.words(label(state)).first ?? "") : WaiterRule.isOngoing(state.value)
        }

        /// `DELETED`; a code whose meaning starts with that word (`deleted dataset`).
        func isDeleted(_ state: EnumValue) -> Bool {
            isCode ? WaiterRule.words(label(state)).first == "DELETED" : state.value.uppercased() == "DELETED"
        }
    }

    private static func triggers(
        of show: Operation, resourceParameter: String, in schema: ServiceSchema, types: [String: NamedType]
    ) -> [Waiter.Trigger] {
        var triggers: [Waiter.Trigger] = []
        let collection = String(show.path.dropLast(resourceParameter.count + 2)).trimmingSuffix("/")
        for operation in schema.operations where operation.method != "GET" {
            if operation.path == show.path || operation.path.hasPrefix(show.path + "/") {
                triggers.append(Waiter.Trigger(operation: operation.id))
            } else if operation.method == "POST", operation.path == collection,
                let idField = createdId(operation, resourceParameter: resourceParameter, types: types)
            {
                triggers.append(Waiter.Trigger(operation: operation.id, idField: idField))
            }
        }
        return triggers.sorted { $0.operation < $1.operation }
    }

    private static func createdId(_ operation: Operation, resourceParameter: String, types: [String: NamedType])
        -> [String]?
    {
        guard let properties = responseObject(operation, types: types) else { return nil }
        func id(_ properties: [Property]) -> String? {
            [resourceParameter, "id"].first { name in
                properties.contains { $0.name == name && ($0.type == .string || $0.type == .integer || $0.type == .int64) }
            }
        }
        if let name = id(properties) { return [name] }
        if let (wrapper, inner) = envelope(properties, types: types), let name = id(inner) { return [wrapper, name] }
        return nil
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
