extension String {
    /// Whether `bytes` occur in the text's UTF-8, compared byte by byte. Used on every call (the signer's media
    /// type, a path's `{project_id}`): Foundation's `contains` goes through `NSString`, and the generic collection
    /// search is several times slower than this loop.
    func containsUTF8(_ bytes: [UInt8]) -> Bool {
        var text = self
        return text.withUTF8 { haystack in
            guard !bytes.isEmpty else { return true }
            guard haystack.count >= bytes.count else { return false }
            for start in 0...(haystack.count - bytes.count) where haystack[start] == bytes[0] {
                if haystack[start..<(start + bytes.count)].elementsEqual(bytes) { return true }
            }
            return false
        }
    }
}
