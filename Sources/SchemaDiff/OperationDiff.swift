import APISchema

/// The changes between two versions of one operation: its name and path, parameters, request body, and the
/// bodies of its responses at every depth.
struct OperationDiff {
    let oldTypes: [String: NamedType]
    let newTypes: [String: NamedType]
    let before: Operation
    let after: Operation
    private(set) var changes: [APIChange] = []
    /// Named-type pairs (old name, new name) met at the same place of the operation: what tells a renamed type.
    /// A type used twice is compared where it is met first, and recursive types end.
    private(set) var walked: Set<[String]> = []

    init(oldTypes: [String: NamedType], newTypes: [String: NamedType], before: Operation, after: Operation) {
        self.oldTypes = oldTypes
        self.newTypes = newTypes
        self.before = before
        self.after = after
    }

    enum Role { case request, response }

    mutating func add(_ kind: APIChange.Kind, _ impact: APIChange.Impact? = nil, at location: String, _ detail: String) {
        changes.append(
            APIChange(
                kind, impact ?? ImpactRules.impact(of: kind), operation: after.id, location: location, detail: detail,
                oldPage: before.sourcePage, newPage: after.sourcePage))
    }

    mutating func compare() {
        let endpoint = "\(after.method) \(after.path)"
        if before.id != after.id { add(.operationRenamed, at: endpoint, "renamed from \(before.id)") }
        if OperationMatcher.key(before) != OperationMatcher.key(after) {
            add(.operationMoved, at: endpoint, "moved from \(before.method) \(before.path)")
        }
        compareParameters()
        compareBody(before.requestBody.map { ($0.type, $0.required) }, after.requestBody.map { ($0.type, $0.required) },
            at: "request body", role: .request)
        let oldStatuses = Set(before.responses.map(\.status))
        let newStatuses = Set(after.responses.map(\.status))
        for status in newStatuses.subtracting(oldStatuses).sorted() { add(.statusAdded, at: "response \(status)", "added") }
        for status in oldStatuses.subtracting(newStatuses).sorted() { add(.statusRemoved, at: "response \(status)", "removed") }
        // The success responses are what the Swift method returns, whatever their status; other 2xx bodies are
        // compared status by status.
        let oldSuccess = before.successResponse
        let newSuccess = after.successResponse
        if let oldSuccess, let newSuccess {
            compareBody(
                oldSuccess.type.map { ($0, true) }, newSuccess.type.map { ($0, true) }, at: "response \(newSuccess.status)",
                role: .response)
        }
        let others = oldStatuses.intersection(newStatuses).subtracting([oldSuccess?.status, newSuccess?.status].compactMap { $0 })
        for status in others.sorted() where (200..<300).contains(status) {
            let old = before.responses.first { $0.status == status }?.type
            let new = after.responses.first { $0.status == status }?.type
            compareBody(old.map { ($0, true) }, new.map { ($0, true) }, at: "response \(status)", role: .response)
        }
    }

    // MARK: Parameters

    private mutating func compareParameters() {
        let pairs = before.parameters.map { (old: $0, new: counterpart(of: $0)) }
        var removed = pairs.filter { $0.new == nil }.map(\.old)
        var added = after.parameters.filter { new in !pairs.contains { $0.new == new } }
        // One parameter gone and one new in the same place with the same type: a rename.
        for old in removed {
            let candidates = added.filter { $0.location == old.location && $0.type == old.type }
            let rivals = removed.filter { $0.location == old.location && $0.type == old.type }
            guard candidates.count == 1, rivals.count == 1, let new = candidates.first else { continue }
            add(.parameterRenamed, at: "\(new.location.rawValue) parameter \(new.name)", "renamed from \(old.name)")
            removed.removeAll { $0 == old }
            added.removeAll { $0 == new }
        }
        for old in removed {
            add(.parameterRemoved, at: "\(old.location.rawValue) parameter \(old.name)", "removed")
        }
        for new in added {
            add(
                .parameterAdded, ImpactRules.requirement(nowRequired: new.required, inRequest: true),
                at: "\(new.location.rawValue) parameter \(new.name)", "added (\(new.required ? "required" : "optional"))")
        }
        for case let (old, new?) in pairs {
            let location = "\(new.location.rawValue) parameter \(new.name)"
            if old.location != new.location {
                add(.parameterMoved, at: location, "moved from the \(old.location.rawValue)")
            }
            if old.required != new.required {
                add(
                    .parameterRequiredChanged, ImpactRules.requirement(nowRequired: new.required, inRequest: true),
                    at: location, new.required ? "became required" : "became optional")
            }
            compareTypes(
                old.type, old.enumValues, new.type, new.enumValues, at: location, path: "", role: .request,
                typeChange: .parameterTypeChanged)
        }
    }

    /// What `old` became: the parameter of its name in its place (a list may filter by `project_id` in the query
    /// beside the path's `project_id`), else the one of its name when each side has one (it moved).
    private func counterpart(of old: Parameter) -> Parameter? {
        if let same = after.parameters.first(where: { $0.name == old.name && $0.location == old.location }) {
            return same
        }
        let namesakes = after.parameters.filter { $0.name == old.name }
        guard namesakes.count == 1, before.parameters.count(where: { $0.name == old.name }) == 1 else { return nil }
        return namesakes[0]
    }

    // MARK: Bodies

