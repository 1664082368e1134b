import Foundation
import TestSupport
import Testing

@testable import CloudCore

@Suite struct ResponseDecodingErrorTests {
    struct Server: Decodable {
        struct Address: Decodable { var version: Int }
        var addresses: [Address]
    }

    func error(decoding json: String) throws -> ResponseDecodingError {
        do {
            _ = try JSONModelDecoder().decode(Server.self, from: Data(json.utf8))
        } catch let error as DecodingError {
            return ResponseDecodingError(operation: "RebuildECS", status: 200, decoding: error)
        }
        throw CancellationError()
    }

    @Test func namesThePathAndTheMismatch() throws {
        let mismatch = try error(decoding: #"{"addresses": [{"version": 4}, {"version": "six"}]}"#)
        #expect(mismatch.path == "addresses[1].version")
        #expect(mismatch.description == "the 200 response of RebuildECS does not fit its documented model at `addresses[1].version`: expected Int")

        let missing = try error(decoding: #"{"addresses": [{}]}"#)
        #expect(missing.path == "addresses[0].version")
        #expect(missing.reason == "a required field is missing")

        let tooLarge = try error(decoding: #"{"addresses": [{"version": 4}, {"version": 99999999999999999999}]}"#)
        #expect(tooLarge.path == "addresses[1].version")
        #expect(tooLarge.reason == "the value cannot be read as its type" && !tooLarge.description.contains("9999"))

        let notJSON = try error(decoding: #"{"addresses": [}"#)
        #expect(notJSON.path.isEmpty && notJSON.reason == "not valid JSON")

        let object = try error(decoding: #"{"addresses": {"v4": []}}"#)
        #expect(object.path == "addresses")
        #expect(!object.description.contains("v4"), "the body's content is not repeated")
    }

    @Test func overHTTPItCarriesTheStatusRequestIdAndARedactedExcerpt() async throws {
        let body = #"{"addresses": {"v4": []}, "password": "hunter2", "padding": "\#(String(repeating: "x", count: 400))"}"#
        let server = try await LoopbackServer.start { _, _ in
            .respond(status: 202, headers: [("X-Request-Id", "req-rebuild")], body: body)
        }
        defer { Task { await server.shutdown() } }
        let client = try makeClient(server)
        do {
            _ = try await client.send(OperationRequest(operation: "RebuildECS", method: .post, path: "/v1/x"), as: Server.self)
            Issue.record("expected a decoding error")
        } catch let error as ResponseDecodingError {
            #expect(error.status == 202 && error.requestID == "req-rebuild" && error.path == "addresses")
            #expect(error.bodyExcerpt.hasPrefix(#"{"addresses": {"v4": []}, "password": "<redacted>""#))
            #expect(error.bodyExcerpt.count < 320 && !error.bodyExcerpt.contains("hunter2"))
            #expect(!error.description.contains("<redacted>"), "the description never shows the body")
        }
    }

    @Test func aBodyThatCannotBeEncodedIsAClientErrorWithItsCause() async throws {
        struct Unencodable: Encodable, Sendable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(Double.nan, .init(codingPath: [], debugDescription: "NaN is not JSON"))
            }
        }
        let client = try ServiceClient(
            endpoint: URL(string: "http://127.0.0.1:9")!,
            configuration: ClientConfiguration(credentials: StaticCredentialProvider(accessKey: "A", secretKey: "S"), projectID: "p"))
        do {
            try await client.send(OperationRequest(operation: "CreateThing", method: .post, path: "/v1/x", body: Unencodable()))
            Issue.record("expected a client error")
        } catch let error as ClientError {
            #expect(error.operation == "CreateThing" && error.underlying is EncodingError)
            #expect(error.description.hasPrefix("the request body could not be encoded (CreateThing): "))
        }
    }
}
