/// The intermediate schema: what the schema builder reads out of a folder of API reference pages and what every
/// emitter (OpenAPI, Swift, reports) consumes. It is committed as `spec/<service>.json`, so every collection is
/// kept in a stable order and every field is plain data.

/// One cloud service: its operations, the named types they use, and what was unclear while reading the pages.
public struct ServiceSchema: Codable, Sendable, Hashable {
    /// Service name as written in `spec/services.json` (`ModelArts`, `ECS`).
    public var name: String
    /// Where the service is reached (see ``ServiceEndpoint``); `nil` when neither its pages nor its configuration
    /// say (an `no-endpoint` error).
    public var endpoint: ServiceEndpoint?
    /// Groups from the table of contents (`CLASS.TXT.json`), in table-of-contents order.
    public var groups: [OperationGroup]
    /// Operations sorted by `id`.
    public var operations: [Operation]
    /// Named types sorted by `name`. Every `TypeRef.named` in the schema resolves to one of these.
    public var types: [NamedType]
    /// Resources whose lifecycle state can be waited for, sorted by `name` (see ``Waiter``).
    public var waiters: [Waiter]
    /// The codes of the service's error-code tables, sorted by code.
    public var errorCodes: [ErrorCode]
    /// The body of the service's failed calls (see `ErrorBodies`): the type of every error response that its page
    /// does not describe otherwise, and of the statuses no page names.
    public var errorBody: TypeRef?
    /// Everything the builder could not read cleanly, sorted by page, then table, then row.
    public var diagnostics: [Diagnostic]
    /// How the official SDKs sign the service's calls, where its names table records it: with the domain
    /// (`global`: IAM, TMS) or with a project (SWR, whose paths name no project). See ``isGlobal``.
    public var officialScope: Operation.Scope?
    /// The words the service's names spell as initialisms beyond the generators' general ones (`ID`, `URL`, …),
    /// as configured when the schema was built: the abbreviations of the configured services (`ECS`, `VPC`) and
    /// the words of `spec/vocabulary.json` (`OBS`), sorted. The schema carries them so that any emitter, the
    /// build plugin's included, spells the service's names as `apiref generate` does.
    public var initialisms: [String]
    /// Which pages were read as operations and why the others were skipped; not written to `spec/` (no coding key).
    public var pageCensus = PageCensus()

    public init(
        name: String, endpoint: ServiceEndpoint?, groups: [OperationGroup] = [], operations: [Operation] = [],
        types: [NamedType] = [], waiters: [Waiter] = [], errorCodes: [ErrorCode] = [], errorBody: TypeRef? = nil,
        officialScope: Operation.Scope? = nil, initialisms: [String] = [], diagnostics: [Diagnostic] = []
    ) {
        self.name = name
        self.endpoint = endpoint
        self.groups = groups
        self.operations = operations
        self.types = types
        self.waiters = waiters
        self.errorCodes = errorCodes
        self.errorBody = errorBody
        self.officialScope = officialScope
        self.initialisms = initialisms
        self.diagnostics = diagnostics
    }

    private enum CodingKeys: String, CodingKey {
        case name, endpoint, groups, operations, types, waiters, errorCodes, errorBody, officialScope, initialisms
        case diagnostics
    }

    /// The configured prefix a schema written before endpoints were read from the pages has instead of `endpoint`.
    private enum LegacyKeys: String, CodingKey {
        case endpointPrefix
    }

    /// Decodes a schema; one committed before waiters, error codes or initialisms existed has none, and one committed before
    /// endpoints were read from the pages has its configured prefix (`endpointPrefix`).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let legacy = try decoder.container(keyedBy: LegacyKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            endpoint: try container.decodeIfPresent(ServiceEndpoint.self, forKey: .endpoint)
                ?? legacy.decodeIfPresent(String.self, forKey: .endpointPrefix).map(ServiceEndpoint.configured),
            groups: try container.decode([OperationGroup].self, forKey: .groups),
            operations: try container.decode([Operation].self, forKey: .operations),
            types: try container.decode([NamedType].self, forKey: .types),
            waiters: try container.decodeIfPresent([Waiter].self, forKey: .waiters) ?? [],
            errorCodes: try container.decodeIfPresent([ErrorCode].self, forKey: .errorCodes) ?? [],
            errorBody: try container.decodeIfPresent(TypeRef.self, forKey: .errorBody),
            officialScope: try container.decodeIfPresent(Operation.Scope.self, forKey: .officialScope),
            initialisms: try container.decodeIfPresent([String].self, forKey: .initialisms) ?? [],
            diagnostics: try container.decode([Diagnostic].self, forKey: .diagnostics))
    }
}

