import APISchema
import Foundation
import SchemaDiff
import Testing

/// The change report between the two versions of `PagePairs`: every kind of change, its classification, and the
/// Markdown and JSON reports pinned by golden files. `UPDATE_GOLDEN=1 swift test --filter ChangeReportTests`
/// rewrites them (and records an issue, so that an update never passes silently).
@Suite struct ChangeReportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")
    static let diff = SchemaDiffer.diff(
        old: PagePairs.old, new: PagePairs.new, oldLabel: "widgets-2022", newLabel: "widgets-2024")

    func change(_ operation: String?, _ location: String) -> APIChange? {
        Self.diff.changes.first { $0.operation == operation && $0.location == location }
    }

    @Test func everyKindOfChangeIsFound() {
        let kinds = Set(Self.diff.changes.map(\.kind))
        let missing = APIChange.Kind.allCases.filter { !kinds.contains($0) }
        #expect(missing.isEmpty, "kinds the page pair should show: \(missing)")
    }

    @Test func operationsAreMatchedByPathThenByName() {
        let renamed = change("RestartWidget", "POST /v1/{project_id}/widgets/{widget_id}/reboot")
        #expect(renamed?.kind == .operationRenamed && renamed?.detail == "renamed from RebootWidget")
        #expect(renamed?.oldPage == "RebootWidget.html" && renamed?.newPage == "RestartWidget.html")
        let moved = change("ExportWidget", "POST /v2/{project_id}/widgets/{widget_id}/export")
        #expect(moved?.kind == .operationMoved && moved?.impact == .runtimeBreaking)
        #expect(change("ListGizmos", "GET /v1/{project_id}/gizmos")?.kind == .operationRemoved)
        #expect(change("ListWidgets", "GET /v1/{project_id}/widgets")?.kind == .operationAdded)
        // A renamed path parameter does not move the operation: only the parameter is renamed.
        #expect(change("ShowWidget", "path parameter id")?.kind == .parameterRenamed)
        #expect(!Self.diff.changes.contains { $0.operation == "ShowWidget" && $0.kind == .operationMoved })
    }

    @Test func classificationFollowsTheGeneratedSwift() {
        let expected: [(String, APIChange.Kind, APIChange.Impact)] = [
            ("query parameter region_id", .parameterAdded, .sourceBreaking),  // a new argument without default
            ("query parameter trace", .parameterAdded, .compatible),  // `trace: Bool? = nil`
            ("header parameter dry_run", .parameterMoved, .runtimeBreaking),  // same label, another place
            ("header parameter X-Language", .parameterRemoved, .sourceBreaking),
            ("request body: size", .fieldTypeChanged, .sourceBreaking),
            ("request body: color", .enumValueRemoved, .sourceBreaking),  // `.green` is gone
            ("request body: owner", .fieldAdded, .sourceBreaking),  // a required initialiser parameter
            ("request body: note", .fieldAdded, .compatible),
            ("request body: volume.capacity", .fieldRequiredChanged, .sourceBreaking),
            ("request body: volume.kind", .fieldRenamed, .sourceBreaking),
            ("response 200: status", .enumValueAdded, .compatible),  // open enums decode new values
            ("response 200: created_at", .fieldAdded, .compatible),
            ("response 200: legacy", .fieldRemoved, .sourceBreaking),  // the property is gone
            ("response 200", .statusAdded, .compatible),
            ("response 201", .statusRemoved, .compatible),
        ]
        for (location, kind, impact) in expected {
            let found = Self.diff.changes.filter { $0.operation == "CreateWidget" && $0.location == location }
            #expect(found.contains { $0.kind == kind && $0.impact == impact }, "\(location): \(found)")
        }
        #expect(change("ShowWidget", "response 200: count")?.detail == "integer → any JSON")
        #expect(change("ShowWidget", "query parameter fields")?.impact == .sourceBreaking)
        #expect(change("ShowWidget", "query parameter verbose")?.detail == "became required")
        #expect(change(nil, "type Tag")?.kind == .typeRenamed && change(nil, "type Tag")?.detail == "renamed to Label")
        #expect(Self.diff.versionStep == .major)
    }

    @Test func reportsMatchTheirGoldenFiles() throws {
        try Self.compare(Self.diff.markdown(), golden: "widgets.md")
        try Self.compare(String(decoding: try Self.diff.json(), as: UTF8.self), golden: "widgets.json")
    }

    @Test func theReportIsStable() throws {
        // Another build of the same pages, and the changes handed over in another order: the same bytes.
        let again = SchemaDiffer.diff(old: PagePairs.old, new: PagePairs.new, oldLabel: "widgets-2022", newLabel: "widgets-2024")
        let shuffled = APIDiff(service: again.service, old: again.old, new: again.new, changes: again.changes.shuffled())
        #expect(try shuffled.json() == Self.diff.json())
        #expect(shuffled.markdown() == Self.diff.markdown())
    }

    @Test func identicalSchemasHaveNoChanges() {
        let same = SchemaDiffer.diff(old: PagePairs.new, new: PagePairs.new, oldLabel: "a", newLabel: "b")
        #expect(same.changes.isEmpty && same.versionStep == .none)
        #expect(same.summary == "Widgets: no API changes")
    }

    /// A list that filters by `project_id` in the query beside the path's `project_id`: each is compared with its
    /// namesake in the same place, whatever the order of the list.
    @Test func namesakeParametersAreMatchedByPlace() throws {
        var old = PagePairs.new
        let index = try #require(old.operations.firstIndex { $0.parameters.contains { $0.location == .path } })
        let path = try #require(old.operations[index].parameters.first { $0.location == .path })
        var query = path
        query.location = .query
        query.required = false
        query.type = .array(path.type)
        old.operations[index].parameters.append(query)
        var new = old
        new.operations[index].parameters.reverse()
        #expect(SchemaDiffer.diff(old: old, new: new, oldLabel: "a", newLabel: "b").changes.isEmpty)
        // The query namesake gone: that, and nothing of the path parameter.
        new.operations[index].parameters.removeAll { $0 == query }
        let diff = SchemaDiffer.diff(old: old, new: new, oldLabel: "a", newLabel: "b")
        #expect(diff.changes.map(\.kind) == [.parameterRemoved])
        #expect(diff.changes.first?.location == "query parameter \(path.name)")
    }

    @Test func additionsAloneAreAMinorStep() {
        var grown = PagePairs.new
        grown.operations.removeAll { $0.id == "ListWidgets" }
        let diff = SchemaDiffer.diff(old: grown, new: PagePairs.new, oldLabel: "a", newLabel: "b")
        #expect(diff.changes.map(\.kind) == [.operationAdded])
        #expect(diff.versionStep == .minor)
        #expect(diff.summary == "Widgets: +1 operations, −0, 1 changes, 0 breaking (minor version)")
    }

    static func compare(_ text: String, golden name: String) throws {
        let url = fixtures.appending(path: name + ".golden")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: fixtures, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            Issue.record("\(name).golden rewritten: review the diff, then run the tests without UPDATE_GOLDEN")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file")
    }
}
