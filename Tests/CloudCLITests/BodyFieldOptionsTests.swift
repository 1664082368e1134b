import CloudCore
import Foundation
import Testing

@testable import CloudCLI

/// Options named after the body's top-level fields, merged with `--body`: an option wins over the same key.
@Suite struct BodyFieldOptionsTests {
    struct Volume: Codable, Equatable {
        var category: String
    }

    struct Notebook: Codable, Equatable {
        var name: String
        var flavor: String
        var replicas: Int?
        var volume: Volume?
    }

    @Test func anOptionOverridesTheSameKeyOfTheBody() throws {
        let notebook = try RequestBodyArgument.decode(
            Notebook.self, from: #"{"name": "from-body", "flavor": "f", "volume": {"category": "EVS"}}"#,
            overriding: ["name": "nb-1", "replicas": 2, "flavor": nil])
        #expect(notebook == Notebook(name: "nb-1", flavor: "f", replicas: 2, volume: Volume(category: "EVS")))
    }

    @Test func optionsAloneMakeTheBody() throws {
        let notebook = try RequestBodyArgument.decode(
            Notebook.self, from: nil, overriding: ["name": "nb-1", "flavor": "x"])
        #expect(notebook == Notebook(name: "nb-1", flavor: "x"))
    }

    @Test func aRequiredFieldNeitherGivesIsNamed() {
        #expect {
            try RequestBodyArgument.decode(Notebook.self, from: nil, overriding: ["name": "nb-1"])
        } throws: { error in
            (error as? UsageError)?.description.contains("missing required field `flavor`") == true
        }
    }

    @Test func anOptionalBodyIsSentOnlyWhenSomethingGivesIt() throws {
        #expect(try RequestBodyArgument.decodeIfGiven(Notebook.self, from: nil, overriding: ["name": nil]) == nil)
        let given = try RequestBodyArgument.decodeIfGiven(
            Notebook.self, from: #"{"name": "n", "flavor": "f"}"#, overriding: ["name": nil])
        #expect(given == Notebook(name: "n", flavor: "f"))
    }

    @Test func theMergeKeepsTheOtherKeysAndTypes() throws {
        let merged = try RequestBodyArgument.merged(
            Data(#"{"a": 1, "b": {"c": true}}"#.utf8), ["a": Int64(5), "d": 0.5, "e": true])
        let value = try JSONModelDecoder().decode(JSONValue.self, from: merged)
        #expect(value == .object(["a": .integer(5), "b": .object(["c": .bool(true)]), "d": .double(0.5), "e": .bool(true)]))
    }

    @Test func aBodyThatIsNoObjectCannotTakeFieldOptions() {
        #expect {
            try RequestBodyArgument.decode(Notebook.self, from: "[1]", overriding: ["name": "n"])
        } throws: { error in
            (error as? UsageError)?.description.contains("must be a JSON object") == true
        }
    }
}
