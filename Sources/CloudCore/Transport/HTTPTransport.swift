import Foundation
import HTTPTypes

/// A response with its complete body.
public struct TransportResponse: Sendable {
    /// Status and header fields.
    public var head: HTTPResponse
    /// The complete body bytes.
    public var body: Data

    /// Creates a response.
    public init(head: HTTPResponse, body: Data = Data()) {
        self.head = head
        self.body = body
    }
}

/// Sends one HTTP request and returns the complete response; the bottom of the middleware chain.
///
/// Implementations throw ``TransportError`` when no response was received. Tests inject their own.
public protocol HTTPTransport: Sendable {
    /// Sends `request` with `body` and waits at most `timeout` for the complete response.
    func send(_ request: HTTPRequest, body: Data?, timeout: Duration) async throws -> TransportResponse
}
