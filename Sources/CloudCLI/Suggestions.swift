/// The names closest to a misspelt one (`lst-datasets` → `list-datasets`), for "did you mean" hints.
public enum Suggestions {
    /// The Levenshtein distance between `a` and `b`: the fewest insertions, deletions and substitutions of
    /// characters that turn one into the other.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let source = Array(a)
        let target = Array(b)
        guard !source.isEmpty else { return target.count }
        guard !target.isEmpty else { return source.count }
        var previous = Array(0...target.count)
        for (i, character) in source.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: target.count)
            for j in target.indices {
                let substitution = previous[j] + (character == target[j] ? 0 : 1)
                current[j + 1] = min(substitution, previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return previous[target.count]
    }

    /// Up to `limit` of `candidates` nearest to `name`, alphabetically: those at the smallest edit distance when it
    /// is within a third of the name's length (at least 2), else those that contain the name or that it contains.
    public static func nearest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let unique = Set(candidates)
        let distances = unique.map { (candidate: $0, distance: editDistance(name, $0)) }
        if let best = distances.map(\.distance).min(), best <= max(2, name.count / 3) {
            return distances.filter { $0.distance == best }.map(\.candidate).sorted().prefix(limit).map { $0 }
        }
        guard name.count >= 3 else { return [] }
        let related = unique.filter { $0.contains(name) || name.contains($0) }
        return related.sorted { ($0.count, $0) < ($1.count, $1) }.prefix(limit).map { $0 }
    }

    /// `did you mean a, b or c?`, or `nil` when there is nothing to suggest.
    public static func hint(_ names: [String]) -> String? {
        guard let last = names.last else { return nil }
        let list = names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
        return "did you mean \(list)?"
    }
}
