/// The `href` values of an HTML page's tags, read from its bytes.
///
/// A small tag tokenizer rather than an HTML parser: the mirror needs only the link targets, and the site is served
/// both pretty-printed and minified (unquoted attribute values), which this reads alike. Comments are skipped; the
/// values are taken as written (an entity could only matter in a query string, which the mirror drops).
enum LinkScanner {
    private static let commentStart = Array("!--".utf8)
    private static let commentEnd = Array("-->".utf8)

    static func hrefs(in html: some Collection<UInt8>) -> [String] {
        let bytes = Array(html)
        var links: [String] = []
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            index = open + 1
            if bytes[index...].starts(with: commentStart) {
                index = end(of: commentEnd, in: bytes, from: index + commentStart.count)
                continue
            }
            guard index < bytes.count, isLetter(bytes[index]) else { continue }
            index = readTag(bytes, from: index, into: &links)
        }
        return links
    }

    /// Reads the attributes of the tag whose name starts at `start`, appending its `href` value; returns the index
    /// after the tag.
    private static func readTag(_ bytes: [UInt8], from start: Int, into links: inout [String]) -> Int {
        var index = start
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < bytes.count, bytes[index] != UInt8(ascii: ">") else { return index + 1 }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "="),
                bytes[index] != UInt8(ascii: ">")
            {
                index += 1
            }
            let name = bytes[nameStart..<index]
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            let value: ArraySlice<UInt8>
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                let close = bytes[(index + 1)...].firstIndex(of: quote) ?? bytes.count
                value = bytes[(index + 1)..<close]
                index = close + 1
            } else {
                let valueStart = index
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
                value = bytes[valueStart..<index]
            }
            if name.count == 4, String(decoding: name, as: UTF8.self).lowercased() == "href" {
                links.append(String(decoding: value, as: UTF8.self))
            }
        }
        return index
    }

    /// The index after the first `terminator` at or after `start`, or the end.
    private static func end(of terminator: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index + terminator.count <= bytes.count {
            if bytes[index..<(index + terminator.count)].elementsEqual(terminator) { return index + terminator.count }
            index += 1
        }
        return bytes.count
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
