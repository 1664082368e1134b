import CloudCore
import Foundation

/// The value of an option named after a top-level field of the request body (`--name`, `--flavor`): what it puts
/// in the JSON body.
public protocol BodyFieldValue: Sendable {
    /// The value as JSON.
    var jsonValue: JSONValue { get }
}

extension String: BodyFieldValue {
    public var jsonValue: JSONValue { .string(self) }
}

extension Int: BodyFieldValue {
    public var jsonValue: JSONValue { .integer(Int64(self)) }
}

extension Int64: BodyFieldValue {
    public var jsonValue: JSONValue { .integer(self) }
}

extension Double: BodyFieldValue {
    public var jsonValue: JSONValue { .double(self) }
}

extension Bool: BodyFieldValue {
    public var jsonValue: JSONValue { .bool(self) }
}

extension RequestBodyArgument {
    /// `--body` (or an empty object when it is not given) with the field options given in `fields` set over
    /// its top-level keys, decoded as ``decode(_:from:)`` decodes `--body`: an option overrides the same key of
    /// `--body`. A required field that neither gives is reported by name.
    public static func decode<Model: Codable>(
        _ type: Model.Type, from argument: String?, overriding fields: [String: (any BodyFieldValue)?]
    ) throws -> Model {
        try decode(type, data: merged(argument.map(read) ?? Data("{}".utf8), fields))
    }

    /// As ``decode(_:from:overriding:)`` for an optional body: `nil` when neither `--body` nor a field option is
    /// given.
    public static func decodeIfGiven<Model: Codable>(
        _ type: Model.Type, from argument: String?, overriding fields: [String: (any BodyFieldValue)?]
    ) throws -> Model? {
        if argument == nil, fields.values.allSatisfy({ $0 == nil }) { return nil }
        return try decode(type, from: argument, overriding: fields)
    }

    /// `body` with each given field set at the top level; `body` unchanged when no field is given.
    static func merged(_ body: Data, _ fields: [String: (any BodyFieldValue)?]) throws -> Data {
        let given = fields.compactMapValues { $0?.jsonValue }
        guard !given.isEmpty else { return body }
        let input: JSONValue
        do {
            input = try JSONModelDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw UsageError("--body is not valid JSON: \(error)")
        }
        guard case .object(var members) = input else {
            let names = given.keys.sorted().joined(separator: ", ")
            throw UsageError("--body must be a JSON object to be combined with the options of its fields (\(names))")
        }
        members.merge(given) { _, option in option }
        return try JSONEncoder().encode(JSONValue.object(members))
    }
}
