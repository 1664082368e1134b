import APISchema

/// A paginator method: `listDatasetsPaginator(…) -> OffsetPaginator<Dataset>` over a list operation that takes
/// `offset` + `limit` (or `marker` + `limit`) and answers with an array field.
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
    /// The query parameters the paginator sets itself: `offset` or `marker`, and `limit`.
    var pagedParameters: Set<String>
}

extension SwiftOperationBuilder {
    func paginator(_ resolved: ResolvedOperation, name: String) -> PaginatorContext? {
        let query = Dictionary(resolved.queryArguments.map { ($0.wireName, $0) }, uniquingKeysWith: { a, _ in a })
        guard query["limit"] != nil, let responseType = resolved.responseSchemaType,
            case .named(let responseName) = responseType,
            case .object(let properties)? = typeMap.namedType(responseName)?.kind
        else { return nil }
        let offset = query["offset"]
        let marker = query["marker"]
        guard offset != nil || marker != nil else { return nil }
        let memberNames = SwiftModelBuilder.memberNames(properties, spelling: typeMap.spelling)

        // The array of results: the only array field, or the only one the operation is named after.
        let arrays = properties.indices.filter {
            if case .array(let element) = properties[$0].type { return properties[$0].enumValues == nil || element != .string }
            return false
        }
        let operationWords = resolved.operation.id.lowercased()
        let named = arrays.filter { operationWords.contains(SwiftNames.unescaped(memberNames[$0]).lowercased()) }
        guard let itemsIndex = arrays.count == 1 ? arrays.first : (named.count == 1 ? named.first : nil),
            case .array(let element) = properties[itemsIndex].type
        else { return nil }
        // The page is a response: the SDK decodes every one of its fields as optional, required or not.
        let page = resolved.bodyExpression("page")
        let elements = "\(page).\(memberNames[itemsIndex]) ?? []"

        var progress: String
        var closureParameters: String
        var paginator: String
        var paginatorArguments = "limit: limit"
        if let offset {
            paginator = "OffsetPaginator"
            closureParameters = "offset, limit"
            if Self.countsPages(offset.doc) { paginatorArguments = "counting: .pages, limit: limit" }
            let counters = properties.indices.filter { index in
                let name = properties[index].name.lowercased()
                return (properties[index].type == .integer || properties[index].type == .int64)
                    && (name.contains("total") || name.contains("count"))
            }
            let total =
                counters.first { properties[$0].name.lowercased().contains("total") } ?? counters.first
            if let total {
                let member = "\(page).\(memberNames[total])"
                progress = properties[total].type == .integer ? "total: \(member)" : "total: \(member).map { Int($0) }"
            } else {
                progress = "total: nil"
            }
        } else {
            paginator = "MarkerPaginator"
            closureParameters = "marker, limit"
            guard
                let next = properties.indices.first(where: {
                    properties[$0].type == .string && properties[$0].name.lowercased().contains("marker")
                })
            else { return nil }
            progress = "nextMarker: \(page).\(memberNames[next])"
        }

        let paged: Set<String> = offset != nil ? ["offset", "limit"] : ["marker", "limit"]
        var arguments = resolved.arguments.filter { !($0.location == .query && paged.contains($0.wireName)) }
        // The operation's arguments in its own order, offset/marker and limit fed by the paginator.
        let callArguments: [String] = resolved.arguments.map { argument in
            if argument.location == .query, paged.contains(argument.wireName) {
                return "\(SwiftNames.unescaped(argument.name)): \(convert(argument.wireName, to: argument.type))"
            }
            return argument.passedOn
        }
        arguments.append(
            ResolvedOperation.Argument(
                wireName: "limit", name: "limit", type: "Int", defaultValue: "", location: .query,
                doc: "Number of results to request per page.", schemaType: .integer, isEnum: false,
                required: true))
        let declarations = arguments.map(\.declaration)
        let inline = declarations.joined(separator: ", ")
        let elementType = typeMap.swiftType(element)
        let fits = "    public func \(name)(\(inline)) -> \(paginator)<\(elementType)> {".count <= SwiftDocComment.lineWidth

        var paginatorResolved = resolved
        paginatorResolved.pathArguments = []
        paginatorResolved.body = nil
        paginatorResolved.queryArguments = arguments
        paginatorResolved.headerArguments = []
        let doc = doc(
            paginatorResolved, returns: false,
            summary: "All pages of ``\(resolved.name)``, fetched \(offset != nil ? "by offset" : "by marker") as they are "
                + "iterated; each element is one of `\(SwiftNames.unescaped(memberNames[itemsIndex]))`.")
        let call = "let page = try await self.\(resolved.name)(\(callArguments.joined(separator: ", ")))"
        return PaginatorContext(
            doc: doc, deprecated: resolved.deprecationMessage, name: name, arguments: inline, wrap: !fits,
            wrappedArguments: fits ? [] : ListItemContext.list(declarations), paginatorType: paginator,
            paginatorArguments: paginatorArguments,
            elementType: elementType, closureParameters: closureParameters, method: resolved.name,
            callArguments: callArguments.joined(separator: ", "), wrapCall: call.count + 12 > SwiftDocComment.lineWidth,
            wrappedCallArguments: ListItemContext.list(callArguments), elements: elements, progress: progress,
            pagedParameters: paged)
    }

    /// Whether an `offset` parameter counts pages rather than elements, as its description says ("Start page of
    /// the paging list", "Index of the page to be queried").
    static func countsPages(_ description: String) -> Bool {
        description.lowercased().split(whereSeparator: { !$0.isLetter }).contains("page")
    }

    /// The paginator's `Int` offset or limit (or `String?` marker) as the operation's parameter type.
    private func convert(_ name: String, to type: String) -> String {
        let bare = type.hasSuffix("?") ? String(type.dropLast()) : type
        switch (name, bare) {
        case ("marker", _), (_, "Int"): return name
        case (_, "String"): return "String(\(name))"
        default: return "\(bare)(\(name))"
        }
    }
}
