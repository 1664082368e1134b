import APISchema
import Foundation

// Placeholder until the SwiftEmitter stage lands; the signature is the contract the CLI codes against.

/// One emitted file, relative to `Generated/<Service>/`.
public struct GeneratedFile: Sendable, Hashable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

public struct SwiftEmitter: Sendable {
    public let templatesDirectory: URL

    public init(templatesDirectory: URL) {
        self.templatesDirectory = templatesDirectory
    }

    /// Renders the whole module for `schema`, deterministically, files sorted by path.
    public func render(_ schema: ServiceSchema) throws -> [GeneratedFile] { [] }
}
