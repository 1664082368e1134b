import APISchema
import Foundation

/// The API names of the official SDKs by HTTP method and path (`spec/<service>.names.json`, written by
/// `Tools/official_names.py`): the name of a page that carries none of its own. Read from the committed table;
/// generation never asks the network.
public struct OfficialNames: Sendable {
    /// One entry of the table: a name the official SDK `package` gives to `method` and `path`.
    struct Entry: Codable, Sendable {
        var method: String
        var path: String
        var name: String
        var package: String
        /// The request body's top-level members, recorded where one package gives one path several names.
        var bodyKeys: [String]?
    }

    private struct Table: Codable {
        struct Package: Codable {
            var name: String
            /// The credentials its clients sign with first (`GlobalCredentials`, `BasicCredentials`).
            var credentials: String?
        }
        var packages: [Package]
        var operations: [Entry]
    }

    /// Per strictness of ``pathKeys(_:)``, per package in priority order: `METHOD key` → names and body members.
    private var tiers: [[[String: [String: Set<String>]]]] = []

    /// How the first package's clients sign: with the domain (`GlobalCredentials`) or a project; `nil` when the
    /// table does not say.
    public private(set) var scope: APISchema.Operation.Scope?

    /// No names: every page without one of its own is named from its title.
    public static let none = OfficialNames()

    private init() {}

    init(entries: [Entry], packageOrder: [String], scope: APISchema.Operation.Scope? = nil) {
        self.scope = scope
        tiers = (0..<3).map { tier in
            packageOrder.map { package in
                var lookup: [String: [String: Set<String>]] = [:]
                for entry in entries where entry.package == package {
                    let key = entry.method.uppercased() + " " + Self.pathKeys(entry.path)[tier]
                    lookup[key, default: [:]][entry.name, default: []].formUnion(entry.bodyKeys ?? [])
                }
                return lookup
            }
        }
    }

    /// Reads a names table; throws when it cannot be read or is not one.
    public static func load(_ url: URL) throws -> OfficialNames {
        let table = try JSONDecoder().decode(Table.self, from: Data(contentsOf: url))
        let scope = table.packages.first?.credentials.map { $0 == "GlobalCredentials" ? APISchema.Operation.Scope.global : .project }
        return OfficialNames(entries: table.operations, packageOrder: table.packages.map(\.name), scope: scope)
    }

    /// The table `config` names (``ServiceConfig/officialNames``, relative to the package `root`); ``none`` for a
    /// service without one.
    public static func load(for config: ServiceConfig, root: URL) throws -> OfficialNames {
        guard let table = config.officialNames else { return .none }
        return try load(root.appending(path: table))
    }

    /// The names of `method` and `path`: those of the strictest path match, from the first package that has one;
    /// where several names share the path (batch `action` endpoints), those whose recorded body members `bodyKeys`
    /// has most of. Empty when no name fits; several when the body does not tell them apart.
    func names(method: String, path: String, bodyKeys: Set<String>) -> [String] {
        let keys = Self.pathKeys(path)
        for (tier, packages) in tiers.enumerated() {
            for lookup in packages {
                guard let found = lookup[method.uppercased() + " " + keys[tier]] else { continue }
                let names = Self.narrowed(found, byBody: bodyKeys)
                if !names.isEmpty { return names }
            }
        }
        return []
    }

    /// Several names on one path: those sharing the most members with the page's body. Names without recorded
    /// members, or a page that shows no body, leave the candidates as they are.
    private static func narrowed(_ candidates: [String: Set<String>], byBody body: Set<String>) -> [String] {
        guard candidates.count > 1, !body.isEmpty, candidates.values.allSatisfy({ !$0.isEmpty }) else {
            return candidates.keys.sorted()
        }
        let shared = candidates.mapValues { $0.intersection(body).count }
        let best = shared.values.max() ?? 0
        return best == 0 ? [] : shared.filter { $0.value == best }.keys.sorted()
    }

    /// The forms of a path under which a page and an SDK entry are the same API, strictest first:
    /// 1. as written, except that placeholder names never matter (`{id}` is `{server_id}`), nor do a trailing
    ///    slash, a query, or a `.0` minor version (`/v2.0/` is `/v2/`);
    /// 2. without what one side may write and the other not: a service word before the version (`/mysql/v3/x` is
    ///    `/v3/x`) and the project segment right after it (`/v1/{project_id}/x` is `/v1/x`);
    /// 3. that, with the major version only (`/v2.1/x` is `/v2/x`): another release of the same API.
    /// A different major version is another API, and is never matched.
    static func pathKeys(_ path: String) -> [String] {
        let bare = path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? path
        var written = bare.split(separator: "/").map(String.init)
        var segments = written.map { segment in
            if segment.hasPrefix("{") { return "{}" }
            return PathTemplate.isVersionSegment(segment) && segment.hasSuffix(".0") ? String(segment.dropLast(2)) : segment
        }
        var keys = ["/" + segments.joined(separator: "/")]
        if segments.count > 1, segments[0] != "{}", PathTemplate.isVersionSegment(segments[1]) {
            written.removeFirst()
            segments.removeFirst()
        }
        let start = segments.first.map { PathTemplate.isVersionSegment($0) } == true ? 1 : 0
        if start < segments.count, segments[start] == "{}",
            written[start].contains("project") || written[start].contains("tenant")
        {
            written.remove(at: start)
            segments.remove(at: start)
        }
        keys.append("/" + segments.joined(separator: "/"))
        if start == 1 { segments[0] = String(segments[0].prefix { $0 != "." }) }
        keys.append("/" + segments.joined(separator: "/"))
        return keys
    }

}
