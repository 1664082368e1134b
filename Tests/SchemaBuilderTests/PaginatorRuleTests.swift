import APISchema
import Testing

@testable import SchemaBuilder

/// The rule that decides which lists get paginators, on small schemas written here.
@Suite struct PaginatorRuleTests {
    static func query(_ name: String, _ type: TypeRef = .integer, _ description: String = "") -> Parameter {
        Parameter(name: name, location: .query, required: false, type: type, description: description)
    }

    static func list(_ id: String, _ parameters: [Parameter], response: String) -> APISchema.Operation {
        APISchema.Operation(
            id: id, group: "G", title: id, summary: "", method: "GET", path: "/v1/{project_id}/gadgets",
            sourcePage: "\(id).html", parameters: parameters,
            responses: [Response(status: 200, type: .named(response), description: "")])
    }

    static func object(_ name: String, _ properties: [Property]) -> NamedType {
        NamedType(name: name, description: "", kind: .object(properties), source: SourceLocation(page: "\(name).html"))
    }

    static func property(_ name: String, _ type: TypeRef, values: [String]? = nil) -> Property {
        Property(name: name, type: type, required: false, enumValues: values?.map { EnumValue(value: $0) })
    }

    static let offsetAndLimit = [query("offset"), query("limit")]

    static let namedTypes = [
        object("GadgetPage", [
            property("total_count", .int64), property("count", .integer), property("gadgets", .array(.named("Gadget"))),
            property("sort_keys", .array(.string), values: ["name", "created"]),
        ]),
        object("TwoLists", [property("gadgets", .array(.string)), property("widgets", .array(.string))]),
        object("MarkerPage", [property("servers", .array(.named("Server"))), property("next_marker", .string)]),
        object("NoMarker", [property("servers", .array(.named("Server"))), property("count", .integer)]),
        NamedType(name: "Alias", description: "", kind: .alias(target: "TwoLists"), source: SourceLocation(page: "a.html")),
    ]

    static func outcome(_ operation: APISchema.Operation) -> PaginatorRule.Outcome {
        PaginatorRule.outcome(
            for: operation, types: ServiceSchema(name: "Demo", endpoint: nil, types: namedTypes).definitionsByName)
    }

    @Test func offsetCountingElementsWithATotal() {
        let paged = Self.outcome(Self.list("ListGadgets", Self.offsetAndLimit, response: "GadgetPage"))
        #expect(
            paged
                == .paged(
                    Paginator(
                        kind: .offset, start: "offset", limit: "limit", items: "gadgets", progress: "total_count")),
            "a value list of strings holds no elements; a total comes before a count")
    }

    @Test func offsetCountingPagesWithoutATotal() {
        let pages = Self.query("offset", .string, "Start page of the paging list.")
        let paged = Self.outcome(Self.list("ListGadgets", [pages, Self.query("limit", .string)], response: "TwoLists"))
        #expect(
            paged
                == .paged(
                    Paginator(
                        kind: .pageOffset, start: "offset", limit: "limit", items: "gadgets", progress: nil)),
            "of two arrays, the one the operation names; no integer counts them")
        #expect(!PaginatorRule.countsPages("Start position (pagination offset)."), "`pagination` is not `page`")
    }

    @Test func markerWithItsNextMarker() {
        let marker = Self.list("ListServers", [Self.query("marker", .string), Self.query("limit")], response: "MarkerPage")
        #expect(
            Self.outcome(marker)
                == .paged(
                    Paginator(
                        kind: .marker, start: "marker", limit: "limit", items: "servers", progress: "next_marker")))
        // An offset is taken over a marker; the marker is then the other start position.
        var both = marker
        both.parameters.append(Self.query("offset"))
        guard case .paged(let paginator) = Self.outcome(both) else {
            Issue.record("an offset and a marker make a paginator")
            return
        }
        #expect(paginator.kind == .offset && paginator.start == "offset" && paginator.otherStart == "marker")
        #expect(paginator.progress == nil, "a marker is no total")
    }

    @Test func rejections() {
        #expect(Self.outcome(Self.list("ListGadgets", [Self.query("offset")], response: "GadgetPage")) == .notPaged, "no limit")
        #expect(Self.outcome(Self.list("ListGadgets", [Self.query("limit")], response: "GadgetPage")) == .notPaged, "no start")
        #expect(
            Self.outcome(Self.list("ListThings", Self.offsetAndLimit, response: "Alias"))
                == .unclear(
                    "paged by offset and limit, but the response has several arrays (`gadgets`, `widgets`) and the "
                        + "operation names none of them"),
            "two arrays the operation does not name, behind an alias")
        #expect(
            Self.outcome(Self.list("ListGadgetsAndWidgets", Self.offsetAndLimit, response: "TwoLists"))
                == .unclear(
                    "paged by offset and limit, but the response has several arrays (`gadgets`, `widgets`) and the "
                        + "operation names more than one of them"))
        #expect(
            Self.outcome(Self.list("ListServers", [Self.query("marker", .string), Self.query("limit")], response: "NoMarker"))
                == .unclear("paged by marker and limit, but the response has no string field naming the next marker"))
    }

    @Test func namesAreMatchedByTheirLettersAndDigits() {
        #expect(PaginatorRule.isNamed("data_sets", by: "ListDatasets"))
        #expect(PaginatorRule.isNamed("Datasets", by: "ListDatasets"))
        #expect(!PaginatorRule.isNamed("labels", by: "ListDatasets"))
        #expect(!PaginatorRule.isNamed("_", by: "ListDatasets"), "no letters name nothing")
    }

    /// The pass sets the paginators, clears stale ones, and reports each unclear list on its page.
    @Test func applySetsPaginatorsAndReportsUnclearLists() throws {
        var stale = Self.list("ShowGadget", [], response: "GadgetPage")
        stale.paginator = Paginator(kind: .marker, start: "m", limit: "l", items: "x", progress: "n")
        let schema = ServiceSchema(
            name: "Demo", endpoint: .configured(prefix: "demo"),
            operations: [
                Self.list("ListGadgets", Self.offsetAndLimit, response: "GadgetPage"),
                Self.list("ListThings", Self.offsetAndLimit, response: "TwoLists"), stale,
            ],
            types: Self.namedTypes)
        let applied = PaginatorRule.apply(to: schema)
        #expect(applied.operations.map { $0.paginator?.items } == ["gadgets", nil, nil])
        let diagnostic = try #require(applied.diagnostics.first)
        #expect(applied.diagnostics.count == 1)
        #expect(diagnostic.id == .unclearPaginator && diagnostic.severity == .warning)
        #expect(diagnostic.location == SourceLocation(page: "ListThings.html"))
        #expect(diagnostic.message.hasPrefix("ListThings: paged by offset and limit, but the response has several arrays"))
        #expect(PaginatorRule.apply(to: applied) == applied, "applying twice changes nothing")
    }
}
