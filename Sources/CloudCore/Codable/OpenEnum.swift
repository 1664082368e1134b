/// A string enumeration that tolerates values the documentation did not list.
///
/// Generated enums are structs with a `rawValue` and static members for the documented cases; any other
/// value the service returns decodes, compares and encodes unchanged instead of failing the whole response.
///
/// ```swift
/// public struct Category: OpenEnum {
///     public let rawValue: String
///     public init(rawValue: String) { self.rawValue = rawValue }
///     public static let evs: Self = "EVS"
/// }
/// ```
public protocol OpenEnum: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible, QueryValue,
    ExpressibleByStringLiteral where RawValue == String, StringLiteralType == String
{
    /// Creates a value from its wire representation; never fails.
    init(rawValue: String)
}

extension OpenEnum {
    /// Creates a value from a string literal (the wire representation).
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Decodes the wire string, accepting values that are not among the documented cases.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes the wire string unchanged.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The wire representation.
    public var description: String { rawValue }
}
