import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOPosix

/// The default transport, built on AsyncHTTPClient.
///
/// It owns an HTTP client that shuts itself down when the transport is released. That client reports a failed
/// connect at once, with its cause (refused, host not found, no answer within the connect timeout): the
/// ``ServiceClient``'s ``RetryPolicy`` retries it with its backoff and attempt limit. (Left to AsyncHTTPClient, a
/// refused connection is retried silently until the connect timeout and then reported as a timeout.)
public struct AsyncHTTPClientTransport: HTTPTransport {
    private final class OwnedClient: Sendable {
        let client: HTTPClient
        init(client: HTTPClient) { self.client = client }
        deinit { client.shutdown { _ in } }
    }

    private let owned: OwnedClient?
    private let sharedClient: HTTPClient?

    /// Uses `client`, which the caller keeps alive and shuts down.
    public init(client: HTTPClient) {
        self.sharedClient = client
        self.owned = nil
    }

    /// Creates and owns a client with this connect timeout, going through `proxy` when given, with up to
    /// `maxConnectionsPerHost` connections kept open to the service (more concurrent calls wait for one).
    public init(
        connectTimeout: Duration = Timeouts.default.connect, proxy: HTTPProxy? = nil, maxConnectionsPerHost: Int = 8
    ) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .nanoseconds(connectTimeout.nanoseconds)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, maxConnectionsPerHost)
        if let proxy {
            let authorization = proxy.username.map {
                HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
            }
            configuration.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        self.sharedClient = nil
        self.owned = OwnedClient(
            client: HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration))
    }

    private var client: HTTPClient { sharedClient ?? owned!.client }

    /// Sends the request; maps AsyncHTTPClient failures to ``TransportError``.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> TransportResponse {
        // The URL as text, as AsyncHTTPClient takes it (HTTPRequest.url would build a Foundation URL to print).
        guard let scheme = request.scheme, let authority = request.authority, let path = request.path else {
            throw TransportError(.invalidRequest, "request has no absolute URL")
        }
        var outgoing = HTTPClientRequest(url: scheme + "://" + authority + path)
        outgoing.method = .init(rawValue: request.method.rawValue)
        // Send exactly the Host that was signed (AsyncHTTPClient would drop a default port).
        outgoing.headers.add(name: "Host", value: authority)
        for field in request.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if let body {
            outgoing.body = .bytes(body)
        }
        let client = self.client
        let exchange = outgoing
        do {
            // AsyncHTTPClient's deadline ends when the response head arrives; the bound covers the body too.
            return try await Self.within(timeout, on: client.eventLoopGroup.any()) {
                let response = try await client.execute(exchange, timeout: .nanoseconds(timeout.nanoseconds))
                var head = HTTPResponse(
                    status: .init(code: Int(response.status.code), reasonPhrase: response.status.reasonPhrase))
                for header in response.headers {
                    if let name = HTTPField.Name(header.name) {
                        head.headerFields.append(HTTPField(name: name, value: header.value))
                    }
                }
                var data = Data()
                for try await chunk in response.body {
                    data.append(contentsOf: chunk.readableBytesView)
                }
                return TransportResponse(head: head, body: data)
            }
        } catch let error as HTTPClientError {
            throw Self.map(error)
        } catch let error as TransportError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw Self.connectFailure(error) ?? TransportError(.other, String(describing: type(of: error)))
        }
    }

    /// A failed connect, told apart by its cause: nothing was sent, so any method may be retried. `nil` for
    /// anything else, which may have happened after the request left.
    static func connectFailure(_ error: any Error) -> TransportError? {
        switch error {
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return TransportError(.connectFailed, "host name \(error.host) not found")
            }
            for failure in error.connectionErrors {
                if let refused = connectFailure(failure.error) { return refused }
            }
            return TransportError(.connectFailed, "\(error.host):\(error.port) unreachable")
        case let error as IOError where error.errnoCode == ECONNREFUSED:
            return TransportError(.connectFailed, "connection refused")
        case let error as IOError where [ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode):
            return TransportError(.connectFailed, "network unreachable")
        case ChannelError.connectTimeout:
            return TransportError(.connectFailed, "no answer within the connect timeout")
        default:
            return nil
        }
    }

    /// Runs `exchange`, failing with ``TransportError/Kind/timedOut`` (and cancelling it) when it outlasts
    /// `timeout`. The deadline is a timer on the event loop, cancelled (and freed) as soon as the exchange ends: a
    /// sleeping task per call would hold its memory until the deadline even after a quick answer.
    private static func within(
        _ timeout: Duration, on eventLoop: any EventLoop,
        _ exchange: @escaping @Sendable () async throws -> TransportResponse
    ) async throws -> TransportResponse {
        let task = Task(operation: exchange)
        let expired = Locked(false)
        let timer = eventLoop.scheduleTask(in: .nanoseconds(timeout.nanoseconds)) {
            expired.withLock { $0 = true }
            task.cancel()
        }
        defer { timer.cancel() }
        do {
            return try await withTaskCancellationHandler { try await task.value } onCancel: { task.cancel() }
        } catch {
            throw expired.current ? TransportError(.timedOut, "deadline exceeded") : error
        }
    }

    private static func map(_ error: HTTPClientError) -> TransportError {
        switch error {
        case .connectTimeout: return TransportError(.connectFailed, "no answer within the connect timeout")
        case .deadlineExceeded, .readTimeout, .writeTimeout: return TransportError(.timedOut, "deadline exceeded")
        case .remoteConnectionClosed:
            return TransportError(.connectionDropped, "remote closed the connection")
        case .invalidURL, .emptyHost, .emptyScheme:
            return TransportError(.invalidRequest, "invalid URL")
        default:
            return TransportError(.other, "\(error.shortDescription)")
        }
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }
}
