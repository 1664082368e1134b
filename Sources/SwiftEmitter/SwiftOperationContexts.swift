import APISchema

// Template contexts for operations: one client method per API page, its paginator when the page describes a
// paged list, and the enums and wrapper types its signature needs.

struct OperationContext {
    var doc: [String]
    /// The message of `@available(*, deprecated, message:)`, a Swift literal, for an API its page deprecates.
    var deprecated: String?
    var name: String
    /// The parameter list on one line (`id: String, limit: Int? = nil`).
    var arguments: String
    /// Whether the list is too long for one line; then `wrappedArguments` has its lines.
    var wrap: Bool
    var wrappedArguments: [ListItemContext]
    var returnClause: String
    /// Statements before the request (`let query: QueryItems = ["limit": limit]`, the headers).
    var statements: [String]
    var requestName: String
    var requestArguments: [ListItemContext]
    var send: String
}

struct OperationsFileContext {
    var service: String
    var clientName: String
    var groupTitle: String
    var declarations: [DeclarationContext]
    var hasDeclarations: Bool
    var enums: [EnumContext]
    var members: [ClientMemberContext]
}

/// A method, a paginator or a waiter of the client; exactly one is set.
struct ClientMemberContext {
    var blankLine: Bool
    var method: OperationContext?
    var paginator: PaginatorContext?
    var waiter: WaiterContext?
}

/// What an operation's signature uses, resolved once and shared by the method and its paginator.
struct ResolvedOperation {
    struct Argument {
        var wireName: String
        var name: String
        /// The argument's Swift type, optional when the argument may be left out.
        var usage: SwiftTypeUsage
        var defaultValue: String
        var location: Parameter.Location?
        var doc: String
        var schemaType: TypeRef
        /// Whether the argument's type (or element type) is an enum nested in the client for this operation.
        var isEnum: Bool
        /// Whether the argument's type (or element type) is an open enum, nested or top-level: it declares the values.
        var isOpenEnum: Bool
        var required: Bool
        /// Whether the argument has no label (the request body).
        var unlabelled: Bool
        /// Whether `doc` lists the documented values (the argument's type is no enum that declares them).
        var docStatesValues: Bool

        init(
            wireName: String, name: String, type: SwiftTypeUsage, defaultValue: String, location: Parameter.Location?,
            doc: String, schemaType: TypeRef, isEnum: Bool = false, isOpenEnum: Bool = false, required: Bool,
            unlabelled: Bool = false, docStatesValues: Bool = false
        ) {
            (self.wireName, self.name, self.usage, self.defaultValue) = (wireName, name, type, defaultValue)
            (self.location, self.doc, self.schemaType) = (location, doc, schemaType)
            (self.isEnum, self.isOpenEnum, self.required) = (isEnum, isOpenEnum, required)
            (self.unlabelled, self.docStatesValues) = (unlabelled, docStatesValues)
        }

        var declaration: String { "\(unlabelled ? "_ " : "")\(name): \(usage)\(defaultValue)" }

        /// The argument passed on by a method that takes it too: `id: id`; a label needs no backticks
        /// (`protocol: `protocol``), the value does.
        var passedOn: String { unlabelled ? name : "\(SwiftNames.unescaped(name)): \(name)" }
    }

    var operation: Operation
    var name: String
    var pathArguments: [Argument]
    var body: Argument?
    var queryArguments: [Argument]
    var headerArguments: [Argument]
    /// Swift type of the decoded 2xx response, `nil` when the success response has no body.
    var responseType: SwiftTypeUsage?
    var responseSchemaType: TypeRef?
    var responseDescription: String

    var arguments: [Argument] { pathArguments + (body.map { [$0] } ?? []) + queryArguments + headerArguments }

    /// The message of `@available(*, deprecated, message:)` (a Swift literal) when the page marks the API as
    /// deprecated: on its method, and on the generated code that calls it (paginators, waiters, commands), which
    /// would otherwise warn.
    var deprecationMessage: String? {
        operation.deprecation.map { SwiftNames.literal("The API reference marks this API as \($0.lowercased()).") }
    }
}

struct SwiftOperationBuilder {
    var typeMap: SwiftTypeMap
    var clientName: String

