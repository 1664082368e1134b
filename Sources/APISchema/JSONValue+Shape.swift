// The schema carries the pages' examples as `JSONValue`s; everything the generator reads them with sees the type.
@_exported import JSONValues

/// What the schema builder reads from the pages' examples: which fields are arrays, objects, numbers…
extension JSONValue {
    /// The shape of a value, as far as choosing a field type goes.
    public enum Shape: Hashable, Sendable {
        case string, integer, number, boolean, object, array
    }

    /// The value's shape; `nil` for `null`, which shows none.
    public var shape: Shape? {
        switch self {
        case .null: nil
        case .bool: .boolean
        case .integer: .integer
        case .double: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// Records the object values of every key in the tree.
    public func collectObjects(into objects: inout [String: [[String: JSONValue]]]) {
        switch self {
        case .object(let members):
            for (key, value) in members {
                if case .object(let inner) = value { objects[key, default: []].append(inner) }
                value.collectObjects(into: &objects)
            }
        case .array(let items):
            for item in items { item.collectObjects(into: &objects) }
        default:
            break
        }
    }

    /// Records the shapes of every key in the tree (`key` → shapes seen, element shapes for arrays).
    public func collectShapes(into shapes: inout [String: Set<Shape>], elements: inout [String: Set<Shape>]) {
        switch self {
        case .object(let members):
            for (key, value) in members {
                if let shape = value.shape { shapes[key, default: []].insert(shape) }
                if case .array(let items) = value {
                    for item in items { if let shape = item.shape { elements[key, default: []].insert(shape) } }
                }
                value.collectShapes(into: &shapes, elements: &elements)
            }
        case .array(let items):
            for item in items { item.collectShapes(into: &shapes, elements: &elements) }
        default:
            break
        }
    }
}
