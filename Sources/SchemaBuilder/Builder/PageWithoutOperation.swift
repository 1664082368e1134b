import APISchema
import DocReader

/// Why a page yields no operation. A page with none of the marks of an API page (a chapter index, a concept or
/// appendix page) is not one. A page with one of them, a URI section, an API name (``APINames/verbFirstAnchor(of:)``),
/// or a parameter table under a request or response heading, whose request line could not be read is an API lost:
/// an error that says what was missing, quoting the line that could not be read.
struct PageWithoutOperation {
    /// Shared by every page skipped for the same reason (the report groups by it).
    var reason: String
    /// What on this page shows it: the quoted line, the API name, the table.
    var detail: String
    /// Whether the page has the marks of an API page: its loss is an error.
    var isError: Bool

    static let notAnAPIPage = "no URI section, API name or parameter table"
    static let chapterIndex = "chapter index page"

    /// Why `model`, from which no request line was read, yields no operation.
    init(_ model: PageModel, apiNames: APINames) {
        if let uri = Self.uriSectionReason(model) {
            (reason, detail, isError) = (uri.reason, uri.detail, true)
        } else if let anchor = apiNames.verbFirstAnchor(of: model) {
            (reason, detail, isError) = ("API name but no request line", "API name '\(anchor)'", true)
        } else if let table = Self.parameterTable(of: model) {
            (reason, detail, isError) = ("parameter table but no URI section or request line", table, true)
        } else {
            let path = model.page.path
            let isIndex = path == "index.html" || path.hasSuffix("/index.html")
            (reason, detail, isError) = (isIndex ? Self.chapterIndex : Self.notAnAPIPage, "", false)
        }
    }

    /// The diagnostic's message: `no operation read: <reason>: <detail>`.
    var message: String { "no operation read: " + reason + (detail.isEmpty ? "" : ": " + detail) }

    /// Why the URI sections of the page hold no request line, or `nil` when it has none. A line that names a
    /// method or a path is quoted: it is the one that could not be read.
    static func uriSectionReason(_ model: PageModel) -> (reason: String, detail: String)? {
        let sections = model.sections.filter { $0.kind == .uri }
        guard !sections.isEmpty else { return nil }
        let lines = RequestLine.lines(of: model, in: [.uri])
        let tables = sections.flatMap(\.items).filter { if case .table = $0 { true } else { false } }.count
        if let line = lines.first(where: namesMethod) {
            return ("URI line unreadable", quoted(line))
        }
        if let line = lines.first(where: namesPath) {
            return ("URI line without a method", quoted(line))
        }
        let content = lines.first.map { "first line " + quoted($0) } ?? "\(tables) table(s) and no text"
        return ("URI section without a request line", content)
    }

    /// Whether a word of `line` is an HTTP method, as printed in request lines (upper case).
    static func namesMethod(_ line: String) -> Bool {
        line.split(whereSeparator: { !$0.isLetter }).contains { RequestLine.methods.contains(String($0)) }
    }

    /// Whether `line` holds a path: a word that starts with `/` or holds `://`.
    static func namesPath(_ line: String) -> Bool {
        line.split(separator: " ").contains { $0.hasPrefix("/") || $0.has("://") }
    }

    /// The caption (else the section title) of the first recognised parameter table under a request or response
    /// heading. A heading about failures (`Error Response Body Format`) is an error-code appendix's, not an API's.
    static func parameterTable(of model: PageModel) -> String? {
        for section in model.sections where section.kind == .request || section.kind == .response {
            guard !Vocabulary.matches(.failureMention, section.title.lowercased()) else { continue }
            for case .table(let t) in section.items where model.columns[t] != nil {
                let caption = model.tables[t].title.trimmed()
                return quoted(caption.isEmpty ? section.title : caption) + " under " + quoted(section.title)
            }
        }
        return nil
    }

    /// `text` in quotes, cut to 100 characters.
    static func quoted(_ text: String) -> String {
        "'" + (text.count > 100 ? text.prefix(100) + "…" : text) + "'"
    }
}
