import Foundation

/// The `href` values of an HTML page's links (`<a>`, `<link>`, `<area>`), read from its bytes.
///
/// A small tag tokenizer rather than an HTML parser: the mirror needs only the link targets, and the site is served
/// both pretty-printed and minified (unquoted attribute values), which this reads alike. Comments are skipped; other
/// tags are passed over without reading their attributes (`memchr` finds the next `<`), which keeps a page's scan
/// cheap even in a debug build. Values are taken as written (an entity could only matter in a query string, which
/// the mirror drops).
enum LinkScanner {
    private static let linkTags: [StaticString] = ["a", "link", "area"]

    static func hrefs(in html: Data) -> [String] {
        html.withUnsafeBytes { buffer in
            var links: [String] = []
            var index = 0
            while let open = position(of: UInt8(ascii: "<"), in: buffer, from: index) {
                index = open + 1
                if spells(buffer, index..<(index + 3), "!--") {
                    index = endOfComment(in: buffer, from: index + 3)
                    continue
                }
                // Most tags are not links: their first letter says so before their name is read.
                guard index < buffer.count, startsALinkTag(buffer[index]) else { continue }
                let nameStart = index
                while index < buffer.count, isNameByte(buffer[index]) { index += 1 }
                guard linkTags.contains(where: { spells(buffer, nameStart..<index, $0) }) else { continue }
                index = readAttributes(buffer, from: index, into: &links)
            }
            return links
        }
    }

    /// Reads the attributes of a tag from `start` (after its name) to its `>`, appending its `href` value; returns
    /// the index after the tag.
    private static func readAttributes(
        _ bytes: UnsafeRawBufferPointer, from start: Int, into links: inout [String]
    ) -> Int {
        var index = start
        func skipSpaces() { while index < bytes.count, isSpace(bytes[index]) { index += 1 } }
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { return index + 1 }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                bytes[index] != UInt8(ascii: ">")
            {
                index += 1
            }
            let isHref = spells(bytes, nameStart..<index, "href")
            skipSpaces()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            skipSpaces()
            let value: Slice<UnsafeRawBufferPointer>
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let close = position(of: bytes[index], in: bytes, from: index + 1) ?? bytes.count
                value = bytes[(index + 1)..<close]
                index = close + 1
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                value = bytes[valueStart..<index]
            }
            if isHref { links.append(String(decoding: value, as: UTF8.self)) }
        }
        return index
    }

    /// The index of the first `byte` at or after `start`.
    private static func position(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: UnsafeRawPointer(found))
    }


    /// The index after the `-->` that ends a comment whose text starts at `start`, or the end.
    private static func endOfComment(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while let dash = position(of: UInt8(ascii: "-"), in: bytes, from: index) {
            if spells(bytes, dash..<(dash + 3), "-->") { return dash + 3 }
            index = dash + 1
        }
        return bytes.count
    }

    /// Whether the bytes in `range` spell `word` (lower-case letters and punctuation that has no case), in any case.
    /// Index arithmetic on purpose: generic collection code costs a metadata lookup per call in a debug build.
    private static func spells(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>, _ word: StaticString) -> Bool {
        guard range.count == word.utf8CodeUnitCount, range.upperBound <= bytes.count else { return false }
        return word.withUTF8Buffer { letters in
            for offset in 0..<letters.count where bytes[range.lowerBound + offset] | 0x20 != letters[offset] {
                return false
            }
            return true
        }
    }

    /// Whether a tag name starting with `byte` may be one of `linkTags`.
    private static func startsALinkTag(_ byte: UInt8) -> Bool {
        byte | 0x20 == UInt8(ascii: "a") || byte | 0x20 == UInt8(ascii: "l")
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
