/// The pages the links of a run lead to, each link resolved once per folder: a site's navigation repeats the same
/// relative links on every page of a folder (ModelArts: 39,470 links on 272 pages, 25,030 of them into the reference),
/// and resolving one with Foundation's URL costs more than reading the page.
struct LinkResolver {
    let scope: SiteScope
    /// By folder (the page's path up to its last `/`), by `href`: the page it leads to, or `nil`.
    private var resolved: [Substring: [String: String?]] = [:]

    init(scope: SiteScope) { self.scope = scope }

    /// The pages in scope that `hrefs` on `page` lead to, each once, in the order of the links.
    mutating func pages(linkedBy hrefs: [String], on page: String) -> [String] {
        let folder = page[..<(page.lastIndex(of: "/").map { page.index(after: $0) } ?? page.startIndex)]
        var seen: Set<String> = []
        var pages: [String] = []
        for href in hrefs {
            let target: String?
            if let known = resolved[folder]?[href] {
                target = known
            } else {
                target = scope.page(linkedBy: href, on: page)
                resolved[folder, default: [:]][href] = .some(target)
            }
            if let target, seen.insert(target).inserted { pages.append(target) }
        }
        return pages
    }
}