/// A chapter of the table of contents; operations are emitted into one Swift file per group.
public struct OperationGroup: Codable, Sendable, Hashable {
    /// Identifier-safe group name (`DevelopmentEnvironmentManagement`).
    public var name: String
    /// Title as the table of contents writes it.
    public var title: String

    public init(name: String, title: String) {
        self.name = name
        self.title = title
    }
}

/// One API page: one HTTP operation.
public struct Operation: Codable, Sendable, Hashable {
    /// UpperCamelCase, unique within the service (`CreateNotebook`).
    public var id: String
    /// `OperationGroup.name` this operation belongs to.
    public var group: String
    /// Page title (`Creating a Notebook Instance`).
    public var title: String
    /// First paragraph of the page's function section.
    public var summary: String
    /// HTTP method, upper case (`POST`).
    public var method: String
    /// Path template as documented (`/v1/{project_id}/notebooks/{id}`), without the query string.
    public var path: String
    /// File name of the page the operation was read from (`CreateNotebook.html`).
    public var sourcePage: String
    /// Path, query and header parameters in page order. Authentication headers are left to the runtime.
    public var parameters: [Parameter]
    /// Request body type, if the page documents one.
    public var requestBody: RequestBody?
    /// The page's JSON examples of the request body, in page order (also where the tables document no body).
    public var requestExamples: [Example]
    /// One entry per documented status code, sorted by status.
    public var responses: [Response]
    /// The page's word for an API it marks as deprecated (`Discarded`, `Deprecated`), or `nil`.
    public var deprecation: String?
    /// Whether the path's `{project_id}` is the caller's project (see ``Scope``).
    public var scope: Scope
    /// How the operation's list is read page by page, when it is a paged list (see ``Paginator``).
    public var paginator: Paginator?

    /// An operation; its `scope` is the one its path has (``Scope/init(path:)``) unless given.
    public init(
        id: String, group: String, title: String, summary: String, method: String, path: String,
        sourcePage: String, parameters: [Parameter] = [], requestBody: RequestBody? = nil,
        requestExamples: [Example] = [], responses: [Response] = [], deprecation: String? = nil, scope: Scope? = nil,
        paginator: Paginator? = nil
    ) {
        self.id = id
        self.group = group
        self.title = title
        self.summary = summary
        self.method = method
        self.path = path
        self.sourcePage = sourcePage
        self.parameters = parameters
        self.requestBody = requestBody
        self.requestExamples = requestExamples
        self.responses = responses
        self.deprecation = deprecation
        self.scope = scope ?? Scope(path: path)
        self.paginator = paginator
    }

    private enum CodingKeys: String, CodingKey {
        case id, group, title, summary, method, path, sourcePage, parameters, requestBody, requestExamples, responses,
            deprecation, scope, paginator
    }

    /// Decodes an operation; one committed before examples were parsed (with their text in `examples`) has none, and
    /// one committed before scopes its path's, so that `apiref diff git:<revision>` still reads older schemas.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), group: try c.decode(String.self, forKey: .group),
            title: try c.decode(String.self, forKey: .title), summary: try c.decode(String.self, forKey: .summary),
            method: try c.decode(String.self, forKey: .method), path: try c.decode(String.self, forKey: .path),
            sourcePage: try c.decode(String.self, forKey: .sourcePage),
            parameters: try c.decode([Parameter].self, forKey: .parameters),
            requestBody: try c.decodeIfPresent(RequestBody.self, forKey: .requestBody),
            requestExamples: try c.decodeIfPresent([Example].self, forKey: .requestExamples) ?? [],
            responses: try c.decode([Response].self, forKey: .responses),
            deprecation: try c.decodeIfPresent(String.self, forKey: .deprecation),
            scope: try c.decodeIfPresent(Scope.self, forKey: .scope),
            paginator: try c.decodeIfPresent(Paginator.self, forKey: .paginator))
    }
}

