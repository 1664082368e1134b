import APISchema
import Foundation
import Testing

@testable import SwiftEmitter

/// Pins the Swift the emitter writes for a small hand-written service. `UPDATE_GOLDEN=1 swift test` rewrites the
/// golden files (and records an issue, so that an update never passes); review the diff like hand-written code.
@Suite struct SwiftEmitterGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates")
    static let golden = fixtures.appendingPathComponent("SwiftGolden")

    static func fixtureSchema() throws -> ServiceSchema {
        try JSONDecoder().decode(
            ServiceSchema.self, from: Data(contentsOf: fixtures.appendingPathComponent("swift-fixture-service.json")))
    }

    static func render() throws -> [GeneratedFile] { try renderLibrary(fixtureSchema()) }

    static func renderLibrary(_ schema: ServiceSchema) throws -> [GeneratedFile] {
        var diagnostics = DiagnosticCollector()
        return try SwiftEmitter(templatesDirectory: templates).render(schema, diagnostics: &diagnostics)
    }

    static func renderCommandLine() throws -> [GeneratedFile] {
        var diagnostics = DiagnosticCollector()
        return try SwiftEmitter(templatesDirectory: templates).renderCommandLine(fixtureSchema(), diagnostics: &diagnostics)
    }

    @Test func outputMatchesGoldenFiles() throws {
        try Self.compare(try Self.render(), with: Self.golden)
    }

    /// The command-line client of the same service: one subcommand per operation, calling the library.
    @Test func commandLineOutputMatchesGoldenFiles() throws {
        try Self.compare(try Self.renderCommandLine(), with: Self.fixtures.appendingPathComponent("SwiftGoldenCLI"))
    }

    static func compare(_ files: [GeneratedFile], with golden: URL) throws {
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            for file in files {
                try SpecFiles.writeIfChanged(
                    Data(file.contents.utf8), to: golden.appendingPathComponent(file.path + ".golden"))
            }
            Issue.record("\(golden.lastPathComponent) rewritten: review the diff, then run the tests without UPDATE_GOLDEN")
            return
        }
        let expected = (FileManager.default.subpaths(atPath: golden.path) ?? [])
            .filter { $0.hasSuffix(".golden") }.map { String($0.dropLast(".golden".count)) }.sorted()
        #expect(files.map(\.path) == expected)
        for file in files {
            let text = try String(contentsOf: golden.appendingPathComponent(file.path + ".golden"), encoding: .utf8)
            #expect(file.contents == text, "\(file.path) differs from its golden file")
        }
    }

    @Test func outputIsDeterministicAndSorted() throws {
        for render in [Self.render, Self.renderCommandLine] {
            let first = try render()
            let second = try render()
            #expect(first == second)
            #expect(first.map(\.path) == first.map(\.path).sorted())
        }
    }

    /// Help titles stay distinct when two table-of-contents groups share a title.
    @Test func commandGroupTitlesAreDistinct() {
        let groups = SwiftModulePlan.Groups(
            names: [:], titles: ["DiskManagement": "Disk Management", "NovaDiskManagement": "Disk Management", "Tags": "Tags"])
        #expect(
            SwiftCommandPlan.distinctTitles(of: ["DiskManagement", "NovaDiskManagement", "Tags"], groups) == [
                "DiskManagement": "Disk Management", "NovaDiskManagement": "Disk Management (Nova)", "Tags": "Tags",
            ])
    }

    @Test func longStringsBecomeWrappedMultiLineLiterals() {
        #expect(SwiftNames.wrappedLiteral("short", column: 10, indent: 4) == "\"short\"")
        let text = String(repeating: "word ", count: 40) + "end \"quoted\"\nsecond paragraph"
        let literal = SwiftNames.wrappedLiteral(text, column: 14, indent: 8)
        let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "\"\"\"" && lines.last == "            \"\"\"")
        #expect(lines.allSatisfy { $0.count <= SwiftDocComment.lineWidth })
        // Continuation lines end in a backslash (no newline); the text's own line break stays a real one.
        #expect(lines.dropFirst().dropLast().filter { $0.hasSuffix(" \\") }.count == lines.count - 4)
        #expect(lines.contains("            second paragraph"))
    }

    /// Files by meaning: the client and the service's error codes; per group its operations and the models only its
    /// operations use; one file for the models operations of several groups use.
    @Test func filesFollowGroupsAndOperations() throws {
        let paths = try Self.render().map(\.path)
        #expect(
            paths == [
                "DatasetManagement/DatasetManagement+Models.swift", "DatasetManagement/ListDatasets+Output.swift",
                "DatasetManagement/NotesClient+DatasetManagement.swift",
                "Models.swift",
                "NotebookManagement/CreateNotebook+Output.swift", "NotebookManagement/DeleteNotebook+Output.swift",
                "NotebookManagement/NotebookManagement+Models.swift",
                "NotebookManagement/NotesClient+NotebookManagement.swift", "NotebookManagement/ShowNotebook+Output.swift",
                "NotesClient.swift", "NotesErrorCode.swift",
            ])
    }

    /// A group's models file marks the types each operation uses alone, then those several of its operations use.
    @Test func modelsAreMarkedByTheOperationThatUsesThem() throws {
        let files = try Self.render()
        let models = try #require(files.first { $0.path == "NotebookManagement/NotebookManagement+Models.swift" })
        let marks = models.contents.split(separator: "\n").filter { $0.hasPrefix("// MARK: ") }
        #expect(marks == ["// MARK: - NotesClient.createNotebook", "// MARK: - Used by several operations"])
        #expect(models.contents.contains("// MARK: - NotesClient.createNotebook\n\n/// The request body of ``NotesClient/createNotebook``."))
    }

    /// An enumeration documented on two objects is one type both use, so a value read from one can be set on the
    /// other; one documented once stays nested in its model.
    @Test func recurringEnumsAreDeclaredOnce() throws {
        let files = try Self.render()
        let declarations = files.filter { $0.contents.contains("public struct Category: OpenEnum") }
        #expect(declarations.map(\.path) == ["Models.swift"])
        let models = files.map(\.contents).joined()
        #expect(models.contains("public var category: Category\n"))
        #expect(models.contains("public var category: Category?\n"))
        #expect(!models.contains("struct CategoryValue"))
        #expect(models.contains("    public struct Ownership: OpenEnum {"))
    }

    /// A body type that another has the same shape as is an alias of it: the method's signature keeps its name.
    @Test func aliasesAreTypealiasesUnderTheirOwnName() throws {
        var schema = try Self.fixtureSchema()
        let stop = try #require(schema.operations.firstIndex { $0.id == "StopNotebook" })
        schema.operations[stop].responses[0].type = .named("StopNotebookResponse")
        schema.types.append(
            NamedType(
                name: "StopNotebookResponse", description: "The stopped instance.", kind: .alias(target: "Notebook"),
                source: SourceLocation(page: "StopNotebook.html")))
        let text = try Self.renderLibrary(schema).map(\.contents).joined()
        #expect(text.contains("public func stopNotebook(id: String) async throws -> StopNotebookResponse {"))
        #expect(
            text.contains(
                "/// The response of ``NotesClient/stopNotebook``.\n///\n/// The stopped instance.\n"
                    + "public typealias StopNotebookResponse = Notebook\n"))
        #expect(text.components(separatedBy: "public struct Notebook:").count == 2, "declared once")
    }

    /// Models say what they are (the request or response of a method, or the field that holds them), not which
    /// table they were read from.
    @Test func modelsAreDocumentedByTheirRole() throws {
        let files = try Self.render()
        let text = files.map(\.contents).joined()
        #expect(text.contains("/// The response of ``NotesClient/listDatasets``."))
        #expect(!text.contains("/// Response body parameters"))
        #expect(!text.contains("- Returns: Response body parameters"))
    }
}

