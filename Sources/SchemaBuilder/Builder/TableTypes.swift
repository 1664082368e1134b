import APISchema
import DocReader

/// Tables → draft types: an object per table (once, however many rows refer to it), a map or an array for
/// the one-row tables that describe the keys or elements rather than fields.
extension Builder {
    /// The type a table describes: a named object; a list when its only row describes the elements (`[items]`,
    /// `Array elements` typed `Array of …`, for a body); or a map when its only row is a placeholder for the keys
    /// (`Name of the network …` → `map<…>`).
    mutating func tableType(_ id: TableID, desiredName: String, operationId: String, isBody: Bool = false) -> DraftTypeRef {
        let model = pages[id.page]
        let table = model.tables[id.table]
        if let columns = model.columns[id.table], table.bodyRows.count == 1, let row = table.bodyRows.first,
            columns.name < row.count, mapsInProgress.insert(id).inserted
        {
            defer { mapsInProgress.remove(id) }
            let name = row[columns.name].text.trimmed()
            // `[items]` / `[]`: the body is the row's type itself (a bare JSON array).
            if name.hasPrefix("["), name.hasSuffix("]"), name.count <= 20 {
                consumed.insert(id)
                return readProperty(id, row: row, rowNumber: 1, name: name, columns: columns, operationId: operationId).type
            }
            // A body table's row named in words whose type is a list (`Array elements` | `Array of objects`): the
            // row describes the body's elements, and the body is the list. (A field's table of one such row,
            // `Network name` | `Array of objects`, describes a map's values, below.)
            if isBody, name.has(" "), !name.hasPrefix("X-"), let c = columns.type, c < row.count,
                row[c].text.lowercased().hasPrefix("array")
            {
                consumed.insert(id)
                return readProperty(id, row: row, rowNumber: 1, name: name, columns: columns, operationId: operationId).type
            }
            if name.has(" "), !name.hasPrefix("X-"), name.split(separator: " ").count >= 3 {
                consumed.insert(id)
                let value = readProperty(id, row: row, rowNumber: 1, name: name, columns: columns, operationId: operationId)
                return .map(value.type)
            }
        }
        return .draft(objectType(id, desiredName: desiredName, operationId: operationId))
    }

    /// Builds (once) the object type of table `id` and returns its draft.
    mutating func objectType(_ id: TableID, desiredName: String, operationId: String) -> DraftID {
        consumed.insert(id)
        if let existing = candidates.id(of: .table(id)) { return existing }
        let model = pages[id.page]
        let table = model.tables[id.table]
        let draft = candidates.add(
            .table(id),
            DraftType(
                desiredName: desiredName, description: table.title, properties: [],
                source: model.location(table: id.table), operationId: operationId, firstPage: model.page.path))
        guard let columns = model.columns[id.table] else { return draft }
        var properties: [DraftProperty] = []
        var dotted: [String: [DraftProperty]] = [:]
        for (offset, row) in table.bodyRows.enumerated() {
            guard let name = ParameterReader.rowName(row, columns) else {
                if columns.name < row.count, !row[columns.name].isSpanned, row.contains(where: { !$0.text.isEmpty }),
                    row[columns.name].text.isEmpty
                {
                    diagnose(.rowWithoutName, model.location(table: id.table, row: offset + 1), "row without a parameter name, skipped")
                }
                continue
            }
            var property = readProperty(id, row: row, rowNumber: offset + 1, name: name, columns: columns, operationId: operationId)
            // Dotted rows (`server.metadata`) describe a field of an earlier object row.
            if name.has("."), let dot = name.firstIndex(of: "."), properties.contains(where: { $0.name == name[..<dot] }) {
                property.name = String(name[name.index(after: dot)...])
                dotted[String(name[..<dot]), default: []].append(property)
                continue
            }
            if properties.contains(where: { $0.name == property.name }) {
                diagnose(.duplicateField, model.location(table: id.table, row: offset + 1), "duplicate field \(property.name), kept the first")
                continue
            }
            properties.append(property)
        }
        for (parent, children) in dotted.sorted(by: { $0.key < $1.key }) {
            guard let index = properties.firstIndex(where: { $0.name == parent }) else { continue }
            let isArray: Bool = { if case .array = properties[index].type { true } else { false } }()
            let key = DraftKey.dottedRows(id, parent: parent)
            let child =
                candidates.id(of: key)
                ?? candidates.add(
                    key,
                    DraftType(
                        desiredName: Naming.upperCamel(isArray ? Naming.singular(parent) : parent),
                        description: properties[index].description, properties: children,
                        source: model.location(table: id.table), operationId: operationId, firstPage: model.page.path))
            properties[index].type = isArray ? .array(.draft(child)) : .draft(child)
        }
        candidates[draft].properties = properties
        return draft
    }

    /// The first table after `t` in the same section that nothing refers to and nothing used yet: the
    /// description of an object whose row forgot to say "see Table N".
    func orphanTable(after id: TableID) -> TableID? {
        let model = pages[id.page]
        let referenced = references.referenced[id.page]
        for u in model.tables.indices where u > id.table && model.tableSection[u] == model.tableSection[id.table] {
            guard model.columns[u] != nil, !referenced.contains(u) else { continue }
            let candidate = TableID(id.page, u)
            if consumed.contains(candidate) || candidates[.table(candidate)] != nil { continue }
            if ParameterReader.location(named: model.tables[u].title.lowercased()) != nil { continue }
            if PageModel.fieldName(ofCaption: model.tables[u]) == nil { continue }
            return candidate
        }
        return nil
    }

    /// For an `Object` without a table: what the examples of the table's page show for that key (a string map),
    /// with a diagnostic.
    mutating func exampleObjectType(_ field: String, page: Int, location: SourceLocation) -> DraftTypeRef? {
        let values = pageExamples[page].objects[field] ?? []
        let members = values.flatMap { $0.values }
        if members.isEmpty { return nil }
        if members.allSatisfy({ if case .string = $0 { true } else { false } }) {
            diagnose(.objectFromExample, location, "\(field): object without a table, emitted as map<string> as the examples show")
            return .map(.string)
        }
        return nil
    }

    /// Name for the type of `target`: its caption title when that is a type name (`VolumeReq`), else the field.
    func typeName(_ target: TableID, field: String, array: Bool) -> String {
        let table = pages[target.page].tables[target.table]
        let title = table.title.trimmed()
        if !title.has(" "), PageModel.isIdentifierLike(title), title.first?.isUppercase == true {
            return Naming.upperCamel(title)
        }
        let base = PageModel.fieldName(ofCaption: table) ?? field
        return Naming.upperCamel(array ? Naming.singular(base) : base)
    }
}
