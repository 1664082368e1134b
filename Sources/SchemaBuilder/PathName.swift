import APISchema

/// An operation name made from the method and path, for a page whose title is not English (a Chinese title never
/// becomes an identifier: no pinyin, no transliteration) and that carries no API name the official SDKs do not
/// name either. The resource is the last static segment of the path (version segments left out), the verb the one
/// API names use for the method:
/// - `GET …/pools/{pool_name}` → `ShowPool`, `GET …/pools` → `ListPools`;
/// - `POST …/pools` → `CreatePool`; `POST …/notebooks/{id}/start` (an action on one resource) → `StartNotebook`;
/// - `PUT`/`PATCH …/pools/{pool_name}` → `UpdatePool`, `DELETE …/pools/{pool_name}` → `DeletePool`.
enum PathName {
    static func id(method: String, path: String) -> String {
        let segments = path.split(separator: "/").map(String.init)
        func isPlaceholder(_ segment: String) -> Bool { segment.hasPrefix("{") }
        guard let last = segments.lastIndex(where: { !isPlaceholder($0) && !PathTemplate.isVersionSegment($0) }) else { return "Operation" }
        let noun = segments[last]
        let onOne = last < segments.count - 1
        let method = method.uppercased()
        let id: String
        switch method {
        case "GET":
            id = onOne ? "Show" + singular(noun) : "List" + Naming.upperCamel(noun)
        case "POST":
            // A verb after one resource (`…/notebooks/{id}/start`) acts on it.
            if !onOne, last >= 2, isPlaceholder(segments[last - 1]), !isPlaceholder(segments[last - 2]),
                !PathTemplate.isVersionSegment(segments[last - 2])
            {
                id = Naming.upperCamel(noun) + singular(segments[last - 2])
            } else {
                id = "Create" + singular(noun)
            }
        case "PUT", "PATCH":
            id = "Update" + singular(noun)
        case "DELETE":
            id = "Delete" + singular(noun)
        default:
            id = Naming.upperCamel(method.lowercased()) + Naming.upperCamel(noun)
        }
        return id
    }

    private static func singular(_ segment: String) -> String {
        Naming.upperCamel(Naming.singular(segment))
    }
}
