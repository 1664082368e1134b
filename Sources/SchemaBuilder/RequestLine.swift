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
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return nil }
        let method = String(trimmed[..<space]).uppercased()
        guard methods.contains(method), trimmed[..<space].allSatisfy(\.isUppercase) else { return nil }
        var target = trimmed[space...].trimmed()
        // `https:// {endpoint} /v1/...` is printed with spaces around placeholders; join it back.
        if target.has(" ") {
            let pieces = target.split(separator: " ")
            guard pieces.allSatisfy({ $0.has("/") || $0.hasPrefix("{") || $0.hasPrefix("?") || $0.hasPrefix("&") })
            else { return nil }
            target = pieces.joined()
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

    /// The request line of an API page: in its URI section, else a paragraph that is only a request line.
    static func find(in model: PageModel) -> RequestLine? {
        for section in model.sections where section.kind == .uri {
            for item in section.items {
                switch item {
                case .paragraph(let text):
                    for line in text.text.split(separator: "\n") {
                        if let parsed = parse(String(line)) { return parsed }
                    }
                case .code(let code):
                    for line in code.split(separator: "\n") {
                        if let parsed = parse(String(line)) { return parsed }
                    }
                default:
                    break
                }
            }
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
}
