/// A path template as the pages print it (`/v1/{project_id}/notebooks/{id}`): its `{name}` placeholders.
public enum PathTemplate {
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
