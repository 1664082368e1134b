import Foundation
import APISchema
import DocReader

/// What a Type cell says, before named types are resolved against the page's tables.
indirect enum TypeSpelling: Hashable, Sendable {
    /// A primitive the cell spells out (`String`, `Long`, `Boolean`).
    case primitive(TypeRef)
    /// An object that a table should describe (`Object`, `Dict`, `JSON` with a table link); `opaque` when the
    /// spelling itself says free-form JSON.
    case object(opaque: Bool)
    /// A type name (`VolumeReq`, `Config object`).
    case named(String)
    case array(TypeSpelling)
    case map(TypeSpelling)
    /// Nothing readable; the original text is kept for the diagnostic.
    case unknown(String)

    /// Whether the spelling contains an unknown part.
    var unknownText: String? {
        switch self {
        case .unknown(let text): text
        case .array(let inner), .map(let inner): inner.unknownText
        default: nil
        }
    }

    var isArray: Bool { if case .array = self { true } else { false } }
}

/// Parses the type spellings of the pages: `String`, `Integer`, `Long`, `Array of X objects`, `List<String>`,
/// `Map<String,X>`, `X object`, `Integer/Boolean`, …
enum TypeSpellingParser {
    static let primitives: [String: TypeRef] = [
        "string": .string, "str": .string, "char": .string, "text": .string, "uuid": .string,
        "enum": .string, "date": .string, "datetime": .string, "timestamp string": .string, "time": .string,
        "integer": .integer, "int": .integer, "int32": .integer, "short": .integer, "byte": .integer,
        "int16": .integer, "int8": .integer, "uint32": .integer, "uint": .integer, "numeric": .number,
        "long": .int64, "int64": .int64, "bigint": .int64, "biginteger": .int64, "uint64": .int64,
        "timestamp": .int64,
        "float": .number, "double": .number, "number": .number, "bigdecimal": .number, "decimal": .number,
        "float32": .number, "float64": .number,
        "boolean": .boolean, "bool": .boolean,
    ]

    static let opaqueWords: Set<String> = ["json", "dict", "jsonobject", "jsonstring", "any", "map", "hashmap", "null", "none"]
    static let objectWords: Set<String> = ["object", "obj", "objects", "struct", "structure", "dictionary"]

