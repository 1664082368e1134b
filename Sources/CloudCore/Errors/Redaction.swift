/// Helpers that keep secrets out of descriptions and logs.
public enum Redaction {
    /// The replacement text for secrets.
    public static let placeholder = "<redacted>"

    /// Header names whose values are never shown (compared case-insensitively).
    public static let sensitiveHeaders: Set<String> = [
        "authorization", "x-auth-token", "x-subject-token", "x-security-token", "cookie", "set-cookie",
    ]

    /// Words that make any header name sensitive (compared case-insensitively): a documented response header
    /// such as `X-Subject-Token` (an IAM token) or `X-Swr-Dockerlogin` (a registry login with its password) is
    /// as secret as the request headers above.
    public static let sensitiveHeaderWords: [String] = ["token", "secret", "password", "credential", "login"]

    /// Whether the value of header `name` must be hidden.
    public static func isSensitiveHeader(_ name: String) -> Bool {
        let lower = name.lowercased()
        return sensitiveHeaders.contains(lower) || sensitiveHeaderWords.contains { lower.contains($0) }
    }

    /// The header value to show for `name`.
    public static func headerValueForDisplay(name: String, value: String) -> String {
        isSensitiveHeader(name) ? placeholder : value
    }

    /// Replaces the values after `Signature=` and JSON `"password"`, `"secret"` and `"sk"` keys in free text.
    public static func redactSecrets(in text: String) -> String {
        let markers = ["Signature=", "\"password\":", "\"secret\":", "\"sk\":"]
        guard markers.contains(where: { text.contains($0) }) else { return text }
        var output = ""
        var rest = Substring(text)
        while let range = markers.compactMap({ rest.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound })
        {
            output += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let leading = rest.prefix { $0 == " " || $0 == "\"" }
            output += leading
            rest = rest.dropFirst(leading.count)
            let quoted = leading.contains("\"")
            let value = rest.prefix { quoted ? $0 != "\"" : !", }\"\n".contains($0) }
            output += placeholder
            rest = rest.dropFirst(value.count)
        }
        return output + rest
    }
}
