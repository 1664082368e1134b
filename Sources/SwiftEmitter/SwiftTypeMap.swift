import APISchema

/// How schema types become Swift types for one service: the Swift name of every named type (renamed away from
/// Swift, Foundation and CloudCore names), and the Swift spelling of every `TypeRef`.
struct SwiftTypeMap {
    /// Schema name → Swift name, for every `NamedType`.
    private(set) var names: [String: String] = [:]
    /// Every top-level Swift type name the module declares (models, wrappers, the client).
    private(set) var topLevel: NameScope
    /// The definition of every type name: an alias's is the type it names.
    private let types: [String: NamedType]
    /// How the service's wire names are spelled in Swift (its initialisms).
    let spelling: SwiftSpelling
    /// Swift names of the schema's enumerations of strings (open enums in Swift).
    private var openEnumNames: Set<String> = []
    /// Recurring enumerations, declared once at the top level (claimed by ``shareEnums(in:)``).
    private(set) var sharedEnums = SwiftSharedEnums()

    init(schema: ServiceSchema, clientName: String) {
        types = schema.definitionsByName
        let spelling = SwiftSpelling(for: schema)
        self.spelling = spelling
        var reserved = SwiftNames.reservedTypeNames
        reserved.insert(schema.name)
        reserved.insert(clientName)
        topLevel = NameScope(reserved: reserved)
        // Schema names are unique and spelled as Swift type names (`VPCInfo`, not `VpcInfo`). Only clashes with
        // reserved names, or two schema names with one spelling, need a new name: those get the service name in
        // front (`Error` → `ModelArtsError`). Names that need no change are claimed first, so a renamed type can
        // never take the name of a type that was spelled that way in the schema.
        let spelled = schema.types.map(\.name).sorted().map { (schemaName: $0, swiftName: spelling.typeName($0)) }
        var renamed: [(schemaName: String, swiftName: String)] = []
        for type in spelled {
            if !topLevel.contains(type.swiftName) {
                names[type.schemaName] = topLevel.claim(type.swiftName)
            } else {
                renamed.append(type)
            }
        }
        for type in renamed {
            names[type.schemaName] = topLevel.claim(schema.name + type.swiftName)
        }
        openEnumNames = Set(schema.types.filter { isOpenEnum($0.name) }.compactMap { names[$0.name] })
    }

    /// Claims the names of the service's recurring enumerations; called once the wrapper names are taken.
    mutating func shareEnums(in schema: ServiceSchema) {
        sharedEnums = SwiftSharedEnums(schema: schema, typeMap: &self)
    }

    /// Claims a new top-level name (`CreateNotebookResponse`), renaming it deterministically when taken.
    mutating func claimTopLevel(_ name: String) -> String { topLevel.claim(name) }

    func isTopLevel(_ name: String) -> Bool { topLevel.contains(name) }

    func namedType(_ name: String) -> NamedType? { types[name] }

    /// The Swift type of `type`; `leaf` replaces the innermost scalar (the open enum of a property).
    func usage(of type: TypeRef, leaf: String? = nil) -> SwiftTypeUsage {
        switch type {
        case .string: .named(leaf ?? "String")
        case .integer: .named(leaf ?? "Int")
        case .int64: .named(leaf ?? "Int64")
        case .number: .named(leaf ?? "Double")
        case .boolean: .named(leaf ?? "Bool")
        case .any: "JSONValue"
        case .array(let element): .array(usage(of: element, leaf: leaf))
        case .map(let value): .dictionary(usage(of: value, leaf: leaf))
        case .named(let name): .named(names[name] ?? "JSONValue")
        }
    }

    /// The Swift spelling of `type`, for a template context (``usage(of:leaf:)`` rendered).
    func swiftType(_ type: TypeRef, leaf: String? = nil) -> String { usage(of: type, leaf: leaf).description }

    /// The innermost type of `type`, looking through arrays and maps.
    static func leaf(of type: TypeRef) -> TypeRef {
        switch type {
        case .array(let inner), .map(let inner): leaf(of: inner)
        default: type
        }
    }

    /// The scalar a value of `type` is on the wire, looking through named enumerations (`nil` for objects,
    /// arrays, maps and opaque JSON).
    func scalar(_ type: TypeRef) -> TypeRef? {
        switch type {
        case .string, .integer, .int64, .number, .boolean: type
        case .named(let name):
            if case .enumeration(let base, _)? = types[name]?.kind, base != .string { scalar(base) } else { nil }
        default: nil
        }
    }

    /// Whether a named schema type is an open enum (a string enumeration) in Swift.
    func isOpenEnum(_ name: String) -> Bool {
        if case .enumeration(let base, _)? = types[name]?.kind { return base == .string }
        return false
    }

    /// Whether the top-level Swift type `swiftName` is an open enum: a schema enumeration of strings, or a shared
    /// one.
    func isOpenEnum(swiftName: String) -> Bool {
        sharedEnums.names.contains(swiftName) || openEnumNames.contains(swiftName)
    }
}
