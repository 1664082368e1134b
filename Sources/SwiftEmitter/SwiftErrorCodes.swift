import APISchema

// The template context of a service's error-code type: an open enum of the codes its error-code tables list,
// with the reference's text for each, documented and readable at run time (the command-line client prints it).

struct ErrorCodesFileContext {
    var service: String
    var clientName: String
    var typeName: String
    var doc: [String]
    var cases: [EnumCaseContext]
    var entries: [ErrorCodeEntryContext]
}

struct ErrorCodeEntryContext {
    /// `"Ecs.0001": ErrorCodeDocumentation(status: 400, message: "…", description: "…", solution: "…")` parts.
    var code: String
    var status: String
    var message: String
    var description: String
    var solution: String
}

enum SwiftErrorCodes {
    /// `ECSErrorCode` for the service `ECS`.
    static func typeName(service: String) -> String {
        service + "ErrorCode"
    }

    /// The context of the error-code file of `schema`, whose type is named `typeName`.
    static func context(
        for schema: ServiceSchema, typeName: String, clientName: String, spelling: SwiftSpelling
    ) -> ErrorCodesFileContext {
        var members = NameScope(reserved: ["documentedCodes", "documentation", "rawValue", "description"])
        var cases: [EnumCaseContext] = []
        var entries: [ErrorCodeEntryContext] = []
        for code in schema.errorCodes {
            let solution = code.solution.isEmpty ? "" : " Solution: " + code.solution
            let doc = SwiftDocComment((code.status.map { "HTTP \($0): " } ?? "") + code.message + solution)
            cases.append(
                EnumCaseContext(
                    doc: (cases.isEmpty ? [""] : []) + doc.lines(indent: 4),
                    name: members.claim(spelling.enumCase(code.code)), value: SwiftNames.literal(code.code)))
            entries.append(
                ErrorCodeEntryContext(
                    code: SwiftNames.literal(code.code), status: code.status.map(String.init) ?? "nil",
                    message: SwiftNames.literal(code.message), description: SwiftNames.literal(code.description),
                    solution: SwiftNames.literal(code.solution)))
        }
        let doc = SwiftDocComment(
            "The `error_code` values of the \(schema.name) API reference's error-code table, with what it says of "
                + "each (``documentation``): what `APIError.code(as: \(typeName).self)` of a failed "
                + "``\(clientName)`` call may be. Codes the table does not list decode as well.")
        return ErrorCodesFileContext(
            service: schema.name, clientName: clientName, typeName: typeName, doc: doc.lines(indent: 0), cases: cases, entries: entries)
    }
}
