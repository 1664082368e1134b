import CloudCore
import Foundation

/// Mirrors a documentation site into a docs folder: every HTML page reachable by links from the root page that
/// stays below the root, stored byte for byte in the site's folder layout.
///
/// A run that fails (the server unreachable, a page failing after its retries) leaves the folder exactly as it was:
/// the new copy is built beside it and swapped in whole. Linked pages that are not there (404, 410) or are not HTML
/// are skipped with a ``MirrorDiagnostic``; the run goes on. The root page itself must be there.
public struct DocsMirror: Sendable {
    /// Pages fetched at the same time (and connections kept open to the site).
    public let concurrency: Int
    /// When and how long to wait before asking for a page again.
    public let retryPolicy: RetryPolicy
    /// The time one attempt may take, the body included.
    public let requestTimeout: Duration
    private let transport: any HTTPTransport

    /// Five attempts, 500 ms doubling with jitter, at most 30 s between attempts (a longer `Retry-After` too).
    public static let defaultRetryPolicy = RetryPolicy(
        maxAttempts: 5, baseDelay: .milliseconds(500), maxDelay: .seconds(30))

    /// A mirror fetching `concurrency` pages at a time through `transport` (by default AsyncHTTPClient, through
    /// CloudCore's transport).
    public init(
        concurrency: Int = 4, retryPolicy: RetryPolicy = defaultRetryPolicy,
        requestTimeout: Duration = Timeouts.default.request, transport: (any HTTPTransport)? = nil
    ) {
        self.concurrency = max(1, concurrency)
        self.retryPolicy = retryPolicy
        self.requestTimeout = requestTimeout
        self.transport = transport ?? AsyncHTTPClientTransport(maxConnectionsPerHost: max(1, concurrency))
    }

    /// Mirrors the pages of `site` into `folder`, sending conditional requests for the pages the folder's state
    /// file knows. Nothing is written when nothing changed; otherwise the folder is replaced in one step.
    public func mirror(
        _ site: SiteScope, into folder: URL, progress: @escaping @Sendable (MirrorProgress) -> Void = { _ in }
    ) async throws -> MirrorReport {
        let start = ContinuousClock.now
        let requests = RequestCounter()
        let staging = try StagingFolder(replacing: folder)
        do {
            let fetcher = PageFetcher(
                scope: site, transport: transport, retryPolicy: retryPolicy, timeout: requestTimeout,
                requests: requests)
            let run = MirrorRun(
                scope: site, fetcher: fetcher, staging: staging, storedState: FetchState.load(from: folder),
                concurrency: concurrency)
            var (report, state) = try await run.crawl(progress: progress)
            let mirrored = Set(report.added + report.changed + report.unchanged)
            report.removed = Self.storedFiles(in: staging.destination).filter { !mirrored.contains($0) }
            let stateFile = try state.encoded()
            let storedStateFile = try? Data(contentsOf: staging.destination.appending(path: FetchState.fileName))
            if report.added.isEmpty, report.changed.isEmpty, report.removed.isEmpty, storedStateFile == stateFile {
                staging.discard()
            } else {
                try staging.write(stateFile, as: FetchState.fileName)
                try staging.replaceDestination()
                report.wroteFolder = true
            }
            report.requests = await requests.count
            report.duration = ContinuousClock.now - start
            return report
        } catch {
            staging.discard()
            throw error
        }
    }

    /// The files below `folder` (hidden ones aside: the state file), as sorted paths relative to it.
    static func storedFiles(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let full = url.standardizedFileURL.path
            if full.hasPrefix(base + "/") { paths.append(String(full.dropFirst(base.count + 1))) }
        }
        return paths.sorted()
    }
}
