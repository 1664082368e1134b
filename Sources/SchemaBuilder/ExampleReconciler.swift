import APISchema
import Foundation

/// Uses the pages' own JSON examples where the tables leave the shape open or contradict themselves:
/// `Object` fields the examples show as arrays, primitives the examples print differently, request fields the
/// examples send and response fields they show but no table lists, and 2xx responses that have an example but no
/// table. Every change is reported as a diagnostic.
extension Builder {
    /// A parsed example and the body type the tables give it.
    private typealias ExampleEvidence = (json: JSONValue, type: DraftTypeRef, isResponse: Bool)

    /// Checks every example against the types read from the tables and applies consistent corrections.
    mutating func reconcileExamples(_ operations: [OperationDraft]) {
        // The passes below only change the candidates the body types point to.
        var evidence: [ExampleEvidence] = []
        for draft in operations {
            if let type = draft.requestBody {
                evidence += draft.operation.requestExamples.map { ($0.value, type, false) }
            }
            for response in draft.operation.responses {
                guard let type = draft.responseBodies[response.status] else { continue }
                evidence += response.examples.map { ($0.value, type, true) }
            }
        }
        addUndocumentedFields(evidence)
        relaxRequiredFieldsTheExamplesOmit(evidence.filter { !$0.isResponse }.map { ($0.json, $0.type) })
        // A correction can uncover another one below it (an `Object` that is really an array of objects).
        for _ in 0..<3 where reconcileOnce(evidence) {}
    }

