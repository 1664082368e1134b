import APISchema

/// One type per shape. Pages document the same object again and again, each in a table of its own (VPC's eight
/// `*FirewallResponse` look-alikes, `DescribeAutoAnnotationSampleResponse` and `DescribeSampleResp`); generated as
/// they are, each is a type of its own that cannot be passed where its twin is expected, and each costs the
/// compiler. This pass keeps one object type per shape: the shortest name (then the first in order) stays, the
/// fields of other types refer to it, and a twin that an operation's request or response names directly becomes an
/// alias of it (a `typealias` in Swift), so that `updateX()` still returns `UpdateXResponse`; other twins are gone.
///
/// Request-side and response-side types never merge: the SDK decodes every field of a response type as optional,
/// while request types keep the fields the pages require.
enum IdenticalShapes {
    /// Merges the identical object types of `schema`. Merging fields' types can make their containers identical in
    /// turn (two `Rule` twins make their `Firewall`s twins), so it repeats until nothing merges. Returns the merged
    /// names and the name each now stands for.
    @discardableResult
    static func unify(_ schema: inout ServiceSchema) -> [String: String] {
        let responseSide = schema.responseTypeNames
        // The names users meet in a method's signature: an operation's body types, when not inside an array or map.
        var signatureNames: Set<String> = []
        for operation in schema.operations {
            if case .named(let name)? = operation.requestBody?.type { signatureNames.insert(name) }
            for case .named(let name)? in operation.responses.map(\.type) { signatureNames.insert(name) }
        }
        var merged: [String: String] = [:]
        while true {
            let round = twins(in: schema.types, responseSide: responseSide)
            guard !round.isEmpty else { break }
            merged.merge(round) { _, new in new }
            rename(&schema, round, keeping: signatureNames)
        }
        // A twin merged in an early round may stand for one merged later: every name ends at a type that stays.
        func final(_ name: String) -> String {
            var name = name
            while let next = merged[name] { name = next }
            return name
        }
        for name in merged.keys { merged[name] = final(name) }
        for t in schema.types.indices {
            if case .alias(let target) = schema.types[t].kind { schema.types[t].kind = .alias(target: final(target)) }
        }
        return merged
    }

    /// The object types of `types` that have a twin on the same side, each with the name of the twin that stays.
    private static func twins(in types: [NamedType], responseSide: Set<String>) -> [String: String] {
        var groups: [ObjectShape: [String]] = [:]
        for type in types {
            guard let shape = ObjectShape(type, isResponse: responseSide.contains(type.name)) else { continue }
            groups[shape, default: []].append(type.name)
        }
        var twins: [String: String] = [:]
        for names in groups.values where names.count > 1 {
            let kept = names.min { ($0.count, $0) < ($1.count, $1) }!
            for name in names where name != kept { twins[name] = kept }
        }
        return twins
    }

    /// Points every reference to a merged type at the type it merged into, except an operation's direct
    /// reference to a name in `signatureNames`, which becomes an alias; merged types nothing names are removed.
    private static func rename(_ schema: inout ServiceSchema, _ twins: [String: String], keeping signatureNames: Set<String>) {
        let operationRefs = schema.operations.map { operation in
            (operation.requestBody?.type, operation.responses.map(\.type))
        }
        schema.renameTypeReferences { twins[$0] ?? $0 }
        // Restore the direct references the signatures show: those names stay, as aliases.
        for (o, (body, responses)) in operationRefs.enumerated() {
            if case .named(let name)? = body, twins[name] != nil { schema.operations[o].requestBody?.type = .named(name) }
            for (r, type) in responses.enumerated() {
                if case .named(let name)? = type, twins[name] != nil { schema.operations[o].responses[r].type = .named(name) }
            }
        }
        schema.types.removeAll { twins[$0.name] != nil && !signatureNames.contains($0.name) }
        for t in schema.types.indices {
            if let target = twins[schema.types[t].name] { schema.types[t].kind = .alias(target: target) }
        }
    }
}

/// What makes two object types the same to a user of the SDK: their fields, order and descriptions aside, and the
/// side they are read on (a response type's fields are all optional in Swift).
struct ObjectShape: Hashable {
    struct Field: Hashable {
        var name: String
        var type: TypeRef
        var required: Bool
        var values: [String]
    }

    var fields: Set<Field>
    var isResponse: Bool

    /// The shape of an object type with at least one field; `nil` for enumerations, aliases and empty objects
    /// (which say nothing about what they are).
    init?(_ type: NamedType, isResponse: Bool = false) {
        guard case .object(let properties) = type.kind, !properties.isEmpty else { return nil }
        fields = Set(properties.map {
            Field(name: $0.name, type: $0.type, required: $0.required, values: ($0.enumValues ?? []).map(\.value).sorted())
        })
        self.isResponse = isResponse
    }
}
