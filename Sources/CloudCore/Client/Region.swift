/// A cloud region such as `eu-de`.
public struct Region: RawRepresentable, Hashable, Sendable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The region id, e.g. `eu-de`.
    public let rawValue: String

    /// Creates a region from its id.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a region from a string literal id.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Decodes the region id.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the region id.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The region id.
    public var description: String { rawValue }

    /// Open Telekom Cloud, Germany (Biere/Magdeburg).
    public static let euDe: Region = "eu-de"
    /// Open Telekom Cloud, Netherlands (Amsterdam).
    public static let euNl: Region = "eu-nl"
    /// Open Telekom Cloud Swiss (Zurich).
    public static let euCh2: Region = "eu-ch2"
    /// Huawei Cloud CN North-Beijing4.
    public static let cnNorth4: Region = "cn-north-4"
    /// Huawei Cloud CN North-Beijing1.
    public static let cnNorth1: Region = "cn-north-1"
    /// Huawei Cloud CN East-Shanghai1.
    public static let cnEast3: Region = "cn-east-3"
    /// Huawei Cloud CN South-Guangzhou.
    public static let cnSouth1: Region = "cn-south-1"
    /// Huawei Cloud AP-Bangkok.
    public static let apSoutheast2: Region = "ap-southeast-2"
    /// Huawei Cloud CN-Hong Kong.
    public static let apSoutheast1: Region = "ap-southeast-1"
    /// Huawei Cloud AP-Singapore.
    public static let apSoutheast3: Region = "ap-southeast-3"
}
