import Foundation

/// An HTTP proxy that requests go through (HTTPS requests through a `CONNECT` tunnel).
public struct HTTPProxy: Sendable, Hashable, CustomStringConvertible, CustomReflectable {
    /// The proxy's host name or address.
    public var host: String
    /// The proxy's port.
    public var port: Int
    /// Basic authentication at the proxy, if it needs it.
    public var username: String?
    /// The password of ``username``.
    public var password: String?

    /// Creates a proxy setting.
    public init(host: String, port: Int, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
    }

    /// A proxy from a URL as the `*_PROXY` variables spell it: `http://user:password@host:port`, `host:port`, or
    /// `host` (port 80 for `http`, 443 for `https`); nil when it names no host.
    public init?(url text: String) {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let host = components.host, !host.isEmpty
        else { return nil }
        self.init(
            host: host, port: components.port ?? (components.scheme == "https" ? 443 : 80),
            username: components.user.flatMap { $0.removingPercentEncoding },
            password: components.password.flatMap { $0.removingPercentEncoding })
    }

    /// The proxy the environment names for `endpoint`, as curl and the official SDKs read it: `https_proxy` /
    /// `HTTPS_PROXY` for an `https` endpoint, `http_proxy` / `HTTP_PROXY` for `http` (lower case first), unless
    /// `no_proxy` / `NO_PROXY` lists the endpoint's host, a domain it is in (`example.com`, `.example.com`), or `*`.
    public static func fromEnvironment(
        for endpoint: Endpoint, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> HTTPProxy? {
        func variable(_ name: String) -> String? {
            [environment[name.lowercased()], environment[name]].compactMap { $0 }.first { !$0.isEmpty }
        }
        let host = endpoint.host.lowercased()
        let excluded = (variable("NO_PROXY") ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        for entry in excluded where !entry.isEmpty {
            let domain = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if entry == "*" || host == domain || host.hasSuffix("." + domain) { return nil }
        }
        return variable(endpoint.scheme == "https" ? "HTTPS_PROXY" : "HTTP_PROXY").flatMap(HTTPProxy.init(url:))
    }

    /// The host and port; the credentials never.
    public var description: String {
        "HTTPProxy(\(host):\(port)" + (username == nil ? ")" : ", user: \(username!), password: \(Redaction.placeholder))")
    }

    /// What `dump(_:)` and debuggers show: as ``description``, never the password.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "host": host, "port": port, "username": username as Any,
                "password": password.map { _ in Redaction.placeholder } as Any,
            ])
    }
}

/// Whether requests go through a proxy.
public enum ProxySetting: Sendable, Hashable {
    /// The proxy the environment names for the endpoint (``HTTPProxy/fromEnvironment(for:environment:)``).
    case environment
    /// Straight to the service, whatever the environment says.
    case direct
    /// Through this proxy.
    case server(HTTPProxy)
}

extension ProxySetting {
    /// The proxy to use for `endpoint`, if any.
    func resolved(for endpoint: Endpoint) -> HTTPProxy? {
        switch self {
        case .environment: HTTPProxy.fromEnvironment(for: endpoint)
        case .direct: nil
        case .server(let proxy): proxy
        }
    }
}
