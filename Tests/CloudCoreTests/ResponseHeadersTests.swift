import HTTPTypes
import Testing

@testable import CloudCore

/// Issue #24: what an operation that documents response headers reads them with, and how its output is shown.
@Suite struct ResponseHeadersTests {
    static let fields: HTTPFields = [
        HTTPField.Name("X-Subject-Token")!: "MII-secret-token", HTTPField.Name("Content-Range")!: "0-10/42",
        HTTPField.Name("X-Total-Count")!: "42", HTTPField.Name("X-Swr-Dockerlogin")!: "docker login -p pw",
    ]

    @Test func fieldsAreFoundWhateverTheirCaseAndTypedAsDocumented() {
        let headers = ResponseHeaders(Self.fields)
        #expect(headers["x-subject-token"] == "MII-secret-token")
        #expect(headers.value("Content-Range") == "0-10/42")
        #expect(headers.value("X-Total-Count", as: Int.self) == 42)
        // Absent, or no value of the documented type: nil, never a failed call.
        #expect(headers.value("Content-Range", as: Int.self) == nil)
        #expect(headers["X-Missing"] == nil && headers["not a name"] == nil)
    }

    @Test func repeatedFieldsAreJoined() {
        var fields = HTTPFields()
        fields.append(HTTPField(name: .init("X-Tag")!, value: "a"))
        fields.append(HTTPField(name: .init("X-Tag")!, value: "b"))
        #expect(ResponseHeaders(fields)["X-Tag"] == "a, b")
    }

    @Test func tokensAndLoginsAreSecretsWhereverTheyAreShown() {
        for name in ["X-Subject-Token", "x-swr-dockerlogin", "X-Client-Secret", "X-Auth-Token"] {
            #expect(Redaction.isSensitiveHeader(name), "\(name)")
        }
        #expect(!Redaction.isSensitiveHeader("Content-Range"))
        let text = ResponseHeaders(Self.fields).description
        #expect(!text.contains("MII-secret-token") && !text.contains("docker login"), "\(text)")
        #expect(text.contains("Content-Range: 0-10/42"))
    }

    @Test func anOutputIsDescribedWithItsSecretsHidden() {
        struct Body: Sendable { var id = "b-1" }
        struct Output { var body = Body() }
        let mirror = ResponseHeaders.mirror(
            of: Output(), body: Body(),
            headers: [
                ("xSubjectToken", "X-Subject-Token", "MII-secret-token"), ("contentRange", "Content-Range", "0-10/42"),
                ("xTotalCount", "X-Total-Count", nil),
            ])
        #expect(
            ResponseHeaders.describe(mirror)
                == "Output(body: Body(id: \"b-1\"), xSubjectToken: <redacted>, contentRange: 0-10/42, xTotalCount: nil)")
        #expect(ResponseHeaders.describe(ResponseHeaders.mirror(of: Output(), body: nil, headers: [])) == "Output()")
    }

    /// `dump(_:)` reads the mirror, which hides what ``ResponseHeaders/description`` hides.
    @Test func aDumpOfTheFieldsHidesSecrets() {
        var dumped = ""
        dump(ResponseHeaders(Self.fields), to: &dumped)
        #expect(!dumped.contains("MII-secret-token") && !dumped.contains("docker login"), "\(dumped)")
        #expect(dumped.contains("0-10/42"))
    }
}