@Suite struct SwiftNamesTests {
    /// The spelling of a service configured with two of the cloud's initialisms.
    let spelling = SwiftSpelling(initialisms: ["ECS", "VPC"])

    @Test func wireNamesBecomeLowerCamelCase() {
        #expect(spelling.member("image_id") == "imageID")
        #expect(spelling.member("X-Language") == "xLanguage")
        #expect(spelling.member("datasetName") == "datasetName")
        #expect(spelling.member("ID") == "id")
        #expect(spelling.member("HTTPServer") == "httpServer")
        #expect(spelling.member("default") == "`default`")
        #expect(spelling.member("1st") == "_1st")
    }

    /// One rule for initialisms, whatever the source spells: all capitals, or all lower case at the start.
    @Test func initialismsAreUniformlyCased() {
        #expect(spelling.member("QueryAllApiVersions") == "queryAllAPIVersions")
        #expect(spelling.member("QueryAllAPIVersions") == "queryAllAPIVersions")
        #expect(spelling.member("DeleteECSs") == "deleteECSs")
        // OpenStack's `links` have a `self`: a property `self` could not be assigned (`self.`self``).
        #expect(spelling.member("self") == "selfValue")
        #expect(spelling.member("default") == "`default`")
        #expect(spelling.member("vpc_ids") == "vpcIDs")
        #expect(spelling.member("api_version") == "apiVersion")
        #expect(spelling.member("floating_ipv6_address") == "floatingIPv6Address")
        #expect(spelling.upperCamel("vpc_info") == "VPCInfo")
        #expect(spelling.upperCamel("QueryAZs") == "QueryAZs")
        #expect(spelling.upperCamel("AiApplicationManagement") == "AIApplicationManagement")
        // Capitals mark an initialism only in a name that also has lower-case letters.
        #expect(spelling.enumCase("MANUAL_ANNOTATION") == "manualAnnotation")
        #expect(spelling.enumCase("RUNNING") == "running")
        #expect(spelling.enumCase("HTTP_PROXY") == "httpProxy")
        // Ordinary words that contain an initialism's letters stay words.
        #expect(spelling.member("idle_timeout") == "idleTimeout")
        #expect(spelling.member("osVersion") == "osVersion")
        #expect(spelling.upperCamel("image_os") == "ImageOS")
    }