/// A path, query or header parameter.
public struct Parameter: Codable, Sendable, Hashable {
    public enum Location: String, Codable, Sendable, Hashable, CaseIterable {
        case path, query, header
    }

    /// Wire name (`project_id`, `X-Language`).
    public var name: String
    public var location: Location
    public var required: Bool
    public var type: TypeRef
    /// Documented values, if the description lists them.
    public var enumValues: [EnumValue]?
    public var description: String

    public init(
        name: String, location: Location, required: Bool, type: TypeRef, enumValues: [EnumValue]? = nil,
        description: String = ""
    ) {
        self.name = name
        self.location = location
        self.required = required
        self.type = type
        self.enumValues = enumValues
        self.description = description
    }
}

/// The request body of an operation: always JSON in these references.
public struct RequestBody: Codable, Sendable, Hashable {
    public var type: TypeRef
    public var required: Bool

    public init(type: TypeRef, required: Bool = true) {
        self.type = type
        self.required = required
    }
}

/// Where something was read: page, table and row, as a reader of the page would find it again.
public struct SourceLocation: Codable, Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Page file name (`CreateNotebook.html`).
    public var page: String
    /// Table caption (`Table 4 VolumeReq`), if any.
    public var table: String?
    /// 1-based data row within the table, if any.
    public var row: Int?

    public init(page: String, table: String? = nil, row: Int? = nil) {
        self.page = page
        self.table = table
        self.row = row
    }

    public var description: String {
        var text = page
        if let table { text += ": \(table.contains(" ") ? "'\(table)'" : table)" }
        if let row { text += " row \(row)" }
        return text
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.page, lhs.table ?? "", lhs.row ?? 0) < (rhs.page, rhs.table ?? "", rhs.row ?? 0)
    }
}

extension Operation {
    /// The documented success response: the lowest 2xx status, preferring one with a body. It is what the
    /// generated method returns, what a waiter polls and what a change report compares.
    public var successResponse: Response? {
        let success = responses.filter { (200..<300).contains($0.status) }
        return success.first { $0.type != nil } ?? success.first
    }
}

extension ServiceSchema {
    /// The named types by name (names are unique in a schema).
    public var typesByName: [String: NamedType] {
        Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// What each name stands for: the named types by name, an alias replaced by the type it names. For readers
    /// of a type's fields or values, to whom an alias is its target.
    public var definitionsByName: [String: NamedType] {
        let types = typesByName
        return types.mapValues { type in
            var type = type
            var seen: Set<String> = [type.name]
            while case .alias(let target) = type.kind, let next = types[target], seen.insert(target).inserted {
                type = next
            }
            return type
        }
    }

    /// The named types `roots` use, directly or through the fields of other types, the roots included.
    public func typesReachable(from roots: some Sequence<String>) -> Set<String> {
        Self.typesReachable(from: roots, in: typesByName)
    }

    /// ``typesReachable(from:)`` over a `typesByName` built once, for callers that ask for many roots.
    public static func typesReachable(from roots: some Sequence<String>, in types: [String: NamedType]) -> Set<String> {
        var pending = Array(roots)
        var seen: Set<String> = []
        while let name = pending.popLast() {
            guard seen.insert(name).inserted else { continue }
            switch types[name]?.kind {
            case .object(let properties)?: pending += properties.compactMap(\.type.referencedName)
            case .alias(let target)?: pending.append(target)
            default: break
            }
        }
        return seen
    }
}

extension ServiceSchema {
    /// The named types some response body contains, directly or through other types (arrays and maps looked
    /// through). The Swift SDK decodes every property of these as optional, since servers (and the pages' own
    /// examples) omit or send `null` for "mandatory" fields; the OpenAPI export states the same.
    public var responseTypeNames: Set<String> {
        typesReachable(from: operations.flatMap { $0.responses.compactMap { $0.type?.referencedName } })
    }
}
