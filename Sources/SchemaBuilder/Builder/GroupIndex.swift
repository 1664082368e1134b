import APISchema
import DocReader

/// Group names from the table of contents: the parent chapter of each page, identifier-safe and unique. A chapter
/// whose title is not English (the Chinese edition's) names no group: a title never becomes an identifier, and its
/// pages join the group of their path (``group(of:path:)``).
struct GroupIndex {
    var ordered: [OperationGroup] = []
    var byPage: [String: String] = [:]

    init(toc: TableOfContents) {
        var byCode: [String: TableOfContents.Entry] = [:]
        for entry in toc.entries { byCode[entry.code] = entry }
        var nameByCode: [String: String] = [:]
        var names = UniqueNames()
        for entry in toc.entries {
            guard let parentCode = entry.p_code, let parent = byCode[parentCode], Language.of(parent.title) == .english
            else { continue }
            if nameByCode[parentCode] == nil {
                var name = Naming.upperCamel(parent.title)
                if names.contains(name), let grand = parent.p_code.flatMap({ byCode[$0] }), Language.of(grand.title) == .english {
                    name = Naming.upperCamel(grand.title) + name
                }
                name = names.claim(name)
                nameByCode[parentCode] = name
                ordered.append(OperationGroup(name: name, title: parent.title))
            }
            let page = String(entry.uri.split(separator: "#").first ?? "")
            if byPage[page] == nil { byPage[page] = nameByCode[parentCode] }
        }
    }

    /// The page's chapter in the table of contents; a page the table does not list (newer exports often are
    /// not) joins the group named after the first resource of its path (`/v1/{project_id}/workspaces/{id}` →
    /// `Workspaces`), so that related operations still share a file.
    func group(of page: String, path: String) -> String {
        byPage[page] ?? Self.resourceSegment(of: path).map(Naming.upperCamel) ?? "Default"
    }

    /// The groups `operations` use: the table of contents' own in its order, then the others sorted by name.
    func groups(of operations: [APISchema.Operation]) -> [OperationGroup] {
        let used = Set(operations.map(\.group))
        let listed = ordered.filter { used.contains($0.name) }
        let derived = used.subtracting(listed.map(\.name)).sorted().map { name in
            let path = operations.first { $0.group == name }?.path ?? ""
            return OperationGroup(name: name, title: Self.resourceSegment(of: path) ?? name)
        }
        return listed + derived
    }

    /// The first literal path segment that is neither a version (`v1`, `v1.1`) nor a parameter.
    static func resourceSegment(of path: String) -> String? {
        path.split(separator: "/").first { segment in
            guard segment.first != "{" else { return false }
            return !PathTemplate.isVersionSegment(segment) && segment.contains { $0.isLetter }
        }.map(String.init)
    }
}
