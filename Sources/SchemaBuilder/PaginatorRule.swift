import APISchema

/// Finds the lists that are read page by page, by one rule over the schema (no list of services):
///
/// 1. The operation has a `limit` query parameter and a start position: an `offset` query parameter (taken when
///    there is a `marker` too) or a `marker` one.
/// 2. Its success response's body is an object. The page's elements are its only array, or else the only one the
///    operation's id names (`ListDatasets`: `datasets`, not `labels`). An array of documented strings (a value
///    list) holds no elements.
/// 3. An offset counts pages when its description has the word "page" ("Start page of the paging list"),
///    elements otherwise. The pages go as far as the body's first integer property named `…total…` says, else its
///    first one named `…count…`; with neither they end on a short page.
/// 4. A marker needs the body's first string property named `…marker…` (`next_marker`): the next page's start.
///
/// A list with a start position and a `limit` whose elements or next marker step 2 or 4 cannot tell gets no
/// paginator and a diagnostic (`unclear-paginator`) saying why.
enum PaginatorRule {
    /// What the rule says of one operation.
    enum Outcome: Hashable {
        case paged(Paginator)
        /// No `limit`, no start position, or no object as the success response's body.
        case notPaged
        /// Paging parameters, but the elements or the next marker are not clear: why.
        case unclear(String)
    }

    /// The schema with every operation's paginator as the rule finds it, and a diagnostic for each unclear list
    /// (in place of any an earlier application gave).
    static func apply(to schema: ServiceSchema) -> ServiceSchema {
        var schema = schema
        let types = schema.definitionsByName
        var diagnostics = schema.diagnostics.filter { $0.id != .unclearPaginator }
        for index in schema.operations.indices {
            let operation = schema.operations[index]
            schema.operations[index].paginator = nil
            switch outcome(for: operation, types: types) {
            case .paged(let paginator): schema.operations[index].paginator = paginator
            case .notPaged: break
            case .unclear(let reason):
                diagnostics.append(
                    Diagnostic(.unclearPaginator, SourceLocation(page: operation.sourcePage), "\(operation.id): \(reason)"))
            }
        }
        schema.diagnostics = diagnostics.sorted()
        return schema
    }

    /// The rule applied to one operation; `types` are the schema's definitions by name (aliases resolved).
    static func outcome(for operation: Operation, types: [String: NamedType]) -> Outcome {
        func query(_ name: String) -> Parameter? {
            operation.parameters.first { $0.location == .query && $0.name == name }
        }
        guard let limit = query("limit"), let start = query("offset") ?? query("marker"),
            case .named(let responseName)? = operation.successResponse?.type,
            case .object(let properties)? = types[responseName]?.kind
        else { return .notPaged }
        let paging = "paged by \(start.name) and \(limit.name)"

        let arrays = properties.filter { property in
            guard case .array(let element) = property.type else { return false }
            return property.enumValues == nil || element != .string
        }
        let named = arrays.filter { isNamed($0.name, by: operation.id) }
        guard let items = arrays.count == 1 ? arrays.first : (named.count == 1 ? named.first : nil) else {
            let listed = arrays.map { "`\($0.name)`" }.joined(separator: ", ")
            return .unclear(
                arrays.isEmpty
                    ? "\(paging), but the response has no array of elements"
                    : "\(paging), but the response has several arrays (\(listed)) and the operation names "
                        + (named.isEmpty ? "none" : "more than one") + " of them")
        }

        if start.name == "marker" {
            guard
                let next = properties.first(where: { $0.type == .string && $0.name.lowercased().contains("marker") })
            else { return .unclear("\(paging), but the response has no string field naming the next marker") }
            return .paged(
                Paginator(
                    kind: .marker, start: start.name, limit: limit.name, items: items.name, progress: next.name))
        }
        let counters = properties.filter { property in
            let name = property.name.lowercased()
            return (property.type == .integer || property.type == .int64)
                && (name.contains("total") || name.contains("count"))
        }
        let total = counters.first { $0.name.lowercased().contains("total") } ?? counters.first
        return .paged(
            Paginator(
                kind: countsPages(start.description) ? .pageOffset : .offset, start: start.name, limit: limit.name,
                items: items.name, progress: total?.name, otherStart: query("marker")?.name))
    }

    /// Whether the operation's id names the property: its letters and digits, any case, are part of the id
    /// (`ListDatasets` names `datasets` and `data_sets`).
    static func isNamed(_ property: String, by operationId: String) -> Bool {
        let letters = property.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }.lowercased()
        return !letters.isEmpty && operationId.lowercased().contains(letters)
    }

    /// Whether an offset counts pages rather than elements, as its description says ("Start page of the paging
    /// list", "Index of the page to be queried").
    static func countsPages(_ description: String) -> Bool {
        description.lowercased().split(whereSeparator: { !$0.isLetter }).contains("page")
    }
}
