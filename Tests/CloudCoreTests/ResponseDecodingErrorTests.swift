import Foundation
import Testing

@testable import CloudCore

@Suite struct ResponseDecodingErrorTests {
    struct Server: Decodable {
        struct Address: Decodable { var version: Int }
        var addresses: [Address]
    }

    func error(decoding json: String) throws -> ResponseDecodingError {
        do {
            _ = try JSONDecoder().decode(Server.self, from: Data(json.utf8))
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

        let object = try error(decoding: #"{"addresses": {"v4": []}}"#)
        #expect(object.path == "addresses")
        #expect(!object.description.contains("v4"), "the body's content is not repeated")
    }
}
