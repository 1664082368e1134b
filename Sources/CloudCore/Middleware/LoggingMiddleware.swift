import Foundation
import HTTPTypes
import Logging

/// Logs each call with swift-log: the operation, method and URL (without its query) at debug level, redacted headers at trace
/// level, the outcome with the service's `X-Request-Id` in the metadata. Secrets are never logged.
public struct LoggingMiddleware: Middleware {
    private let logger: Logger

    /// Creates the middleware.
    public init(logger: Logger) { self.logger = logger }

    /// Logs around `next`.
    public func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
        var logger = logger
        logger[metadataKey: "operation"] = "\(request.context.operation)"
        logger.debug("sending \(request.method.rawValue) \(request.scheme)://\(request.authority)\(request.path)")
        let started = ContinuousClock.now
        do {
            let response = try await next(request)
            if let requestID = response.head.headerFields[.requestID] {
                logger[metadataKey: "request-id"] = "\(requestID)"
            }
            logger.trace("response headers", metadata: ["headers": .string(Self.render(response.head.headerFields))])
            logger.debug("received \(response.head.status.code) after \(ContinuousClock.now - started)")
            return response
        } catch let error as APIError {
            if let requestID = error.requestID { logger[metadataKey: "request-id"] = "\(requestID)" }
            logger.debug("failed: \(error)")
            throw error
        } catch {
            logger.debug("failed: \(error)")
            throw error
        }
    }

    static func render(_ fields: HTTPFields) -> String {
        fields.map { "\($0.name.rawName): \(Redaction.headerValueForDisplay(name: $0.name.rawName, value: $0.value))" }
            .joined(separator: "; ")
    }
}
