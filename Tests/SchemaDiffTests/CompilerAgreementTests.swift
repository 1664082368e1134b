import APISchema
import Foundation
import SchemaDiff
import SwiftEmitter
import Testing
import TestSupport

/// The classification agrees with the compiler: for each change, a small client written against the SDK generated
/// from the old schema is type-checked against the SDK generated from the new one, and it compiles exactly when
/// the report calls the change not breaking at source level. Serialized: one compiler at a time, so that ten
/// parallel `swiftc` runs do not starve the rest of the suite of both cores.
@Suite(.serialized) struct CompilerAgreementTests {
    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var change: @Sendable (inout ServiceSchema) -> Void
        /// Statements in `func client(_ client: WidgetsClient) async throws`.
        var client: String
    }

    static let createRequest = #"_ = CreateWidgetRequest(name: "w", volume: VolumeSpec(category: "c"))"#

    static let cases: [Case] = [
        Case(description: "optional request field added", change: { $0.addProperty("note", to: "CreateWidgetRequest", required: false) }, client: createRequest),
        Case(description: "required request field added", change: { $0.addProperty("owner", to: "CreateWidgetRequest", required: true) }, client: createRequest),
        Case(description: "request field became optional", change: { $0.setRequired("category", of: "VolumeSpec", false) }, client: createRequest),
        Case(description: "request field became required", change: { $0.setRequired("capacity", of: "VolumeSpec", true) }, client: createRequest),
        Case(
            description: "response enum value added", change: { $0.setValues("status", of: "CreateWidgetResponse", ["CREATING", "RUNNING", "FAILED"]) },
            client: "func isRunning(_ response: CreateWidgetResponse) -> Bool { response.status == .running }"),
        Case(
            description: "response enum value removed", change: { $0.setValues("status", of: "CreateWidgetResponse", ["CREATING"]) },
            client: "func isRunning(_ response: CreateWidgetResponse) -> Bool { response.status == .running }"),
        Case(
            description: "response field type changed", change: { $0.setType("count", of: "ShowWidgetResponse", .string) },
            client: #"let count: Int? = try await client.showWidget(widgetID: "w").count; _ = count"#),
        Case(
            description: "operation renamed", change: { $0.renameOperation("RebootWidget", to: "RestartWidget") },
            client: #"try await client.rebootWidget(widgetID: "w")"#),
        Case(
            description: "optional query parameter added",
            change: { $0.addParameter(Parameter(name: "trace", location: .query, required: false, type: .boolean), to: "ShowWidget") },
            client: #"_ = try await client.showWidget(widgetID: "w")"#),
        Case(
            description: "parameter moved from the query to a header",
            change: { $0.moveParameter("dry_run", of: "CreateWidget", to: .header) },
            client: #"_ = try await client.createWidget(CreateWidgetRequest(name: "w", volume: VolumeSpec(category: "c")), dryRun: true)"#),
    ]

    @Test(arguments: cases)
    func classificationAgreesWithTheCompiler(_ testCase: Case) async throws {
        let old = PagePairs.old
        var new = old
        testCase.change(&new)
        let diff = SchemaDiffer.diff(old: old, new: new, oldLabel: "old", newLabel: "new")
        try #require(!diff.changes.isEmpty, "the change is reported")
        let breaksSource = diff.changes.contains { $0.impact == .sourceBreaking }

        let againstOld = try await Self.typeCheck(testCase.client, against: old)
        try #require(againstOld.isEmpty, "the client compiles against the old SDK: \(againstOld)")
        let againstNew = try await Self.typeCheck(testCase.client, against: new)
        #expect(
            againstNew.isEmpty == !breaksSource,
            "report: \(diff.changes.map { "\($0.impact.rawValue): \($0.location) \($0.detail)" }); compiler: \(againstNew)")
    }

    /// Type-checks the generated module of `schema` with the client code, against the CloudCore the tests were
    /// built with; returns the compiler's error lines.
    static func typeCheck(_ client: String, against schema: ServiceSchema) async throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "agreement-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var diagnostics = DiagnosticCollector()
        let files = try SwiftEmitter(templatesDirectory: packageRoot.appending(path: "templates"))
            .render(schema, diagnostics: &diagnostics)
        for file in files { _ = try SpecFiles.writeIfChanged(Data(file.contents.utf8), to: folder.appending(path: file.path)) }
        let clientFile = folder.appending(path: "Client.swift")
        try Data("import CloudCore\n\nfunc client(_ client: WidgetsClient) async throws {\n\(client)\n}\n".utf8).write(to: clientFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["swiftc", "-typecheck", "-module-name", "Widgets", "-I", buildFolder.appending(path: "Modules").path]
            + moduleMaps.flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] }
            + (files.map { folder.appending(path: $0.path).path } + [clientFile.path])
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let output = await onOwnThread { errors.fileHandleForReading.readDataToEndOfFile() }
        await onOwnThread { process.waitUntilExit() }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        let errorLines = lines.filter { $0.contains("error:") }
        if process.terminationStatus != 0, errorLines.isEmpty { return ["swiftc exited \(process.terminationStatus)"] + lines }
        return errorLines
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder the tests were built into (`.build/<triple>/debug`, the first above the test binary with a
    /// `Modules` folder): CloudCore's module and its dependencies'.
    static let buildFolder: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appending(path: "Modules").path) {
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// The module maps of the C modules CloudCore's dependencies import (built ones, and those in checkouts).
    static let moduleMaps: [String] = {
        var maps: [String] = []
        let fileManager = FileManager.default
        for entry in (try? fileManager.contentsOfDirectory(atPath: buildFolder.path)) ?? [] where entry.hasSuffix(".build") {
            let map = buildFolder.appending(path: "\(entry)/module.modulemap")
            if fileManager.fileExists(atPath: map.path) { maps.append(map.path) }
        }
        let checkouts = packageRoot.appending(path: ".build/checkouts")
        if let enumerator = fileManager.enumerator(at: checkouts, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator
            where url.lastPathComponent == "module.modulemap" && url.path.contains("/Sources/") && url.path.contains("/include/") {
                maps.append(url.path)
            }
        }
        return maps.sorted()
    }()
}

extension ServiceSchema {
    fileprivate mutating func editProperties(of type: String, _ edit: (inout [Property]) -> Void) {
        guard let index = types.firstIndex(where: { $0.name == type }), case .object(var properties) = types[index].kind
        else { return }
        edit(&properties)
        types[index].kind = .object(properties)
    }

    fileprivate mutating func addProperty(_ name: String, to type: String, required: Bool) {
        editProperties(of: type) { $0.append(Property(name: name, type: .string, required: required)) }
    }

    fileprivate mutating func setRequired(_ name: String, of type: String, _ required: Bool) {
        editProperties(of: type) { properties in
            for index in properties.indices where properties[index].name == name { properties[index].required = required }
        }
    }

    fileprivate mutating func setValues(_ name: String, of type: String, _ values: [String]) {
        editProperties(of: type) { properties in
            for index in properties.indices where properties[index].name == name {
                properties[index].enumValues = values.map { EnumValue(value: $0) }
            }
        }
    }

    fileprivate mutating func setType(_ name: String, of type: String, _ newType: TypeRef) {
        editProperties(of: type) { properties in
            for index in properties.indices where properties[index].name == name { properties[index].type = newType }
        }
    }

    fileprivate mutating func renameOperation(_ id: String, to newID: String) {
        for index in operations.indices where operations[index].id == id { operations[index].id = newID }
    }

    fileprivate mutating func addParameter(_ parameter: Parameter, to operation: String) {
        for index in operations.indices where operations[index].id == operation { operations[index].parameters.append(parameter) }
    }

    fileprivate mutating func moveParameter(_ name: String, of operation: String, to location: Parameter.Location) {
        for index in operations.indices where operations[index].id == operation {
            for p in operations[index].parameters.indices where operations[index].parameters[p].name == name {
                operations[index].parameters[p].location = location
            }
        }
    }
}
