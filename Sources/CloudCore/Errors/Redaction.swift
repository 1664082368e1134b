/// Helpers that keep secrets out of descriptions and logs.
public enum Redaction {
    /// The replacement text for secrets.
    public static let placeholder = "<redacted>"

    /// Header names whose values are never shown (compared case-insensitively).
    public static let sensitiveHeaders: Set<String> = [
        "authorization", "x-auth-token", "x-subject-token", "x-security-token", "cookie", "set-cookie",
    ]

    /// Whether the value of header `name` must be hidden.
    public static func isSensitiveHeader(_ name: String) -> Bool {
        sensitiveHeaders.contains(name.lowercased())
    }

    /// The header value to show for `name`.
    public static func headerValueForDisplay(name: String, value: String) -> String {
        isSensitiveHeader(name) ? placeholder : value
    }

    /// Replaces `Signature=<hex>` and JSON `"password": "..."` fragments in free text.
    public static func redactSecrets(in text: String) -> String {
        var result = text
        for marker in ["Signature=", "\"password\":", "\"secret\":", "\"sk\":"] {
            var searchStart = result.startIndex
            while let range = result.range(of: marker, range: searchStart..<result.endIndex) {
                var end = range.upperBound
                while end < result.endIndex, result[end] == " " || result[end] == "\"" { end = result.index(after: end) }
                var valueEnd = end
                while valueEnd < result.endIndex, !", }\"\n".contains(result[valueEnd]) {
                    valueEnd = result.index(after: valueEnd)
                }
                result.replaceSubrange(end..<valueEnd, with: placeholder)
                searchStart = result.index(end, offsetBy: placeholder.count, limitedBy: result.endIndex) ?? result.endIndex
            }
        }
        return result
    }
}