    /// Adds the fields examples show that the tables leave out, as optional properties typed by the example's
    /// value: a documented request example must be sendable through the typed model, and a documented response
    /// must decode with nothing lost (and validate against the OpenAPI export). Request examples are read first,
    /// so a field both kinds show is described as sent.
    private mutating func addUndocumentedFields(_ evidence: [ExampleEvidence]) {
        var missing: [(field: DraftField, value: JSONValue, isResponse: Bool)] = []
        var seen: Set<DraftField> = []
        func collect(_ value: JSONValue, _ type: DraftTypeRef, isResponse: Bool) {
            switch (type, value) {
            case (.draft(let key), .object(let members)):
                let candidate = candidates[key]
                // A key that is a value (`{"68269e6e-…": […]}`, addresses by network id) is no field the table left out.
                for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                    if let property = candidate.properties.first(where: { $0.name == name }) {
                        collect(member, property.type, isResponse: isResponse)
                    } else if member != .null, !Self.isDataKey(name) {
                        let field = DraftField(draft: key, name: name)
                        if seen.insert(field).inserted { missing.append((field, member, isResponse)) }
                    }
                }
            case (.array(let inner), .array(let items)):
                for item in items { collect(item, inner, isResponse: isResponse) }
            case (.map(let inner), .object(let members)):
                for member in members.values { collect(member, inner, isResponse: isResponse) }
            default:
                return
            }
        }
        for example in evidence where !example.isResponse { collect(example.json, example.type, isResponse: false) }
        for example in evidence where example.isResponse { collect(example.json, example.type, isResponse: true) }
        for (field, value, isResponse) in missing {
            let candidate = candidates[field.draft]
            let type = inferType(
                value, name: field.name, operationId: candidate.operationId, source: candidate.source,
                path: "\(candidate.desiredName).\(field.name)")
            let (description, shown) =
                isResponse
                ? ("Not in the page's table; the page's response example shows it.", "shown by the page's response example")
                : ("Not in the page's table; the page's request example sends it.", "sent by the page's request example")
            candidates[field.draft].properties.append(
                DraftProperty(name: field.name, type: type, required: false, description: description))
            diagnose(
                .exampleFieldAdded, candidate.source,
                "\(field.name): \(shown) but not in the table, added as \(desiredName(type))")
        }
    }

    /// One pass; whether anything changed.
    private mutating func reconcileOnce(_ evidence: [ExampleEvidence]) -> Bool {
        var changed = false
        var observed: [DraftField: [DraftTypeRef?]] = [:]
        var order: [DraftField] = []
        for example in evidence {
            // Request examples are often sloppier than the tables ("true" for a boolean): only their
            // structure (object vs array) counts; response examples also correct primitives.
            walk(example.json, example.type, primitives: example.isResponse, &observed, &order)
        }
        for slot in order {
            guard let seen = observed[slot], !seen.contains(where: { $0 == nil }) else { continue }
            let distinct = Set(seen.compactMap { $0 })
            let corrected: DraftTypeRef
            if distinct.count == 1, let only = distinct.first {
                corrected = only
            } else if distinct.isSubset(of: [.integer, .int64, .number]) {
                corrected = distinct.contains(.number) ? .number : .int64
            } else if distinct.isSubset(of: [.array(.integer), .array(.int64), .array(.number)]) {
                corrected = distinct.contains(.array(.number)) ? .array(.number) : .array(.int64)
            } else {
                continue
            }
            var candidate = candidates[slot.draft]
            guard let index = candidate.properties.firstIndex(where: { $0.name == slot.name }) else { continue }
            let before = candidate.properties[index].type
            candidate.properties[index].type = corrected
            candidates[slot.draft] = candidate
            changed = true
            diagnose(
                .exampleTypeCorrection, candidate.source,
                "\(slot.name): documented as \(desiredName(before)) but the examples show \(desiredName(corrected)), emitted as the examples show")
        }
        return changed
    }

    private func walk(
        _ value: JSONValue, _ type: DraftTypeRef, primitives: Bool, _ observed: inout [DraftField: [DraftTypeRef?]],
        _ order: inout [DraftField]
    ) {
        switch type {
        case .draft(let key):
            guard case .object(let members) = value else { return }
            let candidate = candidates[key]
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                guard let property = candidate.properties.first(where: { $0.name == name }) else { continue }
                if case .null = member { continue }
                let slot = DraftField(draft: key, name: name)
                if let corrected = Self.correction(property.type, member),
                    primitives || corrected.isStructuralChange(from: property.type)
                {
                    if observed[slot] == nil { order.append(slot) }
                    observed[slot, default: []].append(corrected)
                } else {
                    if observed[slot] != nil { observed[slot]?.append(nil) }
                    walk(member, property.type, primitives: primitives, &observed, &order)
                }
            }
        case .array(let inner):
            guard case .array(let items) = value else { return }
            for item in items { walk(item, inner, primitives: primitives, &observed, &order) }
        case .map(let inner):
            guard case .object(let members) = value else { return }
            for (_, member) in members { walk(member, inner, primitives: primitives, &observed, &order) }
        default:
            return
        }
    }

    /// The type an example value calls for when it contradicts `type`; `nil` when they agree (or it is unclear).
    static func correction(_ type: DraftTypeRef, _ value: JSONValue) -> DraftTypeRef? {
        switch (type, value) {
        case (_, .null), (.any, _):
            return nil
        case (.draft, .array(let items)):
            return items.allSatisfy({ if case .object = $0 { true } else { false } }) ? .array(type) : nil
        case (.draft, .object(let members)) where !members.isEmpty && members.keys.allSatisfy(isDataKey):
            // The table's object is what each key holds (`addresses`: a network's addresses by network id).
            func isObject(_ value: JSONValue) -> Bool { if case .object = value { true } else { false } }
            if members.values.allSatisfy(isObject) { return .map(type) }
            let arrays = members.values.allSatisfy { value in
                if case .array(let items) = value { return items.allSatisfy(isObject) }
                return false
            }
            return arrays ? .map(.array(type)) : nil
        case (.draft, _):
            return nil
        case (.array(let inner), .object):
            if case .draft = inner { return inner }
            return nil
        case (.array(let inner), .array(let items)):
            if case .draft = inner { return nil }
            return elementCorrection(inner, items).map(DraftTypeRef.array)
        case (.array, _):
            return nil
        case (.map(let inner), .object(let members)):
            if case .draft = inner { return nil }
            return elementCorrection(inner, Array(members.values)).map(DraftTypeRef.map)
        case (.map, _):
            return nil
        default:
            break
        }
        // Primitive against primitive (or a primitive documented for an object/array value).
        switch value {
        case .string: return type == .string ? nil : .string
        case .bool: return type == .boolean ? nil : .boolean
        case .integer(let v):
            switch type {
            case .integer: return Int64(Int32.min)...Int64(Int32.max) ~= v ? nil : .int64
            case .int64, .number: return nil
            default: return Int64(Int32.min)...Int64(Int32.max) ~= v ? .integer : .int64
            }
        case .double: return type == .number ? nil : .number
        case .array(let items):
            if type == .string, items.allSatisfy({ if case .string = $0 { true } else { false } }) { return .array(.string) }
            // A primitive the example shows as a structure the page does not describe: opaque JSON.
            return .array(.any)
        case .object:
            return .any
        case .null:
            return nil
        }
    }

    /// The element type that all of `values` (array items or map values) call for: `nil` when every one agrees with
    /// `inner`, the one correction they share, or `any` when they disagree among themselves (a row mixing strings
    /// and objects). Every value counts, not only the first, so the result does not depend on member order.
    static func elementCorrection(_ inner: DraftTypeRef, _ values: [JSONValue]) -> DraftTypeRef? {
        let present = values.filter { $0 != .null }
        let corrections = Set(present.compactMap { correction(inner, $0) })
        guard let only = corrections.first else { return nil }
        let numeric: Set<DraftTypeRef> = [.integer, .int64, .number]
        var corrected = only
        if corrections.count > 1 {
            corrected = corrections.isSubset(of: numeric) ? (corrections.contains(.number) ? .number : .int64) : .any
        }
        // Values that agree with the page must still decode: a wider number does, anything else needs `any`.
        let someAgree = present.contains { correction(inner, $0) == nil }
        if someAgree, corrected != .any, !(numeric.contains(inner) && numeric.contains(corrected)) { return .any }
        return corrected
    }

    /// A type for an undocumented JSON value: objects become named types (`<name>`, nested by key).
    mutating func inferType(_ value: JSONValue, name: String, operationId: String, source: SourceLocation, path: String) -> DraftTypeRef {
        inferType(of: [value], name: name, operationId: operationId, source: source, path: path)
    }

    /// The one type for `values` that an example shows in one place (a list's items, a map's values, a field of
    /// each of them): every value counts, not only the first, so the elements of a list that differ (the rows of
    /// several SQL results) all decode and declare their keys. Values of different kinds are `any`; `null`s
    /// show nothing.
    private mutating func inferType(
        of values: [JSONValue], name: String, operationId: String, source: SourceLocation, path: String
    ) -> DraftTypeRef {
        let present = values.filter { $0 != .null }
        let shapes = Set(present.compactMap(\.shape))
        if shapes == [.array] {
            let items = present.flatMap { value -> [JSONValue] in if case .array(let items) = value { items } else { [] } }
            return .array(
                inferType(of: items, name: Naming.singular(name), operationId: operationId, source: source, path: path + "[]"))
        }
        guard shapes == [.object] else {
            let scalars = Set(present.map { value -> DraftTypeRef in
                switch value {
                case .bool: .boolean
                case .integer(let v): Int64(Int32.min)...Int64(Int32.max) ~= v ? .integer : .int64
                case .double: .number
                case .string: .string
                default: .any
                }
            })
            if scalars.count == 1, let only = scalars.first { return only }
            guard !scalars.isEmpty, scalars.isSubset(of: [.integer, .int64, .number]) else { return .any }
            return scalars.contains(.number) ? .number : .int64
        }
        let objects = present.compactMap { value -> [String: JSONValue]? in
            if case .object(let members) = value { members } else { nil }
        }
        let members = objects.flatMap { $0 }
        if members.isEmpty { return .any }
        // Keys that are data, not field names (`{"68269e6e-4a27-…": [...]}`, a network's addresses by network id):
        // a map of what all the keys hold.
        if members.contains(where: { Self.isDataKey($0.key) }) {
            return .map(
                inferType(
                    of: members.map(\.value), name: Naming.singular(name), operationId: operationId, source: source,
                    path: path + "{}"))
        }
        let key = DraftKey.example(page: source.page, path: path)
        if let known = candidates.id(of: key) { return .draft(known) }
        let draft = candidates.add(key, DraftType(
            desiredName: Naming.upperCamel(name), description: "Read from the page's example.",
            properties: [], source: source, operationId: operationId, firstPage: source.page))
        var properties: [DraftProperty] = []
        for member in Set(members.map(\.key)).sorted() {
            let type = inferType(
                of: objects.compactMap { $0[member] }, name: member, operationId: operationId, source: source,
                path: path + "." + member)
            properties.append(DraftProperty(name: member, type: type, required: false))
        }
        candidates[draft].properties = properties
        return .draft(draft)
    }
}

