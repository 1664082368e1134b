/// Substring search on UTF-8 bytes. Foundation's `range(of:)` goes through `NSString` on Linux and dominated
/// the builder's profile; these are plain byte scans, shared with the schema builder (`package`).
extension StringProtocol {
    /// Byte offset (from `startIndex`) of the first occurrence of `needle`.
    package func byteOffset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { n -> Int? in
            guard !n.isEmpty else { return 0 }
            if let found = utf8.withContiguousStorageIfAvailable({ TextSearch.search($0, n) }) { return found }
            let copy = Array(utf8)
            return copy.withUnsafeBufferPointer { TextSearch.search($0, n) }
        }
    }

    /// The first range of `needle` in the string, comparing UTF-8 bytes exactly.
    package func find(_ needle: String) -> Range<String.Index>? {
        guard let offset = byteOffset(of: needle) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        let upper = utf8.index(lower, offsetBy: needle.utf8.count)
        return lower..<upper
    }

    /// Whether `needle` occurs in the string.
    package func has(_ needle: String) -> Bool { byteOffset(of: needle) != nil }

    /// Replaces every occurrence of `needle` with `replacement`.
    package func replacingAll(_ needle: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.find(needle) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

package enum TextSearch {
    package static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = h.count - n.count
        guard count >= 0 else { return nil }
        let first = n[0]
        var i = 0
        while i <= count {
            if h[i] == first {
                var j = 1
                while j < n.count && h[i + j] == n[j] { j += 1 }
                if j == n.count { return i }
            }
            i += 1
        }
        return nil
    }
}
