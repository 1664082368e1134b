import APISchema

/// What every Swift identifier needs whatever the service: the words of a wire name, keywords and backticks, string
/// literals, the names Swift and CloudCore reserve, and keeping the identifiers of one scope apart (the spelling of
/// the words, which depends on the service's vocabulary, is ``SwiftSpelling``'s). Everything here is a pure function
/// of its input, so output is deterministic.
enum SwiftNames {
    /// Words of a wire name: split at every non-alphanumeric character and at case changes
    /// (`imageID` → `image`, `ID`; `HTTPServer` → `HTTP`, `Server`). Digits stay with the word they follow.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        let characters = Array(text)
        func flush() {
            if !current.isEmpty { words.append(String(current)) }
            current = []
        }
        for (index, character) in characters.enumerated() {
            guard character.isASCII, character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if character.isUppercase {
                    if previous.isLowercase || previous.isNumber {
                        flush()  // `imageId`, `v2Beta`
                    } else if previous.isUppercase, let next, next.isLowercase, next.isASCII,
                        !isPluralSuffix(characters, at: index + 1)
                    {
                        flush()  // `HTTPServer`: the `S` starts the next word (but `ECSs` is one word)
                    }
                }
            }
            current.append(character)
        }
        flush()
        return words
    }

    /// Whether `characters[index]` is the plural `s` of an acronym (`ECSs`, `NICsTo`): a lone `s` that ends the
    /// word.
    private static func isPluralSuffix(_ characters: [Character], at index: Int) -> Bool {
        guard characters[index] == "s" else { return false }
        let after = index + 1 < characters.count ? characters[index + 1] : nil
        return after.map { !$0.isLowercase } ?? true
    }

    /// `name` in backticks when Swift would read it as a keyword.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// `name` without the backticks `escaped` may have added.
    static func unescaped(_ name: String) -> String {
        name.hasPrefix("`") ? String(name.dropFirst().dropLast()) : name
    }

    /// The contents of a Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `text` as a Swift string literal that starts `column` characters into a line indented by `indent`: one
    /// line when it fits, else a multi-line literal with the text's own line breaks, its long lines wrapped at
    /// ``SwiftDocComment/lineWidth`` with a closing `\` (which adds no newline).
    static func wrappedLiteral(_ text: String, column: Int, indent: Int) -> String {
        let single = literal(text)
        if column + single.count + 1 <= SwiftDocComment.lineWidth, !text.contains("\n") { return single }
        let margin = String(repeating: " ", count: indent + 4)
        var lines = ["\"\"\""]
        for segment in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // The escaped segment, less its quotes; `\"` is valid (if unneeded) in a multi-line literal.
            let escaped = String(literal(String(segment)).dropFirst().dropLast())
            let wrapped = SwiftDocComment.wrap(escaped, width: SwiftDocComment.lineWidth - margin.count - 2)
            lines += wrapped.enumerated().map { index, line in
                margin + line + (index == wrapped.count - 1 ? "" : " \\")
            }
            if wrapped.isEmpty { lines.append("") }
        }
        return (lines + [margin + "\"\"\""]).joined(separator: "\n")
    }

    /// `text` as a raw string literal (`#"…"#`, no escapes, for JSON) that starts `column` characters into a line
    /// indented by `indent`: one line when it fits, else a multi-line raw literal wrapped at spaces with a closing
    /// `\#` (which adds no newline). Text that a raw literal cannot hold as it is falls back to ``wrappedLiteral``.
    static func rawLiteral(_ text: String, column: Int, indent: Int) -> String {
        guard !text.contains("\"#"), !text.contains("\\#"), !text.contains("\n"), !text.contains("\r") else {
            return wrappedLiteral(text, column: column, indent: indent)
        }
        let single = "#\"\(text)\"#"
        if column + single.count + 1 <= SwiftDocComment.lineWidth { return single }
        let margin = String(repeating: " ", count: indent + 4)
        let wrapped = SwiftDocComment.wrap(text, width: SwiftDocComment.lineWidth - margin.count - 3)
        let lines = wrapped.enumerated().map { index, line in
            margin + line + (index == wrapped.count - 1 ? "" : " \\#")
        }
        return (["#\"\"\""] + lines + [margin + "\"\"\"#"]).joined(separator: "\n")
    }

    /// Words Swift reserves in declarations and expressions; identifiers spelled like them get backticks.
    static let keywords: Set<String> = [
        "Any", "Protocol", "Self", "Type", "as", "associatedtype", "break", "case", "catch", "class", "continue",
        "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "for",
        "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "nil", "operator", "private",
        "precedencegroup", "protocol", "public", "repeat", "rethrows", "return", "self", "static", "struct",
        "subscript", "super", "switch", "throw", "throws", "true", "try", "typealias", "var", "where", "while",
    ]

    /// Member names that `self.name` or `Type.name` cannot reach even in backticks.
    static let unusableMembers: Set<String> = ["self", "Self", "Type", "Protocol", "init", "deinit", "subscript"]

    /// Members every open enum already has; a documented value spelled like one gets a `Value` suffix.
    static let reservedEnumMembers: Set<String> = [
        "rawValue", "description", "hashValue", "init", "self", "Type", "Protocol", "allCases",
    ]

    /// Type names a generated type must not take: Swift, Foundation and CloudCore names it would shadow, and the
    /// names Swift gives special meaning inside a type.
    static let reservedTypeNames: Set<String> = [
        // Swift
        "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "CodingKey", "CodingKeys", "Decodable",
        "Decoder", "Dictionary", "Double", "Encodable", "Encoder", "Equatable", "Error", "Float", "Hashable", "Int",
        "Int8", "Int16", "Int32", "Int64", "Never", "Optional", "Protocol", "Result", "Self", "Sendable", "Sequence",
        "Set", "String", "Substring", "Task", "Type", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Void",
        "Collection", "Element", "Actor", "Identifiable", "Comparable", "Range", "Never", "Unicode", "Mirror",
        // Foundation
        "Data", "Date", "Decimal", "JSONDecoder", "JSONEncoder", "Locale", "Notification", "NSObject", "Operation",
        "TimeInterval", "TimeZone", "URL", "URLRequest", "URLSession", "UUID", "Calendar", "Measurement",
        // CloudCore and its dependencies
        "APIError", "ClientConfiguration", "Cloud", "CloudCore", "CredentialProvider", "Credentials", "HTTPFields",
        "HTTPRequest", "HTTPResponse", "HTTPTransport", "JSONValue", "Logger", "MarkerPaginator", "OffsetPaginator",
        "OpenEnum", "OperationRequest", "QueryItems", "QueryValue", "Region", "RetryPolicy", "ServiceClient",
        "Timeouts", "Foundation",
    ]
}

/// Hands out unique Swift identifiers within one scope (``UniqueNames``), keeping the backticks of an escaped name
/// outside the counter: the first taker of a name keeps it, later ones get `2`, `3`, … in the order they ask.
struct NameScope {
    private var names: UniqueNames

    init(reserved: Set<String> = []) {
        names = UniqueNames(reserved: reserved)
    }

    /// `name`, or `name2`, `name3`, … when it is taken; escaped names keep their backticks outside the suffix.
    mutating func claim(_ name: String) -> String {
        let bare = SwiftNames.unescaped(name)
        let claimed = names.claim(bare)
        return claimed == bare ? name : claimed
    }

    func contains(_ name: String) -> Bool { names.contains(SwiftNames.unescaped(name)) }
}
