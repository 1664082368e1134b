/// The part of a page the reader walks, cut out before libxml2 builds a tree. A documentation site's page is mostly
/// its frame: header, the service's whole navigation, scripts, footer (on the site's pages a tenth or less is the
/// `<main>` element). ``TreeWalker/mainContent(of:)`` walks only the main element and the `<title>`, so those two are
/// all libxml2 needs to parse; the frame would be parsed, built and freed for nothing.
///
/// A byte scan finds them. It cuts only where the page leaves no doubt: exactly one `<main>` start tag, one
/// `</main>` after it, and no `id="docs-content"` (the element the walker prefers) outside it. Any other page is
/// parsed whole.
enum MainElementSlice {
    /// `<html><head>` + the page's `<title>` element + `</head><body>` + its `<main>` element + `</body></html>`, or
    /// `nil` when the page is to be parsed whole.
    static func document(of page: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        let mainStarts = tagOffsets("<main", in: page)
        guard mainStarts.count == 1, let start = mainStarts.first else { return nil }
        let mainEnds = tagOffsets("</main", in: page)
        guard mainEnds.count == 1, let endTag = mainEnds.first, endTag > start,
            let end = offset(of: UInt8(ascii: ">"), in: page, from: endTag)
        else { return nil }
        let preferred = offsets(of: Array(#"id="docs-content""#.utf8), in: page)
        guard preferred.allSatisfy({ start < $0 && $0 < endTag }) else { return nil }

        var document = Array("<html><head>".utf8)
        if let title = tagOffsets("<title", in: page).first, let titleEnd = tagOffsets("</title", in: page).first,
            titleEnd > title, let close = offset(of: UInt8(ascii: ">"), in: page, from: titleEnd)
        {
            document += page[title...close]
        }
        document += "</head><body>".utf8
        document += page[start...end]
        document += "</body></html>".utf8
        return document
    }

    /// Offsets of the tags named by `opening` (`<main`, `</main`, in lower case), in any case, followed by a
    /// space, a `>` or a `/`: `<mainframe` is not `<main`.
    static func tagOffsets(_ opening: String, in page: UnsafeBufferPointer<UInt8>) -> [Int] {
        let pattern = Array(opening.utf8)
        var found: [Int] = []
        var index = 0
        while let candidate = offset(of: UInt8(ascii: "<"), in: page, from: index) {
            index = candidate + 1
            let after = candidate + pattern.count
            guard after < page.count else { break }
            let matches = pattern.indices.dropFirst().allSatisfy { lowercased(page[candidate + $0]) == pattern[$0] }
            let next = page[after]
            if matches, next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || isSpace(next) { found.append(candidate) }
        }
        return found
    }

    private static func offsets(of needle: [UInt8], in page: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        var rest = 0
        needle.withUnsafeBufferPointer { needle in
            while rest < page.count,
                let hit = TextSearch.search(UnsafeBufferPointer(rebasing: page[rest...]), needle)
            {
                found.append(rest + hit)
                rest += hit + 1
            }
        }
        return found
    }

    private static func offset(of byte: UInt8, in page: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < page.count {
            if page[index] == byte { return index }
            index += 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
