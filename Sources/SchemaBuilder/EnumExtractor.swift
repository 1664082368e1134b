import APISchema
import DocReader
import Foundation

/// Reads documented value lists out of description cells — conservatively: only lists introduced by a phrase
/// such as "Options:" / "Enums:" / "The value can be:" / "枚举值如下：" (the ``Vocabulary``'s `valueListLead`) whose
/// values all look like code tokens.
enum EnumExtractor {
    /// The phrases that introduce a value list, every language's.
    static let triggers = Vocabulary.contained(.valueListLead)
    /// What ends an inline value list besides its sentence (`Default value: …`, `默认值…`).
    static let ends = Vocabulary.contained(.valueListEnd)

    static func hasTrigger(_ text: String) -> Bool {
        let lower = text.lowercased()
        // Every trigger contains one of these; most paragraphs contain none.
        guard Vocabulary.matches(.valueListHint, lower) else { return false }
        return triggers.contains { lower.has($0) }
    }

    /// Whether a paragraph is a bare "Range" / "Value range" / "Values" / "取值范围" heading (the site's Definition /
    /// Range / Default Value layout), which introduces the paragraph after it.
    static func isHeading(_ text: String) -> Bool {
        let heading = text.trimmed().lowercased()
        return Vocabulary.matches(.valueListHeading, endsWithColon(heading) ? String(heading.dropLast()) : heading)
    }

    /// Whether `text` ends with a colon, half- or full-width.
    static func endsWithColon(_ text: String) -> Bool { text.hasSuffix(":") || text.hasSuffix("：") }

