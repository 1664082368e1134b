import Foundation

/// The HTTP date format (RFC 9110 IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`) of `Date` and `Retry-After`.
enum HTTPDate {
    /// The date `text` names, or nil when it is not an IMF-fixdate.
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text.trimmingCharacters(in: .whitespaces))
    }
}
