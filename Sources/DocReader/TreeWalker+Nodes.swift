import CLibXML2

/// Reading libxml2 nodes: attributes, classes, the kinds of notes and anchors, raw text.
extension TreeWalker {
    /// The value of attribute `name` (lower-case ASCII), compared byte by byte without creating strings.
    static func attribute(_ node: Node, _ name: StaticString) -> String? {
        var attr = node.pointee.properties
        while let a = attr {
            if let attrName = a.pointee.name, equalsLowercased(attrName, name) {
                var bytes: [UInt8] = []
                var child = a.pointee.children
                while let c = child {
                    if var p = c.pointee.content {
                        while p.pointee != 0 {
                            bytes.append(p.pointee)
                            p += 1
                        }
                    }
                    child = c.pointee.next
                }
                return String(decoding: bytes, as: UTF8.self)
            }
            attr = a.pointee.next
        }
        return nil
    }

    static func equalsLowercased(_ text: UnsafePointer<UInt8>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        let expected = name.utf8Start
        for i in 0..<count {
            let byte = text[i]
            if byte == 0 { return false }
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            if lower != expected[i] { return false }
        }
        return text[count] == 0
    }
    /// The text below `node` with whitespace collapsed, as `<title>` is shown.
    static func normalisedText(_ node: Node) -> String? {
        var bytes: [UInt8] = []
        rawText(node, into: &bytes)
        bytes.append(0)
        var builder = InlineBuilder()
        bytes.withUnsafeBufferPointer { builder.append($0.baseAddress!) }
        return builder.take()?.text
    }

    /// Whether attribute `name` of `node` is exactly `value`, compared without creating a string.
    static func attribute(_ node: Node, _ name: StaticString, is value: StaticString) -> Bool {
        var attr = node.pointee.properties
        while let a = attr {
            if let attrName = a.pointee.name, equalsLowercased(attrName, name) {
                guard let text = a.pointee.children, text.pointee.next == nil, let content = text.pointee.content else {
                    return false
                }
                let count = value.utf8CodeUnitCount
                for i in 0..<count where content[i] != value.utf8Start[i] { return false }
                return content[count] == 0
            }
            attr = a.pointee.next
        }
        return false
    }

    static func classes(_ node: Node) -> [Substring] {
        guard let cls = attribute(node, "class")?.lowercased() else { return [] }
        return cls.split(separator: " ")
    }

    /// Note boxes: the export's `div.note` family and the site's `div.admonition`.
    static func isNote(_ node: Node) -> Bool {
        classes(node).contains { ["note", "notice", "caution", "warning", "danger", "tip", "admonition"].contains($0) }
    }

    /// The "NOTE:" label of a note box, which is not content.
    static func isNoteTitle(_ node: Node) -> Bool {
        classes(node).contains { ["notetitle", "noticetitle", "cautiontitle", "warningtitle", "dangertitle", "tiptitle",
            "admonition-title"].contains($0) }
    }

    /// The `¶` permalink the site puts after every heading and caption.
    static func isPermalink(_ node: Node) -> Bool {
        classes(node).contains("headerlink")
    }

    /// An element with an `id` and no content (`<span id="createnotebook"></span>`): a link target for what
    /// follows it.
    static func emptyAnchor(_ node: Node) -> String? {
        guard let id = attribute(node, "id"), !id.isEmpty else { return nil }
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { return nil }
            if c.pointee.type == XML_TEXT_NODE, var p = c.pointee.content {
                while p.pointee != 0 {
                    if !(p.pointee == 0x20 || p.pointee == 0x0A || p.pointee == 0x09 || p.pointee == 0x0D) { return nil }
                    p += 1
                }
            }
            child = c.pointee.next
        }
        return id
    }

    /// Concatenates the text below `node` as printed, turning `<br>` into line breaks.
    static func rawText(_ node: Node, into bytes: inout [UInt8], depth: Int = 0) {
        guard depth < maxDepth else { return }
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if var p = c.pointee.content {
                    while p.pointee != 0 {
                        if p.pointee == 0xC2 && p[1] == 0xA0 {
                            bytes.append(0x20)
                            p += 2
                        } else {
                            bytes.append(p.pointee == 0x0D ? 0x0A : p.pointee)
                            p += 1
                        }
                    }
                }
            case XML_ELEMENT_NODE:
                if let name = c.pointee.name, case .lineBreak = Tag(name) {
                    bytes.append(0x0A)
                } else {
                    rawText(c, into: &bytes, depth: depth + 1)
                }
            default:
                break
            }
            child = c.pointee.next
        }
    }
}