    /// Whether `token` looks like a wire value rather than prose.
    static func isCodeToken(_ token: String) -> Bool {
        guard !token.isEmpty, token.count <= 64 else { return false }
        guard token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_.-:/+*@#=".contains($0)) }) else {
            return false
        }
        return token.contains { $0.isLetter || $0.isNumber }
    }

    /// Splits a list item into value and meaning: `VALUE: meaning`, `VALUE (meaning)`, `VALUE - meaning`, `VALUE`.
    static func item(_ text: String, emphasis: [String]) -> EnumValue? {
        let text = text.trimmed()
        if let first = emphasis.first, text.hasPrefix(first), isCodeToken(first) {
            var rest = Substring(text.dropFirst(first.count)).drop { $0 == " " }
            if rest.isEmpty { return EnumValue(value: first) }
            if let c = rest.first, ":：-–,".contains(c) {
                rest = rest.dropFirst().drop { $0 == " " }
                return EnumValue(value: first, description: String(rest))
            }
            if rest.hasPrefix("(") {
                return EnumValue(value: first, description: String(rest.dropFirst().prefix { $0 != ")" }))
            }
            if rest.hasPrefix("indicates") || rest.hasPrefix("means") || rest.hasPrefix("=") {
                return EnumValue(value: first, description: String(rest))
            }
        }
        for separator in [": ", "：", " - ", " – ", ":"] {
            if let range = text.find(separator) {
                let value = text[..<range.lowerBound].trimmed()
                if isCodeToken(value) {
                    return EnumValue(value: value, description: String(text[range.upperBound...]).trimmed())
                }
                break
            }
        }
        if let open = text.firstIndex(of: "("), text.hasSuffix(")") {
            let value = text[..<open].trimmed()
            if isCodeToken(value) {
                return EnumValue(
                    value: value,
                    description: String(text[text.index(after: open)..<text.index(before: text.endIndex)]))
            }
        }
        return isCodeToken(text) ? EnumValue(value: text) : nil
    }

    /// Values of a list introduced by a trigger phrase; `nil` unless every item is a value.
    static func fromList(_ items: [[Block]]) -> [EnumValue]? {
        var values: [EnumValue] = []
        for item in items {
            guard case .paragraph(let text)? = item.first else { return nil }
            guard let value = Self.item(text.text, emphasis: text.emphasis) else { return nil }
            values.append(value)
        }
        return values.isEmpty ? nil : values
    }

    /// Values written inline after a trigger: `Options: asc and desc`, `The value can be true or false.`
    static func inline(_ text: String) -> [EnumValue]? {
        let lower = text.lowercased()
        guard let trigger = triggers.compactMap({ lower.find($0) }).min(by: { $0.lowerBound < $1.lowerBound })
        else { return nil }
        let offset = lower.distance(from: lower.startIndex, to: trigger.upperBound)
        var rest = Substring(text.dropFirst(offset))
        rest = rest.drop { $0 == " " || $0 == ":" || $0 == "：" }
        rest = listPart(rest)
        // Up to the end of the sentence.
        var sentence = ""
        for (index, character) in rest.enumerated() {
            if character == "." || character == ";" {
                let next = rest.dropFirst(index + 1).first
                if next == nil || next == " " { break }
            }
            if character == "\n" || character == "。" || character == "；" { break }
            sentence.append(character)
        }
        let parts = sentence.replacingOccurrences(of: ", and ", with: ",").replacingOccurrences(of: ", or ", with: ",")
            .replacingAll(" and ", with: ",").replacingAll(" or ", with: ",")
            .replacingAll("、", with: ",").replacingAll("，", with: ",").split(separator: ",")
            .map { String($0).trimmed().trimmingQuotes() }
        guard parts.count >= 2, parts.count <= 40 else { return nil }
        var values: [EnumValue] = []
        for part in parts {
            if isCodeToken(part) {
                values.append(EnumValue(value: part))
            } else if let open = part.firstIndex(of: "("), part.hasSuffix(")"), isCodeToken(part[..<open].trimmed()) {
                values.append(
                    EnumValue(
                        value: part[..<open].trimmed(),
                        description: String(part[part.index(after: open)..<part.index(before: part.endIndex)])))
            } else {
                return nil
            }
        }
        return values
    }

    /// What of `text` an inline list can take: up to a phrase that ends lists (`, default value: a`, `，默认值为a`)
    /// after a separator, and the separators before it; else all of it.
    static func listPart(_ text: Substring) -> Substring {
        let lower = text.lowercased()
        var length: Int?
        for end in ends {
            guard let range = lower.find(end), range.lowerBound > lower.startIndex,
                separators.contains(lower[lower.index(before: range.lowerBound)])
            else { continue }
            length = min(length ?? .max, lower.distance(from: lower.startIndex, to: range.lowerBound))
        }
        guard let length else { return text }
        var part = text.prefix(length)
        while let last = part.last, separators.contains(last) { part = part.dropLast() }
        return part
    }

    private static let separators: Set<Character> = [",", " ", "，", ";", "；"]

    /// Enumerated values documented in a description cell, if any.
    static func values(in blocks: [Block]) -> [EnumValue]? {
        var index = 0
        var found: [EnumValue] = []
        while index < blocks.count {
            let block = blocks[index]
            if case .paragraph(let text) = block, hasTrigger(text.text) || isHeading(text.text) {
                if index + 1 < blocks.count, case .list(_, let items) = blocks[index + 1], let values = fromList(items) {
                    found += values
                    index += 2
                    continue
                }
                if let values = inline(text.text) {
                    found += values
                } else if isHeading(text.text) || endsWithColon(text.text.trimmed()), index + 1 < blocks.count,
                    case .paragraph(let next) = blocks[index + 1], let values = inline("values: " + next.text)
                {
                    // A trigger that ends its paragraph ("Value range:", or a "Range" heading) introduces the next
                    // one: "ACTIVE, BUILD, ERROR, and SHUTOFF".
                    found += values
                    index += 2
                    continue
                }
            }
            index += 1
        }
        var seen = Set<String>()
        let unique = found.filter { seen.insert($0.value).inserted }
        return unique.isEmpty ? nil : unique
    }
}

extension EnumExtractor {
    /// Spellings of a truth value in value lists: `0/false`, `1/true`, `true/false`, `yes/no`.
    static let truthSpellings: Set<String> = ["0", "1", "true", "false", "yes", "no", "on", "off"]

    /// Whether a value list is a misread boolean: every value is a slash pair of truth spellings (`0/false`,
    /// `1/true`, `true/false`, `yes/no`), so the page describes a flag, not a set of strings. A plain `true` /
    /// `false` list is not one: a field the page types as a string (metadata, scheduler hints) is sent as a string.
    static func isMisreadBoolean(_ values: [EnumValue]?) -> Bool {
        guard let values, !values.isEmpty else { return false }
        return values.allSatisfy { value in
            let parts = value.value.lowercased().split(separator: "/", omittingEmptySubsequences: false)
            return parts.count == 2 && parts.allSatisfy { truthSpellings.contains(String($0)) }
        }
    }