    /// Parses `text`; `alternatives` is set when the cell offered several types (`Integer/Boolean`).
    static func parse(_ raw: String) -> (TypeSpelling, alternatives: Bool) {
        var text = raw.replacingAll("\n", with: " ").trimmed()
        // Drop trailing notes: `String (64 characters)`, `Integer (int32)` keep the first word's type.
        if text.isEmpty { return (.unknown(raw), false) }
        // Several alternatives: `Integer/Boolean`, `String or Integer`, `String, Integer`.
        for separator in ["/", " or ", "|"] where text.has(separator) {
            let parts = text.components(separatorSeparatedBy: separator)
            if parts.count > 1, !text.lowercased().hasPrefix("array"), !text.has("<") {
                let (first, _) = parse(parts[0])
                return (first, true)
            }
        }
        if text.hasSuffix("[]") {
            return (.array(parse(String(text.dropLast(2))).0), false)
        }
        let lower = text.lowercased()
        if let primitive = primitives[lower] { return (.primitive(primitive), false) }
        if opaqueWords.contains(lower.replacingAll(" ", with: "")) { return (.object(opaque: true), false) }
        if objectWords.contains(lower) { return (.object(opaque: false), false) }
        // Generic forms: Array<X>, List<X>, List(X), List[X], Map<K,V>, Map(K,V).
        for open in ["<", "(", "["] {
            guard let openIndex = text.firstIndex(of: Character(open)) else { continue }
            let head = text[..<openIndex].trimmed().lowercased()
            let close: Character = open == "<" ? ">" : open == "(" ? ")" : "]"
            guard let closeIndex = text.lastIndex(of: close), closeIndex > openIndex else { continue }
            let inner = String(text[text.index(after: openIndex)..<closeIndex]).trimmed()
            switch head {
            case "array", "list", "set", "collection", "arraylist", "vector":
                return (.array(parse(inner).0), false)
            case "map", "dict", "hashmap", "dictionary":
                let parts = splitTopLevel(inner)
                let value = parts.count >= 2 ? parts[1] : (parts.first ?? "")
                return (.map(parse(value).0), false)
            default:
                // `String (UUID)`, `Integer (int64)`: the head decides, except for explicit 64-bit hints.
                if let primitive = primitives[head] {
                    let innerLower = inner.lowercased()
                    if primitive == .integer, innerLower.has("64") || innerLower == "long" { return (.primitive(.int64), false) }
                    return (.primitive(primitive), false)
                }
                if objectWords.contains(head) || opaqueWords.contains(head) { return (.object(opaque: opaqueWords.contains(head)), false) }
                text = String(text[..<openIndex]).trimmed()
                return parse(text)
            }
        }
        // `Array of X objects`, `Array of strings`, `List of X`.
        for prefix in ["array of ", "list of ", "arrays of ", "set of "] where lower.hasPrefix(prefix) {
            var inner = String(text.dropFirst(prefix.count)).trimmed()
            let innerLower = inner.lowercased()
            if innerLower == "objects" || innerLower == "object" { return (.array(.object(opaque: false)), false) }
            for suffix in [" objects", " object", " structures", " structure"] where innerLower.hasSuffix(suffix) {
                inner = String(inner.dropLast(suffix.count))
                break
            }
            return (.array(element(inner)), false)
        }
        if lower == "array" || lower == "list" || lower == "arrays" {
            return (.array(.object(opaque: false)), false)
        }
        // `String array`, `schedule array`, `Integer list`.
        for suffix in [" array", " list", " arrays"] where lower.hasSuffix(suffix) {
            let inner = String(text.dropLast(suffix.count)).trimmed()
            return (.array(element(inner)), false)
        }
        // `List data structure`, `Dictionary data structure`: the word before "data" is the type.
        for suffix in [" data structures", " data structure"] where lower.hasSuffix(suffix) {
            let head = parse(String(text.dropLast(suffix.count))).0
            if head.unknownText == nil { return (head, false) }
        }
        // `VolumeReq object`, `Config objects`.
        for suffix in [" objects", " object", " structure", " struct"] where lower.hasSuffix(suffix) {
            let inner = String(text.dropLast(suffix.count)).trimmed()
            return (named(inner) ?? .unknown(raw), false)
        }
        if let named = named(text) { return (named, false) }
        // `String 64 characters`-like texts: trust a leading primitive.
        if let first = lower.split(separator: " ").first, let primitive = primitives[String(first)] {
            return (.primitive(primitive), false)
        }
        return (.unknown(raw), false)
    }

    /// The element of `Array of …`: a plural primitive (`strings`), an object or a name.
    static func element(_ text: String) -> TypeSpelling {
        let lower = text.lowercased()
        if let primitive = primitives[lower] { return .primitive(primitive) }
        if lower.hasSuffix("s"), let primitive = primitives[String(lower.dropLast())] { return .primitive(primitive) }
        if objectWords.contains(lower) { return .object(opaque: false) }
        let parsed = parse(text).0
        if case .unknown = parsed, let name = named(text) { return name }
        return parsed
    }

    /// A single identifier-like word is a type name (`VolumeReq`, `schedule`).
    static func named(_ text: String) -> TypeSpelling? {
        let trimmed = text.trimmed()
        guard !trimmed.isEmpty, !trimmed.has(" "),
            trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }),
            let first = trimmed.first, first.isLetter
        else { return nil }
        let lower = trimmed.lowercased()
        if let primitive = primitives[lower] { return .primitive(primitive) }
        if objectWords.contains(lower) { return .object(opaque: false) }
        if opaqueWords.contains(lower) { return .object(opaque: true) }
        return .named(trimmed)
    }

    /// Splits `String,List<String>` at top-level commas.
    static func splitTopLevel(_ text: String) -> [String] {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for character in text {
            switch character {
            case "<", "(", "[": depth += 1
            case ">", ")", "]": depth -= 1
            default: break
            }
            if character == ",", depth == 0 {
                parts.append(current.trimmed())
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current.trimmed())
        return parts
    }
}

extension String {
    func components(separatorSeparatedBy separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.find(separator) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts.map { $0.trimmed() }.filter { !$0.isEmpty }
    }
}
