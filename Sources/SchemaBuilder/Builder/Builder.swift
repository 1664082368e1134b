import APISchema
import DocReader
import Foundation

/// An operation's id, whether it is an API name users know, and its title's deprecation mark.
typealias PageName = (id: String, isAPIName: Bool, deprecation: String?)

/// DocPages → `ServiceSchema`, in stages:
/// - `RequestLine`: which pages are API pages; `PageWithoutOperation`: why each other page is not, or is lost;
/// - `PageClassifier`: what each section and table of a page is for (parameters, body, responses, statuses);
/// - `ExampleReader`, `PageExamples`: the JSON examples of a page and the shapes they show per field;
/// - `TableReferences`: which table a row's link, "Table N" or type name points at (built once, read only);
/// - `ParameterReader`, `PropertyReader`, `TableTypes`, `OperationReader`: rows → parameters and properties,
///   tables → draft types in a `DraftTypeStore`, pages → operations;
/// - `BodyWrappers`, `ExampleReconciler`: corrections the examples call for;
/// - `TypeNaming`, `GroupIndex`: the final, unique names (`UniqueNames`) of types and groups.
struct Builder {
    let pages: [PageModel]
    let toc: TableOfContents
    let references: TableReferences
    let apiNames: APINames
    /// The official SDKs' names by method and path: the name of a page that carries none.
    let officialNames: OfficialNames
    /// What each page's examples show, by page index: they type the tables of that page only.
    let pageExamples: [PageExamples]
    var candidates = DraftTypeStore()
    var diagnostics = DiagnosticCollector()
    /// Tables that some row or section consumed (as a type, or as the description of a map's keys).
    var consumed: Set<TableID> = []
    /// Map-shaped tables being read, so that maps referring to each other cannot recurse forever.
    var mapsInProgress: Set<TableID> = []
    /// Per API page, the table of its success response body as ``PageClassifier`` reads it: the type of a row
    /// elsewhere that links the page (``TableReferences/linkedPageTable(of:in:columns:responseBodies:)``). Set by
    /// ``run(name:)`` once every page is classified, before any operation is read.
    var responseBodies: [Int: Int] = [:]

    init(pages: [DocPage], toc: TableOfContents, officialNames: OfficialNames) {
        self.pages = pages.enumerated().map { PageModel(index: $0.offset, page: $0.element) }
        self.toc = toc
        self.officialNames = officialNames
        references = TableReferences(pages: self.pages)
        apiNames = APINames(pages: self.pages)
        pageExamples = self.pages.map(PageExamples.init)
    }

    mutating func diagnose(_ id: Diagnostic.Code, _ location: SourceLocation, _ message: String) {
        diagnostics.emit(id, location, message)
    }

    mutating func run(name: String) -> ServiceSchema {
        var drafts: [OperationDraft] = []
        var usedIds = UniqueNames()
        let groups = GroupIndex(toc: toc)
        // Each page's table roles, read once: the name (by the request body's members) and the operation use them.
        var apiPages: [(model: PageModel, requestLine: RequestLine, tables: OperationTables, name: PageName)] = []
        var skipped: [PageCensus.SkippedPage] = []
        for model in pages {
            guard let requestLine = RequestLine.find(in: model) else {
                let why = PageWithoutOperation(model, apiNames: apiNames)
                if why.isError { diagnose(.pageWithoutOperation, model.location(), why.message) }
                skipped.append(.init(page: model.page.path, reason: why.reason, detail: why.detail))
                continue
            }
            let tables = PageClassifier.operationTables(
                of: model, referenced: references.referenced[model.index], method: requestLine.method,
                showsRequestBody: PageClassifier.showsRequestBody(model, examples: pageExamples[model.index].examples))
            let name = operationName(of: model, requestLine: requestLine, tables: tables)
            apiPages.append((model, requestLine, tables, name))
        }
        for page in apiPages { responseBodies[page.model.index] = page.tables.successBody }
        // API names are what users know and must stay stable; a name read from a title yields to them.
        let apiNamesInUse = Set(apiPages.filter(\.name.isAPIName).map(\.name.id))
        for (model, requestLine, tables, name) in apiPages {
            var draft = buildOperation(model, requestLine: requestLine, tables: tables, id: name.id, groups: groups)
            // Unique ids: version of the path first, then a counter.
            let id = draft.operation.id
            if usedIds.contains(id) || (!name.isAPIName && apiNamesInUse.contains(id)) {
                let version = requestLine.path.split(separator: "/").first { PathTemplate.isVersionSegment($0) }
                let base = id + (version.map { Naming.upperCamel(String($0).replacingAll(".", with: "_")) } ?? "")
                let unique = usedIds.claim(base, isReserved: apiNamesInUse.contains)
                retarget(operationId: id, to: unique, page: model.page.path)
                draft.operation.id = unique
            }
            usedIds.insert(draft.operation.id)
            draft.operation.deprecation = name.deprecation
            wrapBodiesAsTheExamplesDo(&draft)
            drafts.append(draft)
        }
        reconcileExamples(drafts)
        let (types, names) = finalTypes()
        var operations = drafts.map { $0.resolved { names[$0]! } }
        operations.sort { $0.id < $1.id }
        var schema = ServiceSchema(
            name: name, endpoint: nil, groups: groups.groups(of: operations), operations: operations,
            types: types.sorted { $0.name < $1.name }, diagnostics: Array(Set(diagnostics.diagnostics)).sorted())
        schema.pageCensus = PageCensus(pagesFound: pages.count, apiPages: apiPages.count, skipped: skipped)
        return schema
    }