    /// Names of the wrapper types the operation needs, claimed before any model is named.
    static func wrapperNames(for operation: Operation, typeMap: SwiftTypeMap) -> (request: String?, response: String?) {
        func needsWrapper(_ type: TypeRef?) -> Bool {
            guard let type else { return false }
            if case .named(let name) = type, typeMap.namedType(name) != nil { return false }
            return true
        }
        return (
            needsWrapper(operation.requestBody?.type) ? typeMap.spelling.typeName(operation.id) + "Request" : nil,
            needsWrapper(operation.successResponse?.type) ? typeMap.spelling.typeName(operation.id) + "Response" : nil
        )
    }

    func resolve(
        _ operation: Operation, methodName: String, requestWrapper: String?, responseWrapper: String?,
        enums: inout [EnumContext], enumScope: inout NameScope
    ) -> ResolvedOperation {
        var scope = NameScope(reserved: ["self"])
        var sameValues = SameValueEnums()
        // The path parameter of a name first: a query parameter may share it (a `project_id` filter).
        let byName = Dictionary(operation.parameters.map { ($0.name, $0) }) { first, other in
            other.location == .path && first.location != .path ? other : first
        }

        func argument(_ parameter: Parameter, optionalDefault: Bool) -> ResolvedOperation.Argument {
            let name = scope.claim(typeMap.spelling.member(parameter.name))
            var type: SwiftTypeUsage
            var isEnum = false
            let leaf = SwiftTypeMap.leaf(of: parameter.type)
            if leaf == .string, parameter.location != .path, let values = parameter.enumValues, !values.isEmpty {
                if let shared = typeMap.sharedEnums.name(field: parameter.name, values: values) {
                    type = typeMap.usage(of: parameter.type, leaf: shared)
                } else if let reused = sameValues.reuse(for: values, field: parameter.name) {
                    enums[reused.index].doc = parameterEnumDoc(reused.fields, methodName).lines(indent: 4)
                    type = typeMap.usage(of: parameter.type, leaf: enums[reused.index].name)
                    isEnum = true
                } else {
                    var enumName = typeMap.spelling.typeName(operation.id) + typeMap.spelling.upperCamel(parameter.name)
                    if typeMap.isTopLevel(enumName) { enumName += "Value" }
                    enumName = enumScope.claim(enumName)
                    let builder = SwiftModelBuilder(typeMap: typeMap)
                    sameValues.declare(values, field: parameter.name, at: enums.count)
                    enums.append(
                        builder.openEnum(
                            named: enumName, doc: parameterEnumDoc([parameter.name], methodName), values: values,
                            indent: 4, queryValue: true))
                    type = typeMap.usage(of: parameter.type, leaf: enumName)
                    isEnum = true
                }
            } else {
                type = Self.parameterType(parameter, typeMap: typeMap)
            }
            let isOpenEnum = isEnum || (type.arrayElement ?? type.wrapped).name.map(typeMap.isOpenEnum(swiftName:)) == true
            // Values the argument's type does not declare are said in its documentation.
            var doc = parameter.description
            var statesValues = false
            if !isOpenEnum, let values = parameter.enumValues, !values.isEmpty {
                doc.appendSentence(SwiftModelBuilder.valuesSentence(values))
                statesValues = true
            }
            let optional = !parameter.required && optionalDefault
            if optional { type = type.optional }
            return ResolvedOperation.Argument(
                wireName: parameter.name, name: name, type: type, defaultValue: optional ? " = nil" : "",
                location: parameter.location, doc: doc, schemaType: parameter.type, isEnum: isEnum,
                isOpenEnum: isOpenEnum, required: !optional, docStatesValues: statesValues)
        }

        // Path parameters in the order the path names them; undocumented ones are strings.
        var pathArguments: [ResolvedOperation.Argument] = []
        // The client fills in the `{project_id}` that scopes the call (the schema's `scope`); any other is an argument.
        for placeholder in PathTemplate.placeholders(in: operation.path) where !operation.isBoundByClient(placeholder) {
            let parameter =
                byName[placeholder].map { Parameter(name: $0.name, location: .path, required: true, type: $0.type, description: $0.description) }
                ?? Parameter(name: placeholder, location: .path, required: true, type: .string)
            pathArguments.append(argument(parameter, optionalDefault: false))
        }

        var body: ResolvedOperation.Argument?
        if let requestBody = operation.requestBody {
            var type = requestWrapper.map(SwiftTypeUsage.named) ?? typeMap.usage(of: requestBody.type)
            if !requestBody.required { type = type.optional }
            body = ResolvedOperation.Argument(
                wireName: "", name: scope.claim("body"), type: type,
                defaultValue: requestBody.required ? "" : " = nil", location: nil, doc: "The request body.",
                schemaType: requestBody.type, required: requestBody.required, unlabelled: true)
        }

        func arguments(at location: Parameter.Location) -> [ResolvedOperation.Argument] {
            let parameters = operation.parameters.filter { $0.location == location }
            // Required ones first, each group in page order.
            return (parameters.filter(\.required) + parameters.filter { !$0.required })
                .map { argument($0, optionalDefault: true) }
        }
        let queryArguments = arguments(at: .query)
        let headerArguments = arguments(at: .header)

        let success = operation.successResponse
        let responseType = success?.type.map { responseWrapper.map(SwiftTypeUsage.named) ?? typeMap.usage(of: $0) }
        return ResolvedOperation(
            operation: operation, name: methodName, pathArguments: pathArguments, body: body,
            queryArguments: queryArguments, headerArguments: headerArguments, responseType: responseType,
            responseSchemaType: success?.type, responseDescription: success?.description ?? "")
    }

