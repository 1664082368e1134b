import APISchema
import OpenAPIKit

extension AnyCodable {
    /// The one crossing from the generator's JSON value to OpenAPIKit's: the page examples the export carries, as
    /// the plain Swift values (`String`, `Int64`, `Double`, `Bool`, arrays, dictionaries, `nil`) OpenAPIKit itself
    /// decodes and encodes. Integers and decimals stay apart, so `1` and `1.0` are written as the page prints them.
    init(json value: JSONValue) {
        self.init(Self.plain(value))
    }

    private static func plain(_ value: JSONValue) -> (any Sendable)? {
        switch value {
        case .null: nil
        case .bool(let bool): bool
        case .integer(let integer): integer
        case .double(let double): double
        case .string(let string): string
        case .array(let elements): elements.map(plain)
        case .object(let members): members.mapValues(plain)
        }
    }
}
