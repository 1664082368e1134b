import APISchema

/// Final names for the draft types: identical structures with the same name merge; different structures with
/// the same name are prefixed with their operation id (then numbered).
extension Builder {
    func finalTypes() -> ([NamedType], [String: String]) {
        var byName: [String: [String]] = [:]
        for (placeholder, draft) in candidates.all {
            byName[draft.desiredName, default: []].append(placeholder)
        }
        // A draft's structure, the drafts it refers to included: two `auth` tables whose `identity` rows point to
        // different tables (a password's, a token's) are different types, though both ask for `AuthIdentity`.
        var signatures: [String: String] = [:]
        func signature(of key: String, visiting: Set<String> = []) -> String {
            if let known = signatures[key] { return known }
            guard let draft = candidates[key] else { return "?" }
            let text = draft.properties.map { property in
                let type = property.type.renamingTypes { name in
                    guard DraftTypeStore.isPlaceholder(name), let referenced = candidates[name] else { return name }
                    // A type that contains itself is told by its name where the cycle closes.
                    if visiting.contains(name) || name == key { return referenced.desiredName }
                    return referenced.desiredName + "{" + signature(of: name, visiting: visiting.union([key])) + "}"
                }
                return "\(property.name):\(type):\(property.required)"
            }.joined(separator: ",")
            if visiting.isEmpty { signatures[key] = text }
            return text
        }
        var names: [String: String] = [:]
        var used = UniqueNames()
        var types: [NamedType] = []
        for desired in byName.keys.sorted() {
            let keys = byName[desired]!
            // Variants by structure, most used first, then by first page.
            var variants: [(signature: String, keys: [String])] = []
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
                return candidates[lhs.keys[0]]!.firstPage < candidates[rhs.keys[0]]!.firstPage
            }
            for (index, variant) in variants.enumerated() {
                let first = candidates[variant.keys[0]]!
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
                let draft = candidates[key]!
                let properties = draft.properties.map { property in
                    var property = property
                    property.type = rename(property.type, names)
                    return property
                }
                types.append(NamedType(name: name, description: draft.description, kind: .object(properties), source: draft.source))
            }
        }
        return (types, names)
    }

    /// `ref` with its placeholders replaced by their final names (`desired`: by the names the drafts ask for).
    func rename(_ ref: TypeRef, _ names: [String: String], desired: Bool = false) -> TypeRef {
        ref.renamingTypes { name in
            guard DraftTypeStore.isPlaceholder(name) else { return name }
            if desired { return candidates[name]?.desiredName ?? "Unknown" }
            return names[name] ?? "Unknown"
        }
    }
}