    /// The Swift type of a parameter: scalars, arrays of scalars and enums as documented, anything else a string.
    static func parameterType(_ parameter: Parameter, typeMap: SwiftTypeMap) -> SwiftTypeUsage {
        switch parameter.type {
        case .array(let element) where typeMap.scalar(element) != nil || isEnum(element, typeMap):
            if parameter.location == .query { return .array(typeMap.usage(of: element)) }
            return .string
        case let type where typeMap.scalar(type) != nil || isEnum(type, typeMap):
            return typeMap.usage(of: type)
        default:
            return .string
        }
    }

    private static func isEnum(_ type: TypeRef, _ typeMap: SwiftTypeMap) -> Bool {
        if case .named(let name) = type { return typeMap.isOpenEnum(name) }
        return false
    }

    // MARK: Method

    func method(_ resolved: ResolvedOperation) -> OperationContext {
        let operation = resolved.operation
        let arguments = resolved.arguments
        let taken = Set(arguments.map { SwiftNames.unescaped($0.name) })
        func local(_ candidates: String...) -> String { candidates.first { !taken.contains($0) } ?? candidates.last! }
        let queryName = local("query", "queryItems", "queryParameters")
        let headersName = local("headers", "headerFields", "requestHeaders")
        let requestName = local("request", "operationRequest", "httpRequest")

        var statements: [String] = []
        if !resolved.queryArguments.isEmpty {
            // A literal in the parameters' order, several to a line; `nil` ones are left out when it is built.
            let pairs = resolved.queryArguments.map { "\(SwiftNames.literal($0.wireName)): \($0.name)" }
            let inline = "let \(queryName): QueryItems = [\(pairs.joined(separator: ", "))]"
            if 8 + inline.count <= SwiftDocComment.lineWidth {
                statements.append(inline)
            } else {
                statements += ["let \(queryName): QueryItems = ["]
                    + SwiftLineWrap.lines(pairs, indent: 12, continued: true).map { "    " + $0 } + ["]"]
            }
        }
        if !resolved.headerArguments.isEmpty {
            statements.append("var \(headersName): [String: String] = [:]")
            for argument in resolved.headerArguments {
                let value = headerValue(argument)
                statements.append("\(headersName)[\(SwiftNames.literal(argument.wireName))] = \(value)")
            }
        }

        var requestArguments = [
            "operation: \(SwiftNames.literal(operation.id))",
            "method: .\(operation.method.lowercased())",
            "path: \(SwiftNames.literal(operation.path))",
        ]
        if !resolved.pathArguments.isEmpty {
            let pairs = resolved.pathArguments.map { "\(SwiftNames.literal($0.wireName)): \(pathValue($0))" }
            requestArguments.append("pathParameters: [\(pairs.joined(separator: ", "))]")
        }
        if !resolved.queryArguments.isEmpty { requestArguments.append("query: \(queryName)") }
        if !resolved.headerArguments.isEmpty { requestArguments.append("headers: \(headersName)") }
        if let body = resolved.body { requestArguments.append("body: \(body.name)") }

        let send =
            resolved.responseType.map { "return try await client.send(\(requestName), as: \($0).self)" }
            ?? "try await client.send(\(requestName))"
        let declarations = arguments.map(\.declaration)
        let inline = declarations.joined(separator: ", ")
        let returnClause = resolved.responseType.map { " -> \($0)" } ?? ""
        let fits = "    public func \(resolved.name)(\(inline)) async throws\(returnClause) {".count <= SwiftDocComment.lineWidth
        return OperationContext(
            doc: doc(resolved, returns: resolved.responseType != nil),
            deprecated: resolved.deprecationMessage,
            name: resolved.name,
            arguments: inline,
            wrap: !fits,
            wrappedArguments: fits ? [] : ListItemContext.packed(declarations, indent: 8),
            returnClause: returnClause,
            statements: statements,
            requestName: requestName,
            requestArguments: ListItemContext.packed(requestArguments, indent: 12),
            send: send)
    }

