import APISchema

// Issue #24: an operation whose success response documents header fields (`X-Subject-Token`, `Content-Range`)
// returns `<OperationId>Output` — the decoded body, if any, and one typed, documented property per header — as
// Soto's output shapes and swift-openapi-generator's `Output.Ok` carry headers beside the body. Every other
// operation keeps returning its body (or nothing).

extension Operation {
    /// The header fields the success response documents: what an output type carries beside the body.
    var documentedHeaders: [Parameter] { successResponse?.headers ?? [] }
}

extension ResolvedOperation {
    /// Whether the method returns an output type with the success response's documented headers: its callers
    /// (paginators, waiters, commands) read the body as `.body`.
    var returnsOutput: Bool { !operation.documentedHeaders.isEmpty }

    /// `response` reaching the body: `response.body` when the method returns an output type.
    func bodyExpression(_ response: String) -> String { returnsOutput ? response + ".body" : response }
}

struct OutputPropertyContext {
    var doc: [String]
    var name: String
    var type: String
}

/// The template context of `templates/output.mustache`: one output type in a file of its own.
struct OutputContext {
    var service: String
    var doc: [String]
    var name: String
    /// The body's Swift type, `nil` when the success response has no body.
    var body: String?
    var bodyDoc: [String]
    var properties: [OutputPropertyContext]
    /// `body: T, xSubjectToken: String? = nil`, one line or one argument per line (`wrap`).
    var initArguments: String
    var wrap: Bool
    var wrappedInitArguments: [ListItemContext]
    var assignments: [String]
    /// The memberwise initializer's arguments read from `headers` (`xSubjectToken: headers.value("X-Subject-Token")`).
    var headerReads: [ListItemContext]
    /// `("xSubjectToken", "X-Subject-Token", xSubjectToken)` per header, for `ResponseHeaders.mirror`.
    var described: [ListItemContext]
}

/// Plans the output type of one operation and what its method does with it.
struct SwiftOutputBuilder {
    var typeMap: SwiftTypeMap
    var clientName: String
    var service: String

    /// The name of the output type of `operation`, if its success response documents headers.
    static func outputName(for operation: Operation, spelling: SwiftSpelling) -> String? {
        operation.documentedHeaders.isEmpty ? nil : spelling.typeName(operation.id) + "Output"
    }

    func output(named name: String, for resolved: ResolvedOperation) -> OutputContext? {
        guard let success = resolved.operation.successResponse, !success.headers.isEmpty else { return nil }
        var scope = NameScope(reserved: ["body", "headers", "description", "debugDescription"])
        let properties = success.headers.map { header in
            let type = typeMap.scalar(header.type).map { typeMap.swiftType($0) } ?? "String"
            var doc = SwiftDocComment("`\(header.name)`" + (header.description.isEmpty ? "." : ": " + header.description))
            doc.add("`nil` when the response does not carry the field" + (type == "String" ? "." : ", or its value is no `\(type)`."))
            return (header, OutputPropertyContext(doc: doc.lines(indent: 4), name: scope.claim(typeMap.spelling.member(header.name)), type: type))
        }
        let body = resolved.responseType
        var arguments = body.map { ["body: \($0)"] } ?? []
        arguments += properties.map { "\(SwiftNames.unescaped($0.1.name)): \($0.1.type)? = nil" }
        let inline = arguments.joined(separator: ", ")
        let fits = "    public init(\(inline)) {".count <= SwiftDocComment.lineWidth
        var reads = body == nil ? [] : ["body: body"]
        reads += properties.map { "\(SwiftNames.unescaped($0.1.name)): headers.value(\(SwiftNames.literal($0.0.name)))" }
        let method = "``\(clientName)/\(resolved.name)``"
        let headerList = SwiftDocComment.codeList(success.headers.map(\.name))
        return OutputContext(
            service: service,
            doc: SwiftDocComment(
                "What \(method) returns: " + (body == nil ? "" : "the body of the `\(success.status)` response and ")
                    + "the header fields its page documents (\(headerList)). `description` hides the values of secret "
                    + "fields (`Redaction`).").lines(indent: 0),
            name: name, body: body?.description,
            bodyDoc: SwiftDocComment("The body of the service's `\(success.status)` response.").lines(indent: 4),
            properties: properties.map(\.1),
            initArguments: inline, wrap: !fits, wrappedInitArguments: fits ? [] : ListItemContext.packed(arguments, indent: 8),
            assignments: (body == nil ? [] : ["self.body = body"])
                + properties.map { "self.\(SwiftNames.unescaped($0.1.name)) = \($0.1.name)" },
            headerReads: ListItemContext.list(reads),
            described: ListItemContext.list(
                properties.map { "(\(SwiftNames.literal(SwiftNames.unescaped($0.1.name))), \(SwiftNames.literal($0.0.name)), \($0.1.name))" }))
    }

    /// `method` returning output type `name`: the body and the headers the response carried.
    func adapting(_ method: OperationContext, to name: String, resolved: ResolvedOperation, builder: SwiftOperationBuilder)
        -> OperationContext
    {
        var method = method
        method.returnClause = " -> \(name)"
        method.send =
            if let body = resolved.responseType {
                "let response = try await client.sendReturningHeaders(\(method.requestName), as: \(body).self)\n"
                    + "        return \(name)(body: response.body, headers: response.headers)"
            } else {
                "return \(name)(headers: try await client.sendReturningHeaders(\(method.requestName)))"
            }
        let headers = SwiftDocComment.codeList(resolved.operation.documentedHeaders.map(\.name))
        let text =
            (resolved.responseType == nil ? "The " : "The body of the service's response and the ")
            + "header fields its page documents (\(headers))."
        method.doc = builder.doc(resolved, returns: false)
            + ["///"] + SwiftDocComment.wrap("- Returns: \(text)", width: SwiftDocComment.lineWidth - 8, continuationIndent: "  ")
                .map { "/// " + $0 }
        let fits = "    public func \(resolved.name)(\(method.arguments)) async throws\(method.returnClause) {".count
            <= SwiftDocComment.lineWidth
        method.wrap = !fits
        method.wrappedArguments = fits ? [] : ListItemContext.packed(resolved.arguments.map(\.declaration), indent: 8)
        return method
    }
}
