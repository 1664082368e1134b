import APISchema

/// A type as the builder reads it: `TypeRef`'s shapes, with a draft where the schema will have a named type.
///
/// A type of its own rather than a case of `TypeRef` (public, and written to spec files) or a name with a marker
/// in it: the compiler tells a draft from everything else, and a draft cannot reach the schema, because
/// ``resolved(_:)``, given the final names, is the only way to a `TypeRef`. The builder names no type before
/// `TypeNaming`, so there is no case for a final name.
indirect enum DraftTypeRef: Hashable, Sendable, CustomStringConvertible {
    /// `TypeRef`'s primitives.
    case string, integer, int64, number, boolean, any
    case array(DraftTypeRef)
    case map(DraftTypeRef)
    case draft(DraftID)

    /// A primitive, or a list or map of them, as `TypeSpelling` spells it (it names no type).
    init(_ primitive: TypeRef) {
        switch primitive {
        case .string: self = .string
        case .integer: self = .integer
        case .int64: self = .int64
        case .number: self = .number
        case .boolean: self = .boolean
        case .any: self = .any
        case .array(let element): self = .array(DraftTypeRef(element))
        case .map(let value): self = .map(DraftTypeRef(value))
        case .named(let name): preconditionFailure("a spelled primitive names no type, not \(name)")
        }
    }

    /// The schema's type, with each draft replaced by `name(draft)`.
    func resolved(_ name: (DraftID) -> String) -> TypeRef {
        switch self {
        case .string: .string
        case .integer: .integer
        case .int64: .int64
        case .number: .number
        case .boolean: .boolean
        case .any: .any
        case .array(let element): .array(element.resolved(name))
        case .map(let value): .map(value.resolved(name))
        case .draft(let id): .named(name(id))
        }
    }

    /// As `TypeRef` writes it (`array<string>`), a draft as its id.
    var description: String { resolved(\.description).description }
}

/// A field of a draft: the schema's `Property`, typed by a `DraftTypeRef`.
struct DraftProperty {
    var name: String
    var type: DraftTypeRef
    var required: Bool
    var enumValues: [EnumValue]? = nil
    var description: String = ""

    /// The schema's property, with each draft replaced by `name(draft)`.
    func resolved(_ name: (DraftID) -> String) -> Property {
        Property(name: self.name, type: type.resolved(name), required: required, enumValues: enumValues, description: description)
    }
}

/// A field of a draft, by name: where an example may show what the table leaves out or gets wrong.
struct DraftField: Hashable {
    var draft: DraftID
    var name: String
}

/// An operation as the builder reads it: the schema's operation, whose body types name drafts until `TypeNaming`
/// has named them and are kept beside it until then.
struct OperationDraft {
    var operation: APISchema.Operation
    /// The request body's type; the operation has a request body exactly when there is one.
    var requestBody: DraftTypeRef?
    /// The body type of each response that has one, by status (an operation has one response per status).
    var responseBodies: [Int: DraftTypeRef] = [:]

    /// The schema's operation, with each draft replaced by `name(draft)`.
    func resolved(_ name: (DraftID) -> String) -> APISchema.Operation {
        var resolved = operation
        resolved.requestBody = requestBody.map { RequestBody(type: $0.resolved(name)) }
        for r in resolved.responses.indices {
            resolved.responses[r].type = responseBodies[resolved.responses[r].status]?.resolved(name)
        }
        return resolved
    }

    /// The success response's status by the schema's rule (``Operation/successResponse``, which prefers a body).
    var successStatus: Int? { resolved(\.description).successResponse?.status }
}
