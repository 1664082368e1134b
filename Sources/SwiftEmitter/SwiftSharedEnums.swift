import APISchema

/// Open enums one service declares once. The pages list a field's values wherever the field appears, so the same
/// enumeration (`auth_type`: `PUBLIC`, `PRIVATE`, `INTERNAL`) is documented on several objects and operations; a
/// value read from one response must be usable in the next request without going through `rawValue`. Every
/// enumeration of strings that recurs — same wire name, same values — becomes one top-level type.
struct SwiftSharedEnums {
    /// What makes two documented value lists the same enumeration.
    struct Key: Hashable, Comparable {
        /// Wire name of the field or parameter (`auth_type`).
        var field: String
        /// The documented values, sorted, without repeats.
        var values: [String]

        init(field: String, values: [EnumValue]) {
            self.field = field
            self.values = SwiftSharedEnums.valueSet(values)
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.field, lhs.values.joined(separator: "\u{0}")) < (rhs.field, rhs.values.joined(separator: "\u{0}"))
        }
    }

    /// One shared enumeration.
    struct Shared {
        var key: Key
        /// The Swift type name.
        var name: String
        /// Values in the order of their first documentation, each with the first non-empty description found.
        var values: [EnumValue]
        /// Schema names of the object types and ids of the operations that use it, sorted.
        var users: [String]
    }

    /// The documented values, sorted, without repeats: what makes two value lists the same.
    static func valueSet(_ values: [EnumValue]) -> [String] {
        Set(values.map(\.value)).sorted()
    }

    /// Shared enumerations by their key.
    private(set) var byKey: [Key: Shared] = [:]

    /// Their Swift names.
    private(set) var names: Set<String> = []

    /// No shared enumerations.
    init() {}

    /// Collects the service's recurring enumerations and claims their names among the top-level names, after the
    /// model and wrapper names: the most used enumeration of a field gets the field's name (`AuthType`), the
    /// others the name of their first user in front (`NotebookStatus`).
    init(schema: ServiceSchema, typeMap: inout SwiftTypeMap) {
        var occurrences: [Key: Shared] = [:]
        func record(_ field: String, _ type: TypeRef, _ values: [EnumValue]?, user: String) {
            guard let values, !values.isEmpty, SwiftTypeMap.leaf(of: type) == .string else { return }
            let key = Key(field: field, values: values)
            var shared = occurrences[key] ?? Shared(key: key, name: "", values: [], users: [])
            shared.users.append(user)
            for value in values {
                if let index = shared.values.firstIndex(where: { $0.value == value.value }) {
                    if shared.values[index].description.isEmpty { shared.values[index].description = value.description }
                } else {
                    shared.values.append(value)
                }
            }
            occurrences[key] = shared
        }
        for type in schema.types.sorted(by: { $0.name < $1.name }) {
            guard case .object(let properties) = type.kind else { continue }
            for property in properties { record(property.name, property.type, property.enumValues, user: type.name) }
        }
        for operation in schema.operations.sorted(by: { $0.id < $1.id }) {
            for parameter in operation.parameters where parameter.location != .path {
                record(parameter.name, parameter.type, parameter.enumValues, user: operation.id)
            }
        }
        let recurring = occurrences.values.filter { $0.users.count > 1 }
        let byField = Dictionary(grouping: recurring) { typeMap.spelling.typeName($0.key.field) }
        for field in byField.keys.sorted() {
            let candidates = byField[field]!.sorted { ($0.users.count, $1.key) > ($1.users.count, $0.key) }
            for (rank, candidate) in candidates.enumerated() {
                var shared = candidate
                shared.users.sort()
                let plain = SwiftNames.keywords.contains(field) || SwiftNames.reservedTypeNames.contains(field)
                    ? field + "Value" : field
                shared.name = typeMap.claimTopLevel(
                    rank == 0 && !typeMap.isTopLevel(plain) ? plain : Self.ownerStem(shared.users, typeMap) + field)
                byKey[shared.key] = shared
                names.insert(shared.name)
            }
        }
    }

    /// The shortest name among the users, less a `Request`/`Response` ending: the entity the values describe
    /// (`NotebookResp` → `Notebook`, for `NotebookStatus`).
    private static func ownerStem(_ users: [String], _ typeMap: SwiftTypeMap) -> String {
        let stems = users.map { user in
            var name =
                typeMap.namedType(user) != nil ? typeMap.swiftType(.named(user)) : typeMap.spelling.typeName(user)
            for suffix in ["Response", "Request", "Resp", "Req"] where name.hasSuffix(suffix) && name != suffix {
                name.removeLast(suffix.count)
                break
            }
            return name
        }
        return stems.min { ($0.count, $0) < ($1.count, $1) } ?? ""
    }

    /// The shared type of the documented values of `field`, if they recur.
    func name(field: String, values: [EnumValue]?) -> String? {
        guard let values, !values.isEmpty else { return nil }
        return byKey[Key(field: field, values: values)]?.name
    }

    /// Every shared enumeration, by name.
    var all: [Shared] { byKey.values.sorted { $0.name < $1.name } }
}

/// The enums one owner (a model, an operation) declares for its fields, by their value set: a field that lists the
/// same values as an earlier one (`model_type`, `not_model_type`) uses the earlier field's type, whose documentation
/// then names both.
struct SameValueEnums {
    private var indexByValues: [[String]: Int] = [:]
    private var fieldsByIndex: [Int: [String]] = [:]

    /// The index of the enum this owner declared for `values`, after adding `field` to the fields it serves, with
    /// all those fields; nil when it declared none.
    mutating func reuse(for values: [EnumValue], field: String) -> (index: Int, fields: [String])? {
        guard let index = indexByValues[SwiftSharedEnums.valueSet(values)] else { return nil }
        fieldsByIndex[index, default: []].append(field)
        return (index, fieldsByIndex[index] ?? [])
    }

    /// Records that the enum at `index` lists `values` for `field`.
    mutating func declare(_ values: [EnumValue], field: String, at index: Int) {
        indexByValues[SwiftSharedEnums.valueSet(values)] = index
        fieldsByIndex[index] = [field]
    }
}
