import APISchema
import Testing

@testable import SwiftEmitter

/// What the Swift emitter leaves out of a schema, it reports to the run's collector: a warning that names the
/// operation, what was left out and why.
@Suite struct SwiftEmitterDiagnosticsTests {
    static func render(_ schema: ServiceSchema) throws -> (text: String, diagnostics: [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let files = try SwiftEmitter(templatesDirectory: SwiftEmitterGoldenTests.templates)
            .renderCommandLine(schema, diagnostics: &diagnostics)
        return (files.map(\.contents).joined(), diagnostics.diagnostics)
    }

    @Test func everythingEmittedMeansNoDiagnostics() throws {
        #expect(try Self.render(SwiftEmitterGoldenTests.fixtureSchema()).diagnostics == [])
    }

    @Test func aWaiterWhoseStateFieldIsNotInTheResponseIsReported() throws {
        var schema = try SwiftEmitterGoldenTests.fixtureSchema()
        schema.waiters[0].stateField = ["phase"]
        let (text, diagnostics) = try Self.render(schema)
        #expect(!text.contains("WaitForNotebook"))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.id == .waiterNotEmitted && diagnostic.severity == .warning)
        #expect(diagnostic.location.page == schema.operations.first { $0.id == "ShowNotebook" }?.sourcePage)
        #expect(
            diagnostic.message
                == "waiter Notebook left out of the SDK and the commands: its state field `phase` is not a field of "
                + "ShowNotebook's response")
    }

    @Test func aWaitWithoutTheCreatedIdIsReported() throws {
        var schema = try SwiftEmitterGoldenTests.fixtureSchema()
        schema.waiters[0].startedBy[0].idField = ["notebook_id"]
        let (text, diagnostics) = try Self.render(schema)
        #expect(text.contains("WaitForNotebookCommand"), "the waiter itself stays")
        #expect(
            diagnostics.map(\.message) == [
                "CreateNotebook: no --wait for waiter Notebook: the created id `notebook_id` is not a field of the response"
            ])
        #expect(diagnostics.map(\.id) == [.waitNotOffered])
    }
}
