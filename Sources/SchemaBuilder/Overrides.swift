import APISchema
import Foundation

/// One entry of `spec/<service>.overrides.json`.
///
/// The file is a JSON array of entries; each names an `action`, its target, and a one-line `reason`:
/// ```json
/// [
///   { "action": "renameType", "type": "VolumeReq", "to": "NotebookVolume", "reason": "clearer in Swift" },
///   { "action": "renameOperation", "operation": "QueryTenantQuotas2", "to": "ListTenantQuotaLimits", "reason": "…" },
///   { "action": "setType", "type": "VolumeReq", "property": "capacity", "to": "int64", "reason": "…" },
///   { "action": "setType", "operation": "ListDatasets", "parameter": "limit", "to": "integer", "reason": "…" },
///   { "action": "setRequired", "type": "VolumeReq", "property": "uri", "required": false, "reason": "…" },
///   { "action": "addEnumValues", "type": "VolumeReq", "property": "category", "values": ["EFS"], "reason": "…" },
///   { "action": "addWaiter", "operation": "ShowJob", "property": "job.status", "reason": "…" },
///   { "action": "removeWaiter", "operation": "ShowPool", "reason": "…" },
///   { "action": "setFailureStates", "operation": "ShowNotebook", "values": ["ERROR"], "reason": "…" },
///   { "action": "notAnAPIPage", "page": "api_usage/example.html", "reason": "…" }
/// ]
/// ```
/// `to` for `setType` uses the schema's type syntax (`string`, `int64`, `array<Label>`, `map<string>`, `VolumeReq`).
public struct Override: Codable, Sendable, Hashable {
    public var action: String
    public var reason: String?
    public var type: String?
    public var operation: String?
    public var property: String?
    public var parameter: String?
    public var to: String?
    public var required: Bool?
    public var values: [String]?
    /// A page's path in the docs folder (`notAnAPIPage`).
    public var page: String?

    public init(
        action: String, reason: String? = nil, type: String? = nil, operation: String? = nil, property: String? = nil,
        parameter: String? = nil, to: String? = nil, required: Bool? = nil, values: [String]? = nil,
        page: String? = nil
    ) {
        self.action = action
        self.reason = reason
        self.type = type
        self.operation = operation
        self.property = property
        self.parameter = parameter
        self.to = to
        self.required = required
        self.values = values
        self.page = page
    }
}

/// Why an override entry does not apply: what it names is gone (`no type 'VolumeReq'`), or the entry itself is
/// incomplete or wrong (`missing reason`, `unknown action`).
enum OverrideProblem: Equatable {
    case targetMissing(String)
    case invalid(String)

    var code: Diagnostic.Code {
        switch self {
        case .targetMissing: .overrideTargetMissing
        case .invalid: .invalidOverride
        }
    }

    var message: String {
        switch self {
        case .targetMissing(let message), .invalid(let message): message
        }
    }
}

enum OverrideApplier {
    /// Applies the overrides in `url` to `schema`; problems become diagnostics on the overrides file.
    static func apply(_ url: URL, to schema: inout ServiceSchema) {
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let file = url.lastPathComponent
        let entries: [Override]
        do {
            entries = try JSONDecoder().decode([Override].self, from: Data(contentsOf: url))
        } catch {
            schema.diagnostics.append(
                Diagnostic(.unreadableOverrides, SourceLocation(page: file), "overrides file unreadable (\(error)), ignored"))
            return
        }
        // Waiters are found in the corrected schema (an added enum value can make one), then corrected themselves.
        let waiterActions: Set<String> = ["addWaiter", "removeWaiter", "setFailureStates"]
        func apply(where isWaiterEntry: Bool) {
            for (index, entry) in entries.enumerated() where waiterActions.contains(entry.action) == isWaiterEntry {
                if let problem = isWaiterEntry ? applyWaiter(entry, to: &schema) : Self.apply(entry, to: &schema) {
                    schema.diagnostics.append(
                        Diagnostic(problem.code, SourceLocation(page: file, row: index + 1), "\(entry.action): \(problem.message), ignored"))
                }
            }
        }
        apply(where: false)
        schema.waiters = WaiterRule.waiters(in: schema)
        apply(where: true)
        schema.waiters.sort { $0.name < $1.name }
    }

