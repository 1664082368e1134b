/// Substring search on UTF-8 bytes. Foundation's `range(of:)` goes through `NSString` on Linux and dominated
/// the builder's profile; these are plain byte scans.
extension StringProtocol {
    /// The first range of `needle` in the string, comparing UTF-8 bytes exactly.
    func find(_ needle: String) -> Range<String.Index>? {
        let haystack = String(self)
        guard let offset = haystack.utf8.byteOffset(of: needle) else { return nil }
        let utf8 = haystack.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        let upper = utf8.index(lower, offsetBy: needle.utf8.count)
        return lower..<upper
    }

    /// Whether `needle` occurs in the string.
    func has(_ needle: String) -> Bool { String(self).utf8.byteOffset(of: needle) != nil }

    /// Replaces every occurrence of `needle` with `replacement`.
    func replacing(_ needle: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.find(needle) {
            let start = rest.index(rest.startIndex, offsetBy: 0)
            result += rest[start..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}

extension String.UTF8View {
    /// Byte offset of the first occurrence of `needle`.
    func byteOffset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { n -> Int? in
            guard !n.isEmpty else { return 0 }
            let result = self.withContiguousStorageIfAvailable { h -> Int? in
                Self.search(h, n)
            }
            if let result { return result }
            let copy = Array(self)
            return copy.withUnsafeBufferPointer { Self.search($0, n) }
        }
    }

    private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Int? {
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
