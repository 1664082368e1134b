/// A schema cut down to the operations a user calls, as swift-openapi-generator's `filter` does: a target that
/// calls three EVS operations compiles their models, not the service's 400 types.
extension ServiceSchema {
    /// Operation ids asked for that the schema does not have.
    public struct UnknownOperations: Error, CustomStringConvertible {
        public var service: String
        public var ids: [String]

        public var description: String {
            "\(service) has no operation \(ids.map { "'\($0)'" }.joined(separator: ", ")) (ids as in spec/<service>.json)"
        }
    }

    /// This schema with only the operations `ids` names and what they need: the types they reach (parameters,
    /// bodies, responses, and the service's error body), the groups they belong to, the waiters that poll one of
    /// them (started only by the kept operations, deleting only with a kept one), and the service's error codes.
    /// Diagnostics stay as they are: they describe the pages, not the subset.
    public func keeping(operations ids: Set<String>) throws(UnknownOperations) -> ServiceSchema {
        let unknown = ids.subtracting(operations.map(\.id)).sorted()
        guard unknown.isEmpty else { throw UnknownOperations(service: name, ids: unknown) }
        var subset = self
        subset.operations = operations.filter { ids.contains($0.id) }
        let roots = subset.operations.flatMap { operation in
            operation.parameters.compactMap(\.type.referencedName)
                + [operation.requestBody?.type.referencedName].compactMap { $0 }
                + operation.responses.compactMap { $0.type?.referencedName }
        } + [errorBody?.referencedName].compactMap { $0 }
        let kept = typesReachable(from: roots)
        subset.types = types.filter { kept.contains($0.name) }
        let groupsUsed = Set(subset.operations.map(\.group))
        subset.groups = groups.filter { groupsUsed.contains($0.name) }
        subset.waiters = waiters.compactMap { waiter in
            guard ids.contains(waiter.operation) else { return nil }
            var waiter = waiter
            waiter.startedBy = waiter.startedBy.filter { ids.contains($0.operation) }
            waiter.deleteOperation = waiter.deleteOperation.flatMap { ids.contains($0) ? $0 : nil }
            return waiter
        }
        return subset
    }
}
