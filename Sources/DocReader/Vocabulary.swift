/// A language the API reference is published in. The cloud writes it in Chinese first and translates it into
/// English; both editions share the layout and the type spellings (`String`, `Array of X objects`).
package enum Language: CaseIterable, Sendable {
    case english, chinese

    /// The language of a piece of text: Chinese when it holds a CJK ideograph, else English.
    package static func of(_ text: some StringProtocol) -> Language {
        text.unicodeScalars.contains(where: isIdeograph) ? .chinese : .english
    }

    /// Whether a character is a CJK ideograph.
    package static func isIdeograph(_ character: Character) -> Bool {
        character.unicodeScalars.contains(where: isIdeograph)
    }

    private static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x3400...0x4DBF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value)
            || (0xF900...0xFAFF).contains(scalar.value)
    }
}

/// What the reader looks for in a page's words: section headings, table captions, column titles, cell values, the
/// lead-ins of value lists and of status codes. Each is one entry of ``Vocabulary``.
package enum Concept: CaseIterable, Sendable {
    // Section headings.
    case exampleHeading, uriHeading, functionHeading, statusHeading, errorCodeHeading, requestHeading,
        responseHeading, constraintHeading
    /// A section title that some pages print as a plain paragraph.
    case sectionTitleParagraph
    /// The label in front of a status code (`Status code: 201`).
    case statusLine
    /// Other labels in front of a status code (`Normal response code: 200`).
    case otherStatusLine
    // Table captions.
    /// What a caption starts with before its number (`Table 4`), as printed (not lower-cased).
    case tableCaptionLead
    /// What a mention of a table starts with before its number (`see Table 4`), as printed.
    case tableMention
    /// Where a parameter goes, in a caption or a Location cell.
    case pathLocation, queryLocation, headerLocation
    /// A Location cell (or a caption) that puts a parameter in the body.
    case bodyLocation
    /// A sentence before a table saying its parameters filter what the URI returns (with ``uriMention``): query
    /// parameters.
    case filterMention, uriMention
    /// The labels of a URI section that states the path and the method apart (`PATH: /v1/…`, `Method: POST`).
    case pathLabel, methodLabel
    /// A caption about parameters.
    case parameterCaption
    /// Captions that name no field (`Request body parameters`).
    case genericCaption
    // Column titles.
    /// The first column of a status code table.
    case statusColumn
    /// The first column of a status or error code table: not a parameter table.
    case codeColumn
    case mandatoryColumn, locationColumn, typeColumn, notTypeColumn, parameterTypeColumn, descriptionColumn,
        nameColumn, notNameColumn
    /// The columns of an error-code table: the code, the message sent with it, what to do about it.
    case errorCodeColumn, errorMessageColumn, solutionColumn
    /// The name and detail column titles that make a first row a header row when the table marks none.
    case headerRowName, headerRowDetail
    // Cells.
    /// A mandatory cell that says yes.
    case yes
    /// A mandatory cell whose yes holds a condition.
    case conditional
    /// A name cell that names nothing.
    case none
    // Value lists in descriptions.
    /// A phrase that introduces a list of values.
    case valueListLead
    /// Words every value-list lead contains: a cheap test before the phrases.
    case valueListHint
    /// A paragraph that is only a value-list heading (`Value range`).
    case valueListHeading
    /// What ends an inline value list besides the end of its sentence (`Default value: …`).
    case valueListEnd
    // Descriptions of a field without a Type column.
    /// A description of a list (`List of …`, `…列表`).
    case listDescription
    /// A description of a flag (`Whether …`, `是否…`).
    case flagDescription
    /// A description of a count (`Number of …`, `…数量`).
    case countDescription
    /// A description of an object that is a set of key-value pairs (`Key-value pair set …`, `…键值对`).
    case mapDescription
    /// A sentence that links a page to tell where a value comes from, not what it is (`For details on how to
    /// obtain the ID, see …`).
    case obtainMention
    // Examples.
    case exampleWord, requestWord, responseWord, requestMention, responseMention, failureMention
}

/// The words of one concept in one language, lower case unless the concept says otherwise. Text matches when it
/// equals one of `equal`, starts with one of `prefixes`, contains one of `contained` or ends with one of `suffixes`.
package struct Words: Sendable {
    package var equal: [String]
    package var prefixes: [String]
    package var contained: [String]
    package var suffixes: [String]

    package init(equal: [String] = [], prefixes: [String] = [], contained: [String] = [], suffixes: [String] = []) {
        self.equal = equal
        self.prefixes = prefixes
        self.contained = contained
        self.suffixes = suffixes
    }

    func matches(_ text: some StringProtocol) -> Bool {
        equal.contains { text == $0 } || prefixes.contains { text.hasPrefix($0) }
            || contained.contains { text.has($0) } || suffixes.contains { text.hasSuffix($0) }
    }
}

/// The one place the reader's words live: each concept's words side by side for every ``Language``. The reader
/// asks whether a text says a concept (`Vocabulary.matches(.mandatoryColumn, "是否必选")`) in any language, so a
/// page may mix them (Chinese headings above English columns). Adding a language is adding a column to
/// ``entries``.
package enum Vocabulary {
    /// The words of each concept per language.
    package static let entries: [Concept: [Language: Words]] = VocabularyEntries.all

    /// The entries flattened in ``Language`` order, for lookups.
    private static let table: [Concept: [Words]] = entries.mapValues { words in
        Language.allCases.compactMap { words[$0] }
    }

    /// Whether `text` says `concept` in any language.
    package static func matches(_ concept: Concept, _ text: some StringProtocol) -> Bool {
        guard let words = table[concept] else { return false }
        return words.contains { $0.matches(text) }
    }

    /// The phrases `concept` is found by inside a text, every language's, English first.
    package static func contained(_ concept: Concept) -> [String] {
        table[concept]?.flatMap(\.contained) ?? []
    }

    /// The words `concept` starts a text with, every language's, English first.
    package static func prefixes(_ concept: Concept) -> [String] {
        table[concept]?.flatMap(\.prefixes) ?? []
    }
}
