import APIRefCommands
import APISchema
import ArgumentParser
import DocsMirror
import Foundation

/// `apiref fetch`: mirrors each service's published API reference (`docsURL`) into its docs folder.
struct Fetch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mirror each service's published API reference (docsURL in spec/services.json) into its docs folder.",
        discussion: """
            Starts at index.html below docsURL and follows the links that stay below it (fragments and query \
            strings dropped; stylesheets, scripts, images and fonts left out), storing every HTML page byte for \
            byte in the site's folder layout. Validators are kept in <docs>/.fetch-state.json, so a site that did \
            not change costs one conditional request (304) per page and writes nothing. Requests are retried on \
            429, 5xx and connection failures with exponential backoff and jitter, honouring Retry-After.

            A service's run either replaces its docs folder in one step or leaves it exactly as it was (server \
            unreachable, a page failing after its retries, the root page not found). A linked page answering 404 or \
            410, or something other than HTML, is skipped and named in the report. Exits non-zero when any \
            service failed.
            """)

    @Option(name: .customLong("service"), help: "Only this service (a name from spec/services.json); repeatable.")
    var services: [String] = []

    @Option(help: "Fetch from this address instead: each docsURL's path is appended to it (a mirror, a local server).")
    var base: String?

    @Option(help: "Pages fetched at the same time.")
    var concurrency = 4

    @Option(help: "Attempts per page, the first included, on 429, 5xx and connection failures.")
    var attempts = DocsMirror.defaultRetryPolicy.maxAttempts

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be at least 1") }
        guard attempts >= 1 else { throw ValidationError("--attempts must be at least 1") }
        if let base, URL(string: base).flatMap(SiteScope.init(root:)) == nil {
            throw ValidationError("--base must be an http(s) URL: \(base)")
        }
    }

    func run() async throws {
        let workspace = Workspace()
        var named: Set<String> = []
        let configs =
            try (services.isEmpty ? workspace.services() : services.flatMap { try workspace.services(only: $0) })
            .filter { named.insert($0.name).inserted }
        var retryPolicy = DocsMirror.defaultRetryPolicy
        retryPolicy.maxAttempts = attempts
        let mirror = DocsMirror(concurrency: concurrency, retryPolicy: retryPolicy)
        var failed: [String] = []
        for config in configs {
            guard let docsURL = config.docsURL else {
                print("\(config.name): no docsURL in spec/services.json; skipped")
                continue
            }
            let root = base.flatMap(URL.init(string:)).map { SiteScope.rebasing(docsURL, onto: $0) } ?? docsURL
            guard let site = SiteScope(root: root) else {
                throw PipelineError("\(config.name): docsURL is not an http(s) URL: \(docsURL)")
            }
            let progress = ProgressLine(service: config.name)
            do {
                let report = try await mirror.mirror(site, into: workspace.url(config.docs), progress: progress.show)
                progress.clear()
                print("\(config.name) (\(site.rootURL) → \(config.docs)): " + report.lines.joined(separator: "\n"))
            } catch {
                progress.clear()
                FileHandle.standardError.write(
                    Data("\(config.name): failed: \(error); \(config.docs) left as it was\n".utf8))
                failed.append(config.name)
            }
        }
        if !failed.isEmpty { throw ExitCode.failure }
    }
}
