import DocReader
import Foundation

/// The API names that site pages carry, with their word boundaries recovered.
///
/// The site keeps an API's name (the operation id of the cloud's API Explorer and official SDKs) only as a lower-case
/// anchor in front of the page title: `<span id="createnotebook"></span><h1>Creating a Notebook Instance</h1>`. The
/// name survives title and file renames, so it is the operation id whenever a page has one. Its casing comes from the
/// pages themselves when they print the name (`ListImage` in "call the ListImage interface"); otherwise it is split
/// into the words the pages use (`renewlease` → `Renew` + `Lease`), each capitalised as the official SDKs do
/// (`ShowOsQuota`, `UploadSamplesJson`) unless the pages print it in camel case (`CreateModelArtsAgency`).
struct APINames {
    /// UpperCamelCase identifiers printed anywhere in the service's pages, by their lower-cased spelling.
    private var printed: [String: String] = [:]
    /// How often each lower-cased word occurs in the service's prose: the language model that splits names.
    private var counts: [String: Int] = [:]
    private var total = 0

    init(pages: [PageModel]) {
        // The model costs a pass over all prose; the export's pages, which carry no API names, do without it.
        guard pages.contains(where: { Self.apiAnchor(of: $0) != nil }) else { return }
        for model in pages {
            for token in Self.prose(of: model) {
                for word in Naming.words(String(token)) {
                    if Self.isUpperCamel(word), case let key = word.lowercased(), printed[key] == nil {
                        printed[key] = String(word)
                    }
                    // Type and field names (`WorkforceTask`, `jobFlavors`) count as the words they are made of.
                    // Single letters are left out: no API name has them, and they would split unknown words.
                    for part in Self.camelCaseParts(word) where part.count > 1 {
                        counts[part.lowercased(), default: 0] += 1
                        total += 1
                    }
                }
            }
        }
        // API names start with verbs that the prose may not use in this form (`show`, `desc`).
        for verb in Self.commonVerbs { counts[verb, default: 0] += max(total / 1000, 1) }
        total = max(total, 1)
    }

    /// The page's API name as an operation id, or `nil` when its title carries none.
    func operationId(of model: PageModel) -> String? {
        guard let anchor = Self.apiAnchor(of: model) else { return nil }
        if let name = printed[anchor] { return name }
        // A word the pages print in camel case keeps it (`ModelArts`); others are capitalised (`Obs`, `Json`).
        return segment(anchor).map { printed[$0] ?? $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The anchor in front of the page title that is an API name: lower-case letters and digits only (the anchors
    /// of older pages, `modelarts-03-0110`, `en-us-topic-0065817704`, are topic codes), and not merely the title.
    static func apiAnchor(of model: PageModel) -> String? {
        for case .heading(1, let text, let anchors) in model.page.blocks {
            let titleWords = Naming.words(text.text).joined().lowercased()
            return anchors.first { anchor in
                guard let first = anchor.first, first.isLetter, anchor.count >= 4, anchor != titleWords else { return false }
                return anchor.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
            }
        }
        return nil
    }

    /// Verbs of API names that the pages need not print.
    static let commonVerbs: Set<String> = Set(Naming.verbs.values.map { $0.lowercased() }).union([
        "show", "count", "patch", "desc", "describe", "sync", "retry",
    ])

    /// Whitespace-separated tokens of the page's title, paragraphs, captions and table cells; URLs, paths and
    /// examples are left out, since they glue words together (`/plugintemplates`).
    static func prose(of model: PageModel) -> [Substring] {
        var texts = [model.page.title]
        for section in model.sections {
            for item in section.items {
                switch item {
                case .paragraph(let text): texts.append(text.text)
                case .code: break
                case .table(let t):
                    texts.append(model.tables[t].title)
                    texts += model.tables[t].bodyRows.flatMap { $0.map(\.text) }
                }
            }
        }
        return texts.flatMap { $0.split(whereSeparator: \.isWhitespace) }.filter { !$0.contains("/") && !$0.contains("{") }
    }

    static func isUpperCamel(_ word: Substring) -> Bool {
        guard let first = word.first, first.isUppercase, word.count >= 4 else { return false }
        let humps = word.filter(\.isUppercase).count
        return humps >= 2 && word.contains(where: \.isLowercase) && word.allSatisfy { $0.isLetter || $0.isNumber }
    }

    /// `WorkforceTask` → `Workforce`, `Task`; `jobFlavors` → `job`, `Flavors`; `JSON`, `PluginV2` stay whole.
    static func camelCaseParts(_ word: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = word.startIndex
        var index = word.index(after: start)
        while index < word.endIndex {
            let previous = word[word.index(before: index)]
            if word[index].isUppercase, previous.isLowercase {
                parts.append(word[start..<index])
                start = index
            }
            index = word.index(after: index)
        }
        parts.append(word[start...])
        return parts
    }

    /// Splits `text` into its most likely words under a unigram model of the service's prose (each word costs
    /// −log of its frequency). Letters no known word covers cost far more, so an unknown stretch stays one word
    /// (`desc` + `dataset`) and a rare compound loses to its common parts (`plugin` + `templates`).
    func segment(_ text: String) -> [String] {
        let characters = Array(text)
        let count = characters.count
        let logTotal = log(Double(total))
        let wordCost = 3.0
        func cost(_ word: String) -> Double {
            // Each word also pays a constant, so that a known word beats two rare fragments (`attach` + `able`).
            guard let seen = counts[word] else { return logTotal + 10 * Double(word.count) }
            return logTotal - log(Double(seen)) + wordCost
        }
        guard count > 0 else { return [] }
        var best = [(cost: Double, start: Int)](repeating: (.infinity, 0), count: count + 1)
        best[0] = (0, 0)
        for end in 1...count {
            for start in 0..<end where best[start].cost.isFinite {
                let total = best[start].cost + cost(String(characters[start..<end]))
                if total < best[end].cost { best[end] = (total, start) }
            }
        }
        var segments: [String] = []
        var end = count
        while end > 0 {
            segments.append(String(characters[best[end].start..<end]))
            end = best[end].start
        }
        // A plural `s` the prose never glued to its word stays with it (`obss` → `Obss`, not `Obs` + `S`).
        var words: [String] = []
        for segment in segments.reversed() {
            if segment == "s", let last = words.popLast() { words.append(last + segment) } else { words.append(segment) }
        }
        return words
    }
}
