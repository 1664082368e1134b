import APISchema
import DocReader
import Foundation

/// Reads documented value lists out of description cells — conservatively: only lists introduced by a phrase
/// such as "Options:" / "Enums:" / "The value can be:" whose values all look like code tokens.
enum EnumExtractor {
    static let triggers = [
        "options:", "option:", "enums:", "enum:", "enumerated values", "enumeration values", "enumerations:",
        "the value can be", "possible values", "value range:", "the options are", "available values",
        "valid values", "values:", "the value is one of", "can be set to", "the following values",
        "supported values", "value options", "options are as follows", "can be one of", "the value must be one of",
        "the values are", "value:", "the value can only be", "must be one of", "the value of this parameter can be",
        "the options include", "values include", "value of this parameter is", "range:", "options include",
    ]

    static func hasTrigger(_ text: String) -> Bool {
        let lower = text.lowercased()
        // Every trigger contains one of these; most paragraphs contain none.
        guard lower.has("option") || lower.has("value") || lower.has("enum") || lower.has("range")
            || lower.has("can be") || lower.has("one of")
        else { return false }
        return triggers.contains { lower.has($0) }
    }

    /// Whether a paragraph is a bare "Range" / "Value range" / "Values" heading (the site's Definition / Range /
    /// Default Value layout), which introduces the paragraph after it.
    static func isHeading(_ text: String) -> Bool {
        let heading = text.trimmed().lowercased()
        return ["range", "value range", "values"].contains(heading.hasSuffix(":") ? String(heading.dropLast()) : heading)
    }

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
        rest = rest.drop { $0 == " " || $0 == ":" }
        // Up to the end of the sentence.
        var sentence = ""
        for (index, character) in rest.enumerated() {
            if character == "." || character == ";" {
                let next = rest.dropFirst(index + 1).first
                if next == nil || next == " " { break }
            }
            if character == "\n" { break }
            sentence.append(character)
        }
        let parts = sentence.replacingOccurrences(of: ", and ", with: ",").replacingOccurrences(of: ", or ", with: ",")
            .replacingAll(" and ", with: ",").replacingAll(" or ", with: ",")
            .replacingAll("、", with: ",").split(separator: ",")
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
                } else if isHeading(text.text) || text.text.trimmed().hasSuffix(":"), index + 1 < blocks.count,
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

    /// The type and value list of a field: a misread boolean (`isMisreadBoolean`) becomes a `boolean` (an array of
    /// them for an array) without values, with the diagnostic to record; anything else is returned as it is.
    static func typed(_ type: TypeRef, values: [EnumValue]?, field: String)
        -> (type: TypeRef, values: [EnumValue]?, diagnostic: String?)
    {
        guard isMisreadBoolean(values) else { return (type, values, nil) }
        let listed = (values ?? []).map(\.value).joined(separator: ", ")
        let typed: TypeRef = if case .array = type { .array(.boolean) } else { .boolean }
        return (typed, nil, "\(field): documented values \(listed) describe a boolean, emitted as \(typed)")
    }
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
