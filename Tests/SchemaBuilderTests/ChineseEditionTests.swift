import APISchema
import DocReader
import Foundation
import Testing

@testable import SchemaBuilder

/// Issue #30: the reference in its original language. The same page in English, in Chinese, and mixed, yields the
/// same operations, parameters, bodies, responses, types and value lists; only the prose differs.
@Suite struct ChineseEditionTests {
    static let english = BilingualPages.build(headings: .english, tables: .english)
    static let chinese = BilingualPages.build(headings: .chinese, tables: .chinese)

    @Test func theEnglishPagesAreReadWhole() throws {
        let create = try #require(Self.english.operations.first { $0.id == "CreatePool" })
        #expect(create.method == "POST" && create.path == "/v1/{project_id}/pools")
        #expect(create.parameters.map { "\($0.location.rawValue) \($0.name) \($0.required)" } == [
            "path project_id true", "query dry_run false", "query mode false", "header X-Language false",
        ])
        #expect(create.parameters.first { $0.name == "dry_run" }?.type == .boolean)
        #expect(create.parameters.first { $0.name == "mode" }?.enumValues?.map(\.value) == ["FAST", "SAFE"])
        let body = Self.english.properties("CreatePoolRequest")
        #expect(body.map(\.name) == ["name", "tier", "tags", "labels", "size"])
        #expect(body.map(\.required) == [true, false, false, false, false])
        #expect(body.first { $0.name == "tier" }?.enumValues?.map(\.value) == ["GOLD", "SILVER", "BRONZE"])
        #expect(body.first { $0.name == "tags" }?.type == .array(.named("PoolTag")))
        #expect(body.first { $0.name == "labels" }?.type == .map(.string))
        #expect(body.first { $0.name == "size" }?.type == .integer)
        #expect(create.responses.map(\.status) == [201, 400])
        #expect(create.responses.first?.type == .named("CreatePoolResponse"))
        #expect(Self.english.properties("CreatePoolResponse").first { $0.name == "status" }?.enumValues?.map(\.value) == ["CREATING", "READY"])
        #expect(create.requestExamples.count == 1 && create.responses.first?.examples.count == 1)
        let show = try #require(Self.english.operations.first { $0.id == "ShowPool" })
        #expect(show.parameters.map(\.name) == ["project_id", "pool_name"])
        #expect(show.responses.map(\.status) == [200])
        #expect(Self.english.properties("ShowPoolResponse").first { $0.name == "kind" }?.enumValues?.map(\.value) == ["ALPHA", "BETA"])
        #expect(Self.english.properties("PoolTag").map(\.name) == ["key", "values"])
        // Without a Type column, the description says a flag or a count.
        #expect(Self.english.properties("ListPoolsResponse").map(\.type) == [.boolean, .integer, .string])
    }

    @Test func theChinesePagesYieldTheSameSchema() {
        #expect(Self.chinese.structure == Self.english.structure)
        #expect(Self.chinese.operations.first?.summary == "创建一个资源池。")
        #expect(Self.chinese.properties("CreatePoolRequest").first?.description == "名称。")
    }

    @Test(arguments: [(Edition.chinese, Edition.english), (Edition.english, Edition.chinese)])
    func mixedPagesYieldTheSameSchema(headings: Edition, tables: Edition) {
        #expect(BilingualPages.build(headings: headings, tables: tables).structure == Self.english.structure)
    }

    @Test func chineseDescriptionsLeaveIdentifiersASCII() {
        func isIdentifier(_ name: String) -> Bool {
            name.first?.isLetter == true && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
        #expect(Self.chinese.operations.allSatisfy { isIdentifier($0.id) })
        #expect(Self.chinese.types.allSatisfy { isIdentifier($0.name) })
    }

    @Test func statusLinesInBothSpellings() {
        for line in ["Status code: 201", "状态码: 201", "状态码：201", "状态码： 201"] {
            #expect(PageClassifier.statusCode(in: line) == 201, "\(line)")
        }
    }

    @Test func chineseCaptionsAreNumbered() throws {
        let page = DocReader.parse(html: Edition.chinese.table(3, "请求Body参数", header: ["参数"], rows: [["a"]]), path: "x.html")
        guard case .table(let table)? = page.blocks.first(where: { if case .table = $0 { true } else { false } }) else {
            Issue.record("no table")
            return
        }
        #expect(table.number == 3)
        #expect(table.title == "请求Body参数")
    }

    @Test func aResponseHeaderTableIsNeitherParameterNorBody() {
        for edition in [Edition.english, .chinese] {
            let page = """
                <h1>\(edition.text("Deleting a Pool", "删除资源池"))</h1>
                \(BilingualPages.section("URI", "<p>DELETE /v1/pools/{pool_name}</p>"))
                \(BilingualPages.section(edition.response, """
                    <p>\(edition.statusLine(202))</p>
                    \(edition.table(1, edition.text("Response header parameters", "响应Header参数"), header: edition.responseHeader, rows: [["X-Request-Id", "String", "ID"]]))
                    \(edition.table(2, edition.responseCaption, header: edition.responseHeader, rows: [["job_id", "String", "ID"]]))
                    """))
                """
            let schema = Fixtures.build([("DeletePool.html", page)])
            let operation = schema.operations.first
            #expect(operation?.parameters.map(\.name) == ["pool_name"])
            #expect(operation?.responses.map(\.status) == [202])
            #expect(operation?.responses.first?.headers.map(\.name) == ["X-Request-Id"])
            #expect(schema.properties("DeletePoolResponse").map(\.name) == ["job_id"])
        }
    }

    @Test func tablesNoVocabularyKnowsAreReported() throws {
        let page = """
            <h1>プールの作成</h1>
            \(BilingualPages.section("URI", "<p>POST /v1/pools</p>"))
            \(BilingualPages.section("请求参数", Fixtures.table(1, "リクエストボディ", header: ["パラメータ", "必須", "型", "説明"], rows: [["name", "はい", "String", "名前"]])))
            """
        let schema = Fixtures.build([("CreatePool.html", page)])
        let diagnostic = try #require(schema.diagnostics.first { $0.id == .unrecognisedTable })
        #expect(diagnostic.location.page == "CreatePool.html")
        #expect(diagnostic.location.table == "Table 1 リクエストボディ")
        #expect(diagnostic.message.contains("パラメータ | 必須 | 型 | 説明"))
    }

    @Test func theVocabularyHasBothLanguagesForEveryConcept() {
        for concept in Concept.allCases {
            #expect(Vocabulary.entries[concept]?[.english] != nil, "\(concept)")
            #expect(Vocabulary.entries[concept]?[.chinese] != nil, "\(concept)")
        }
    }
}

