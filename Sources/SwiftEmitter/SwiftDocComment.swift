import Foundation

/// Documentation comments: the pages' descriptions re-wrapped into `///` lines that fit the line width.
struct SwiftDocComment {
    /// Longest line, indentation and `/// ` included.
    static let lineWidth = 110

    private(set) var paragraphs: [[String]] = []
    /// The sentences added so far, lower-cased: a sentence is said once.
    private var said: Set<String> = []

    init() {}

    init(_ text: String) {
        add(text)
    }

    var isEmpty: Bool { paragraphs.isEmpty }

    /// Adds `text` as one or more paragraphs (blank lines in `text` separate them); words are re-flowed. A
    /// sentence the comment already has is left out: the pages often restate a default or a constraint.
    mutating func add(_ text: String) {
        var lines: [String] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let normalized = Self.normalized(String(rawLine))
            let line = withoutRepeatedSentences(normalized)
            if line.isEmpty, !normalized.isEmpty { continue }
            if line.isEmpty {
                if !lines.isEmpty { paragraphs.append(lines) }
                lines = []
            } else {
                lines.append(line)
            }
        }
        if !lines.isEmpty { paragraphs.append(lines) }
    }

    /// `line` without the sentences the comment already has.
    private mutating func withoutRepeatedSentences(_ line: String) -> String {
        var kept: [Substring] = []
        for sentence in Self.sentences(line) {
            let key = sentence.trimmingCharacters(in: .whitespaces).lowercased()
            if key.isEmpty || said.insert(key).inserted { kept.append(sentence) }
        }
        return kept.joined(separator: " ")
    }

    /// `text` cut after each `.`, `!` or `?` that a space follows.
    static func sentences(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if ".!?".contains(text[index]), next == text.endIndex || text[next] == " " {
                result.append(text[start..<next])
                start = next < text.endIndex ? text.index(after: next) : next
            }
            index = next
        }
        if start < text.endIndex { result.append(text[start...]) }
        return result
    }

    /// Adds one line kept as its own line (a list item such as "- `EVS`: Elastic Volume Service").
    mutating func addItem(_ text: String) {
        let line = Self.normalized(text)
        guard !line.isEmpty else { return }
        if var last = paragraphs.last, last.first?.hasPrefix("- ") == true, line.hasPrefix("- ") {
            last.append(line)
            paragraphs[paragraphs.count - 1] = last
        } else {
            paragraphs.append([line])
        }
    }

    /// The comment as lines (`/// …`, a bare `///` between paragraphs) for code indented by `indent` spaces.
    func lines(indent: Int) -> [String] {
        let width = max(40, Self.lineWidth - indent - 4)
        var result: [String] = []
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { result.append("///") }
            for line in paragraph {
                // Each list item is wrapped on its own, continuation lines indented under the item text.
                let isItem = line.hasPrefix("- ")
                let wrapped = Self.wrap(line, width: width, continuationIndent: isItem ? "  " : "")
                result += wrapped.map { "/// " + $0 }
            }
        }
        return result
    }

    /// Whitespace collapsed to single spaces and trimmed.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{a0}" })
            .joined(separator: " ")
    }

    /// Greedy word wrap; the leading spaces of `text` are kept on its first line.
    static func wrap(_ text: String, width: Int, continuationIndent: String = "") -> [String] {
        var lines: [String] = []
        var current = ""
        let leading = String(text.prefix(while: { $0 == " " }))
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = (lines.isEmpty ? leading : continuationIndent) + word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = continuationIndent + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// `` `a` ``, `` `a` and `b` ``, `` `a`, `b` and `c` ``: names in code voice, for a sentence.
    static func codeList(_ names: [String]) -> String {
        let quoted = names.map { "`\($0)`" }
        guard let last = quoted.last, quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " and " + last
    }
}
