import APISchema
import Foundation
import Testing

@testable import SwiftEmitter

/// What `otc` is built from besides each service's commands: the generated list of command groups with the
/// documentation each came from, and the body templates written as raw literals.
@Suite struct SwiftCommandIndexTests {
    @Test func theIndexRegistersEveryServiceWithItsDocumentation() throws {
        let file = try SwiftEmitter(templatesDirectory: SwiftEmitterGoldenTests.templates).renderCommandIndex(services: [
            ServiceConfig(name: "ECS", docs: "../docs/ecs/site", endpointPrefix: "ecs",
                          docsURL: URL(string: "https://docs.example/ecs/")),
            ServiceConfig(name: "FunctionGraph", docs: "../docs/functiongraph/site", endpointPrefix: "functiongraph"),
        ])
        #expect(file.path == "OTCServices.swift")
        #expect(file.contents.contains("import ECSCLI\nimport FunctionGraphCLI\n"))
        #expect(file.contents.contains("ECSCLI.ECSCommand.self,\n            FunctionGraphCLI.FunctionGraphCommand.self\n"))
        #expect(file.contents.contains("""
                    ServiceSource(
                        command: "ecs", service: "ECS",
                        docs: "../docs/ecs/site",
                        docsURL: "https://docs.example/ecs/"),
            """))
        #expect(file.contents.contains("command: \"functiongraph\", service: \"FunctionGraph\""))
        #expect(file.contents.contains("docsURL: nil)\n"))
        #expect(file.contents.contains("generatorVersion = \"\(SwiftEmitter.generatorVersion)\""))
    }

    @Test func bodyTemplatesAreRawLiterals() {
        #expect(SwiftNames.rawLiteral(#"{"a": ""}"#, column: 10, indent: 4) == ##"#"{"a": ""}"#"##)
        let long = "{" + (1...30).map { #""field\#($0)": """# }.joined(separator: ", ") + "}"
        let literal = SwiftNames.rawLiteral(long, column: 29, indent: 4)
        let lines = literal.split(separator: "\n").map(String.init)
        #expect(lines.first == ##"#""""##)
        #expect(lines.last == ##"        """#"##)
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.count <= SwiftDocComment.lineWidth })
        // Continuations add no newline: joined back, the lines are the text.
        let body = lines.dropFirst().dropLast().map { $0.dropFirst(8) }
            .map { $0.hasSuffix(" \\#") ? String($0.dropLast(2)) : String($0) }.joined()
        #expect(body == long)
        // A text a raw literal cannot hold as it is is escaped instead.
        #expect(SwiftNames.rawLiteral(##"a"#b"##, column: 0, indent: 0) == ##""a\"#b""##)
    }
}
