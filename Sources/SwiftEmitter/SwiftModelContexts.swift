import APISchema

// Template contexts for models. Every decision (names, types, optionality, decoding, docs) is taken here; the
// templates only lay the values out.

/// An open enum: a struct over a `String` raw value with one static member per documented value.
struct EnumContext {
    var name: String
    /// Leading spaces of every line: the enum may be nested in a model or in the client.
    var indent: String
    /// `OpenEnum`, plus `QueryValue` for enums that may be sent as query parameters.
    var conformances: String
    var doc: [String]
    var cases: [EnumCaseContext]
}

struct EnumCaseContext {
    /// Documentation lines; the first case's are led by an empty line, which sets the cases apart from the init.
    var doc: [String]
    var name: String
    /// Swift string literal of the wire value, quotes included.
    var value: String
}

/// A schema enumeration over numbers: a typealias, its values listed in the documentation.
struct TypeAliasContext {
    var doc: [String]
    var name: String
    var type: String
}

struct ModelContext {
    var name: String
    var doc: [String]
    var enums: [EnumContext]
    var properties: [PropertyContext]
    var hasProperties: Bool
    /// The `CodingKeys` cases, several to a line; empty (no `CodingKeys`) when every wire name is its Swift name.
    /// Coding is synthesized: numbers and booleans sent as strings are read by `JSONModelDecoder` itself.
    var codingKeyLines: [String]
    var hasCodingKeys: Bool
    /// The memberwise initializer's parameter list on one line, when `public init(…) {` fits the line width.
    var initArguments: String?
    /// Otherwise its parameters, several to a line.
    var initArgumentLines: [String]
}

struct PropertyContext {
    var doc: [String]
    var name: String
    /// Declared type, `?` included for optionals.
    var type: String
    /// The `CodingKeys` case: the name, with the wire name when they differ (`imageId = "image_id"`).
    var codingKey: String
    /// ` = nil` for optionals in the memberwise initializer.
    var defaultValue: String
}

/// One declaration of a models file: exactly one of the three is set.
struct DeclarationContext {
    var model: ModelContext?
    var openEnum: EnumContext?
    var typeAlias: TypeAliasContext?
    /// The `// MARK:` above the declaration, where a section of its file begins.
    var mark: String? = nil
}

struct SwiftModelBuilder {
    var typeMap: SwiftTypeMap

    /// The declaration of the named type `type`.
    /// - Parameters:
    ///   - inResponse: Whether the type is part of a response. Servers (and the pages' own examples) omit or null
    ///     fields the tables call mandatory, so every field of a response type is optional.
    ///   - description: What the type is (see ``SwiftTypeDocs``).
    func declaration(for type: NamedType, inResponse: Bool, description: String) -> DeclarationContext {
        let swiftName = typeMap.swiftType(.named(type.name))
        switch type.kind {
        case .object(let properties):
            let properties = inResponse ? properties.map { Property(
                name: $0.name, type: $0.type, required: false, enumValues: $0.enumValues, description: $0.description) }
                : properties
            return DeclarationContext(
                model: model(named: swiftName, description: description, properties: properties))
        case .enumeration(let base, let values):
            var doc = SwiftDocComment(description)
            if base == .string {
                return DeclarationContext(
                    openEnum: openEnum(named: swiftName, doc: doc, values: values, indent: 0, queryValue: true))
            }
            for value in values { doc.addItem(value.listItem) }
            let alias = TypeAliasContext(doc: doc.lines(indent: 0), name: swiftName, type: typeMap.swiftType(base))
            return DeclarationContext(typeAlias: alias)
        case .alias(let target):
            let alias = TypeAliasContext(
                doc: SwiftDocComment(description).lines(indent: 0), name: swiftName,
                type: typeMap.swiftType(.named(target)))
            return DeclarationContext(typeAlias: alias)
        }
    }

    /// A property of a model as Swift declares it.
    struct Member {
        var property: Property
        var name: String
        /// The declared type, optional when the property is not required.
        var usage: SwiftTypeUsage
        var doc: SwiftDocComment
    }

