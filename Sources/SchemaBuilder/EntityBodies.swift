import APISchema

/// Request and response bodies that are an entity of the service. A page often documents an operation's body in a
/// table of its own, field for field the object other pages document (`ShowWorkspace`'s response and `Workspace`);
/// the SDK should hand out that entity, not a look-alike that cannot be passed where the entity is expected.
enum EntityBodies {
    /// Replaces every body type that is structurally identical (same fields, types, requiredness and documented
    /// values) to an object type that is no body, by that type, and drops the body type. A response body only
    /// becomes an entity that no request uses, and a request body one that no response uses: response models are
    /// read leniently (every field optional), request models are not. Returns the replacements (body → entity).
    @discardableResult
    static func unify(_ schema: inout ServiceSchema) -> [String: String] {
        let types = schema.typesByName
        var requestBodies: Set<String> = []
        var responseBodies: Set<String> = []
        for operation in schema.operations {
            if case .named(let name)? = operation.requestBody?.type { requestBodies.insert(name) }
            for response in operation.responses {
                if case .named(let name)? = response.type { responseBodies.insert(name) }
            }
        }
        let bodies = requestBodies.union(responseBodies)
        // Every type a request or a response can carry, through arrays and maps too (`array<Workspace>`).
        let requestRoots = schema.operations.flatMap {
            $0.parameters.compactMap(\.type.referencedName) + [$0.requestBody?.type.referencedName].compactMap { $0 }
        }
        let requestSide = ServiceSchema.typesReachable(from: requestRoots, in: types)
        let responseSide = ServiceSchema.typesReachable(
            from: schema.operations.flatMap { $0.responses.compactMap { $0.type?.referencedName } }, in: types)

        var entitiesByShape: [ObjectShape: [String]] = [:]
        for type in schema.types where !bodies.contains(type.name) {
            guard let shape = ObjectShape(type) else { continue }
            entitiesByShape[shape, default: []].append(type.name)
        }
        var replacements: [String: String] = [:]
        for body in bodies.sorted() where requestBodies.contains(body) != responseBodies.contains(body) {
            guard let type = types[body], let shape = ObjectShape(type), let candidates = entitiesByShape[shape] else { continue }
            let forbidden = requestBodies.contains(body) ? responseSide : requestSide
            let entity = candidates.filter { !forbidden.contains($0) }.min { ($0.count, $0) < ($1.count, $1) }
            if let entity { replacements[body] = entity }
        }
        guard !replacements.isEmpty else { return [:] }
        schema.renameTypeReferences { replacements[$0] ?? $0 }
        schema.types.removeAll { replacements[$0.name] != nil }
        return replacements
    }

}
