import APISchema
import Foundation
import Testing

@testable import SchemaBuilder

/// Issue #24: the response header tables of a response section (`X-Subject-Token`, `Content-Range`) are the
/// response's headers, per status; neither request parameters, nor a body, nor a stray type.
@Suite struct ResponseHeaderTests {
    /// `POST /v3/tokens` answering 201 with a token header and a body, and 400 with a request id header.
    static func tokenPage(_ edition: Edition, headerCaption: String) -> String {
        """
        <h1>\(edition.text("Creating a Token", "创建令牌"))</h1>
        \(BilingualPages.section("URI", "<p>POST /v3/tokens</p>"))
        \(BilingualPages.section(edition.request, edition.table(1, edition.bodyCaption, header: edition.requestHeader, rows: [["name", edition.yes, "String", "N"]])))
        \(BilingualPages.section(edition.response, """
            <p>\(edition.statusLine(201))</p>
            \(edition.table(2, headerCaption, header: edition.requestHeader, rows: [["X-Subject-Token", edition.yes, "String", edition.text("The token.", "令牌。")], ["X-Expires-In", edition.no, "Integer", "S"]]))
            \(edition.table(3, edition.responseCaption, header: edition.responseHeader, rows: [["expires_at", "String", "E"]]))
            <p>\(edition.statusLine(400))</p>
            \(edition.table(4, headerCaption, header: edition.responseHeader, rows: [["X-Request-Id", "String", "R"]]))
            \(edition.table(5, edition.responseCaption, header: edition.responseHeader, rows: [["error_code", "String", "C"]]))
            """))
        """
    }

    @Test(arguments: [
        (Edition.english, "Response header parameters"), (Edition.english, "Response headers"),
        (Edition.chinese, "响应Header参数"), (Edition.chinese, "响应消息头"),
    ])
    func headerTablesOfAResponseSectionAreItsHeaders(edition: Edition, caption: String) throws {
        let schema = Fixtures.build([("CreateToken.html", Self.tokenPage(edition, headerCaption: caption))])
        let operation = try #require(schema.operations.first)
        #expect(operation.parameters.isEmpty)
        let created = try #require(operation.responses.first { $0.status == 201 })
        #expect(created.headers.map { "\($0.location.rawValue) \($0.name) \($0.type) \($0.required)" } == [
            "header X-Subject-Token string true", "header X-Expires-In integer false",
        ])
        #expect(created.headers.first?.description == edition.text("The token.", "令牌。"))
        #expect(schema.properties("CreateTokenResponse").map(\.name) == ["expires_at"])
        #expect(operation.responses.first { $0.status == 400 }?.headers.map(\.name) == ["X-Request-Id"])
        // No header table is left over as a type of its own.
        #expect(!schema.diagnostics.contains { $0.id == .unreferencedTable })
        #expect(schema.types.allSatisfy { type in
            guard case .object(let properties) = type.kind else { return true }
            return !properties.contains { $0.name.hasPrefix("X-") }
        })
    }

    @Test func aStatusDocumentedOnlyByHeadersIsAResponse() throws {
        let edition = Edition.english
        let page = """
            <h1>Querying Repositories</h1>
            \(BilingualPages.section("URI", "<p>HEAD /v2/repos</p>"))
            \(BilingualPages.section(edition.response, """
                <p>\(edition.statusLine(204))</p>
                \(edition.table(1, "Response header parameter", header: edition.responseHeader, rows: [["Content-Range", "String", "0-10/42"], ["X-Auth-Token", "String", "T"]]))
                """))
            """
        let schema = Fixtures.build([("ListRepos.html", page)])
        let response = try #require(schema.operations.first?.responses.first)
        #expect(response.status == 204 && response.type == nil)
        // Authentication headers are the runtime's, in a response as in a request.
        #expect(response.headers.map(\.name) == ["Content-Range"])
    }

    @Test func headersAreWrittenOnlyWhenDocumented() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let plain = String(decoding: try encoder.encode(Response(status: 200)), as: UTF8.self)
        #expect(plain == #"{"description":"","examples":[],"status":200}"#)
        let header = Parameter(name: "Content-Range", location: .header, required: false, type: .string)
        let documented = Response(status: 200, headers: [header])
        let text = try encoder.encode(documented)
        #expect(String(decoding: text, as: UTF8.self).contains(#""headers":[{"#))
        #expect(try JSONDecoder().decode(Response.self, from: text) == documented)
    }
}
