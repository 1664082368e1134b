import Foundation

/// Locates the shared reference data next to the package (`../shared/...`).
enum SharedData {
    /// The package root, derived from this file's location (Tests/CloudCoreTests/Support/).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// `../shared/<relativePath>` relative to the package root.
    static func url(_ relativePath: String) -> URL {
        packageRoot.deletingLastPathComponent().appendingPathComponent("shared").appendingPathComponent(relativePath)
    }
}
