import APISchema

/// What the documentation of a model says it is. A type's description in the schema is the caption of the table it
/// was read from ("Response body parameters", "Parameters in the volume field"): that tells where it was read, not
/// what it is. A model is documented by its role instead: the request or response of an operation, or the value of
/// the field that holds it.
struct SwiftTypeDocs {
    /// Documentation text by schema type name.
    private(set) var texts: [String: String] = [:]

    /// The documentation of an operation's request body: what `method` of `clientName` sends.
    static func requestRole(clientName: String, method: String) -> String {
        "The request body of ``\(clientName)/\(method)``."
    }

    /// The documentation of an operation's response: what `method` of `clientName` returns.
    static func responseRole(clientName: String, method: String) -> String {
        "The response of ``\(clientName)/\(method)``."
    }

    /// - Parameter methods: the client method of every operation, by operation id.
    init(schema: ServiceSchema, clientName: String, methods: [String: String]) {
        let operations = schema.operations.sorted { $0.id < $1.id }
        var roles: [String: String] = [:]
        func claim(_ type: TypeRef?, _ text: String) {
            if let name = type?.referencedName, roles[name] == nil { roles[name] = text }
        }
        for operation in operations {
            guard let method = methods[operation.id] else { continue }
            claim(operation.requestBody?.type, Self.requestRole(clientName: clientName, method: method))
            claim(operation.successResponse?.type, Self.responseRole(clientName: clientName, method: method))
        }
        for type in schema.types.sorted(by: { $0.name < $1.name }) {
            guard case .object(let properties) = type.kind else { continue }
            for property in properties {
                let meaning = Self.firstLine(of: property.description)
                claim(property.type, meaning.isEmpty ? "The `\(property.name)` of a `\(type.name)`." : meaning)
            }
        }
        for type in schema.types {
            let caption = Self.isCaption(type.description, of: type.name) ? "" : type.description
            texts[type.name] = [roles[type.name], caption].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: "\n\n")
        }
    }

    /// Whether `description` only names the table a type was read from (`Response body parameters`, `volume field
    /// description`, `VPC objects`) or the type itself.
    static func isCaption(_ description: String, of typeName: String) -> Bool {
        let text = description.lowercased()
        func squeezed(_ text: String) -> String { String(text.lowercased().filter { $0.isLetter || $0.isNumber }) }
        if squeezed(text) == squeezed(typeName) { return true }
        let captionWords = ["parameter", "field", "object", "request", "response", "description", "attribute"]
        return text.split(separator: " ").count <= 6 && captionWords.contains { text.contains($0) }
    }

    /// The first line of `text` that says something — the sentence that usually says what a field is — past a
    /// heading such as `Definition` (the ECS pages' "Definition / Constraints / Range / Default Value" layout).
    static func firstLine(of text: String) -> String {
        let lines = text.split(separator: "\n").map { SwiftDocComment.normalized(String($0)) }
        return lines.first { !headings.contains($0.lowercased()) } ?? ""
    }

    private static let headings: Set<String> = ["definition", "definition:", "description", "description:"]
}
