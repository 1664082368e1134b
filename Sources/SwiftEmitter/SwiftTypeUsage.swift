/// A Swift type as the emitter uses it (in the manner of swift-openapi-generator's `TypeUsage`): a named or
/// built-in type, optional, or an array or dictionary of another. Decisions test its shape; it becomes text only
/// where a template context is filled (``description``), so no code parses a spelling back.
indirect enum SwiftTypeUsage: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// A named or built-in type, as written: `String`, `Notebook`, `ShowNotebookResponse.StatusValue`.
    case named(String)
    case optional(SwiftTypeUsage)
    case array(SwiftTypeUsage)
    /// `[String: Value]`: the schema's maps have string keys.
    case dictionary(SwiftTypeUsage)

    static let string: SwiftTypeUsage = "String"

    /// A named type: `"Int"` is `.named("Int")`; a literal is a name, never a spelling to parse.
    init(stringLiteral name: String) { self = .named(name) }

    var isOptional: Bool {
        if case .optional = self { true } else { false }
    }

    /// The type without optionality: `Int` for `Int?` and for `Int`.
    var wrapped: SwiftTypeUsage {
        if case .optional(let wrapped) = self { wrapped } else { self }
    }

    /// The optional of the type (an optional stays as it is).
    var optional: SwiftTypeUsage { isOptional ? self : .optional(self) }

    /// The element of an array (through optionality): `Tag` for `[Tag]?`.
    var arrayElement: SwiftTypeUsage? {
        if case .array(let element) = wrapped { element } else { nil }
    }

    /// The name of a named type (through optionality), `nil` for arrays and dictionaries.
    var name: String? {
        if case .named(let name) = wrapped { name } else { nil }
    }

    /// Whether the type (through optionality) is one of Swift's numbers or `Bool`, which a string initialiser
    /// spells on the wire.
    var isNumberOrBool: Bool {
        ["Int", "Int64", "Double", "Bool"].contains(name ?? "")
    }

    var description: String {
        switch self {
        case .named(let name): name
        case .optional(let wrapped): "\(wrapped)?"
        case .array(let element): "[\(element)]"
        case .dictionary(let value): "[String: \(value)]"
        }
    }
}
