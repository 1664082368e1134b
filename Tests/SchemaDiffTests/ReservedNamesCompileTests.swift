import APISchema
import Foundation
import SwiftEmitter
import Testing

/// Fields named like Swift keywords and standard-library types (OpenStack's `links.self`, a `Type`, a `default`),
/// and an offset paginator over an element list that may be absent (every response field is optional), compile:
/// the SDK generated from a page that has them type-checks against CloudCore. (Here for the compiler set-up the
/// agreement tests already have.)
@Suite(.serialized) struct ReservedNamesCompileTests {
    static let reserved = ["self", "Self", "Type", "Protocol", "init", "default", "String", "subscript", "class", "Any"]

    static var schema: ServiceSchema {
        PagePairs.schema([
            "ListLinks.html": PagePairs.page(
                title: "Listing Links", method: "GET", path: "/v1/{project_id}/links",
                query: [PagePairs.Row(name: "offset", type: "Integer"), PagePairs.Row(name: "limit", type: "Integer")],
                nested: [("LinkRes", reserved.map { PagePairs.Row(name: $0, type: "String") })],
                responses: [(200, [PagePairs.Row.objects("links", "LinkRes")])])
        ])
    }

    @Test func reservedFieldNamesAndOptionalPageListsCompile() async throws {
        let schema = Self.schema
        let link = try #require(schema.types.first { $0.name == "LinkRes" }, "the nested table is a type")
        guard case .object(let properties) = link.kind else { Issue.record("LinkRes is an object"); return }
        #expect(properties.map(\.name) == Self.reserved)
        let response = try #require(schema.operations.first?.responses.first { $0.status == 200 }?.type)
        guard case .named(let responseName) = response, case .object(let members)? = schema.types.first(where: { $0.name == responseName })?.kind
        else { Issue.record("the response is an object"); return }
        #expect(members.first?.required == false, "the page list may be absent")

        var diagnostics = DiagnosticCollector()
        let files = try SwiftEmitter(templatesDirectory: CompilerAgreementTests.packageRoot.appending(path: "templates"))
            .render(schema, diagnostics: &diagnostics)
        #expect(files.contains { $0.contents.contains("OffsetPaginator<") }, "a paginator over the optional list is generated")
        let errors = try await CompilerAgreementTests.typeCheck("_ = client", against: schema)
        #expect(errors.isEmpty, "\(errors)")
    }
}
