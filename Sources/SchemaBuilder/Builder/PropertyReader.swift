import APISchema
import DocReader

/// One row of an object table → a property: its type from the Type column and the tables the row refers to,
/// else from what the examples of the table's own page show, else from the description.
extension Builder {
    mutating func readProperty(
        _ id: TableID, row: [Cell], rowNumber: Int, name: String, columns: Columns, operationId: String
    ) -> DraftProperty {
        let model = pages[id.page]
        let description = columns.description.map { $0 < row.count ? row[$0].text : "" } ?? ""
        let descriptionBlocks = columns.description.map { $0 < row.count ? row[$0].blocks : [] } ?? []
        let typeText = columns.type.map { $0 < row.count ? row[$0].text : "" } ?? ""
        let loc = model.location(table: id.table, row: rowNumber)
        var targets = references.targets(of: row, in: id, columns: columns)
        var type: DraftTypeRef

        if targets.isEmpty {
            let mentioned = TableReferences.tableNumbers(in: description + " " + typeText)
            if let number = mentioned.first(where: { model.tableByNumber[$0] == nil }) {
                diagnose(.unresolvedTableReference, loc, "\(name): \"see Table \(number)\" does not resolve to a table on the page")
            }
        }
        if columns.type != nil, typeText.isEmpty {
            diagnose(.missingType, loc, "\(name): missing type, emitted as string")
        }
        // A table about this field (`volume field description`) describes it.
        func fieldTable() -> [TableID] {
            guard let hits = model.tableByField[name.lowercased()] ?? model.tableByField[Naming.singular(name).lowercased()],
                let hit = hits.first(where: { $0 > id.table }) ?? hits.first(where: { $0 != id.table })
            else { return [] }
            return [TableID(id.page, hit)]
        }
        if columns.type != nil, !typeText.isEmpty {
            let (spelling, alternatives) = TypeSpellingParser.parse(typeText)
            if alternatives {
                diagnose(.severalTypes, loc, "\(name): several types \"\(typeText.replacingAll("\n", with: " "))\", emitted as the first")
            }
            if targets.isEmpty, Self.needsTable(spelling) { targets = fieldTable() }
            if targets.isEmpty, Self.needsTable(spelling),
                let linked = references.linkedPageTable(of: row, in: id, columns: columns, responseBodies: responseBodies),
                !examplesShowValues(of: name, table: id)
            {
                targets = [linked]
            }
            if targets.isEmpty, Self.needsTable(spelling), let orphan = orphanTable(after: id) {
                targets = [orphan]
                diagnose(.guessedTable, loc, "\(name): no table named for \"\(typeText)\", took the next unreferenced table '\(model.tables[orphan.table].caption?.text ?? "")'")
            }
            type = resolve(
                spelling, targets: targets, field: name, page: id.page, location: loc, typeText: typeText,
                description: description, operationId: operationId)
        } else {
            // No Type column (or an empty cell): a referenced table, else what the examples show, else string.
            if targets.isEmpty, let hits = model.tableByField[name.lowercased()],
                let hit = hits.first(where: { $0 > id.table }) ?? hits.first(where: { $0 != id.table })
            {
                targets = [TableID(id.page, hit)]
            }
            let examples = pageExamples[id.page]
            let shapes = examples.shapes[name] ?? []
            let elements = examples.elements[name] ?? []
            if let target = targets.first {
                let element = tableType(target, desiredName: typeName(target, field: name, array: shapes == [.array]), operationId: operationId)
                let lower = description.lowercased()
                let isArray = shapes == [.array] || (shapes.isEmpty && Vocabulary.matches(.listDescription, lower))
                type = isArray ? .array(element) : element
            } else if shapes.count == 1, let shape = shapes.first {
                type = Self.primitive(for: shape, elements: elements) ?? .string
            } else {
                type = Self.inferFromDescription(description)
            }
        }
        var values = EnumExtractor.values(in: descriptionBlocks)
        let typed = EnumExtractor.typed(type, values: values, blocks: descriptionBlocks, field: name)
        (type, values) = (typed.type, typed.values)
        if let (code, message) = typed.diagnostic { diagnose(code, loc, message) }
        let hasEnum: Bool = {
            switch type {
            case .string, .integer, .int64, .number: true
            case .array(let inner): inner == .string || inner == .integer
            default: false
            }
        }()
        let enumValues = hasEnum ? values : nil
        return DraftProperty(
            name: name, type: type, required: ParameterReader.isRequired(row, columns),
            enumValues: enumValues, description: ValueListProse.description(description, stating: enumValues))
    }

