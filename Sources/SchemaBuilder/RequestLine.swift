import APISchema
import DocReader
import Foundation

/// `POST /v1/{project_id}/notebooks`: the method and path of an API page.
struct RequestLine: Hashable {
    var method: String
    var path: String
    var queryNames: [String]

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
        var target = trimmed[end...].trimmed()
        // Spaces printed inside a request target (`https:// {endpoint} /v1/...`, `{?interface, service_id}`,
        // `?a={a}& b={b}`) are not part of it: join it back. A piece that continues nothing ends the line.
        if target.has(" ") {
            var joined = ""
            for piece in target.split(separator: " ") {
                let opensPiece = piece.has("/") || piece.hasPrefix("{") || piece.hasPrefix("?") || piece.hasPrefix("&")
                let continuesQuery = joined.hasSuffix("&") || joined.hasSuffix("?")
                let insideBraces = joined.filter { $0 == "{" }.count > joined.filter { $0 == "}" }.count
                guard opensPiece || continuesQuery || insideBraces else { return nil }
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
        // RFC 6570 query expansions (`…/{port_id}{?reserve_port}`) name query parameters; they are not path.
        while let open = target.range(of: "{?") ?? target.range(of: "{&"),
            let close = target[open.upperBound...].firstIndex(of: "}")
        {
            for name in target[open.upperBound..<close].split(separator: ",") {
                let clean = name.trimmingCharacters(in: .whitespaces)
                if !clean.isEmpty, !queryNames.contains(clean) { queryNames.append(clean) }
            }
            target.removeSubrange(open.lowerBound...close)
        }
        var path = target
        if let question = target.firstIndex(of: "?") {
            path = String(target[..<question])
            for pair in target[target.index(after: question)...].split(separator: "&") {
                let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
                let clean = name.trimmingCharacters(in: CharacterSet(charactersIn: "{}[] ?"))
                if !clean.isEmpty, !queryNames.contains(clean) { queryNames.append(clean) }
            }
        }
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return RequestLine(method: method, path: path, queryNames: queryNames)
    }

    /// The request line of an API page: in its URI section (whose method alone, `GET`, leaves the path to the
    /// example request line with that method), else a paragraph that is only a request line.
    static func find(in model: PageModel) -> RequestLine? {
        let uriLines = lines(of: model, in: [.uri])
        if let parsed = uriLines.lazy.compactMap(parse).first { return parsed }
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
