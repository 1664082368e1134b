import CLibXML2

/// Accumulates inline text with whitespace collapsed, plus the links and emphasised runs in it.
struct InlineBuilder {
    var bytes: [UInt8] = []
    var links: [Link] = []
    var emphasis: [String] = []
    private var pendingSpace = false

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ pointer: UnsafePointer<UInt8>) {
        var p = pointer
        while p.pointee != 0 {
            let byte = p.pointee
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                pendingSpace = true
                p += 1
            } else if byte == 0xC2 && p[1] == 0xA0 {  // no-break space
                pendingSpace = true
                p += 2
            } else {
                if pendingSpace {
                    if !bytes.isEmpty { bytes.append(0x20) }
                    pendingSpace = false
                }
                bytes.append(byte)
                p += 1
            }
        }
    }

    mutating func appendSpace() { pendingSpace = true }

    /// Current length, including a pending space (so that runs start at a word boundary).
    var mark: Int { bytes.count }

    func text(from start: Int) -> String {
        guard start < bytes.count else { return "" }
        return String(decoding: bytes[start...], as: UTF8.self).trimmingSpaces()
    }

    mutating func take() -> InlineText? {
        defer {
            bytes.removeAll(keepingCapacity: true)
            links = []
            emphasis = []
            pendingSpace = false
        }
        if bytes.isEmpty { return nil }
        return InlineText(text: String(decoding: bytes, as: UTF8.self), links: links, emphasis: emphasis)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" { s = s.dropLast() }
        return String(s)
    }
}

/// Collects blocks in document order, turning loose inline text into paragraphs.
struct BlockCollector {
    var blocks: [Block] = []
    var inline = InlineBuilder()
    var pendingAnchors: [String] = []

    mutating func flush() {
        if let text = inline.take() { blocks.append(.paragraph(text)) }
    }

    mutating func add(_ block: Block) {
        flush()
        blocks.append(block)
    }
}