/// A Chinese title is no name: without an API name or an official one, the operation is named from its method and
/// path, with a diagnostic.
@Suite struct ChineseTitleNamingTests {
    @Test(arguments: [
        ("GET", "/v1/{project_id}/pools/{pool_name}", "ShowPool"),
        ("GET", "/v2/{project_id}/pools/{pool_name}/nodes", "ListNodes"),
        ("POST", "/v1/{project_id}/pools", "CreatePool"),
        ("POST", "/v1/{project_id}/notebooks/{id}/start", "StartNotebook"),
        ("PUT", "/v1/{project_id}/pools/{pool_name}", "UpdatePool"),
        ("PATCH", "/v1/{project_id}/node-pools/{id}", "UpdateNodePool"),
        ("DELETE", "/v1/{project_id}/pools/{pool_name}", "DeletePool"),
        ("GET", "/v1/{project_id}", "Operation"),
    ])
    func namesFromMethodAndPath(method: String, path: String, expected: String) {
        let name = TitleName(title: "查询资源池", method: method, path: path)
        #expect(name.id == expected)
        #expect(name.isFromPath)
    }

    @Test func englishTitlesAreStillRead() {
        let name = TitleName(title: "Querying a Pool", method: "GET", path: "/v1/pools/{id}")
        #expect(name.id == "ShowPool")
        #expect(!name.isFromPath)
    }

    @Test func aPageWithAChineseTitleAndNoAPINameIsNamedFromItsPath() throws {
        let page = BilingualPages.showPool(headings: .chinese, tables: .chinese)
        let schema = Fixtures.build([("modelarts_03_0001.html", page)])
        let operation = try #require(schema.operations.first)
        #expect(operation.id == "ShowPool")
        #expect(operation.title == "查询资源池")
        let diagnostic = try #require(schema.diagnostics.first { $0.id == .nameFromPath })
        #expect(diagnostic.location.page == "modelarts_03_0001.html")
        #expect(diagnostic.message.contains("GET /v1/{project_id}/pools/{pool_name}"))
    }

    @Test func aChineseChapterTitleNamesNoGroup() {
        let toc = TableOfContents(entries: [
            .init(title: "资源池管理", uri: "pools.html", code: "1", p_code: nil),
            .init(title: "查询资源池", uri: "ShowPool.html", code: "2", p_code: "1"),
        ])
        let page = BilingualPages.showPool(headings: .chinese, tables: .chinese)
        let schema = Fixtures.build([("ShowPool.html", page)], toc: toc)
        #expect(schema.operations.map(\.group) == ["Pools"])
        #expect(schema.groups.map(\.name) == ["Pools"])
    }

    @Test func theFileNameStillWins() {
        let schema = Fixtures.build([("ShowPool.html", BilingualPages.showPool(headings: .chinese, tables: .chinese))])
        #expect(schema.operations.map(\.id) == ["ShowPool"])
        #expect(!schema.diagnostics.contains { $0.id == .nameFromPath })
    }
}
