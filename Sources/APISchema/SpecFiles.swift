import Foundation

/// The `spec/` folder: the services configuration the generator reads and the files it writes for review.
public enum SpecFiles {
    /// Canonical JSON for everything written to `spec/`: sorted keys, two-space indentation, `/` unescaped, and a
    /// final newline, so the same schema always gives the same bytes.
    public static func canonicalJSON(_ value: some Encodable) throws -> Data {
        var data = try CanonicalJSONEncoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Writes `data` to `url` only when the file's content differs, so that regeneration leaves untouched files
    /// (and their modification times) alone. Returns whether the file was written.
    @discardableResult
    public static func writeIfChanged(_ data: Data, to url: URL) throws -> Bool {
        if let existing = try? Data(contentsOf: url), existing == data { return false }
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        return true
    }
}

/// One entry of `spec/services.json`: which pages make which service and module.
public struct ServiceConfig: Codable, Sendable, Hashable {
    /// Service name (`ModelArts`); also the Swift module and the stem of its spec files (lower-cased).
    public var name: String
    /// Folder of API reference pages, relative to the package root (`../shared/docs/modelarts/api-ref`).
    public var docs: String
    /// Endpoint prefix (`modelarts`, `ecs`): the service's endpoint where its pages state none; `nil`, only theirs.
    public var endpointPrefix: String?
    /// The official SDKs' API names by method and path (`spec/ecs.names.json`, relative to the package root), for
    /// pages that carry no API name; `nil`: such pages are named from their titles.
    public var officialNames: String?
    /// Where the documentation site publishes these pages, the root `apiref fetch` mirrors into `docs`
    /// (`https://docs.otc.t-systems.com/modelarts/api-ref/`). Generation does not read it.
    public var docsURL: URL?

    public init(
        name: String, docs: String, endpointPrefix: String?, officialNames: String? = nil, docsURL: URL? = nil
    ) {
        self.name = name
        self.docs = docs
        self.endpointPrefix = endpointPrefix
        self.officialNames = officialNames
        self.docsURL = docsURL
    }

    /// Stem of this service's files in `spec/` (`modelarts` → `spec/modelarts.json`).
    public var fileStem: String { name.lowercased() }

    /// Reads `spec/services.json`.
    public static func load(from url: URL) throws -> [ServiceConfig] {
        try JSONDecoder().decode([ServiceConfig].self, from: Data(contentsOf: url))
    }
}

/// `spec/vocabulary.json`: the cloud's words that the generator's general vocabulary lacks, kept in configuration
/// rather than in code so that a new cloud or service needs no code change.
public struct Vocabulary: Codable, Sendable, Hashable {
    /// For the maintainer: what the file is for. Generation does not read it.
    public var about: String?
    /// Words spelled as initialisms in Swift names (`OBS` → `obsURL`), beyond the abbreviations of the configured
    /// services, which are initialisms without being listed: other services of the cloud that pages name.
    public var initialisms: [String]

    public init(about: String? = nil, initialisms: [String] = []) {
        self.about = about
        self.initialisms = initialisms
    }

    /// Reads `spec/vocabulary.json`; a missing file is an empty vocabulary.
    public static func load(from url: URL) throws -> Vocabulary {
        guard FileManager.default.fileExists(atPath: url.path) else { return Vocabulary() }
        return try JSONDecoder().decode(Vocabulary.self, from: Data(contentsOf: url))
    }

    /// The initialisms a schema of `services` carries (``ServiceSchema/initialisms``), sorted: this file's, and
    /// every configured service name written in capitals with three letters or more (`ECS`, `VPCEP`). A two-letter
    /// name (`AS`) is too often an ordinary word (`as`) to be spelled in capitals wherever it appears.
    public func initialisms(of services: [ServiceConfig]) -> [String] {
        let abbreviations = services.map(\.name).filter { name in
            name.count >= 3 && name.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        }
        return Set(initialisms + abbreviations).sorted()
    }
}
