import Foundation
import ArgumentParser
import CloudCore
import Testing

@testable import CloudCLI

/// `--output table`: the element list's scalar columns; everything else prints as JSON.
@Suite struct TableOutputTests {
    static let servers: JSONValue = .object([
        "count": .integer(2),
        "servers": .array([
            .object(["id": .string("s-1"), "name": .string("web"), "flavor": .object(["id": .string("s2.large")]),
                     "locked": .bool(false)]),
            .object(["id": .string("s-22"), "name": .string("database server"), "locked": .bool(true),
                     "progress": .integer(100)]),
        ]),
    ])

    @Test func theElementListIsATableOfItsScalarFields() {
        #expect(TableOutput.render(Self.servers) == """
            id    locked  name             progress
            s-1   false   web
            s-22  true    database server  100
            """)
    }

    @Test func aTopLevelArrayIsTheElementList() {
        let value: JSONValue = .array([.object(["a": .integer(1)]), .object(["a": .null, "b": .double(1.5)])])
        #expect(TableOutput.render(value) == "a  b\n1\n   1.5")
    }

    @Test func theLongestListIsChosen() {
        let value: JSONValue = .object([
            "links": .array([.object(["href": .string("x")])]),
            "items": .array([.object(["id": .integer(1)]), .object(["id": .integer(2)])]),
        ])
        #expect(TableOutput.render(value) == "id\n1\n2")
    }

    @Test func whatListsNothingIsNoTable() {
        #expect(TableOutput.render(.object(["id": .string("s-1"), "name": .string("web")])) == nil)
        #expect(TableOutput.render(.object(["servers": .array([])])) == nil)
        #expect(TableOutput.render(.array([.string("a"), .string("b")])) == nil)
        #expect(TableOutput.render(.array([.object(["nested": .object([:])])])) == nil)
    }

    @Test func longAndMultiLineValuesStayOnOneLine() {
        let long = String(repeating: "x", count: 100)
        #expect(TableOutput.cell(.string(long)).count == TableOutput.maxCellWidth)
        #expect(TableOutput.cell(.string("two\nlines")) == "two lines")
        #expect(TableOutput.cell(nil) == "")
    }

    @Test func aNonTableResponsePrintsAsJSON() {
        let body = Data(#"{"id": "s-1"}"#.utf8)
        #expect(OperationRunner.rendered(body, as: .table) == "{\n  \"id\" : \"s-1\"\n}")
    }

    @Test func theFormatIsAnOption() throws {
        #expect(try OutputOptions.parse(["--output", "table"]).output == .table)
        #expect(try OutputOptions.parse([]).output == .json)
        #expect(throws: (any Error).self) { try OutputOptions.parse(["--output", "yaml"]) }
    }
}
