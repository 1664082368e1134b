import APISchema
import Testing

@testable import SchemaBuilder

/// Issue #28: error codes from the reference's error-code tables, documented error statuses on every operation,
/// and one error body per service.
struct ErrorResponseTests {
    static let codes = """
        <h1>Error Codes</h1><div><h4>Error Codes</h4>
        \(Fixtures.table(1, "Error codes", header: ["HTTP Status Code", "Error Code", "Error Message", "Description", "Handling Measure"], rows: [
            ["400", "Wid.0001", "Bad name.", "The name is invalid.", "Use letters only."],
            ["404", "Wid.0002", "No such widget.", "", "Check the ID."],
            ["400", "Wid.0001", "Name too long.", "", "Use at most 64 letters."],
            ["500", "Wid.0002", "No such widget.", "", ""],
        ]))
        </div>
        """

    static let statusCodes = """
        <h1>Status Codes</h1><div><h4>Status Codes</h4>
        \(Fixtures.table(1, "Codes", header: ["Error Response Code", "Description"], rows: [
            ["200 OK", "Fine."], ["301 Moved", "Elsewhere."], ["401 Unauthorized", "Who are you?"],
            ["503 Service Unavailable", "Busy."],
        ]))
        </div>
        """

    /// An API page whose status section lists only its success, and whose error section links `target`.
    static func apiPage(_ path: String, linking target: String, section: String) -> String {
        """
        <h1>Showing a Widget</h1><div><h4>URI</h4><p>GET /v1/\(path)/{id}</p></div>
        <div><h4>Status Codes</h4>
        \(Fixtures.table(1, "Status codes", header: ["Status Code", "Description"], rows: [["200", "OK"]]))
        </div>
        <div><h4>\(section)</h4><p>See <a href="\(target)">the list</a>.</p></div>
        """
    }

    @Test func errorCodeTablesGiveTheServicesCodes() throws {
        let schema = Fixtures.build([("appendix/error_codes.html", Self.codes)])
        #expect(schema.errorCodes.map(\.code) == ["Wid.0001", "Wid.0002"])
        let first = try #require(schema.errorCodes.first)
        #expect(first.status == 400)
        #expect(first.message == "Bad name.\nName too long.", "a code listed twice keeps both meanings")
        #expect(first.solution == "Use letters only.\nUse at most 64 letters.")
        #expect(first.description == "The name is invalid.")
        let duplicate = schema.diagnostics.filter { $0.id == .duplicateErrorCode }
        #expect(duplicate.count == 1, "only the code listed again with another status: \(duplicate)")
        #expect(duplicate.first?.location.row == 4)
    }

    @Test func theChineseEditionsErrorCodeTableGivesTheSameCodes() throws {
        let chinese = Self.codes
            .replacingOccurrences(of: "HTTP Status Code", with: "状态码")
            .replacingOccurrences(of: "Error Code", with: "错误码")
            .replacingOccurrences(of: "Error Message", with: "错误信息")
            .replacingOccurrences(of: "Description", with: "描述")
            .replacingOccurrences(of: "Handling Measure", with: "处理措施")
        #expect(!chinese.contains("Error Code"))
        let english = Fixtures.build([("appendix/error_codes.html", Self.codes)]).errorCodes
        let fromChinese = Fixtures.build([("appendix/error_codes.html", chinese)]).errorCodes
        #expect(fromChinese == english)
    }

    @Test func aPageThatLinksTheErrorCodesDocumentsTheirStatuses() throws {
        let schema = Fixtures.build([
            ("appendix/error_codes.html", Self.codes),
            ("api/show.html", Self.apiPage("widgets", linking: "../appendix/error_codes.html", section: "Error Codes")),
        ])
        let operation = try #require(schema.operations.first)
        #expect(operation.responses.map(\.status) == [200, 400, 404, 500])
        #expect(schema.errorCodes.count == 2, "an API page is not an error-code list")
    }

    @Test func aPageThatLinksTheCommonStatusListDocumentsItsErrors() throws {
        let schema = Fixtures.build([
            ("common/status_codes.html", Self.statusCodes),
            ("api/show.html", Self.apiPage("widgets", linking: "../common/status_codes.html", section: "Returned Values")),
        ])
        let operation = try #require(schema.operations.first)
        #expect(operation.responses.map(\.status) == [200, 401, 503], "the list's 2xx and 3xx are HTTP's, not the API's")
        #expect(operation.responses.first { $0.status == 401 }?.description == "Who are you?")
    }

    /// A page whose status table lists only its success and that links no list fails as the service's other pages
    /// do: the list most of them link is its list too, once two pages link it.
    @Test func aPageThatLinksNoListHasTheServicesCommonList() throws {
        let silent = """
            <h1>Listing Widget Tags</h1><div><h4>URI</h4><p>GET /v1/tags</p></div>
            <div><h4>Status Codes</h4>
            \(Fixtures.table(1, "Status codes", header: ["Status Code", "Description"], rows: [["200", "OK"]]))
            </div>
            """
        let linking = [
            ("api/a.html", Self.apiPage("a", linking: "../common/status_codes.html", section: "Returned Values")),
            ("api/b.html", Self.apiPage("b", linking: "../common/status_codes.html", section: "Returned Values")),
        ]
        let common = [("common/status_codes.html", Self.statusCodes), ("api/tags.html", silent)]
        let schema = Fixtures.build(common + linking)
        let tags = try #require(schema.operations.first { $0.sourcePage == "api/tags.html" })
        #expect(tags.responses.map(\.status) == [200, 401, 503])
        // Linked by one page only, a list is that page's, not the service's.
        let single = Fixtures.build(common + linking.prefix(1))
        #expect(single.operations.first { $0.sourcePage == "api/tags.html" }?.responses.map(\.status) == [200])
    }

    @Test func everyErrorResponseGetsTheServicesErrorBody() throws {
        let schema = Fixtures.build([
            ("common/status_codes.html", Self.statusCodes),
            ("api/show.html", Self.apiPage("widgets", linking: "../common/status_codes.html", section: "Returned Values")),
        ])
        #expect(schema.errorBody == .named("ErrorResponse"))
        let body = try #require(schema.types.first { $0.name == "ErrorResponse" })
        guard case .object(let properties) = body.kind else { Issue.record("not an object"); return }
        #expect(properties.map(\.name) == ["error_code", "error_msg"], "without examples: the gateway's shape")
        let operation = try #require(schema.operations.first)
        #expect(operation.responses.filter { $0.status >= 400 }.allSatisfy { $0.type == .named("ErrorResponse") })
        #expect(operation.responses.first { $0.status == 200 }?.type == nil)
    }

    @Test func theFailureExamplesTellTheShape() {
        func object(_ members: [String: JSONValue]) -> JSONValue { .object(members) }
        let detail = object(["code": .string("X"), "message": .string("m")])
        #expect(ErrorBodies.shape(of: [object(["itemNotFound": detail]), object(["badRequest": detail])])
            == .fault(detail: ["code", "message"]))
        #expect(ErrorBodies.shape(of: [object(["error": detail]), object(["error": detail])])
            == .wrapped("error", detail: ["code", "message"]))
        #expect(ErrorBodies.shape(of: [object(["error_code": .string("A"), "error_msg": .string("b"), "request_id": .string("r")])])
            == .flat(["error_code", "error_msg", "request_id"]))
        #expect(ErrorBodies.shape(of: [.array([])]) == .flat(["error_code", "error_msg"]))
    }
}
