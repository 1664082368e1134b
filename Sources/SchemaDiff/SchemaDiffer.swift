import APISchema

/// Compares two schemas of one service: operations matched by method and path first, then by name, so that a
/// rename or a moved path is reported as such; then their parameters, bodies at every depth, enum values and
/// status codes; then the named types. Every change is classified by ``ImpactRules``.
public enum SchemaDiffer {
    public static func diff(old: ServiceSchema, new: ServiceSchema, oldLabel: String, newLabel: String) -> APIDiff {
        var changes: [APIChange] = []
        var correspondences: Set<[String]> = []
        // An alias is compared as the type it names: its shape is what its users send and receive.
        let oldTypes = old.definitionsByName
        let newTypes = new.definitionsByName
        let pairs = OperationMatcher.match(old: old.operations, oldTypes: oldTypes, new: new.operations, newTypes: newTypes)
        for pair in pairs {
            switch (pair.old, pair.new) {
            case (let before?, let after?):
                var context = OperationDiff(oldTypes: oldTypes, newTypes: newTypes, before: before, after: after)
                context.compare()
                changes += context.changes
                correspondences.formUnion(context.walked)
            case (let before?, nil):
                changes.append(
                    APIChange(
                        .operationRemoved, ImpactRules.impact(of: .operationRemoved), operation: before.id,
                        location: "\(before.method) \(before.path)", detail: "removed", oldPage: before.sourcePage,
                        newPage: nil))
            case (nil, let after?):
                changes.append(
                    APIChange(
                        .operationAdded, .compatible, operation: after.id, location: "\(after.method) \(after.path)",
                        detail: "added", oldPage: nil, newPage: after.sourcePage))
            case (nil, nil):
                break
            }
        }
        changes += TypeSetDiff.changes(old: old, new: new, correspondences: correspondences)
        return APIDiff(service: new.name, old: oldLabel, new: newLabel, changes: Array(Set(changes)))
    }
}

/// Pairs of operations that are the same API on both sides; an unpaired one was added or removed.
enum OperationMatcher {
    struct Pair {
        var old: Operation?
        var new: Operation?
    }

    /// `POST /v1/{project_id}/notebooks/{id}` → `POST /v1/{}/notebooks/{}`: placeholder names do not move an API.
    static func key(_ operation: Operation) -> String {
        operation.method.uppercased() + " " + PathTemplate.replacingPlaceholders(in: operation.path) { _ in "{}" }
    }

    /// The top-level request body members: what tells apart operations that share a batch `action` path.
    static func bodyMembers(_ operation: Operation, in types: [String: NamedType]) -> Set<String> {
        guard case .named(let name)? = operation.requestBody?.type, case .object(let properties)? = types[name]?.kind
        else { return [] }
        return Set(properties.map(\.name))
    }

    static func match(
        old: [Operation], oldTypes: [String: NamedType], new: [Operation], newTypes: [String: NamedType]
    ) -> [Pair] {
        /// An operation with what it is matched by, computed once.
        struct Entry {
            var operation: Operation
            var key: String
            var members: Set<String>
        }
        var unmatchedOld = old.sorted { $0.id < $1.id }.map { Entry(operation: $0, key: key($0), members: bodyMembers($0, in: oldTypes)) }
        var unmatchedNew = new.sorted { $0.id < $1.id }.map { Entry(operation: $0, key: key($0), members: bodyMembers($0, in: newTypes)) }
        var pairs: [Pair] = []
        func take(by group: (Entry) -> String?, uniqueOnly: Bool) {
            let olds = Dictionary(grouping: unmatchedOld.indices.filter { group(unmatchedOld[$0]) != nil }) { group(unmatchedOld[$0])! }
            let news = Dictionary(grouping: unmatchedNew.indices.filter { group(unmatchedNew[$0]) != nil }) { group(unmatchedNew[$0])! }
            var takenOld: Set<Int> = []
            var takenNew: Set<Int> = []
            for (value, oldIndices) in olds {
                guard let newIndices = news[value], !uniqueOnly || (oldIndices.count == 1 && newIndices.count == 1) else { continue }
                for (oldIndex, newIndex) in zip(oldIndices, newIndices) {
                    pairs.append(Pair(old: unmatchedOld[oldIndex].operation, new: unmatchedNew[newIndex].operation))
                    takenOld.insert(oldIndex)
                    takenNew.insert(newIndex)
                }
            }
            unmatchedOld = unmatchedOld.indices.filter { !takenOld.contains($0) }.map { unmatchedOld[$0] }
            unmatchedNew = unmatchedNew.indices.filter { !takenNew.contains($0) }.map { unmatchedNew[$0] }
        }
        // Same method, path and name; then same method and path (renamed, when it is the only one on each side,
        // or the only one with the same body members); then same name (moved to another path or method).
        take(by: { "\($0.key) \($0.operation.id)" }, uniqueOnly: false)
        take(by: \.key, uniqueOnly: true)
        take(by: { $0.members.isEmpty ? nil : "\($0.key) \($0.members.sorted())" }, uniqueOnly: true)
        take(by: \.operation.id, uniqueOnly: false)
        pairs += unmatchedOld.map { Pair(old: $0.operation, new: nil) } + unmatchedNew.map { Pair(old: nil, new: $0.operation) }
        return pairs
    }
}

/// Named types added, removed, or renamed: a removed type that the matched operations use exactly where they use
/// one added type (and no other) was renamed to it.
enum TypeSetDiff {
    static func changes(old: ServiceSchema, new: ServiceSchema, correspondences: Set<[String]>) -> [APIChange] {
        let oldNames = Set(old.types.map(\.name))
        let newNames = Set(new.types.map(\.name))
        var removed = old.types.filter { !newNames.contains($0.name) }
        var added = new.types.filter { !oldNames.contains($0.name) }
        let removedNames = Set(removed.map(\.name))
        let addedNames = Set(added.map(\.name))
        let candidates = correspondences.filter { removedNames.contains($0[0]) && addedNames.contains($0[1]) }
        var changes: [APIChange] = []
        for pair in candidates.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let (from, to) = (pair[0], pair[1])
            guard candidates.filter({ $0[0] == from || $0[1] == to }).count == 1,
                let before = removed.first(where: { $0.name == from }), let after = added.first(where: { $0.name == to })
            else { continue }
            changes.append(
                APIChange(
                    .typeRenamed, ImpactRules.impact(of: .typeRenamed), operation: nil, location: "type \(from)",
                    detail: "renamed to \(to)", oldPage: before.source.page, newPage: after.source.page))
            removed.removeAll { $0.name == from }
            added.removeAll { $0.name == to }
        }
        changes += removed.map {
            APIChange(
                .typeRemoved, ImpactRules.impact(of: .typeRemoved), operation: nil, location: "type \($0.name)",
                detail: "removed", oldPage: $0.source.page, newPage: nil)
        }
        changes += added.map {
            APIChange(
                .typeAdded, .compatible, operation: nil, location: "type \($0.name)", detail: "added", oldPage: nil,
                newPage: $0.source.page)
        }
        return changes
    }
}
