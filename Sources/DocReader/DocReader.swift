import CLibXML2
import Foundation

/// Reads API reference pages (HTML) into `DocPage`s with libxml2's forgiving HTML parser.
///
/// The libxml2 tree is walked once; nothing is re-serialised. Broken markup never fails: libxml2 recovers what it
/// can and whatever text survives ends up in the page.
public enum DocReader {
    /// Parses the HTML in `data`. `fileName` is recorded in the page for diagnostics.
    public static func parse(data: Data, fileName: String) -> DocPage {
        data.withUnsafeBytes { raw in
            parse(bytes: raw.bindMemory(to: CChar.self), fileName: fileName)
        }
    }

    /// Parses the HTML in `html`. `fileName` is recorded in the page for diagnostics.
    public static func parse(html: String, fileName: String) -> DocPage {
        var html = html
        return html.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { parse(bytes: $0, fileName: fileName) }
        }
    }

    /// Reads and parses the page at `url`; `nil` when the file cannot be read.
    public static func parse(contentsOf url: URL) -> DocPage? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return parse(data: data, fileName: url.lastPathComponent)
    }

    /// The libxml2 options used for every page: recover from errors, stay silent, never touch the network.
    static let options: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    static func parse(bytes: UnsafeBufferPointer<CChar>, fileName: String) -> DocPage {
        guard let base = bytes.baseAddress, bytes.count > 0,
            let doc = htmlReadMemory(base, Int32(clamping: bytes.count), nil, "UTF-8", options)
        else {
            return DocPage(fileName: fileName, title: "", blocks: [])
        }
        defer { xmlFreeDoc(doc) }
        var walker = TreeWalker()
        var collector = BlockCollector()
        if let root = xmlDocGetRootElement(doc) {
            walker.walk(root, into: &collector)
        }
        collector.flush()
        let title = walker.title ?? walker.documentTitle ?? ""
        return DocPage(fileName: fileName, title: title, blocks: collector.blocks)
    }
}

extension DocReader {
    /// Parses `data` with libxml2 only and frees the tree: the baseline the benchmarks compare against.
    public static func rawParse(_ data: Data) {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: CChar.self)
            guard let base = bytes.baseAddress, bytes.count > 0,
                let doc = htmlReadMemory(base, Int32(clamping: bytes.count), nil, "UTF-8", options)
            else { return }
            xmlFreeDoc(doc)
        }
    }
}
