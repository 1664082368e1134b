import CLibXML2
import Foundation

/// Reads API reference pages (HTML) into `DocPage`s with libxml2's forgiving HTML parser.
///
/// The libxml2 tree is walked once; nothing is re-serialised. Broken markup never fails: libxml2 recovers what it
/// can and whatever text survives ends up in the page.
public enum DocReader {
    /// Parses the HTML in `data`. `path` (relative to the folder of pages) is recorded in the page.
    public static func parse(data: Data, path: String) -> DocPage {
        data.withUnsafeBytes { raw in
            parse(bytes: raw.bindMemory(to: CChar.self), path: path)
        }
    }

    /// Parses the HTML in `html`. `path` (relative to the folder of pages) is recorded in the page.
    public static func parse(html: String, path: String) -> DocPage {
        var html = html
        return html.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { parse(bytes: $0, path: path) }
        }
    }

    /// The HTML pages below `folder`, recursively (the site nests chapters in folders), as sorted paths relative
    /// to it with `/` separators. Hidden entries are skipped.
    public static func pagePaths(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator {
            let ext = url.pathExtension.lowercased()
            guard ext == "html" || ext == "htm" else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            paths.append(String(full.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }

    /// Reads and parses the pages at `paths` (relative to `folder`), in parallel on all cores; the result is in the
    /// order of `paths`, `nil` for a file that cannot be read.
    public static func parse(pages paths: [String], in folder: URL) -> [DocPage?] {
        _ = initialized
        var pages = [DocPage?](repeating: nil, count: paths.count)
        pages.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: paths.count) { index in
                guard let data = try? Data(contentsOf: folder.appending(path: paths[index])) else { return }
                output[index] = parse(data: data, path: paths[index])
            }
        }
        return pages
    }

    /// libxml2's global state is set up once, before any thread parses.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// The libxml2 options used for every page: recover from errors, stay silent, never touch the network.
    static let options: Int32 = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)

    static func parse(bytes: UnsafeBufferPointer<CChar>, path: String) -> DocPage {
        let slice = bytes.withMemoryRebound(to: UInt8.self, MainElementSlice.document(of:))
        guard let doc = slice.map(read) ?? read(bytes) else {
            return DocPage(path: path, title: "", blocks: [])
        }
        defer { xmlFreeDoc(doc) }
        var walker = TreeWalker()
        var collector = BlockCollector()
        var documentTitle: String?
        if let root = xmlDocGetRootElement(doc) {
            let scope = TreeWalker.mainContent(of: root)
            documentTitle = scope.documentTitle
            walker.walk(scope.content, into: &collector)
        }
        collector.flush()
        let title = walker.title ?? documentTitle ?? ""
        return DocPage(path: path, title: title, blocks: collector.blocks)
    }

    private static func read(_ bytes: UnsafeBufferPointer<CChar>) -> htmlDocPtr? {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        return htmlReadMemory(base, Int32(clamping: bytes.count), nil, "UTF-8", options)
    }

    private static func read(_ bytes: [UInt8]) -> htmlDocPtr? {
        bytes.withUnsafeBufferPointer { buffer in buffer.withMemoryRebound(to: CChar.self, read) }
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
