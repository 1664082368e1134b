import AsyncHTTPClient
import Foundation
import HTTPTypes
import ServiceLifecycle

/// One HTTP connection pool that an application owns and shares between its service clients, as Soto's
/// `AWSClient` is shared by its services.
///
/// Without one, service clients send through the process-wide pool of their connection settings, which lives as
/// long as the process and needs no shutdown. Create a `CloudHTTPClient` to decide when the connections close:
/// pass it as the transport of every service client's configuration, and shut it down when they are done, with
/// ``shutdown()`` (or ``syncShutdown()`` outside async code), or by running it in a swift-service-lifecycle
/// `ServiceGroup`, which shuts it down on graceful shutdown. Releasing it without shutting it down is a
/// programming error that AsyncHTTPClient reports in debug builds: nothing shuts it down behind your back.
///
/// ```swift
/// let http = try CloudHTTPClient()
/// var configuration = ClientConfiguration()
/// configuration.transport = http
/// let ecs = try ECSClient(region: .euDe, configuration: configuration)
/// let evs = try EVSClient(region: .euDe, configuration: configuration)
/// // … calls …
/// try await http.shutdown()
/// ```
public final class CloudHTTPClient: HTTPTransport, Service {
    private let client: HTTPClient
    private let transport: AsyncHTTPClientTransport

    /// A new connection pool with `settings`. A ``ClientError`` names a certificate file that cannot be read.
    public init(settings: ConnectionSettings = ConnectionSettings()) throws {
        client = settings.makeClient(trusting: try settings.certificates())
        transport = AsyncHTTPClientTransport(client: client)
    }

    /// Sends through this pool (see ``AsyncHTTPClientTransport/send(_:body:timeout:)``).
    public func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> TransportResponse {
        try await transport.send(request, body: body, timeout: timeout)
    }

    /// Closes the pool's connections once the calls in flight end; calls made afterwards fail.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// ``shutdown()`` for code that cannot await (never on an event loop of the client).
    public func syncShutdown() throws {
        try client.syncShutdown()
    }

    /// Runs as a service of a `ServiceGroup`: waits for the group's graceful shutdown (or cancellation), then
    /// shuts the pool down.
    public func run() async throws {
        try? await gracefulShutdown()
        try await shutdown()
    }
}
