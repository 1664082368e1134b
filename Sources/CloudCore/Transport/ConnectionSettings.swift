import AsyncHTTPClient
import NIOCore
import NIOPosix
import NIOSSL

/// How an HTTP client connects: what tells two connection pools apart.
public struct ConnectionSettings: Sendable, Hashable {
    /// How long a connect may take.
    public var connectTimeout: Duration
    /// The proxy requests go through, if any.
    public var proxy: HTTPProxy?
    /// Connections kept open to each host; more concurrent calls wait for one.
    public var maxConnectionsPerHost: Int
    /// PEM files of certificate authorities trusted besides the system's.
    public var caCertificateFiles: [String]

    /// Creates settings; the defaults are those of ``ClientConfiguration``.
    public init(
        connectTimeout: Duration = Timeouts.default.connect, proxy: HTTPProxy? = nil, maxConnectionsPerHost: Int = 8,
        caCertificateFiles: [String] = []
    ) {
        self.connectTimeout = connectTimeout
        self.proxy = proxy
        self.maxConnectionsPerHost = max(1, maxConnectionsPerHost)
        self.caCertificateFiles = caCertificateFiles
    }

    /// A new AsyncHTTPClient client with these settings, trusting `certificates` (those of
    /// ``caCertificateFiles``) besides the system's; its creator must shut it down.
    func makeClient(trusting certificates: [NIOSSLCertificate]) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        if !certificates.isEmpty {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.additionalTrustRoots = [.certificates(certificates)]
            configuration.tlsConfiguration = tls
        }
        configuration.timeout.connect = .nanoseconds(connectTimeout.nanoseconds)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = maxConnectionsPerHost
        if let proxy {
            let authorization = proxy.username.map {
                HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
            }
            configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    /// The certificates of ``caCertificateFiles`` (PEM). A ``ClientError`` names the first file that cannot be read
    /// or holds none.
    func certificates() throws -> [NIOSSLCertificate] {
        try caCertificateFiles.flatMap { file in
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(file)
            } catch {
                throw ClientError("the CA certificate file \(file) cannot be read", underlying: error)
            }
            guard !certificates.isEmpty else {
                throw ClientError("the CA certificate file \(file) holds no PEM certificate")
            }
            return certificates
        }
    }
}

/// The process-wide HTTP clients, one per ``ConnectionSettings``: created on first use and kept until the process
/// ends, like AsyncHTTPClient's `HTTPClient.shared`, so nobody has to shut them down and every service client
/// with the same settings shares one connection pool.
enum SharedHTTPClients {
    private static let clients = Locked<[ConnectionSettings: HTTPClient]>([:])

    /// The shared client for `settings`; its certificate files are read (outside the lock) when it is created.
    static func client(for settings: ConnectionSettings) throws -> HTTPClient {
        if let client = clients.current[settings] { return client }
        return client(for: settings, trusting: try settings.certificates())
    }

    /// The shared client for `settings`, created trusting `certificates` if there is none yet.
    static func client(for settings: ConnectionSettings, trusting certificates: [NIOSSLCertificate]) -> HTTPClient {
        clients.withLock { clients in
            if let client = clients[settings] { return client }
            let client = settings.makeClient(trusting: certificates)
            clients[settings] = client
            return client
        }
    }
}
