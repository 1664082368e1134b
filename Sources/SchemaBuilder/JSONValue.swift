import Foundation

/// Minimal JSON tree for reading the pages' examples (which fields are arrays, objects, numbers…).
enum JSONValue: Decodable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses `text`, or `nil` when it is not valid JSON.
    static func parse(_ text: String) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// The shape of a value, as far as choosing a field type goes.
    enum Shape: Hashable {
        case string, integer, number, boolean, object, array
    }

    var shape: Shape? {
        switch self {
        case .null: nil
        case .bool: .boolean
        case .integer: .integer
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }

    /// Records the shapes of every key in the tree (`key` → shapes seen, element shapes for arrays).
    func collectShapes(into shapes: inout [String: Set<Shape>], elements: inout [String: Set<Shape>]) {
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
