import CPathExchange
import Foundation

/// The new copy of a docs folder, built beside it and swapped in whole, so the folder is never half a site: a run
/// that fails removes the staging folder and leaves the docs folder as it was.
///
/// Unchanged pages are hard links to the docs folder's files, not copies: no byte is written for them and their
/// modification times stay what they were.
struct StagingFolder {
    /// The docs folder the staging folder replaces.
    let destination: URL
    /// The staging folder: a hidden sibling of the destination (same file system, so the swap is a rename).
    let url: URL

    /// Creates an empty staging folder beside `destination` (whose parent is created if missing).
    init(replacing destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let parent = self.destination.deletingLastPathComponent()
        url = parent.appending(path: ".\(self.destination.lastPathComponent).fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `data` as `page`.
    func write(_ data: Data, as page: String) throws {
        let file = url.appending(path: page)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Puts the destination's copy of `page` into the staging folder, as a hard link.
    func keep(_ page: String) throws {
        let file = url.appending(path: page)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.linkItem(at: destination.appending(path: page), to: file)
    }

    /// Removes the staging folder.
    func discard() {
        try? FileManager.default.removeItem(at: url)
    }

    /// Puts the staging folder in the destination's place in one step and removes the old folder. Where the
    /// destination does not exist yet, the staging folder is renamed to it.
    func replaceDestination() throws {
        guard FileManager.default.fileExists(atPath: destination.path) else {
            try FileManager.default.moveItem(at: url, to: destination)
            return
        }
        guard path_exchange(url.path, destination.path) == 0 else {
            throw MirrorError(destination.path, "could not swap in the new copy: \(String(cString: strerror(errno)))")
        }
        // The old folder is now at the staging path.
        discard()
    }
}
