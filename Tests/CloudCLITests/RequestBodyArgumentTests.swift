import Foundation
import Testing

@testable import CloudCLI

/// `--body` is decoded strictly but for the spelling of scalars: what Codable would silently drop is reported by JSON
/// path.
@Suite struct RequestBodyArgumentTests {
    struct Volume: Codable, Equatable {
        var category: String
        var capacity: Int?
    }

    struct Notebook: Codable, Equatable {
        var name: String
        var volumes: [Volume]?
        var tags: [String: String]?
    }

    func message(_ argument: String) -> String? {
        do {
            _ = try RequestBodyArgument.decode(Notebook.self, from: argument)
            return nil
        } catch {
            return (error as? UsageError)?.description ?? "not a usage error: \(error)"
        }
    }

    @Test func aBodyThatFitsIsDecoded() throws {
        let body = try RequestBodyArgument.decode(
            Notebook.self, from: #"{"name": "n", "volumes": [{"category": "EVS", "capacity": 5}], "tags": {"any": "key"}}"#)
        #expect(body == Notebook(name: "n", volumes: [Volume(category: "EVS", capacity: 5)], tags: ["any": "key"]))
    }

    @Test func unknownFieldsAreNamedByTheirPathAtEveryDepth() {
        let text = message(#"{"name": "n", "nmae": "x", "volumes": [{"category": "a"}, {"category": "b", "capacty": 1}]}"#)
        #expect(text?.contains("`nmae`, `volumes[1].capacty`") == true, "\(text ?? "accepted")")
    }

    /// The pages' examples write numbers as strings and the other way round; the body is read as the model types it.
    @Test func scalarsAreReadAsTheExamplesSpellThem() throws {
        let body = try RequestBodyArgument.decode(Notebook.self, from: #"{"name": 5, "volumes": [{"category": "EVS", "capacity": "40"}]}"#)
        #expect(body == Notebook(name: "5", volumes: [Volume(category: "EVS", capacity: 40)]))
    }

    @Test func nullsAndMapKeysAreNotUnknownFields() {
        #expect(message(#"{"name": "n", "volumes": null, "undocumented": null, "tags": {"free-form": "v"}}"#) == nil)
    }

    @Test func typeAndRequirednessErrorsNameTheField() {
        #expect(message(#"{"name": [5]}"#)?.contains("field `name` must be a string, found an array") == true)
        let notANumber = message(#"{"name": "n", "volumes": [{"category": "a", "capacity": "five"}]}"#)
        #expect(notANumber?.contains("volumes[0].capacity") == true, "\(notANumber ?? "accepted")")
        let missing = message(#"{"name": "n", "volumes": [{"capacity": 5}]}"#)
        #expect(missing?.contains("missing required field `volumes[0].category` (given: capacity)") == true, "\(missing ?? "")")
        #expect(message(#"{"name": "n""#)?.hasPrefix("--body is not valid JSON") == true)
    }

    @Test func aFileIsReadAfterTheAtSign() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "body-\(UUID().uuidString).json")
        try Data(#"{"name": "from-file"}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try RequestBodyArgument.decode(Notebook.self, from: "@\(file.path)").name == "from-file")
        #expect(message("@/nonexistent/body.json")?.contains("cannot read file '/nonexistent/body.json'") == true)
    }
}
