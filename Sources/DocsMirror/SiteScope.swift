import Foundation

/// The part of a documentation site that is mirrored: every page below one root URL.
///
/// A page is named by its path below the root, with `/` separators, as it is stored in the docs folder
/// (`apis_recommended/index.html`); a directory link (`chapter/`) is its `index.html`.
public struct SiteScope: Sendable, Hashable {
    /// Links to these are assets (stylesheets, scripts, images, fonts, downloads), not pages: never followed.
    static let assetExtensions: Set<String> = [
        "css", "js", "mjs", "map", "json", "png", "jpg", "jpeg", "gif", "svg", "ico", "webp", "avif", "bmp",
        "woff", "woff2", "ttf", "otf", "eot", "txt", "pdf", "zip", "gz", "tgz",
    ]
    /// Pages Sphinx generates for every site that are not part of the reference (its search page and general
    /// index): the published folders leave them out, and so does the mirror.
    static let generatedPages: Set<String> = ["search.html", "genindex.html", "py-modindex.html"]

    /// `http` or `https`.
    public let scheme: String
    /// Host name, lower-cased.
    public let host: String
    /// Explicit port, if any.
    public let port: Int?
    /// The root's path, percent-encoded, ending in `/` (`/elastic-cloud-server/api-ref/`).
    public let rootPath: String

    /// The pages below `root` (`https://docs.otc.t-systems.com/elastic-cloud-server/api-ref/`); `nil` unless it is an
    /// absolute http(s) URL. A root without a trailing `/` is the folder of that name.
    public init?(root: URL) {
        guard let components = URLComponents(url: root.absoluteURL, resolvingAgainstBaseURL: false),
            let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        let path = components.percentEncodedPath
        self.rootPath = path.hasSuffix("/") ? path : path + "/"
    }

    /// `url` with its path appended to `base`'s: the same site served from another address (a mirror, a staging
    /// site, a local server). `https://docs.otc.t-systems.com/ecs/api-ref/` on `http://127.0.0.1:8080/copy/`
    /// is `http://127.0.0.1:8080/copy/ecs/api-ref/`.
    public static func rebasing(_ url: URL, onto base: URL) -> URL {
        let path = URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? url.path
        let relative = path.drop { $0 == "/" }
        let folder = base.absoluteString.hasSuffix("/") ? base : URL(string: base.absoluteString + "/")!
        return URL(string: String(relative), relativeTo: folder)?.absoluteURL ?? folder
    }

    /// `scheme://host[:port]`, the authority requests go to.
    var authority: String { port.map { "\(host):\($0)" } ?? host }

    /// The root URL as text, without credentials or query: safe to print.
    public var rootURL: String { "\(scheme)://\(authority)\(rootPath)" }

    /// The page of the root itself.
    public static let rootPage = "index.html"

    /// The percent-encoded request path of `page`.
    func requestPath(of page: String) -> String {
        rootPath + (page.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? page)
    }

    /// The full URL of `page`, for messages.
    public func url(of page: String) -> String { "\(scheme)://\(authority)\(requestPath(of: page))" }

    /// The page `href` on `page` leads to, or `nil` when it is not one to mirror: it leaves the root (another
    /// host, scheme or port, or a path outside the root), or it is an asset or a Sphinx-generated page. The
    /// fragment and the query string are dropped: `a.html?v=2#id` is `a.html`.
    func page(linkedBy href: String, on page: String) -> String? {
        guard let base = URL(string: url(of: page)),
            let resolved = URL(string: href.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: base),
            var components = URLComponents(url: resolved.absoluteURL.standardized, resolvingAgainstBaseURL: false),
            components.scheme?.lowercased() == scheme, components.host?.lowercased() == host,
            components.port == port
        else { return nil }
        components.query = nil
        components.fragment = nil
        let path = components.percentEncodedPath
        guard path.hasPrefix(rootPath) || path + "/" == rootPath else { return nil }
        let encoded = path.count > rootPath.count ? String(path.dropFirst(rootPath.count)) : ""
        guard var relative = encoded.removingPercentEncoding else { return nil }
        if relative.isEmpty || relative.hasSuffix("/") { relative += Self.rootPage }
        // Hidden names are the mirror's own (its state file, its staging folders), and never a published page.
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = parts.last, !parts.contains(where: { $0.isEmpty || $0.hasPrefix(".") }) else { return nil }
        let ext = name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        guard !Self.assetExtensions.contains(ext), !Self.generatedPages.contains(relative) else { return nil }
        return relative
    }
}
