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
            for text in Self.prose(of: model) { count(wordsOf: text) }
        }
        // API names start with verbs that the prose may not use in this form (`show`, `desc`).
        for verb in Self.commonVerbs { counts[verb, default: 0] += max(total / 1000, 1) }
        total = max(total, 1)
    }

    /// Counts the words of `text`, byte by byte (this runs over every cell of every page): whitespace-separated
    /// tokens holding `/` or `{` are URLs, paths and placeholders, which glue words together (`/plugintemplates`),
    /// and are left out; the rest splits into runs of ASCII letters and digits, as `Naming.words` does. A camel-case
    /// run counts as the words it is made of (`WorkforceTask`, `jobFlavors`) and is remembered as printed. Single
    /// letters are left out: no API name has them, and they would split unknown words.
    private mutating func count(wordsOf text: String) {
        var text = text
        text.withUTF8 { bytes in
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
            func isAlphanumeric(_ byte: UInt8) -> Bool { Self.isUpper(byte) || Self.isLower(byte) || (0x30...0x39).contains(byte) }
            var index = 0
            while index < bytes.count {
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                let tokenStart = index
                var isPath = false
                while index < bytes.count, !isSpace(bytes[index]) {
                    if bytes[index] == UInt8(ascii: "/") || bytes[index] == UInt8(ascii: "{") { isPath = true }
                    index += 1
                }
                guard !isPath else { continue }
                var cursor = tokenStart
                while cursor < index {
                    while cursor < index, !isAlphanumeric(bytes[cursor]) { cursor += 1 }
                    let wordStart = cursor
                    while cursor < index, isAlphanumeric(bytes[cursor]) { cursor += 1 }
                    if wordStart < cursor { count(word: UnsafeBufferPointer(rebasing: bytes[wordStart..<cursor])) }
                }
            }
        }
    }

    private mutating func count(word: UnsafeBufferPointer<UInt8>) {
        let lower = String(decoding: word.map { Self.isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        let capitals = word.filter(Self.isUpper).count
        if word.count >= 4, Self.isUpper(word[0]), capitals >= 2, word.contains(where: Self.isLower), printed[lower] == nil {
            printed[lower] = String(decoding: word, as: UTF8.self)
        }
        var partStart = 0
        for index in 0...word.count where index == word.count || (index > 0 && Self.isUpper(word[index]) && Self.isLower(word[index - 1])) {
            if index - partStart > 1 {
                let start = lower.utf8.index(lower.utf8.startIndex, offsetBy: partStart)
                let end = lower.utf8.index(start, offsetBy: index - partStart)
                counts[String(lower[start..<end]), default: 0] += 1
                total += 1
            }
            partStart = index
        }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    private static func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }

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

    /// The page's API name anchor when it reads as one: its first word is a verb API names start with
    /// (`createnotebook`, `listservers`). Chapters and appendices carry anchors in the same place
    /// (`aclpolicymanagement`, `errorcode`): they name no API.
    func verbFirstAnchor(of model: PageModel) -> String? {
        guard let anchor = Self.apiAnchor(of: model), let first = segment(anchor).first, Self.commonVerbs.contains(first)
        else { return nil }
        return anchor
    }

    /// Verbs of API names that the pages need not print.
    static let commonVerbs: Set<String> = Set(Naming.verbs.values.map { $0.lowercased() }).union([
        "show", "count", "patch", "desc", "describe", "sync", "retry",
    ])

    /// The page's title, paragraphs, captions and table cells: the prose its API name is made of.
    static func prose(of model: PageModel) -> [String] {
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
        return texts
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
