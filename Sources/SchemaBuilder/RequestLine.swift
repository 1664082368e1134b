import APISchema
import DocReader
import Foundation

/// `POST /v1/{project_id}/notebooks`: the method and path of an API page.
struct RequestLine: Hashable {
    var method: String
    var path: String
    var queryNames: [String]
    /// The literal project id the printed path had where `{project_id}` belongs (`/mysql/v3/97b0…/backups`), now
    /// the placeholder; the builder reports it.
    var literalProjectID: String? = nil

    static let methods: Set<String> = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]

    /// The placeholders of the path (`project_id`, `id`).
    var pathVariables: [String] { PathTemplate.placeholders(in: path) }

    /// Parses `METHOD path` (optionally with a scheme and host, and a query string).
    static func parse(_ text: String) -> RequestLine? {
        let trimmed = text.trimmed()
        // The method ends at a space, or where the path glued to it starts (`GET/{api_version}`).
        guard let end = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "/" }) else { return nil }
        let method = String(trimmed[..<end]).uppercased()
        guard methods.contains(method), trimmed[..<end].allSatisfy(\.isUppercase) else { return nil }
        var target = withoutSpacesInBraces(trimmed[end...].trimmed())
        // Spaces printed inside a request target (`https:// {endpoint} /v1/...`, `?a={a}& b={b}`) are not part of
        // it: join it back. A piece that continues nothing ends the line.
        if target.has(" ") {
            var joined = ""
            for piece in target.split(separator: " ") {
                let opensPiece = piece.has("/") || piece.hasPrefix("{") || piece.hasPrefix("?") || piece.hasPrefix("&")
                let continuesQuery = joined.hasSuffix("&") || joined.hasSuffix("?")
                guard opensPiece || continuesQuery else { return nil }
                joined += piece
            }
            target = joined
        }
        if let scheme = target.find("://") {
            let afterHost = target[scheme.upperBound...]
            guard let slash = afterHost.firstIndex(of: "/") else { return nil }
            target = String(afterHost[slash...])
        }
        guard target.hasPrefix("/") else { return nil }
        var queryNames: [String] = []
        func addQuery(_ text: Substring, separators: Set<Character>) {
            for pair in text.split(whereSeparator: separators.contains) {
                let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                let clean = name.trimmingCharacters(in: CharacterSet(charactersIn: "{}[] ?"))
                if !clean.isEmpty, !queryNames.contains(clean) { queryNames.append(clean) }
            }
        }
        // RFC 6570 query expansions (`…/{port_id}{?reserve_port}`, or `{?limit={limit}&marker={marker}}` with the
        // pairs inside) name query parameters; they are not path.
        while let open = target.range(of: "{?") ?? target.range(of: "{&"),
            let close = closingBrace(in: target, from: open.upperBound)
        {
            addQuery(target[open.upperBound..<close], separators: [",", "&"])
            target.removeSubrange(open.lowerBound...close)
        }
        // A query string starts at `?`, or at an `&` glued to the path (`/servers&image={image}&flavor={flavor}`).
        var path = target
        if let start = target.firstIndex(where: { $0 == "?" || $0 == "&" }) {
            path = String(target[..<start])
            addQuery(target[target.index(after: start)...], separators: ["&"])
        }
        path = withoutStrayBraces(path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        var line = RequestLine(method: method, path: path, queryNames: queryNames)
        line.placeLiteralProjectID()
        return line
    }

    /// `text` without the spaces a page printed inside a placeholder (`{begin _time}`).
    private static func withoutSpacesInBraces(_ text: String) -> String {
        var depth = 0
        return String(
            text.filter { character in
                if character == "{" { depth += 1 } else if character == "}" { depth = max(0, depth - 1) }
                return depth == 0 || !character.isWhitespace
            })
    }

    /// `path` without a brace that opens or closes no placeholder (`/ports/{port_id}{`, `/a}/{id}`): a stray brace
    /// makes the path unusable as a template.
    private static func withoutStrayBraces(_ path: String) -> String {
        let (open, close): (Character, Character) = ("\u{1}", "\u{2}")
        let marked = PathTemplate.replacingPlaceholders(in: path) { name in
            name.isEmpty ? "" : String(open) + name + String(close)
        }
        return String(
            marked.compactMap { character -> Character? in
                switch character {
                case "{", "}": nil
                case open: "{"
                case close: "}"
                default: character
                }
            })
    }

    /// The `}` that closes the brace opened just before `start`, counting the braces nested inside.
    private static func closingBrace(in text: String, from start: String.Index) -> String.Index? {
        var depth = 1
        var index = start
        while index < text.endIndex {
            if text[index] == "{" { depth += 1 } else if text[index] == "}" {
                depth -= 1
                if depth == 0 { return index }
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// A path that names a project by a literal id right after its version segment (`/v3/97b026aa…/backups`,
    /// copied from an example) where a `{project_id}` placeholder belongs, gets the placeholder back.
    private mutating func placeLiteralProjectID() {
        guard !pathVariables.contains("project_id") else { return }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for index in segments.indices.dropFirst() where PathTemplate.isVersionSegment(segments[index - 1]) {
            let segment = segments[index]
            guard segment.count == 32, segment.allSatisfy(\.isHexDigit), segment.contains(where: \.isNumber) else { continue }
            literalProjectID = String(segment)
            segments[index] = "{project_id}"
            path = segments.joined(separator: "/")
            return
        }
    }

    /// The request line of an API page: in its URI section (a `METHOD path` line; else the path and the method on
    /// lines of their own; else a method alone, `GET`, which leaves the path to the example request line with that
    /// method), else a paragraph that is only a request line.
    static func find(in model: PageModel) -> RequestLine? {
        let uriLines = lines(of: model, in: [.uri])
        if let parsed = uriLines.lazy.compactMap(parse).first { return parsed }
        if let labelled = labelled(uriLines) { return labelled }
        if let method = uriLines.first(where: { methods.contains($0) }) {
            let examples = lines(of: model, in: [.example, .request], paragraphs: false)
            if let parsed = examples.lazy.compactMap(parse).first(where: { $0.method == method }) { return parsed }
        }
        for section in model.sections where section.kind == .other || section.kind == .function || section.kind == .request {
            if section.kind == .other, !section.title.isEmpty, !Vocabulary.matches(.requestMention, section.title.lowercased()) {
                continue
            }
            for case .paragraph(let text) in section.items {
                if let parsed = parse(text.text), text.text.count < 300 { return parsed }
            }
        }
        return nil
    }

    /// `PATH: /v1.0/{project_id}/instances` and `Method: POST` (or `请求方法：POST`), in either order, as lines,
    /// list items or paragraphs of a URI section; or one label before a whole request line (`URI: GET /v1/…`).
    static func labelled(_ lines: [String]) -> RequestLine? {
        var method: String?
        var target: String?
        for line in lines {
            guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { continue }
            let label = line[..<colon].trimmed().lowercased()
            let value = line[line.index(after: colon)...].trimmed()
            if Vocabulary.matches(.pathLabel, label), let whole = parse(value) { return whole }  // `URI: GET /v1/…`
            if method == nil, Vocabulary.matches(.methodLabel, label), methods.contains(value.uppercased()) {
                method = value.uppercased()
            } else if target == nil, Vocabulary.matches(.pathLabel, label), value.hasPrefix("/") || value.has("://") {
                target = value
            }
        }
        guard let method, let target else { return nil }
        return parse("\(method) \(target)")
    }

    /// The trimmed lines of the paragraphs (unless `paragraphs` is false) and code blocks of the sections of `kinds`.
    static func lines(of model: PageModel, in kinds: [SectionKind], paragraphs: Bool = true) -> [String] {
        var lines: [String] = []
        for section in model.sections where kinds.contains(section.kind) {
            for item in section.items {
                switch item {
                case .paragraph(let text) where paragraphs:
                    lines += text.text.split(separator: "\n").map { $0.trimmed() }
                case .code(let code): lines += code.split(separator: "\n").map { $0.trimmed() }
                default: break
                }
            }
        }
        return lines.filter { !$0.isEmpty }
    }
}
