import APISchema
import DocReader

/// A JSON example as its page shows it: what it illustrates (request or response, the status a response example is
/// shown for, whether its introduction calls it a failure) and its value, parsed once. ``ExampleAttachment`` attaches
/// it to the operation's request or response.
struct PageExample {
    enum Kind: String { case request, response }

    var kind: Kind
    /// The status code the page names for a response example (`Status code: 201`), if any.
    var status: Int?
    /// Whether the introduction says it shows a failure (`Failed response`, `Error example`).
    var isFailure: Bool
    /// The heading or sentence that introduced it.
    var title: String
    /// The JSON text as printed, parsed; `nil` when it is not JSON (reported, and used for nothing).
    var value: JSONValue?
}

/// The JSON examples of a page, and what the property reader learns from them.
enum ExampleReader {
    /// The page's examples, in page order: request or response, with the status a response example is shown for.
    static func examples(of model: PageModel) -> [PageExample] {
        var examples: [PageExample] = []
        for section in model.sections where section.kind == .example {
            let title = (section.parentTitle + " " + section.title).lowercased()
            var status: Int? = PageClassifier.statusCode(in: section.title)
            var intro = ""
            for item in section.items {
                switch item {
                case .paragraph(let text):
                    if let code = PageClassifier.statusCode(in: text.text) { status = code } else { intro = text.text }
                case .table:
                    break
                case .code(let code):
                    guard let body = exampleBody(code) else { continue }
                    let kind = exampleLabel(intro.lowercased())
                        ?? (status != nil || Vocabulary.matches(.responseMention, title) ? .response : .request)
                    let exampleTitle = intro.isEmpty ? section.title : intro
                    let failure = kind == .response && isFailure(exampleTitle)
                    // A success status above a failed example is the section's, not the example's.
                    let shownStatus = status.flatMap { failure && (200..<300).contains($0) ? nil : $0 }
                    examples.append(
                        PageExample(
                            kind: kind, status: kind == .response ? shownStatus : nil, isFailure: failure,
                            title: exampleTitle, value: JSONValue.parse(body)))
                }
            }
        }
        return examples
    }

    /// Whether an example's title (or introduction) says it shows a failure (`Failed response`, `Error example`).
    static func isFailure(_ title: String) -> Bool {
        Vocabulary.matches(.failureMention, title.lowercased())
    }

    /// The kind an example's introduction names (`Example request`, `Response example:`, `Request`, `请求示例`), or
    /// `nil` for an introduction that only describes it: "Request succeeded." above a 200 example or "Bad request"
    /// above a 400 is no request.
    static func exampleLabel(_ intro: String) -> PageExample.Kind? {
        // Words as `Naming.words` splits them, Chinese runs kept whole.
        let words = intro.split { !($0.isLetter || $0.isNumber) || !($0.isASCII || Language.isIdeograph($0)) }
        guard words.contains(where: { Vocabulary.matches(.exampleWord, $0) }) || words.count == 1 else { return nil }
        if words.contains(where: { Vocabulary.matches(.responseWord, $0) }) { return .response }
        if words.contains(where: { Vocabulary.matches(.requestWord, $0) }) { return .request }
        return nil
    }

    /// Names in the query strings of the example request lines (`GET https://{endpoint}/v2/…?limit=10`) that use
    /// `method`.
    static func exampleQueryNames(of model: PageModel, method: String) -> [String] {
        var names: [String] = []
        for section in model.sections where section.kind == .example {
            for item in section.items {
                let text: String
                switch item {
                case .paragraph(let paragraph): text = paragraph.text
                case .code(let code): text = code
                case .table: continue
                }
                for line in text.split(separator: "\n") {
                    guard let parsed = RequestLine.parse(String(line)), parsed.method == method else { continue }
                    for name in parsed.queryNames where !names.contains(name) { names.append(name) }
                }
            }
        }
        return names
    }

    /// The JSON part of a `pre` block: the block itself, or what follows a request line.
    static func exampleBody(_ code: String) -> String? {
        let trimmed = code.trimmed()
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return trimmed }
        guard let first = trimmed.split(separator: "\n", maxSplits: 1).first,
            RequestLine.parse(String(first)) != nil
        else { return nil }
        let rest = trimmed.dropFirst(first.count).trimmed()
        return rest.hasPrefix("{") || rest.hasPrefix("[") ? rest : nil
    }
}

/// What one page's examples show per field name: the shapes of its values, the shapes of array elements, and the
/// objects. They type the fields of that page's tables only — a table linked from another page is typed with the
/// examples of the page it is on, whichever page reaches it first.
struct PageExamples {
    var examples: [PageExample]
    var shapes: [String: Set<JSONValue.Shape>] = [:]
    var elements: [String: Set<JSONValue.Shape>] = [:]
    var objects: [String: [[String: JSONValue]]] = [:]
    /// The shapes of values and of array elements together, per field, in the request examples alone and in the
    /// response examples alone: what a request or a response table's field is shown as.
    var shapesByKind: [PageExample.Kind: [String: Set<JSONValue.Shape>]] = [:]

    init(_ model: PageModel) {
        examples = ExampleReader.examples(of: model)
        let union = { (a: Set<JSONValue.Shape>, b: Set<JSONValue.Shape>) in a.union(b) }
        for example in examples {
            guard let json = example.value else { continue }
            var values: [String: Set<JSONValue.Shape>] = [:]
            var items = values
            json.collectShapes(into: &values, elements: &items)
            json.collectObjects(into: &objects)
            shapes.merge(values, uniquingKeysWith: union)
            elements.merge(items, uniquingKeysWith: union)
            shapesByKind[example.kind, default: [:]].merge(values.merging(items, uniquingKeysWith: union), uniquingKeysWith: union)
        }
    }
}
