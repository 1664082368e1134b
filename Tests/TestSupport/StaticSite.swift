import Foundation

/// A folder of files served below a URL path, as a documentation site serves its pages: `ETag` (a hash of the
/// bytes) and `Last-Modified` (the file's modification time) on every answer, 304 for a request whose
/// `If-None-Match` (or, without one, `If-Modified-Since`) says the copy is current, 404 for anything else.
public struct StaticSite: Sendable {
    /// The folder served.
    public let folder: URL
    /// The URL path it is served under, ending in `/` (`/elastic-cloud-server/api-ref/`).
    public let prefix: String

    public init(folder: URL, prefix: String) {
        self.folder = folder
        self.prefix = prefix
    }

    /// The answer to `request`.
    public func answer(_ request: RecordedRequest) -> ServerAction {
        guard request.path.hasPrefix(prefix),
            let relative = String(request.path.dropFirst(prefix.count)).removingPercentEncoding
        else { return .respond(status: 404) }
        let page = relative.isEmpty || relative.hasSuffix("/") ? relative + "index.html" : relative
        let file = folder.appending(path: page)
        guard let data = try? Data(contentsOf: file),
            let modified = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate
        else { return .respond(status: 404) }
        let etag = "\"\(Self.hash(data))\""
        let lastModified = Self.httpDate(modified)
        let validators = [("ETag", etag), ("Last-Modified", lastModified)]
        if let match = request.header("If-None-Match") {
            if match == etag { return .respond(status: 304, headers: validators) }
        } else if let since = request.header("If-Modified-Since"), since == lastModified {
            return .respond(status: 304, headers: validators)
        }
        let contentType = ("Content-Type", Self.contentType(of: file))
        return .respondData(status: 200, headers: validators + [contentType], body: data)
    }

    static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "json": "application/json"
        case "css": "text/css"
        default: "application/octet-stream"
        }
    }

    /// FNV-1a, 64 bits: enough to tell versions of a test file apart.
    static func hash(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