    /// The documentation of a parameter enum: the parameters of `methodName` whose values it lists.
    private func parameterEnumDoc(_ parameters: [String], _ methodName: String) -> SwiftDocComment {
        SwiftDocComment(
            "Documented values of \(SwiftDocComment.codeList(parameters)) for ``\(clientName)/\(methodName)``.")
    }

    private func pathValue(_ argument: ResolvedOperation.Argument) -> String {
        if argument.isEnum { return "\(argument.name).rawValue" }
        if argument.usage == .string { return argument.name }
        if argument.usage.isNumberOrBool { return "String(\(argument.name))" }
        let isRaw = argument.usage.name.map(typeMap.isTopLevel) ?? false
        return isRaw ? "\(argument.name).rawValue" : "\"\\(\(argument.name))\""
    }

    private func headerValue(_ argument: ResolvedOperation.Argument) -> String {
        let bare = argument.usage.wrapped
        let optional = argument.usage.isOptional
        if bare == .string { return argument.name }
        if bare.isNumberOrBool {
            return optional ? "\(argument.name).map { String($0) }" : "String(\(argument.name))"
        }
        if argument.isEnum || (bare.name.map(typeMap.isTopLevel) ?? false) {
            return optional ? "\(argument.name)?.rawValue" : "\(argument.name).rawValue"
        }
        return optional ? "\(argument.name).map { \"\\($0)\" }" : "\"\\(\(argument.name))\""
    }

    /// Title, summary, the HTTP line, and the parameters.
    func doc(_ resolved: ResolvedOperation, returns: Bool, summary: String? = nil) -> [String] {
        let operation = resolved.operation
        var comment = SwiftDocComment(operation.title.isEmpty ? operation.id : operation.title)
        let summary = summary ?? operation.summary
        if !summary.isEmpty, summary != operation.title { comment.add(summary) }
        comment.add("`\(operation.method.uppercased()) \(operation.path)`")
        var lines = comment.lines(indent: 4)
        var parameterLines: [String] = []
        let width = SwiftDocComment.lineWidth - 4 - 4
        for argument in resolved.arguments {
            let text = SwiftDocComment.normalized(argument.doc.replacingNewlines())
            let entry = "  - \(SwiftNames.unescaped(argument.name)):" + (text.isEmpty ? "" : " \(text)")
            parameterLines += SwiftDocComment.wrap(entry, width: width, continuationIndent: "    ")
        }
        if !parameterLines.isEmpty {
            lines += ["///", "/// - Parameters:"] + parameterLines.map { "/// " + $0 }
        }
        if returns, let status = operation.successResponse?.status {
            // The response's description is mostly its table's caption ("Response body parameters").
            let described = SwiftDocComment.normalized(resolved.responseDescription.replacingNewlines())
            let text =
                SwiftTypeDocs.isCaption(described, of: resolved.responseType?.description ?? "") || described.isEmpty
                ? "The body of the service's `\(status)` response." : described
            lines += ["///"] + SwiftDocComment.wrap("- Returns: \(text)", width: width, continuationIndent: "  ")
                .map { "/// " + $0 }
        }
        return lines
    }
}
