import Foundation

/// A linked page the mirror skipped, and why: it is not there (404, 410) or it is not HTML.
public struct MirrorDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// The page's URL.
    public var url: String
    /// Why it was skipped.
    public var reason: String
    /// The page whose link led to it.
    public var linkedFrom: String

    /// `<url>: <reason> (linked from <url>); skipped`.
    public var description: String { "\(url): \(reason) (linked from \(linkedFrom)); skipped" }
}

/// Progress of a run, reported after each page.
public struct MirrorProgress: Sendable {
    /// Pages answered so far.
    public var pagesDone: Int
    /// Pages found by links and not yet answered.
    public var pagesQueued: Int
}

/// What a mirror run did to the docs folder, and what it cost.
public struct MirrorReport: Sendable {
    /// Pages new in the folder, sorted.
    public var added: [String] = []
    /// Pages whose bytes changed, sorted.
    public var changed: [String] = []
    /// Files no longer on the site (not linked any more, or not found), sorted.
    public var removed: [String] = []
    /// Pages whose bytes are the same (304, or the same bytes again), sorted.
    public var unchanged: [String] = []
    /// Linked pages that were skipped.
    public var diagnostics: [MirrorDiagnostic] = []
    /// HTTP requests sent, retries included.
    public var requests = 0
    /// Answers that were 304 Not Modified.
    public var notModified = 0
    /// Whether the folder was replaced; `false` when nothing changed (no file, not even the state, was written).
    public var wroteFolder = false
    /// Wall-clock time of the run.
    public var duration: Duration = .zero

    /// Pages now in the folder.
    public var pages: Int { added.count + changed.count + unchanged.count }

    /// Requests per page mirrored (1.00 when each page took one request).
    public var requestsPerPage: Double { pages == 0 ? 0 : Double(requests) / Double(pages) }

    /// One line: the counts, then the time and requests per page.
    public var summary: String {
        let seconds = duration / .seconds(1)
        let perPage = pages == 0 ? 0 : seconds * 1000 / Double(pages)
        return "\(pages) pages: \(added.count) added, \(changed.count) changed, \(removed.count) removed, "
            + "\(unchanged.count) unchanged; \(String(format: "%.2f", seconds)) s "
            + "(\(String(format: "%.1f", perPage)) ms per page), \(requests) requests "
            + "(\(String(format: "%.2f", requestsPerPage)) per page, \(notModified) answered 304); "
            + (wroteFolder ? "folder replaced" : "nothing written")
    }

    /// The summary, then each added (`+`), changed (`~`) and removed (`-`) page and each diagnostic (`!`), for a
    /// change report.
    public var lines: [String] {
        [summary] + added.map { "  + \($0)" } + changed.map { "  ~ \($0)" } + removed.map { "  - \($0)" }
            + diagnostics.map { "  ! \($0)" }
    }
}
