import Foundation

/// One page's part of a run: how it compares with the stored copy, its validators and its links.
struct PageResult: Sendable {
    enum Outcome: Sendable {
        case added, changed, unchanged
        /// Not mirrored (not found, not HTML), with the reason.
        case skipped(String)
    }

    var page: String
    var outcome: Outcome
    var validators: FetchState.Validators?
    /// Whether the server answered 304 Not Modified.
    var notModified = false
    /// The `href` of every link on the page, as written.
    var hrefs: [String] = []
}

/// One run over a site: follows links breadth-first from the root page, at most `concurrency` pages at a time,
/// staging each page (fetched bytes, or a link to the stored copy when it did not change).
struct MirrorRun: Sendable {
    let scope: SiteScope
    let fetcher: PageFetcher
    let staging: StagingFolder
    /// The state of the stored copy: validators are sent only for pages that are still on disk.
    let storedState: FetchState
    let concurrency: Int

    /// Every page reached, with the new state; the report's `removed`, request count and duration are left to the
    /// caller.
    func crawl(progress: @escaping @Sendable (MirrorProgress) -> Void) async throws -> (MirrorReport, FetchState) {
        try await withThrowingTaskGroup(of: PageResult.self) { group in
            var report = MirrorReport()
            var state = FetchState()
            var links = LinkResolver(scope: scope)
            // Every page found so far, with the page whose link found it first.
            var linkedFrom: [String: String] = [SiteScope.rootPage: ""]
            var pending = [SiteScope.rootPage]
            var next = 0
            var running = 0
            while true {
                while running < concurrency, next < pending.count {
                    let page = pending[next]
                    group.addTask { try await mirror(page) }
                    next += 1
                    running += 1
                }
                guard let result = try await group.next() else { break }
                running -= 1
                if result.notModified { report.notModified += 1 }
                if let validators = result.validators, !validators.isEmpty { state.pages[result.page] = validators }
                switch result.outcome {
                case .added: report.added.append(result.page)
                case .changed: report.changed.append(result.page)
                case .unchanged: report.unchanged.append(result.page)
                case .skipped(let reason):
                    report.diagnostics.append(
                        MirrorDiagnostic(
                            url: scope.url(of: result.page), reason: reason,
                            linkedFrom: scope.url(of: linkedFrom[result.page] ?? "")))
                }
                for link in links.pages(linkedBy: result.hrefs, on: result.page) where linkedFrom[link] == nil {
                    linkedFrom[link] = result.page
                    pending.append(link)
                }
                progress(MirrorProgress(pagesDone: next - running, pagesQueued: pending.count - next + running))
            }
            report.added.sort()
            report.changed.sort()
            report.unchanged.sort()
            report.diagnostics.sort { $0.url < $1.url }
            return (report, state)
        }
    }

    /// Fetches `page` and stages it. The root page must be there and be HTML; any other page may be skipped.
    private func mirror(_ page: String) async throws -> PageResult {
        let stored = staging.destination.appending(path: page)
        let isStored = FileManager.default.fileExists(atPath: stored.path)
        let response = try await fetcher.fetch(page, validators: isStored ? storedState.pages[page] : nil)
        switch response {
        case .notModified(let validators):
            try staging.keep(page)
            return PageResult(
                page: page, outcome: .unchanged, validators: validators, notModified: true,
                hrefs: LinkScanner.hrefs(in: try Data(contentsOf: stored)))
        case .page(let bytes, let validators):
            let outcome: PageResult.Outcome
            if isStored, (try? Data(contentsOf: stored)) == bytes {
                try staging.keep(page)
                outcome = .unchanged
            } else {
                try staging.write(bytes, as: page)
                outcome = isStored ? .changed : .added
            }
            return PageResult(
                page: page, outcome: outcome, validators: validators, hrefs: LinkScanner.hrefs(in: bytes))
        case .notFound(let status):
            return try skipped(page, "HTTP \(status)")
        case .notHTML(let contentType):
            return try skipped(page, "not HTML (Content-Type: \(contentType))")
        }
    }

    private func skipped(_ page: String, _ reason: String) throws -> PageResult {
        guard page != SiteScope.rootPage else {
            throw MirrorError(scope.url(of: page), "\(reason); the site's root page must be there and be HTML")
        }
        return PageResult(page: page, outcome: .skipped(reason))
    }
}
