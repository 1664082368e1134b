import APISchema
import Foundation

/// What the server said about each page when it was last fetched, kept beside the pages (`.fetch-state.json`, a
/// hidden file the page reader skips) so the next run asks only "changed since?" (`If-None-Match`,
/// `If-Modified-Since`).
///
/// Canonical JSON (sorted keys, no timestamps of its own): a run that changes nothing writes the same bytes.
struct FetchState: Codable, Sendable, Equatable {
    /// A page's validators, as the server sent them.
    struct Validators: Codable, Sendable, Hashable {
        var etag: String?
        var lastModified: String?

        var isEmpty: Bool { etag == nil && lastModified == nil }
    }

    static let fileName = ".fetch-state.json"

    /// Validators by page path (relative to the docs folder).
    var pages: [String: Validators] = [:]

    /// The state in `folder`, empty when there is none or it cannot be read (then every page is fetched whole).
    static func load(from folder: URL) -> FetchState {
        guard let data = try? Data(contentsOf: folder.appending(path: fileName)),
            let state = try? JSONDecoder().decode(FetchState.self, from: data)
        else { return FetchState() }
        return state
    }

    /// The file's bytes.
    func encoded() throws -> Data { try SpecFiles.canonicalJSON(self) }
}