    /// `addWaiter` (operation, property: the dotted path of the state field), `removeWaiter` (operation),
    /// `setFailureStates` (operation, values).
    static func applyWaiter(_ entry: Override, to schema: inout ServiceSchema) -> OverrideProblem? {
        guard let reason = entry.reason, !reason.trimmed().isEmpty else { return .invalid("missing reason") }
        guard let operation = entry.operation else { return .invalid("needs operation") }
        let existing = schema.waiters.firstIndex { $0.operation == operation }
        switch entry.action {
        case "addWaiter":
            guard existing == nil else { return .invalid("'\(operation)' has a waiter already") }
            guard let property = entry.property else { return .invalid("needs property (the state field, e.g. server.status)") }
            let stateField = property.split(separator: ".").map(String.init)
            guard let show = schema.operations.first(where: { $0.id == operation }),
                let waiter = WaiterRule.waiter(for: show, stateField: stateField, in: schema, types: schema.typesByName)
            else { return .targetMissing("no GET operation '\(operation)' ending in a path parameter whose response has '\(property)' with documented values") }
            schema.waiters.append(waiter)
        case "removeWaiter":
            guard let existing else { return .targetMissing("'\(operation)' has no waiter") }
            schema.waiters.remove(at: existing)
        case "setFailureStates":
            guard let existing else { return .targetMissing("'\(operation)' has no waiter") }
            guard let values = entry.values else { return .invalid("needs values") }
            schema.waiters[existing].failureStates = values
        default:
            return .invalid("unknown action")
        }
        return nil
    }

    /// Applies one entry; returns what was wrong with it, if anything.
    static func apply(_ entry: Override, to schema: inout ServiceSchema) -> OverrideProblem? {
        guard let reason = entry.reason, !reason.trimmed().isEmpty else { return .invalid("missing reason") }
        switch entry.action {
        case "renameType":
            guard let from = entry.type, let to = entry.to else { return .invalid("needs type and to") }
            guard TypeRef(parsing: Substring(to)).map({ if case .named = $0 { true } else { false } }) == true else {
                return .invalid("'\(to)' is not a type name")
            }
            guard let index = schema.types.firstIndex(where: { $0.name == from }) else { return .targetMissing("no type '\(from)'") }
            guard !schema.types.contains(where: { $0.name == to }) else { return .invalid("type '\(to)' exists already") }
            schema.types[index].name = to
            schema.renameTypeReferences { $0 == from ? to : $0 }
        case "renameOperation":
            guard let from = entry.operation, let to = entry.to else { return .invalid("needs operation and to") }
            guard let index = schema.operations.firstIndex(where: { $0.id == from }) else {
                return .targetMissing("no operation '\(from)'")
            }
            guard !schema.operations.contains(where: { $0.id == to }) else { return .invalid("operation '\(to)' exists already") }
            schema.operations[index].id = to
        case "setType", "setRequired", "addEnumValues":
            return applyMember(entry, to: &schema)
        case "notAnAPIPage":
            return acceptNotAnAPIPage(entry, reason: reason, in: &schema)
        default:
            return .invalid("unknown action")
        }
        return nil
    }

    static func applyMember(_ entry: Override, to schema: inout ServiceSchema) -> OverrideProblem? {
        var newType: TypeRef?
        if entry.action == "setType" {
            guard let to = entry.to, let parsed = TypeRef(parsing: Substring(to)) else {
                return .invalid("'\(entry.to ?? "")' is not a type")
            }
            if let name = parsed.referencedName, !schema.types.contains(where: { $0.name == name }) {
                return .targetMissing("no type '\(name)'")
            }
            newType = parsed
        }
        if entry.action == "setRequired", entry.required == nil { return .invalid("needs required") }
        if entry.action == "addEnumValues", (entry.values ?? []).isEmpty { return .invalid("needs values") }
        func merged(_ existing: [EnumValue]?) -> [EnumValue] {
            var values = existing ?? []
            for value in entry.values ?? [] where !values.contains(where: { $0.value == value }) {
                values.append(EnumValue(value: value))
            }
            return values
        }
        if let typeName = entry.type, let propertyName = entry.property {
            guard let t = schema.types.firstIndex(where: { $0.name == typeName }) else { return .targetMissing("no type '\(typeName)'") }
            guard case .object(var properties) = schema.types[t].kind,
                let p = properties.firstIndex(where: { $0.name == propertyName })
            else { return .targetMissing("no property '\(propertyName)' in '\(typeName)'") }
            if let newType { properties[p].type = newType }
            if let required = entry.required, entry.action == "setRequired" { properties[p].required = required }
            if entry.action == "addEnumValues" { properties[p].enumValues = merged(properties[p].enumValues) }
            schema.types[t].kind = .object(properties)
            return nil
        }
        if let operationId = entry.operation, let parameterName = entry.parameter {
            guard let o = schema.operations.firstIndex(where: { $0.id == operationId }) else {
                return .targetMissing("no operation '\(operationId)'")
            }
            guard let p = schema.operations[o].parameters.firstIndex(where: { $0.name == parameterName }) else {
                return .targetMissing("no parameter '\(parameterName)' in '\(operationId)'")
            }
            if let newType { schema.operations[o].parameters[p].type = newType }
            if let required = entry.required, entry.action == "setRequired" {
                schema.operations[o].parameters[p].required = required
            }
            if entry.action == "addEnumValues" {
                schema.operations[o].parameters[p].enumValues = merged(schema.operations[o].parameters[p].enumValues)
            }
            return nil
        }
        return .invalid("needs type+property or operation+parameter")
    }
}
