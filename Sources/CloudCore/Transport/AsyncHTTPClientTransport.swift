import AsyncHTTPClient
import Foundation
import HTTPTypes

/// The default transport, built on AsyncHTTPClient.
///
/// With the default connect timeout it uses `HTTPClient.shared`, which needs no shutdown. A custom connect
/// timeout creates a dedicated client that shuts itself down when the transport is released.
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

    /// Uses `HTTPClient.shared`, or a dedicated client when `connectTimeout` differs from the default.
    public init(connectTimeout: Duration = Timeouts.default.connect) {
        if connectTimeout == Timeouts.default.connect {
            self.sharedClient = HTTPClient.shared
            self.owned = nil
        } else {
            var configuration = HTTPClient.Configuration()
            configuration.timeout.connect = .nanoseconds(Int64(connectTimeout.components.seconds) * 1_000_000_000
                + connectTimeout.components.attoseconds / 1_000_000_000)
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            self.sharedClient = nil
            self.owned = OwnedClient(client: client)
        }
    }

    private var client: HTTPClient { sharedClient ?? owned!.client }

    /// Sends the request; maps AsyncHTTPClient failures to ``TransportError``.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> TransportResponse {
        guard let url = request.url else {
            throw TransportError(.invalidRequest, "request has no absolute URL")
        }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = .init(rawValue: request.method.rawValue)
        // Send exactly the Host that was signed (AsyncHTTPClient would drop a default port).
        if let authority = request.authority {
            outgoing.headers.add(name: "Host", value: authority)
        }
        for field in request.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if let body {
            outgoing.body = .bytes(body)
        }
        let nanos = Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        let client = self.client
        let exchange = outgoing
        do {
            // AsyncHTTPClient's deadline ends when the response head arrives; the race bounds the body too.
            return try await Self.within(timeout) {
                let response = try await client.execute(exchange, timeout: .nanoseconds(nanos))
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
            // NIO reports failed connects (refused, unreachable) as NIOConnectionError or as an IOError from
            // connect(2): nothing was sent, so any method may be retried. Anything else may have happened
            // after the request left.
            let typeName = String(describing: type(of: error))
            let text = String(describing: error)
            let failedToConnect =
                typeName.contains("ConnectionError") || text.contains("connect(") || text.contains("Connection refused")
            throw TransportError(failedToConnect ? .connectFailed : .other, typeName)
        }
    }

    /// Runs `exchange`, failing with ``TransportError/Kind/timedOut`` (and cancelling it) when it outlasts
    /// `timeout`.
    private static func within(
        _ timeout: Duration, _ exchange: @escaping @Sendable () async throws -> TransportResponse
    ) async throws -> TransportResponse {
        try await withThrowingTaskGroup(of: TransportResponse.self) { group in
            group.addTask(operation: exchange)
            group.addTask {
                try await Task.sleep(for: timeout)
                throw TransportError(.timedOut, "deadline exceeded")
            }
            defer { group.cancelAll() }
            guard let first = try await group.next() else { throw CancellationError() }
            return first
        }
    }

    private static func map(_ error: HTTPClientError) -> TransportError {
        switch error {
        case .connectTimeout: return TransportError(.connectFailed, "connect timeout")
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