    /// The drafts an operation's page made carry its id and are named after it: they follow a renamed id.
    mutating func retarget(operationId: String, to newId: String, page: String) {
        for key in candidates.ids(where: { $0.firstPage == page && $0.operationId == operationId }) {
            var draft = candidates[key]
            draft.operationId = newId
            if draft.desiredName.hasPrefix(operationId), draft.desiredName.dropFirst(operationId.count).first?.isUppercase == true {
                draft.desiredName = newId + draft.desiredName.dropFirst(operationId.count)
            }
            candidates[key] = draft
        }
    }

    /// The operation id of a page, the name users know first: the API name of a file named after it
    /// (`CreateNotebook.html`) or of the anchor in front of its title (`createnotebook`); else the official SDKs'
    /// name for its method and path (``OfficialNames``); else a name read from the title (`Creating an Image` →
    /// `CreateImage`), or made from the method and path when the title is not English (``PathName``).
    /// A title's deprecation mark (``TitleName/deprecation``) holds whichever name the page gets.
    mutating func operationName(of model: PageModel, requestLine: RequestLine, tables: OperationTables) -> PageName {
        let title = TitleName(title: model.page.title, method: requestLine.method, path: requestLine.path)
        let fileName = model.page.path.split(separator: "/").last ?? ""
        let stem = String(fileName.split(separator: ".").first ?? "")
        if Naming.isOperationName(stem) { return (stem, true, title.deprecation) }
        if let name = apiNames.operationId(of: model) { return (name, true, title.deprecation) }
        let official = officialNames.names(
            method: requestLine.method, path: requestLine.path, bodyKeys: requestBodyKeys(of: model, tables: tables))
        if official.count == 1 { return (official[0], true, title.deprecation) }
        if official.count > 1 {
            diagnose(
                .ambiguousOfficialName, model.location(),
                "the official SDKs name \(requestLine.method) \(requestLine.path) \(official.joined(separator: ", ")) "
                    + "and the request body tells none apart: named from the title")
        }
        if title.isFromPath {
            diagnose(
                .nameFromPath, model.location(),
                "no API name, and the title is not English: named \(title.id) from \(requestLine.method) \(requestLine.path)")
        }
        return (title.id, false, title.deprecation)
    }

    /// The top-level members of a page's request body: the rows of its body table and the keys of its request
    /// examples. They tell apart the official names of one batch `action` path.
    func requestBodyKeys(of model: PageModel, tables: OperationTables) -> Set<String> {
        var keys: Set<String> = []
        if let body = tables.body, let name = model.columns[body]?.name {
            for row in model.tables[body].bodyRows where name < row.count {
                keys.insert(row[name].text.trimmed())
            }
        }
        for example in pageExamples[model.index].examples where example.kind == .request {
            if case .object(let members)? = example.value { keys.formUnion(members.keys) }
        }
        return keys
    }
}
