import APISchema
import DocReader

/// The hosts a service's pages name that are its own endpoint: `<prefix>.<region>.<cloud domain>`
/// (`ces.eu-de.otc.t-systems.com`, `iam.{region}.otc.t-systems.com`), where
/// - a sentence, list item or table row that speaks of endpoints names the host alone (`the endpoint of the eu-de
///   region is ces.eu-de.otc.t-systems.com`), unless it names the host as another service's (`the endpoint of IAM
///   is iam.…` on another service's page);
/// - or a URL's path is one of the service's operations (an example request, a version link).
/// A host with a deeper name (a bucket's `x.obs.eu-de.…`) or a path of another API (a token request to IAM) is
/// not the service's.
struct EndpointStatements {
    struct Statement: Hashable {
        var prefix: String
        /// The host with `{region}` for its region.
        var host: String
        var page: String
        /// Whether the page's title, a heading or a table caption speaks of endpoints.
        var onEndpointPage: Bool
    }

    /// The domains of the clouds whose endpoints the pages name.
    static let cloudDomains = ["otc.t-systems.com", "myhuaweicloud.com"]

    private(set) var statements: [Statement] = []
    private let service: String
    private let operationPaths: [[Substring]]

    init(pages: [DocPage], operationPaths: [String], service: String) {
        self.service = service.uppercased()
        self.operationPaths = operationPaths.map { $0.split(separator: "/") }
        for page in pages.sorted(by: { $0.path < $1.path }) {
            let onEndpointPage = Self.speaksOfEndpoints(page.title) || Self.titles(of: page.blocks).contains(where: Self.speaksOfEndpoints)
            for unit in Self.textUnits(of: page.blocks) {
                for found in Self.hosts(in: unit) where isOwn(found, in: unit) {
                    statements.append(
                        Statement(prefix: found.prefix, host: found.host, page: page.path, onEndpointPage: onEndpointPage))
                }
            }
        }
    }

    static func speaksOfEndpoints(_ text: String) -> Bool { text.lowercased().contains("endpoint") }

    /// Headings and table captions, at any depth.
    static func titles(of blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, let text, _): [text.text]
            case .table(let table): [table.caption?.text ?? ""]
            case .list(_, let items): items.flatMap(titles)
            case .note(let inner): titles(of: inner)
            case .paragraph, .code: []
            }
        }
    }

    /// The pieces of text a host is read in: paragraphs, list items, code blocks, and each table row with the
    /// table's caption (`SFS endpoint information`).
    static func textUnits(of blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, let text, _), .paragraph(let text): [text.text]
            case .code(let code): [code]
            case .list(_, let items): items.flatMap(textUnits)
            case .note(let inner): textUnits(of: inner)
            case .table(let table):
                table.rows.map { row in ([table.caption?.text ?? ""] + row.map(\.text)).joined(separator: " ") }
            }
        }
    }

    struct FoundHost {
        var prefix: String
        var host: String
        /// The URL path after the host, without its query; empty for a host alone.
        var path: [Substring]
    }

    /// Every `<prefix>.<region>.<cloud domain>` in `text`, with the path that follows it.
    static func hosts(in text: String) -> [FoundHost] {
        let lower = Array(text.lowercased().utf8)
        var found: [FoundHost] = []
        for domain in cloudDomains {
            let suffix = Array(("." + domain).utf8)
            var index = 0
            while let start = firstIndex(of: suffix, in: lower, from: index) {
                index = start + suffix.count
                guard let region = label(endingAt: start, in: lower), isRegion(region.text), region.start > 0,
                    lower[region.start - 1] == UInt8(ascii: "."), let prefix = label(endingAt: region.start - 1, in: lower), !prefix.text.contains("{"),
                    prefix.start == 0 || !isHostCharacter(lower[prefix.start - 1])
                else { continue }
                var end = index
                while end < lower.count, !isURLEnd(lower[end]) { end += 1 }
                let rest = String(decoding: lower[index..<end], as: UTF8.self)
                let path = rest.hasPrefix("/") ? rest.split(separator: "?").first ?? "" : ""
                found.append(
                    FoundHost(
                        prefix: prefix.text, host: "\(prefix.text).{region}.\(domain)",
                        path: path.split(separator: "/")))
            }
        }
        return found
    }

    /// Whether a host found in `unit` is this service's: a URL whose path is one of its operations, or a host
    /// alone in text about endpoints that does not name it as another service's.
    private func isOwn(_ found: FoundHost, in unit: String) -> Bool {
        if !found.path.isEmpty { return operationPaths.contains { Self.matches(found.path, $0) } }
        guard Self.speaksOfEndpoints(unit) else { return false }
        let named = found.prefix.uppercased()
        return named == service || !Self.words(of: unit).contains(named)
    }

    /// Whether a URL's path segments are an operation's path: same length, each segment equal (in any case) or a
    /// placeholder of the template.
    static func matches(_ url: [Substring], _ template: [Substring]) -> Bool {
        url.count == template.count
            && zip(url, template).allSatisfy { $1.hasPrefix("{") || $0.lowercased() == $1.lowercased() }
    }

    static func words(of text: String) -> Set<String> {
        Set(text.split { !$0.isLetter && !$0.isNumber }.map(String.init))
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The DNS label (or `{placeholder}`) that ends right before `end`.
    private static func label(endingAt end: Int, in text: [UInt8]) -> (text: String, start: Int)? {
        var start = end
        while start > 0, isLabelCharacter(text[start - 1]) { start -= 1 }
        guard start < end else { return nil }
        return (String(decoding: text[start..<end], as: UTF8.self), start)
    }

    /// `eu-de`, `eu-ch2`, `cn-north-4`, or a placeholder (`{region}`, `{region_id}`).
    static func isRegion(_ label: String) -> Bool {
        if label.hasPrefix("{") { return label.hasSuffix("}") && label.count > 2 }
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts[0].count == 2 && parts[0].allSatisfy(\.isLetter)
            && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber } }
    }

    private static func isLabelCharacter(_ byte: UInt8) -> Bool {
        isHostCharacter(byte) && byte != UInt8(ascii: ".") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
            || byte == UInt8(ascii: "_")
    }

    private static func isHostCharacter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private static func isURLEnd(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: ",")
    }
}
