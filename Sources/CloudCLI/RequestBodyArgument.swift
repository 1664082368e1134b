import CloudCore
import Foundation

/// `--body`: the request body as inline JSON, `@file.json`, or `-` for standard input, decoded into the
/// operation's model before anything is sent.
///
/// Codable ignores keys a model does not know; a command line should not, since a misspelt field would be
/// dropped silently. So the decoded model is encoded again and every key of the input it lost is reported.
public enum RequestBodyArgument {
    /// Reads and decodes `argument` as `Model`, or throws a ``UsageError`` naming the offending field.
    public static func decode<Model: Codable>(_ type: Model.Type, from argument: String) throws -> Model {
        try decode(type, data: read(argument))
    }

    /// Decodes `data`, the body's bytes, as `Model`, or throws a ``UsageError`` naming the offending field.
    static func decode<Model: Codable>(_ type: Model.Type, data: Data) throws -> Model {
        let input: JSONValue
        do {
            input = try JSONModelDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw UsageError("--body is not valid JSON: \(reason(error))")
        }
        let model: Model
        do {
            // Read as the pages' examples spell scalars ("80" for a port, 5 for a size the table types as a
            // string): the model then sends each as its table types it.
            model = try JSONModelDecoder(scalars: .lenient).decode(Model.self, from: data)
        } catch let error as DecodingError {
            throw UsageError("--body does not fit \(Model.self): \(describe(error, input: input))")
        }
        let echoed = try JSONModelDecoder().decode(JSONValue.self, from: JSONEncoder().encode(model))
        let unknown = unknownFields(in: input, comparedWith: echoed, path: "")
        if !unknown.isEmpty {
            let list = unknown.map { "`\($0)`" }.joined(separator: ", ")
            throw UsageError("--body has \(unknown.count == 1 ? "a field" : "fields") \(Model.self) does not define: \(list)")
        }
        return model
    }

    /// The bytes `argument` names.
    static func read(_ argument: String) throws -> Data {
        if argument == "-" {
            return FileHandle.standardInput.readDataToEndOfFile()
        }
        guard argument.hasPrefix("@") else { return Data(argument.utf8) }
        let path = NSString(string: String(argument.dropFirst())).expandingTildeInPath
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UsageError("--body: cannot read file '\(path)'")
        }
        return data
    }

    /// Paths of the object keys in `input` that `echoed` (the model encoded again) no longer has. A key whose
    /// value is null is not reported: the model drops it whether it knows it or not.
    static func unknownFields(in input: JSONValue, comparedWith echoed: JSONValue?, path: String) -> [String] {
        switch input {
        case .object(let members):
            guard case .object(let known)? = echoed else { return [] }
            return members.keys.sorted().flatMap { key -> [String] in
                let child = path.isEmpty ? key : "\(path).\(key)"
                let value = members[key]!
                guard let match = known[key] else { return value == .null ? [] : [child] }
                return unknownFields(in: value, comparedWith: match, path: child)
            }
        case .array(let elements):
            guard case .array(let matches)? = echoed, matches.count == elements.count else { return [] }
            return elements.indices.flatMap { unknownFields(in: elements[$0], comparedWith: matches[$0], path: "\(path)[\($0)]") }
        default:
            return []
        }
    }

    /// A one-line account of a decoding failure, naming the field by its JSON path.
    static func describe(_ error: DecodingError, input: JSONValue) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            var text = "missing required field `\(path(context.codingPath + [key]))`"
            if case .object(let members)? = value(at: context.codingPath, in: input), !members.isEmpty {
                text += " (given: \(members.keys.sorted().joined(separator: ", ")))"
            }
            return text
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let found = value(at: context.codingPath, in: input).map(kind) ?? "nothing"
            return "field `\(path(context.codingPath))` must be \(expected(type)), found \(found)"
        case .dataCorrupted(let context):
            return "field `\(path(context.codingPath))`: \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.isEmpty ? "(body)" : codingPath.jsonPath
    }

    private static func value(at codingPath: [any CodingKey], in input: JSONValue) -> JSONValue? {
        var current: JSONValue? = input
        for key in codingPath {
            switch current {
            case .object(let members)?: current = members[key.stringValue]
            case .array(let elements)?:
                guard let index = key.intValue, elements.indices.contains(index) else { return nil }
                current = elements[index]
            default: return nil
            }
        }
        return current
    }

    private static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .double: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    private static func expected(_ type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Bool.self { return "a boolean" }
        if type == Int.self || type == Int64.self || type == Int32.self { return "an integer" }
        if type == Double.self || type == Float.self { return "a number" }
        let name = "\(type)"
        if name.hasPrefix("Array<") { return "an array" }
        if name.hasPrefix("Dictionary<") { return "an object" }
        return name
    }

    /// The parser's own explanation, without Foundation's error wrapping.
    private static func reason(_ error: any Error) -> String {
        guard case .dataCorrupted(let context)? = error as? DecodingError else { return "\(error)" }
        if let underlying = context.underlyingError as NSError?,
            let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String
        {
            return detail
        }
        return context.debugDescription
    }
}
