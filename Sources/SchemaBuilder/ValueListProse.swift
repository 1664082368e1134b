import APISchema

/// A description without the lines that list its field's values.
///
/// A value list read line by line (`Options:` then `0: image classification`, `1: object detection`) is stated
/// once in the schema, as the field's `enumValues` with their meanings; the emitters render it from there (a Swift
/// enum's cases, a list in a doc comment, `enum` and `x-enum-descriptions` in the export). Left in the description
/// as well, every SDK doc comment said each value twice.
enum ValueListProse {
    /// `description` without its value lines and the lead that introduces each run of them (`Options:`,
    /// `Label type. Options:` → `Label type.`; a colon that ends other prose becomes a full stop), when its lines
    /// state every value of `values` and nothing else is on those lines; else `description` unchanged (values
    /// written inline in a sentence stay in their sentence).
    static func description(_ description: String, stating values: [EnumValue]?) -> String {
        guard let values, !values.isEmpty else { return description }
        let lines = description.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var stated = Set<String>()
        var isValueLine = [Bool](repeating: false, count: lines.count)
        for (index, line) in lines.enumerated() {
            guard let value = statedValue(line, among: values) else { continue }
            stated.insert(value)
            isValueLine[index] = true
        }
        guard stated.count == Set(values.map(\.value)).count else { return description }
        var kept: [String] = []
        for (index, line) in lines.enumerated() where !isValueLine[index] {
            // The line before a run of value lines introduces it.
            let introducesValues = index + 1 < lines.count && isValueLine[index + 1]
            let text = introducesValues ? withoutLead(line) : line
            if !text.isEmpty || !introducesValues { kept.append(text) }
        }
        let prose = kept.joined(separator: "\n").trimmed()
        return prose.isEmpty ? description : prose
    }

    /// The value a line states: `VALUE: meaning` (or another separator ``EnumExtractor/item(_:emphasis:)`` reads)
    /// with the meaning the list has for it, or `VALUE` alone for a value without one.
    private static func statedValue(_ line: String, among values: [EnumValue]) -> String? {
        guard let item = EnumExtractor.item(line, emphasis: []) else { return nil }
        let value = item.value.trimmingCharacters(in: ["*"])
        return values.first { $0.value == value && $0.description.trimmed() == item.description.trimmed() }?.value
    }

    /// A line without the clause that introduces a value list at its end (`Label type. Options:` → `Label type.`,
    /// `Options:` → empty), or with a full stop for the colon that ends any other clause (`Credential status:` →
    /// `Credential status.`): nothing follows it any more.
    private static func withoutLead(_ line: String) -> String {
        let text = line.trimmed()
        guard EnumExtractor.endsWithColon(text) else { return line }
        let body = text.dropLast()
        let clauseStart = body.lastIndex { $0 == "." || $0 == "。" || $0 == ";" || $0 == "；" }
            .map { body.index(after: $0) } ?? body.startIndex
        let clause = String(text[clauseStart...])
        guard EnumExtractor.hasTrigger(clause) || EnumExtractor.isHeading(clause) else {
            return body + (text.hasSuffix("：") ? "。" : ".")
        }
        return String(text[..<clauseStart]).trimmed()
    }
}
