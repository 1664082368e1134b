import DocReader

/// An operation name read from a page title, for a page that carries no API name and that the official SDKs do not
/// name: written the way API names are (`Querying Details About All Disks` on a `GET …/volumes/detail` →
/// `ListDisks`), never a gerund or a sentence. The rules are about English titles, not about any one service:
/// - the verb the title starts with (after a leading `Batch`) becomes the verb API names use: querying, obtaining,
///   getting and viewing become `List` for a collection and `Show` for one resource (a `GET` whose path ends in a
///   placeholder); modifying and changing `Update`; binding and granting `Associate`, unbinding `Disassociate`;
///   another `-ing` word becomes its base form (`Expanding` → `Expand`, `Reserving` → `Reserve`);
/// - articles and words that add nothing to a name are dropped (`specified`, `details about`, `information about`,
///   `based on specified conditions`; after `List`: `all`, `list of` and a final `list`), and so is a parenthesised remark
///   (`(Microversion 2.6 or Later)`, `(Native OpenStack API)`);
/// - a deprecation mark (`Discarded`, `(Deprecated)`, `to be discarded`) leaves the name and becomes
///   ``deprecation``.
/// A title in another language (the Chinese edition's) is no name: the name is made from the method and path
/// (``PathName``), and ``isFromPath`` says so.
struct TitleName {
    /// UpperCamelCase operation id.
    let id: String
    /// The title's word for a deprecated API (`Discarded`, `Deprecated`), or `nil`.
    let deprecation: String?
    /// Whether the title is not English and the name was made from the method and path.
    let isFromPath: Bool

    init(title: String, method: String? = nil, path: String? = nil) {
        guard Language.of(title) == .english else {
            id = path.map { PathName.id(method: method ?? "GET", path: $0) } ?? "Operation"
            deprecation = nil
            isFromPath = true
            return
        }
        isFromPath = false
        var text = title
        var deprecation: String?
        for mark in Self.deprecationMarks {
            guard let range = text.range(of: mark, options: .caseInsensitive) else { continue }
            deprecation = deprecation ?? mark.split(separator: " ").last!.filter(\.isLetter).capitalized
            text.removeSubrange(range)
        }
        self.deprecation = deprecation
        var words = Naming.words(Self.withoutRemarks(text)).map(String.init)
        words = Self.withoutFillers(words)
        let verbIndex = words.first?.lowercased() == "batch" && words.count > 1 ? 1 : 0
        let isOneResource = Self.namesOneResource(method: method, path: path)
        if verbIndex < words.count {
            words[verbIndex] = Self.verb(words[verbIndex], isOneResource: isOneResource)
        }
        // A second verb joined to the first (`Adding or Updating Tags`).
        if verbIndex + 2 < words.count, ["or", "and"].contains(words[verbIndex + 1].lowercased()) {
            words[verbIndex + 2] = Self.verb(words[verbIndex + 2], isOneResource: isOneResource)
        }
        if words.indices.contains(verbIndex), words[verbIndex] == "List" {
            // `Querying All Disks`, `Querying the List of Jobs`, `Querying the Job List`: the verb says it.
            let rest = Self.withoutFillers(Array(words[(verbIndex + 1)...]), phrases: [["all"], ["list", "of"]])
            words = Array(words[...verbIndex]) + (rest.count > 1 && rest.last?.lowercased() == "list" ? rest.dropLast() : rest)
        }
        let joined = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        if joined.isEmpty {
            id = "Operation"
        } else {
            id = joined.first!.isNumber ? "Op" + joined : joined
        }
    }

    /// Marks of a deprecated API in titles, longest first so that "to be discarded" goes before "discarded".
    static let deprecationMarks = ["(to be discarded)", "to be discarded", "(discarded)", "(deprecated)", "discarded", "deprecated"]

    /// Phrases that add nothing to a name, as lower-case word sequences.
    static let fillerPhrases: [[String]] = [
        ["based", "on", "specified", "conditions"], ["detailed", "information", "about"], ["details", "about"],
        ["details", "of"], ["information", "about"], ["information", "of"], ["specified"], ["a"], ["an"], ["the"],
    ]

    private static func withoutFillers(_ words: [String], phrases: [[String]] = fillerPhrases) -> [String] {
        var kept: [String] = []
        var index = 0
        outer: while index < words.count {
            for phrase in phrases where index + phrase.count <= words.count {
                if zip(phrase, words[index..<index + phrase.count]).allSatisfy({ $0 == $1.lowercased() }) {
                    index += phrase.count
                    continue outer
                }
            }
            kept.append(words[index])
            index += 1
        }
        return kept
    }

    /// `text` without its parenthesised remarks.
    private static func withoutRemarks(_ text: String) -> String {
        var result = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(depth - 1, 0) } else if depth == 0 {
                result.append(character)
            }
        }
        return result
    }

    /// Whether the operation acts on one resource: a `GET` whose path ends in a placeholder.
    private static func namesOneResource(method: String?, path: String?) -> Bool {
        guard method?.uppercased() == "GET", let last = path?.split(separator: "/").last else { return false }
        return last.hasPrefix("{")
    }

    /// The verb API names use for a title's first word.
    static func verb(_ word: String, isOneResource: Bool) -> String {
        let lower = word.lowercased()
        switch lower {
        case "querying", "obtaining", "getting", "viewing", "listing": return isOneResource ? "Show" : "List"
        case "modifying", "changing", "updating": return "Update"
        case "binding", "granting", "associating": return "Associate"
        case "unbinding", "disassociating": return "Disassociate"
        default: break
        }
        if let known = Naming.verbs[lower] { return known }
        return baseForm(ofGerund: word)
    }

    /// `Expanding` → `Expand`, `Stopping` → `Stop`, `Reserving` → `Reserve`; a word that is no `-ing` form stays.
    static func baseForm(ofGerund word: String) -> String {
        let lower = word.lowercased()
        guard lower.hasSuffix("ing"), lower.count > 5 else { return word }
        var stem = String(word.dropLast(3))
        let letters = Array(stem.lowercased())
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        let last = letters[letters.count - 1]
        let before = letters[letters.count - 2]
        if last == before, !vowels.contains(last), !["l", "s", "z", "f"].contains(last) {
            stem.removeLast()  // `Stopping`, `Mapping`
        } else if ["v", "z", "c"].contains(last) || (last == "s" && vowels.contains(before))
            || (["t", "r"].contains(last) && vowels.contains(before) && before != "e"
                && !(letters.count > 2 && vowels.contains(letters[letters.count - 3])))
        {
            stem += "e"  // `Reserving`, `Pausing`, `Computing`, `Configuring`; `Waiting`, `Filtering` stay
        }
        return stem
    }
}