    /// Whether the examples of the table's kind (a request table's request examples, a response table's response
    /// examples, else all of the page's) show `field` only as primitives or lists of them: a link to another page
    /// then says where its values come from (the IDs that page returns), not their type.
    func examplesShowValues(of field: String, table id: TableID) -> Bool {
        let model = pages[id.page]
        let examples = pageExamples[id.page]
        let shown: Set<JSONValue.Shape>
        switch model.sections[model.tableSection[id.table]].kind {
        case .request: shown = examples.shapesByKind[.request]?[field] ?? []
        case .response: shown = examples.shapesByKind[.response]?[field] ?? []
        default: shown = (examples.shapes[field] ?? []).union(examples.elements[field] ?? [])
        }
        let values = shown.subtracting([.array])
        return !values.isEmpty && !values.contains(.object)
    }

    static func needsTable(_ spelling: TypeSpelling) -> Bool {
        switch spelling {
        case .object, .named, .unknown: true
        case .array(let inner), .map(let inner): needsTable(inner)
        default: false
        }
    }

    static func primitive(for shape: JSONValue.Shape, elements: Set<JSONValue.Shape>) -> DraftTypeRef? {
        switch shape {
        case .string: .string
        case .integer: .integer
        case .number: .number
        case .boolean: .boolean
        case .object: .any
        case .array:
            elements.count == 1 ? .array(primitive(for: elements.first!, elements: []) ?? .any) : .array(.any)
        }
    }

    static func inferFromDescription(_ description: String) -> DraftTypeRef {
        let lower = description.lowercased()
        if Vocabulary.matches(.flagDescription, lower) { return .boolean }
        if Vocabulary.matches(.countDescription, lower) { return .integer }
        return .string
    }

    /// The type a Type cell spells, with the tables the row refers to for its objects.
    mutating func resolve(
        _ spelling: TypeSpelling, targets: [TableID], field: String, page: Int, location: SourceLocation,
        typeText: String, description: String, operationId: String
    ) -> DraftTypeRef {
        func inner(_ spelling: TypeSpelling, _ targets: [TableID]) -> DraftTypeRef {
            resolve(
                spelling, targets: targets, field: field, page: page, location: location, typeText: typeText,
                description: description, operationId: operationId)
        }
        switch spelling {
        case .primitive(let p):
            // A "see Table N" next to a primitive (enum tables, JSON carried in a string) is description, not
            // structure: the table is noted, the documented type kept.
            for target in targets where consumed.insert(target).inserted && candidates[.table(target)] == nil {
                diagnose(.tableForPrimitive, location, "\(field): documented as \"\(typeText)\" but described by '\(pages[target.page].tables[target.table].caption?.text ?? "a table")', kept \"\(typeText)\"")
            }
            return DraftTypeRef(p)
        case .object(let opaque):
            if let target = targets.first {
                return tableType(target, desiredName: typeName(target, field: field, array: false), operationId: operationId)
            }
            if let fromExample = exampleObjectType(field, page: page, location: location) { return fromExample }
            // "Key-value pair set for …": a map, whose keys the page leaves open and whose values it does not type.
            if !opaque, Vocabulary.matches(.mapDescription, description.lowercased()) {
                diagnose(
                    .objectWithoutTable, location,
                    "\(field): object \"\(typeText)\" of key-value pairs without a table, emitted as map<any>")
                return .map(.any)
            }
            if !opaque { diagnose(.objectWithoutTable, location, "\(field): object \"\(typeText)\" without a table, emitted as any") }
            return .any
        case .named(let name):
            if let target = targets.first {
                return tableType(target, desiredName: typeName(target, field: name, array: false), operationId: operationId)
            }
            diagnose(.typeWithoutTable, location, "\(field): type \"\(name)\" has no table, emitted as any")
            return .any
        case .array(let element):
            switch element {
            case .object, .named, .unknown:
                if let target = targets.first {
                    let name: String
                    if case .named(let explicit) = element { name = explicit } else { name = field }
                    return .array(tableType(target, desiredName: typeName(target, field: name, array: true), operationId: operationId))
                }
                return .array(inner(element, []))
            default:
                return .array(inner(element, targets))
            }
        case .map(let element):
            return .map(inner(element, targets))
        case .unknown:
            if let target = targets.first {
                return tableType(target, desiredName: typeName(target, field: field, array: false), operationId: operationId)
            }
            diagnose(.unknownType, location, "\(field): unknown type \"\(typeText.replacingAll("\n", with: " "))\", emitted as any")
            return .any
        }
    }
}
