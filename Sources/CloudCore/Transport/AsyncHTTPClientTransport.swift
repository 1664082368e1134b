import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOPosix
import NIOSSL

/// The default transport, built on AsyncHTTPClient.
///
/// It never owns the HTTP client it sends through, so it has nothing to shut down: either the application passes
/// one in (and shuts it down, or runs a ``CloudHTTPClient`` in its service group), or it uses the process-wide
/// client for its connection settings, which CloudCore creates on first use and keeps for the life of
/// the process, like AsyncHTTPClient's `HTTPClient.shared`. Service clients with the same settings therefore share
/// one connection pool. That client reports a failed connect at once, with its cause (refused, host not found, no
/// answer within the connect timeout): the ``ServiceClient``'s ``RetryPolicy`` retries it with its backoff and
/// attempt limit. (Left to AsyncHTTPClient, a refused connection is retried silently until the connect timeout and
/// then reported as a timeout.)
public struct AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient

    /// Uses `client`, which the caller keeps alive and shuts down.
    public init(client: HTTPClient) {
        self.client = client
    }

    /// Uses the process-wide client with this connect timeout, going through `proxy` when given, with up to
    /// `maxConnectionsPerHost` connections kept open to each host (more concurrent calls wait for one).
    public init(
        connectTimeout: Duration = Timeouts.default.connect, proxy: HTTPProxy? = nil, maxConnectionsPerHost: Int = 8
    ) {
        // No certificate files to read: nothing can fail.
        self.client = SharedHTTPClients.client(
            for: ConnectionSettings(
                connectTimeout: connectTimeout, proxy: proxy, maxConnectionsPerHost: maxConnectionsPerHost),
            trusting: [])
    }

    /// Uses the process-wide client for `settings`; a ``ClientError`` names a certificate file that cannot be read.
    init(settings: ConnectionSettings) throws {
        self.client = try SharedHTTPClients.client(for: settings)
    }

    /// Sends the request; maps AsyncHTTPClient failures to ``TransportError``.
    ///
    /// `timeout` bounds the whole exchange, the response body included. It is AsyncHTTPClient's own request deadline:
    /// one timer on the request's event loop, cancelled there when the response ends. (Its async/await API ends the
    /// deadline with the response head; bounding the body as well would take a second timer and a task per call.)
    /// The call resumes from AsyncHTTPClient's last callback of the exchange, on the request's event loop.
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> TransportResponse {
        // The URL as text, as AsyncHTTPClient takes it (HTTPRequest.url would build a Foundation URL to print).
        guard let scheme = request.scheme, let authority = request.authority, let path = request.path else {
            throw TransportError(.invalidRequest, "request has no absolute URL")
        }
        do {
            var outgoing = try HTTPClient.Request(
                url: scheme + "://" + authority + path, method: .init(rawValue: request.method.rawValue),
                body: body.map { .bytes($0) })
            outgoing.headers.reserveCapacity(request.headerFields.count + 1)
            // Send exactly the Host that was signed (AsyncHTTPClient would drop a default port).
            outgoing.headers.add(name: "Host", value: authority)
            for field in request.headerFields {
                outgoing.headers.add(name: field.name.rawName, value: field.value)
            }
            let client = self.client
            let deadline = NIODeadline.now() + .nanoseconds(timeout.nanoseconds)
            return try await ResponseCollector.response { collector in
                client.execute(request: outgoing, delegate: collector, deadline: deadline)
            }
        } catch let error as HTTPClientError where error == .cancelled && Task.isCancelled {
            throw CancellationError()
        } catch let error as HTTPClientError {
            throw Self.map(error)
        } catch let error as TransportError {
            throw error
        } catch {
            throw Self.connectFailure(error) ?? TransportError(.other, String(describing: type(of: error)))
        }
    }

    /// A failed connect, told apart by its cause: nothing was sent, so any method may be retried (a failed TLS
    /// handshake is reported as such, and not retried). `nil` for anything else, which may have happened after the
    /// request left.
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
        case let error as NIOSSLError:
            // Only the handshake's failures: an unclean shutdown and the like happen once the request may be sent.
            switch error {
            case .handshakeFailed, .cannotMatchULabel, .noCertificateToValidate, .unableToValidateCertificate:
                return TransportError(.tlsFailed, String(describing: error))
            default:
                return nil
            }
        case let error as NIOSSLExtraError
        where error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch:
            return TransportError(.tlsFailed, String(describing: error))
        default:
            return nil
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