extension Builder {
    /// Whether an example object's key is a value rather than a field name: it starts with a digit, or it is an
    /// identifier such as a UUID (hex digits and dashes, 16 or more of them, digits among them).
    static func isDataKey(_ key: String) -> Bool {
        if key.first?.isNumber == true { return true }
        let hex = key.filter { $0.isHexDigit }
        return key.count >= 16 && key.allSatisfy { $0.isHexDigit || $0 == "-" } && hex.contains(where: \.isNumber)
    }
}

extension DraftTypeRef {
    /// Whether going from `old` to this type changes structure rather than the spelling of a value: object/array
    /// (or a map keyed by ids) around the same named type, or a primitive the examples show as JSON the page does not describe. Request
    /// examples may correct only such changes ("true" for a boolean is sloppiness, `{…}` for a string is not).
    func isStructuralChange(from old: DraftTypeRef) -> Bool {
        switch (old, self) {
        case (.draft(let a), .array(.draft(let b))), (.array(.draft(let a)), .draft(let b)),
            (.draft(let a), .map(.draft(let b))), (.draft(let a), .map(.array(.draft(let b)))):
            a == b
        case (.array(let a), .array(let b)), (.map(let a), .map(let b)): b.isStructuralChange(from: a)
        case (.string, .array(.string)): false
        case (.string, .any), (.integer, .any), (.int64, .any), (.number, .any), (.boolean, .any),
            (.string, .array), (.integer, .array), (.int64, .array), (.number, .array), (.boolean, .array):
            true
        default: false
        }
    }
}
