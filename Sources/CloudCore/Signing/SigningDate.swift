import Foundation

/// The `X-Sdk-Date` format: `yyyyMMdd'T'HHmmss'Z'` in UTC, e.g. `20191115T033655Z`.
public enum SigningDate {
    /// The date an `X-Sdk-Date` value names, or nil when it is not of that form.
    public static func parse(_ text: String) -> Date? {
        let digits = Array(text.utf8)
        guard digits.count == 16, digits[8] == UInt8(ascii: "T"), digits[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: digits[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
            let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(
            from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    /// Formats `date` for the `X-Sdk-Date` header: `YYYYMMDDTHHMMSSZ`, in UTC.
    public static func string(from date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        // Civil-from-days (proleptic Gregorian calendar).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)

        // 16 bytes: one past what a string holds inline, so written straight into the string's storage.
        return String(unsafeUninitializedCapacity: 16) { bytes in
            func put(_ value: Int64, at offset: Int, width: Int) {
                var remaining = value
                for index in stride(from: offset + width - 1, through: offset, by: -1) {
                    bytes[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                    remaining /= 10
                }
            }
            put(year, at: 0, width: 4)
            put(month, at: 4, width: 2)
            put(day, at: 6, width: 2)
            bytes[8] = UInt8(ascii: "T")
            put(secondOfDay / 3600, at: 9, width: 2)
            put(secondOfDay % 3600 / 60, at: 11, width: 2)
            put(secondOfDay % 60, at: 13, width: 2)
            bytes[15] = UInt8(ascii: "Z")
            return 16
        }
    }
}