    /// The type and value list of a field, corrected where the list cannot be the field's values:
    /// - a misread boolean (`isMisreadBoolean`) becomes a `boolean` (an array of them for an array) without values;
    /// - a numeric field's list with a value that is not a number (`Value range: 3s-259,200s` read as `3s-259`,
    ///   `200s`; the roles a count applies to) is a range or prose, not the field's values: it is dropped (the
    ///   description keeps the text). A value in emphasis marks (`**4`) is the number;
    /// - an integer field's codes that the description explains line by line (`0: creating`, `1: normal`) are its
    ///   values, with those meanings; a listed value the lines explain gets its meaning.
    /// The diagnostic to record comes with each correction.
    static func typed<Type: ValueListType>(_ type: Type, values: [EnumValue]?, blocks: [Block], field: String)
        -> (type: Type, values: [EnumValue]?, diagnostic: (code: Diagnostic.Code, message: String)?)
    {
        let meanings = type == .integer || type == .int64 ? integerMeanings(in: blocks) : nil
        guard let values, !values.isEmpty else { return (type, meanings, nil) }
        let listed = values.map(\.value).joined(separator: ", ")
        if isMisreadBoolean(values) {
            let typed: Type = type.arrayElement != nil ? .array(.boolean) : .boolean
            return (typed, nil, (.booleanValueList, "\(field): documented values \(listed) describe a boolean, emitted as \(typed)"))
        }
        guard type.isNumeric || type.elementIsNumeric else { return (type, values, nil) }
        let numbers = values.map { value in
            EnumValue(value: value.value.trimmingCharacters(in: ["*"]), description: value.description)
        }
        guard numbers.allSatisfy({ Double($0.value) != nil }) else {
            return (type, meanings, (.valueListNotOfType, "\(field): documented values \(listed) are not all numbers; no value list for this \(type) field"))
        }
        guard let meanings else { return (type, numbers, nil) }
        let explained = Dictionary(meanings.map { ($0.value, $0.description) }, uniquingKeysWith: { first, _ in first })
        return (type, numbers.map { EnumValue(value: $0.value, description: $0.description.isEmpty ? explained[$0.value] ?? "" : $0.description) }, nil)
    }

    /// Integer codes explained one per line or list item (`0: creating`, `-1：排队中`, `2 - failed`), when at least
    /// two distinct codes are; `nil` otherwise. A line that is not such a pair ends nothing: prose may surround
    /// the lines (`Status of the job. 0: …`).
    static func integerMeanings(in blocks: [Block]) -> [EnumValue]? {
        var found: [EnumValue] = []
        func read(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let text):
                    for line in text.text.split(separator: "\n") {
                        if let pair = integerMeaning(String(line)) { found.append(pair) }
                    }
                case .list(_, let items): items.forEach(read)
                default: continue
                }
            }
        }
        read(blocks)
        var seen = Set<String>()
        guard found.allSatisfy({ seen.insert($0.value).inserted }), found.count >= 2 else { return nil }
        return found
    }

    /// `3: Creation failed` → (`3`, `Creation failed`); nil unless the line starts with an integer and a separator.
    private static func integerMeaning(_ line: String) -> EnumValue? {
        let text = line.trimmed()
        let digits = text.prefix { $0.isASCII && ($0.isNumber || $0 == "-") }
        guard let value = Int(digits) else { return nil }
        var rest = text.dropFirst(digits.count).drop { $0 == " " }
        guard let separator = rest.first, ":：-–".contains(separator) else { return nil }
        rest = rest.dropFirst().drop { $0 == " " }
        guard rest.first?.isLetter == true else { return nil }
        return EnumValue(value: String(value), description: String(rest))
    }
}

/// What ``EnumExtractor/typed(_:values:blocks:field:)`` reads of a type and makes of it: a parameter's
/// `TypeRef`, a property's `DraftTypeRef` (the enumerations' cases are the requirements).
protocol ValueListType: Equatable, CustomStringConvertible {
    static var integer: Self { get }
    static var int64: Self { get }
    static var number: Self { get }
    static var boolean: Self { get }
    static func array(_ element: Self) -> Self
    /// The element type of a list; `nil` for anything else.
    var arrayElement: Self? { get }
}

extension TypeRef: ValueListType {
    var arrayElement: TypeRef? { if case .array(let element) = self { element } else { nil } }
}

extension DraftTypeRef: ValueListType {
    var arrayElement: DraftTypeRef? { if case .array(let element) = self { element } else { nil } }
}

private extension ValueListType {
    var isNumeric: Bool { self == .integer || self == .int64 || self == .number }
    var elementIsNumeric: Bool { arrayElement?.isNumeric ?? false }
}

extension String {
    func trimmingQuotes() -> String {
        var s = Substring(self)
        let quotes: Set<Character> = ["\"", "'", "“", "”", "‘", "’", "`"]
        while let f = s.first, quotes.contains(f) { s = s.dropFirst() }
        while let l = s.last, quotes.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

extension StringProtocol {
    func trimmed() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\u{a0}" || f == "\t" || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\u{a0}" || l == "\t" || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}