    /// The members of a model of `properties` named `name`, and the enums nested in it for their value lists.
    func members(of properties: [Property], in name: String) -> (members: [Member], enums: [EnumContext]) {
        let memberNames = Self.memberNames(properties, spelling: typeMap.spelling)
        var nestedTypes = NameScope(reserved: ["CodingKeys", name])
        var enums: [EnumContext] = []
        var sameValues = SameValueEnums()
        var members: [Member] = []
        for (index, property) in properties.enumerated() {
            let memberName = memberNames[index]
            var doc = SwiftDocComment(property.description)
            var leafName: String?
            let leaf = SwiftTypeMap.leaf(of: property.type)
            if let values = property.enumValues, !values.isEmpty {
                if leaf == .string, let shared = typeMap.sharedEnums.name(field: property.name, values: values) {
                    leafName = shared
                } else if leaf == .string,
                    let reused = sameValues.reuse(for: values, field: SwiftNames.unescaped(memberName))
                {
                    enums[reused.index].doc = Self.nestedEnumDoc(reused.fields).lines(indent: 4)
                    leafName = enums[reused.index].name
                } else if leaf == .string {
                    var enumName = typeMap.spelling.typeName(property.name)
                    if typeMap.isTopLevel(enumName) || SwiftNames.keywords.contains(enumName) {
                        enumName += "Value"
                    }
                    enumName = nestedTypes.claim(enumName)
                    leafName = enumName
                    let field = SwiftNames.unescaped(memberName)
                    sameValues.declare(values, field: field, at: enums.count)
                    enums.append(openEnum(named: enumName, doc: Self.nestedEnumDoc([field]), values: values, indent: 4))
                } else if typeMap.scalar(leaf) != nil {
                    for value in values { doc.addItem(value.listItem) }
                }
            }
            let usage = typeMap.usage(of: property.type, leaf: leafName)
            members.append(Member(property: property, name: memberName, usage: property.required ? usage : usage.optional, doc: doc))
        }
        return (members, enums)
    }

    /// A model struct; also used for the request and response wrappers of operations.
    func model(named name: String, description: String, properties: [Property]) -> ModelContext {
        let (members, enums) = members(of: properties, in: name)
        let contexts = members.map { member in
            PropertyContext(
                doc: member.doc.lines(indent: 4),
                name: member.name,
                type: member.usage.description,
                codingKey: SwiftNames.unescaped(member.name) == member.property.name
                    ? member.name : "\(member.name) = \(SwiftNames.literal(member.property.name))",
                defaultValue: member.property.required ? "" : " = nil")
        }
        let parameters = contexts.map { "\($0.name): \($0.type)\($0.defaultValue)" }
        let initArguments = parameters.joined(separator: ", ")
        let renamed = contexts.contains { $0.codingKey != $0.name }
        let fitsOneLine = "    public init(\(initArguments)) {".count <= SwiftDocComment.lineWidth
        return ModelContext(
            name: name, doc: SwiftDocComment(description).lines(indent: 0), enums: enums, properties: contexts,
            hasProperties: !contexts.isEmpty,
            codingKeyLines: renamed ? SwiftLineWrap.lines(contexts.map(\.codingKey), indent: 13, continued: false) : [],
            hasCodingKeys: renamed,
            initArguments: fitsOneLine ? initArguments : nil,
            initArgumentLines: fitsOneLine ? [] : SwiftLineWrap.lines(parameters, indent: 8, continued: true))
    }

    /// The documentation of a nested enum: the members whose values it lists.
    static func nestedEnumDoc(_ members: [String]) -> SwiftDocComment {
        SwiftDocComment("Documented values of \(SwiftDocComment.codeList(members)); other values decode as well.")
    }

    /// Swift names of the properties of an object, in property order.
    static func memberNames(_ properties: [Property], spelling: SwiftSpelling) -> [String] {
        var members = NameScope(reserved: ["hashValue"])
        return properties.map { members.claim(spelling.member($0.name)) }
    }

    func openEnum(
        named name: String, doc: SwiftDocComment, values: [EnumValue], indent: Int, queryValue: Bool = false
    ) -> EnumContext {
        var members = NameScope()
        var seen: Set<String> = []
        var cases: [EnumCaseContext] = []
        for value in values where seen.insert(value.value).inserted {
            cases.append(
                EnumCaseContext(
                    doc: (cases.isEmpty ? [""] : [])
                        + SwiftDocComment(value.description).lines(indent: indent + 4),
                    name: members.claim(typeMap.spelling.enumCase(value.value)),
                    value: SwiftNames.literal(value.value)))
        }
        return EnumContext(
            name: name, indent: String(repeating: " ", count: indent), conformances: queryValue ? "OpenEnum, QueryValue" : "OpenEnum", doc: doc.lines(indent: indent),
            cases: cases)
    }

    /// "Values: 0 (creating), 1 (normal)." for a value list in a sentence: an argument's doc, an option's help.
    static func valuesSentence(_ values: [EnumValue]) -> String {
        let items = values.map { value in
            var meaning = value.meaningOnOneLine
            if meaning.hasSuffix(".") { meaning.removeLast() }
            return meaning.isEmpty ? value.value : "\(value.value) (\(meaning))"
        }
        return "Values: \(items.joined(separator: ", "))."
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }

    /// Appends `sentence` after a space, or as the whole text when it is empty.
    mutating func appendSentence(_ sentence: String) {
        self += (isEmpty ? "" : " ") + sentence
    }
}
