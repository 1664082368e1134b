import APISchema

/// Gives every documented error response a body type. A page's own error table wins; the responses without one get
/// the service's error body: the type its pages' error tables use most, else the shape its failure examples show
/// (the flat `{"error_code", "error_msg"}`, one `{"error": {…}}` object, or OpenStack's fault named by its kind,
/// `{"itemNotFound": {"code", "message"}}`), else the API gateway's flat shape, which every service answers with
/// when it refuses a call before the service sees it (authentication, throttling).
enum ErrorBodies {
    static func unify(_ schema: inout ServiceSchema) {
        let errors = schema.operations.flatMap { $0.responses.filter { $0.status >= 400 } }
        let typed = Dictionary(grouping: errors.compactMap(\.type), by: { $0 }).mapValues(\.count)
        let body: TypeRef
        if let common = typed.max(by: { ($0.value, $1.key.description) < ($1.value, $0.key.description) })?.key {
            body = common
        } else {
            body = declare(shape(of: errors.flatMap { $0.examples.map(\.value) }), in: &schema)
        }
        schema.errorBody = body
        for o in schema.operations.indices {
            for r in schema.operations[o].responses.indices
            where schema.operations[o].responses[r].status >= 400 && schema.operations[o].responses[r].type == nil {
                schema.operations[o].responses[r].type = body
            }
        }
    }

    /// The error body shapes the examples can show.
    enum Shape: Hashable {
        /// Members at the top level: their names.
        case flat([String])
        /// One member holding the code and message, always under the same name (`error`).
        case wrapped(String, detail: [String])
        /// One member holding the code and message, named after the kind of fault (`itemNotFound`).
        case fault(detail: [String])
    }

    /// The shape most failure examples show; the gateway's flat shape when none does.
    static func shape(of examples: [JSONValue]) -> Shape {
        var flat: [[String]] = []
        var wrapped: [(key: String, detail: [String])] = []
        for case .object(let members) in examples {
            if members.count == 1, let (key, value) = members.first, case .object(let detail) = value,
                detail.keys.contains(where: isCodeOrMessage)
            {
                wrapped.append((key, detail.keys.sorted()))
            } else if members.keys.contains(where: isCodeOrMessage) {
                flat.append(members.keys.sorted())
            }
        }
        guard !flat.isEmpty || !wrapped.isEmpty else { return .flat(["error_code", "error_msg"]) }
        if flat.count >= wrapped.count { return .flat(mostCommon(flat)) }
        let details = mostCommon(wrapped.map(\.detail))
        let keys = Set(wrapped.map(\.key))
        return keys.count == 1 ? .wrapped(keys.first!, detail: details) : .fault(detail: details)
    }

    private static func isCodeOrMessage(_ key: String) -> Bool {
        ["error_code", "error_msg", "errorcode", "errormsg", "code", "message"].contains(key.lowercased())
    }

    private static func mostCommon(_ lists: [[String]]) -> [String] {
        let counts = Dictionary(grouping: lists, by: { $0 }).mapValues(\.count)
        return counts.max { ($0.value, $1.key.joined()) < ($1.value, $0.key.joined()) }?.key ?? []
    }

    /// Adds the types of `shape` to the schema and returns the body's type.
    private static func declare(_ shape: Shape, in schema: inout ServiceSchema) -> TypeRef {
        var names = UniqueNames(reserved: Set(schema.types.map(\.name)))
        // Made from the failure examples of all pages (or from nothing): no one page is its source.
        let source = SourceLocation(page: "(the service's error responses)")
        func object(_ name: String, _ members: [String], _ summary: String) -> String {
            let unique = names.claim(name)
            let properties = members.map {
                Property(name: $0, type: .string, required: false, description: memberDescription($0))
            }
            schema.types.append(NamedType(name: unique, description: summary, kind: .object(properties), source: source))
            return unique
        }
        let body: TypeRef
        switch shape {
        case .flat(let members):
            body = .named(object("ErrorResponse", members, "The body of a failed call."))
        case .wrapped(let key, let detail):
            let detailName = object("ErrorDetail", detail, "What went wrong.")
            let name = names.claim("ErrorResponse")
            schema.types.append(
                NamedType(
                    name: name, description: "The body of a failed call.",
                    kind: .object([Property(name: key, type: .named(detailName), required: false, description: "")]),
                    source: source))
            body = .named(name)
        case .fault(let detail):
            body = .map(.named(object("ErrorDetail", detail, "What went wrong, under the name of the kind of fault.")))
        }
        schema.types.sort { $0.name < $1.name }
        return body
    }

    private static func memberDescription(_ member: String) -> String {
        switch member.lowercased() {
        case "error_code", "errorcode", "code": "The error code."
        case "error_msg", "errormsg", "message": "The error message."
        default: ""
        }
    }
}
