import APISchema

/// Final names for the draft types: identical structures with the same name merge; different structures with
/// the same name are prefixed with their operation id (then numbered).
extension Builder {
    func finalTypes() -> ([NamedType], [DraftID: String]) {
        var byName: [String: [DraftID]] = [:]
        for (id, draft) in candidates.all {
            byName[draft.desiredName, default: []].append(id)
        }
        // A draft's structure, the drafts it refers to included: two `auth` tables whose `identity` rows point to
        // different tables (a password's, a token's) are different types, though both ask for `AuthIdentity`.
        var signatures: [DraftID: String] = [:]
        func signature(of key: DraftID, visiting: Set<DraftID> = []) -> String {
            if let known = signatures[key] { return known }
            let text = candidates[key].properties.map { property in
                let type = property.type.resolved { id in
                    let referenced = candidates[id]
                    // A type that contains itself is told by its name where the cycle closes.
                    if visiting.contains(id) || id == key { return referenced.desiredName }
                    return referenced.desiredName + "{" + signature(of: id, visiting: visiting.union([key])) + "}"
                }
                return "\(property.name):\(type):\(property.required)"
            }.joined(separator: ",")
            if visiting.isEmpty { signatures[key] = text }
            return text
        }
        var names: [DraftID: String] = [:]
        var used = UniqueNames()
        var types: [NamedType] = []
        for desired in byName.keys.sorted() {
            let keys = byName[desired]!
            // Variants by structure, most used first, then by first page.
            var variants: [(signature: String, keys: [DraftID])] = []
            for key in keys {
                let sig = signature(of: key)
                if let index = variants.firstIndex(where: { $0.signature == sig }) {
                    variants[index].keys.append(key)
                } else {
                    variants.append((sig, [key]))
                }
            }
            variants.sort { lhs, rhs in
                if lhs.keys.count != rhs.keys.count { return lhs.keys.count > rhs.keys.count }
                return candidates[lhs.keys[0]].firstPage < candidates[rhs.keys[0]].firstPage
            }
            for (index, variant) in variants.enumerated() {
                let first = candidates[variant.keys[0]]
                let base = index == 0 ? desired : (desired.hasPrefix(first.operationId) ? desired : first.operationId + desired)
                let name = used.claim(base) { index > 0 && byName[$0] != nil && $0 != desired }
                for key in variant.keys { names[key] = name }
            }
        }
        for desired in byName.keys.sorted() {
            var emitted = Set<String>()
            for key in byName[desired]! {
                let name = names[key]!
                guard emitted.insert(name).inserted else { continue }
                let draft = candidates[key]
                let properties = draft.properties.map { $0.resolved { names[$0]! } }
                types.append(NamedType(name: name, description: draft.description, kind: .object(properties), source: draft.source))
            }
        }
        return (types, names)
    }

    /// `ref` with its drafts named as they ask (`desiredName`), for diagnostics written before names are final.
    func desiredName(_ ref: DraftTypeRef) -> TypeRef {
        ref.resolved { candidates[$0].desiredName }
    }
}