    private mutating func compareBody(
        _ old: (type: TypeRef, required: Bool)?, _ new: (type: TypeRef, required: Bool)?, at location: String,
        role: Role
    ) {
        switch (old, new) {
        case (nil, let new?):
            let impact = ImpactRules.requirement(nowRequired: new.required, inRequest: role == .request)
            add(.fieldAdded, impact, at: location, "added (\(new.type.description))")
        case (let old?, nil):
            add(.fieldRemoved, at: location, "removed (was \(old.type.description))")
        case (let old?, let new?):
            if old.required != new.required {
                add(
                    .fieldRequiredChanged, ImpactRules.requirement(nowRequired: new.required, inRequest: role == .request),
                    at: location, new.required ? "became required" : "became optional")
            }
            compareTypes(old.type, nil, new.type, nil, at: location, path: "", role: role, typeChange: .fieldTypeChanged)
        case (nil, nil):
            break
        }
    }

    /// What a type is for comparison: a scalar (with its documented values), an object, an array, a map or JSON.
    private enum Node {
        case scalar(String, values: [String]?)
        case object(String, [Property])
        case array(TypeRef)
        case map(TypeRef)
        case any
    }

    private func node(_ type: TypeRef, _ values: [EnumValue]?, in types: [String: NamedType]) -> Node {
        switch type {
        case .array(let element): return .array(element)
        case .map(let value): return .map(value)
        case .any: return .any
        case .named(let name):
            switch types[name]?.kind {
            case .object(let properties)?: return .object(name, properties)
            case .enumeration(let base, let documented)?: return .scalar(base.description, values: documented.map(\.value))
            // The differ reads definitions (``ServiceSchema/definitionsByName``): an alias left is a dangling one.
            case .alias?, nil: return .any
            }
        default:
            return .scalar(type.description, values: values.map { $0.map(\.value) })
        }
    }

    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let name, let values): values == nil ? name : "\(name) enum"
        case .object(let name, _): "object \(name)"
        case .array(let element): "array<\(element)>"
        case .map(let value): "map<\(value)>"
        case .any: "any JSON"
        }
    }

    private mutating func compareTypes(
        _ oldType: TypeRef, _ oldValues: [EnumValue]?, _ newType: TypeRef, _ newValues: [EnumValue]?,
        at prefix: String, path: String, role: Role, typeChange: APIChange.Kind
    ) {
        let location = path.isEmpty ? prefix : "\(prefix): \(path)"
        let old = node(oldType, oldValues, in: oldTypes)
        let new = node(newType, newValues, in: newTypes)
        switch (old, new) {
        case (.scalar(let a, let oldEnum), .scalar(let b, let newEnum)) where a == b && (oldEnum == nil) == (newEnum == nil):
            guard let oldEnum, let newEnum else { return }
            for value in oldEnum where !newEnum.contains(value) { add(.enumValueRemoved, at: location, "value \(value) removed") }
            for value in newEnum where !oldEnum.contains(value) { add(.enumValueAdded, at: location, "value \(value) added") }
        case (.object(let a, let oldProperties), .object(let b, let newProperties)):
            guard walked.insert([a, b]).inserted else { return }
            compareProperties(oldProperties, newProperties, at: prefix, path: path, role: role)
        case (.array(let a), .array(let b)):
            compareTypes(a, oldValues, b, newValues, at: prefix, path: path + "[]", role: role, typeChange: typeChange)
        case (.map(let a), .map(let b)):
            compareTypes(a, oldValues, b, newValues, at: prefix, path: path + "{}", role: role, typeChange: typeChange)
        case (.any, .any):
            return
        default:
            add(typeChange, at: location, "\(Self.describe(old)) → \(Self.describe(new))")
        }
    }

    private mutating func compareProperties(
        _ old: [Property], _ new: [Property], at prefix: String, path: String, role: Role
    ) {
        func location(_ name: String) -> String { "\(prefix): " + (path.isEmpty ? name : "\(path).\(name)") }
        var removed = old.filter { property in !new.contains { $0.name == property.name } }
        var added = new.filter { property in !old.contains { $0.name == property.name } }
        for property in removed {
            let candidates = added.filter { $0.type == property.type }
            guard candidates.count == 1, removed.filter({ $0.type == property.type }).count == 1, let renamed = candidates.first
            else { continue }
            add(.fieldRenamed, at: location(renamed.name), "renamed from \(property.name)")
            removed.removeAll { $0 == property }
            added.removeAll { $0 == renamed }
        }
        for property in removed { add(.fieldRemoved, at: location(property.name), "removed") }
        for property in added {
            add(
                .fieldAdded, ImpactRules.requirement(nowRequired: property.required, inRequest: role == .request),
                at: location(property.name), "added (\(property.required ? "required" : "optional"))")
        }
        for property in old {
            guard let counterpart = new.first(where: { $0.name == property.name }) else { continue }
            if property.required != counterpart.required {
                add(
                    .fieldRequiredChanged,
                    ImpactRules.requirement(nowRequired: counterpart.required, inRequest: role == .request),
                    at: location(property.name), counterpart.required ? "became required" : "became optional")
            }
            compareTypes(
                property.type, property.enumValues, counterpart.type, counterpart.enumValues, at: prefix,
                path: path.isEmpty ? property.name : "\(path).\(property.name)", role: role, typeChange: .fieldTypeChanged)
        }
    }
}
