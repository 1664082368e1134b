import APISchema

/// One difference between two versions of a service's API, as an API reviewer would name it.
public struct APIChange: Codable, Sendable, Hashable, Comparable {
    /// What changed.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case operationAdded, operationRemoved, operationRenamed, operationMoved
        case parameterAdded, parameterRemoved, parameterRenamed, parameterMoved
        case parameterRequiredChanged, parameterTypeChanged
        case fieldAdded, fieldRemoved, fieldRenamed, fieldRequiredChanged, fieldTypeChanged
        case enumValueAdded, enumValueRemoved
        case typeAdded, typeRemoved, typeRenamed
        case statusAdded, statusRemoved
    }

    /// What the change means for code that uses the generated SDK.
    public enum Impact: String, Codable, Sendable, Comparable {
        /// Code written against the old SDK stops compiling against the new one (or means something else).
        case sourceBreaking = "breaking (source)"
        /// Code compiles, but a request the service used to accept is now rejected, or a response no longer
        /// decodes: programs built with the old SDK fail against the new service.
        case runtimeBreaking = "breaking (run time)"
        /// Neither.
        case compatible

        private var rank: Int {
            switch self {
            case .sourceBreaking: 0
            case .runtimeBreaking: 1
            case .compatible: 2
            }
        }

        public static func < (lhs: Impact, rhs: Impact) -> Bool { lhs.rank < rhs.rank }
    }

    public var kind: Kind
    public var impact: Impact
    /// The operation the change is seen from (its id on the new side, or the old one when it was removed); `nil`
    /// for named types.
    public var operation: String?
    /// Where in the operation: `request body: volume.capacity`, `query parameter limit`, `response 200: items[].id`.
    public var location: String
    /// What happened, in a phrase: `became required`, `string → integer`, `added (optional)`.
    public var detail: String
    /// The page of the old and of the new side (`x-source-page`), where there is one.
    public var oldPage: String?
    public var newPage: String?

    public init(
        _ kind: Kind, _ impact: Impact, operation: String?, location: String, detail: String, oldPage: String?,
        newPage: String?
    ) {
        self.kind = kind
        self.impact = impact
        self.operation = operation
        self.location = location
        self.detail = detail
        self.oldPage = oldPage
        self.newPage = newPage
    }

    /// Most severe first, then by operation, location and kind: the order of the report.
    public static func < (lhs: APIChange, rhs: APIChange) -> Bool {
        (lhs.impact, lhs.operation ?? "", lhs.location, lhs.kind.rawValue, lhs.detail, lhs.oldPage ?? "")
            < (rhs.impact, rhs.operation ?? "", rhs.location, rhs.kind.rawValue, rhs.detail, rhs.oldPage ?? "")
    }

    /// Whether the change adds to the API (a minor version) rather than only fixing its description.
    var isAddition: Bool {
        switch kind {
        case .operationAdded, .parameterAdded, .fieldAdded, .enumValueAdded, .typeAdded, .statusAdded: true
        default: false
        }
    }
}

/// What changed between two versions of a service, and the version step it calls for.
public struct APIDiff: Codable, Sendable, Hashable {
    /// A semantic-version step for the generated library.
    public enum VersionStep: String, Codable, Sendable {
        case major, minor, patch, none
    }

    public var service: String
    /// The two sides as given (`spec/ecs.json`, `git:HEAD~3`, a folder).
    public var old: String
    public var new: String
    /// Sorted: most severe first.
    public var changes: [APIChange]

    public init(service: String, old: String, new: String, changes: [APIChange]) {
        self.service = service
        self.old = old
        self.new = new
        self.changes = changes.sorted()
    }

    public var breaking: [APIChange] { changes.filter { $0.impact != .compatible } }

    /// Major for any breaking change, minor for additions, patch for anything else, none without changes.
    public var versionStep: VersionStep {
        if !breaking.isEmpty { return .major }
        if changes.contains(where: \.isAddition) { return .minor }
        return changes.isEmpty ? .none : .patch
    }

    /// `ModelArts: +23 operations, −5, 2 breaking` (or `no API changes`).
    public var summary: String {
        let added = changes.filter { $0.kind == .operationAdded }.count
        let removed = changes.filter { $0.kind == .operationRemoved }.count
        guard !changes.isEmpty else { return "\(service): no API changes" }
        var parts = ["+\(added) operations", "−\(removed)"]
        parts.append("\(changes.count) changes")
        parts.append("\(breaking.count) breaking")
        return "\(service): " + parts.joined(separator: ", ") + " (\(versionStep.rawValue) version)"
    }
}
