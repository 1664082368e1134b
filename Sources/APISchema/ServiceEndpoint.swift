/// Where a service is reached: the host its pages state (`ces.{region}.otc.t-systems.com`), else the configured
/// prefix's. Read once by the schema builder; the OpenAPI `servers` and the Swift client's default endpoint read it.
public struct ServiceEndpoint: Codable, Sendable, Hashable {
    /// The host with the region as `{region}` (`ces.{region}.otc.t-systems.com`).
    public var host: String
    /// The host's first label (`ces`): what the runtime puts in front of a region and a cloud's domain.
    public var prefix: String
    /// The page that states the host; `nil` when it is the configured prefix (`spec/services.json`).
    public var page: String?

    public init(host: String, prefix: String, page: String? = nil) {
        self.host = host
        self.prefix = prefix
        self.page = page
    }

    /// The endpoint of a configured prefix, on the Open Telekom Cloud domain.
    public static func configured(prefix: String) -> ServiceEndpoint {
        ServiceEndpoint(host: "\(prefix).{region}.otc.t-systems.com", prefix: prefix)
    }
}
