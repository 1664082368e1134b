import Foundation

/// Where a service is reached: scheme, host, optional port and optional base path.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// `https` or `http`.
    public var scheme: String
    /// Host and optional `:port`, as sent in `Host`.
    public var authority: String
    /// Path prefix without trailing `/` (usually empty).
    public var basePath: String

    /// The public endpoint of `service` in `region` of `cloud`.
    public init(service: String, region: Region, cloud: Cloud) {
        scheme = "https"
        authority = "\(service).\(region.rawValue).\(cloud.domain)"
        basePath = ""
    }

    /// An explicit endpoint such as `https://modelarts.example.com` or `http://127.0.0.1:8080`.
    public init(url: URL) throws {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            let host = components.host, !host.isEmpty
        else {
            throw ClientError("endpoint must be an absolute http(s) URL with a host")
        }
        self.scheme = scheme
        let hostPart = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        authority = components.port.map { "\(hostPart):\($0)" } ?? hostPart
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        basePath = path
    }

    init(scheme: String, authority: String, basePath: String = "") {
        self.scheme = scheme
        self.authority = authority
        self.basePath = basePath
    }

    /// The port given in the authority, if any.
    public var port: Int? {
        guard let colon = authority.lastIndex(of: ":"), !authority[colon...].contains("]") else { return nil }
        return Int(authority[authority.index(after: colon)...])
    }

    /// The host, without port or IPv6 brackets.
    public var host: String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<end])
        }
        return String(authority.split(separator: ":", maxSplits: 1).first ?? "")
    }

    /// `scheme://authority/basePath`.
    public var description: String { "\(scheme)://\(authority)\(basePath)" }
}