    /// Which words are initialisms is configuration: the general ones always, a service's only when its schema
    /// carries them.
    @Test func cloudInitialismsComeFromTheSchema() {
        let general = SwiftSpelling()
        #expect(general.upperCamel("vpc_info") == "VpcInfo")
        #expect(general.member("security_group_wafd") == "securityGroupWafd")
        #expect(general.member("floating_ip") == "floatingIP")
        var schema = ServiceSchema(name: "Widgets", endpoint: nil)
        schema.initialisms = ["VPC", "WAFD"]
        let configured = SwiftSpelling(for: schema)
        #expect(configured.upperCamel("vpc_info") == "VPCInfo")
        #expect(configured.member("security_group_wafds") == "securityGroupWAFDs")
        #expect(configured.typeName("1st_vpc") == "Value1stVPC")
    }

    /// The configured services' capitalised names are initialisms; a two-letter one (`AS`, the word `as`) and a
    /// name in mixed case (`ModelArts`) are not.
    @Test func serviceNamesAreTheVocabulary() {
        let services = ["ECS", "AS", "ModelArts", "VPCEP", "ECS"].map {
            ServiceConfig(name: $0, docs: "", endpointPrefix: nil)
        }
        let vocabulary = Vocabulary(initialisms: ["OBS", "ELB"])
        #expect(vocabulary.initialisms(of: services) == ["ECS", "ELB", "OBS", "VPCEP"])
    }

    /// The same sentence is said once in a comment; the pages restate defaults and constraints.
    @Test func docCommentsSayASentenceOnce() {
        let lines = SwiftDocComment("Name of the job. Default value: name.\nThe default value is x. Default value: name.")
            .lines(indent: 0)
        #expect(lines == ["/// Name of the job. Default value: name.", "/// The default value is x."])
    }

    @Test func enumCasesAvoidReservedMembers() {
        #expect(spelling.enumCase("EVS") == "evs")
        #expect(spelling.enumCase("x86_64") == "x86_64")
        #expect(spelling.enumCase("1") == "value1")
        #expect(spelling.enumCase("description") == "descriptionValue")
        #expect(spelling.enumCase("self") == "selfValue")
    }

    @Test func scopesDeduplicateInOrder() {
        var scope = NameScope()
        #expect(scope.claim("name") == "name")
        #expect(scope.claim("name") == "name2")
        #expect(scope.claim("`default`") == "`default`")
        #expect(scope.claim("`default`") == "default2")
    }

    @Test func docCommentsWrap() {
        let text = String(repeating: "word ", count: 40)
        let lines = SwiftDocComment(text).lines(indent: 4)
        #expect(lines.allSatisfy { $0.count + 4 <= SwiftDocComment.lineWidth })
        #expect(lines.count > 1)
    }
}
