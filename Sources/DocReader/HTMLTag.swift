import CLibXML2

/// The element names the walker treats specially.
enum Tag {
    case heading(Int), paragraph, list(ordered: Bool), listItem, table, pre, anchor, lineBreak, emphasis, inline,
        container, skip, caption, other

    init(_ name: UnsafePointer<UInt8>) {
        let length = Int(xmlStrlen(name))
        func lower(_ i: Int) -> UInt8 { name[i] | 0x20 }
        switch length {
        case 1:
            switch lower(0) {
            case UInt8(ascii: "p"): self = .paragraph
            case UInt8(ascii: "a"): self = .anchor
            case UInt8(ascii: "b"): self = .emphasis
            case UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "s"), UInt8(ascii: "q"): self = .inline
            default: self = .other
            }
        case 2:
            let a = lower(0), b = lower(1)
            if a == UInt8(ascii: "h"), b >= UInt8(ascii: "1") | 0x20, b <= UInt8(ascii: "6") | 0x20 {
                self = .heading(Int(name[1] - UInt8(ascii: "0")))
            } else if a == UInt8(ascii: "u") && b == UInt8(ascii: "l") {
                self = .list(ordered: false)
            } else if a == UInt8(ascii: "o") && b == UInt8(ascii: "l") {
                self = .list(ordered: true)
            } else if a == UInt8(ascii: "l") && b == UInt8(ascii: "i") {
                self = .listItem
            } else if a == UInt8(ascii: "b") && b == UInt8(ascii: "r") {
                self = .lineBreak
            } else if (a == UInt8(ascii: "e") && b == UInt8(ascii: "m")) || (a == UInt8(ascii: "t") && b == UInt8(ascii: "t")) {
                self = .inline
            } else if (a == UInt8(ascii: "d") && (b == UInt8(ascii: "d") || b == UInt8(ascii: "t") || b == UInt8(ascii: "l")))
                || (a == UInt8(ascii: "h") && b == UInt8(ascii: "r"))
            {
                self = .container
            } else {
                self = .other
            }
        default:
            let text = String(decoding: UnsafeBufferPointer(start: name, count: length), as: UTF8.self).lowercased()
            switch text {
            case "table": self = .table
            case "pre", "xmp", "listing": self = .pre
            case "strong", "code", "kbd", "samp": self = .emphasis
            case "span", "font", "sup", "sub", "var", "cite", "small", "big", "label", "abbr", "strike", "del",
                "ins", "mark", "nobr":
                self = .inline
            case "div", "section", "body", "html", "blockquote", "center", "article", "main", "header", "footer",
                "aside", "form", "fieldset", "head", "figure", "figcaption", "details", "summary", "tbody", "thead",
                "tfoot", "tr", "td", "th", "dir", "menu":
                self = .container
            // `nav` is page navigation (the site's previous/next links), never content.
            case "img", "script", "style", "meta", "link", "noscript", "iframe", "object", "svg", "input",
                "button", "select", "textarea", "colgroup", "col", "nav", "title":
                self = .skip
            case "caption": self = .caption
            default: self = .other
            }
        }
    }
}
