import APISchema

/// A paginator method: `listDatasetsPaginator(…) -> OffsetPaginator<Dataset>` over a list operation the schema
/// gives a paginator (``Paginator``: `offset` + `limit` or `marker` + `limit`, answered with an array field).
struct PaginatorContext {
    var doc: [String]
    /// As ``OperationContext/deprecated``: the paginator of a deprecated API calls it.
    var deprecated: String?
    var name: String
    var arguments: String
    var wrap: Bool
    var wrappedArguments: [ListItemContext]
    /// `OffsetPaginator` or `MarkerPaginator`.
    var paginatorType: String
    /// The paginator's initialiser arguments (`limit: limit`, `counting: .pages, limit: limit`).
    var paginatorArguments: String
    var elementType: String
    /// `offset, limit` or `marker, limit`.
    var closureParameters: String
    var method: String
    var callArguments: String
    /// Whether the call is too long for one line; then `wrappedCallArguments` has one argument per line.
    var wrapCall: Bool
    var wrappedCallArguments: [ListItemContext]
    var elements: String
    /// `total: page.total` or `nextMarker: page.nextMarker`.
    var progress: String
}

extension SwiftOperationBuilder {
    /// The paginator of the operation, as its schema states it (``Operation/paginator``).
    func paginator(_ resolved: ResolvedOperation, name: String) -> PaginatorContext? {
        guard let paginator = resolved.operation.paginator, case .named(let responseName)? = resolved.responseSchemaType,
            case .object(let properties)? = typeMap.namedType(responseName)?.kind,
            let itemsIndex = properties.firstIndex(where: { $0.name == paginator.items }),
            case .array(let element) = properties[itemsIndex].type
        else { return nil }
        let memberNames = SwiftModelBuilder.memberNames(properties, spelling: typeMap.spelling)
        let progressIndex = paginator.progress.flatMap { field in properties.firstIndex { $0.name == field } }
        // The page is a response: the SDK decodes every one of its fields as optional, required or not.
        let page = resolved.bodyExpression("page")
        let elements = "\(page).\(memberNames[itemsIndex]) ?? []"

        let byMarker = paginator.kind == .marker
        let start = byMarker ? "marker" : "offset"
        let progress: String
        if byMarker {
            guard let progressIndex else { return nil }
            progress = "nextMarker: \(page).\(memberNames[progressIndex])"
        } else if let progressIndex {
            let member = "\(page).\(memberNames[progressIndex])"
            progress = properties[progressIndex].type == .integer ? "total: \(member)" : "total: \(member).map { Int($0) }"
        } else {
            progress = "total: nil"
        }

        func isPaged(_ argument: ResolvedOperation.Argument) -> Bool {
            argument.location == .query && [paginator.start, paginator.limit].contains(argument.wireName)
        }
        var arguments = resolved.arguments.filter { !isPaged($0) }
        // The operation's arguments in its own order, the start position and limit fed by the paginator.
        let callArguments: [String] = resolved.arguments.map { argument in
            guard isPaged(argument) else { return argument.passedOn }
            let isStart = argument.wireName == paginator.start
            // The marker is a `String?` as the operation takes it; an offset or limit is an `Int`.
            let value = isStart && byMarker ? start : convert(isStart ? start : "limit", to: argument)
            return "\(SwiftNames.unescaped(argument.name)): \(value)"
        }
        arguments.append(
            ResolvedOperation.Argument(
                wireName: paginator.limit, name: "limit", type: "Int", defaultValue: "", location: .query,
                doc: "Number of results to request per page.", schemaType: .integer, required: true))
        let declarations = arguments.map(\.declaration)
        let inline = declarations.joined(separator: ", ")
        let elementType = typeMap.swiftType(element)
        let type = byMarker ? "MarkerPaginator" : "OffsetPaginator"
        let fits = "    public func \(name)(\(inline)) -> \(type)<\(elementType)> {".count <= SwiftDocComment.lineWidth

        var paginatorResolved = resolved
        paginatorResolved.pathArguments = []
        paginatorResolved.body = nil
        paginatorResolved.queryArguments = arguments
        paginatorResolved.headerArguments = []
        let doc = doc(
            paginatorResolved, returns: false,
            summary: "All pages of ``\(resolved.name)``, fetched by \(start) as they are iterated; each element is one "
                + "of `\(SwiftNames.unescaped(memberNames[itemsIndex]))`.")
        let call = "let page = try await self.\(resolved.name)(\(callArguments.joined(separator: ", ")))"
        return PaginatorContext(
            doc: doc, deprecated: resolved.deprecationMessage, name: name, arguments: inline, wrap: !fits,
            wrappedArguments: fits ? [] : ListItemContext.packed(declarations, indent: 8), paginatorType: type,
            paginatorArguments: paginator.kind == .pageOffset ? "counting: .pages, limit: limit" : "limit: limit",
            elementType: elementType, closureParameters: "\(start), limit", method: resolved.name,
            callArguments: callArguments.joined(separator: ", "), wrapCall: call.count + 12 > SwiftDocComment.lineWidth,
            wrappedCallArguments: ListItemContext.packed(callArguments, indent: 16), elements: elements, progress: progress)
    }

    /// The paginator's `Int` offset or limit as the operation's parameter type, which is the type the schema
    /// documents (``parameterType(_:typeMap:)``).
    private func convert(_ value: String, to argument: ResolvedOperation.Argument) -> String {
        if argument.schemaType == .integer { return value }
        let parameter = Parameter(
            name: argument.wireName, location: .query, required: argument.required, type: argument.schemaType)
        return "\(Self.parameterType(parameter, typeMap: typeMap))(\(value))"
    }
}
