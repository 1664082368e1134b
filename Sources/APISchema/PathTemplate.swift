/// A path template as the pages print it (`/v1/{project_id}/notebooks/{id}`): its `{name}` placeholders.
public enum PathTemplate {
    /// Whether a path segment is an API version: `v2`, `v1.1`, `v2.0` (not `v2beta`, not `vpcs`).
    public static func isVersionSegment(_ segment: some StringProtocol) -> Bool {
        guard segment.first == "v", segment.count > 1 else { return false }
        let parts = segment.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        return parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// The placeholder names of `path`, in order, each once (`["project_id", "id"]`).
    public static func placeholders(in path: String) -> [String] {
        var names: [String] = []
        _ = replacingPlaceholders(in: path) { name in
            if !name.isEmpty, !names.contains(name) { names.append(name) }
            return ""
        }
        return names
    }

    /// `path` with each placeholder, braces included, replaced by `replacement(name)` (`/v1/{}/notebooks/{}` for
    /// `{ _ in "{}" }`); an unclosed `{` is text.
    public static func replacingPlaceholders(in path: String, with replacement: (String) -> String) -> String {
        var result = ""
        var name: String?
        for character in path {
            if character == "{", name == nil {
                name = ""
            } else if character == "}", let current = name {
                result += replacement(current)
                name = nil
            } else if name != nil {
                name!.append(character)
            } else {
                result.append(character)
            }
        }
        if let name { result += "{" + name }
        return result
    }
}
