import Foundation
import HTTPTypes
import Tracing

/// Makes each call a client span (swift-distributed-tracing), named after the operation, with OpenTelemetry's HTTP
/// client attributes: `http.request.method`, `server.address`, `server.port`, `url.full` (without the query),
/// `http.response.status_code`, `http.request.resend_count` (retries), `error.type`, and the service's request id
/// as `http.response.header.x-request-id`. The span's context is injected into the request's headers. Without a
/// tracer bootstrapped before the client was created (and none configured) there are no spans.
public struct TracingMiddleware: Middleware {
    /// nil without a tracer: there is no span to open and no context to inject.
    private let tracer: (any Tracer)?

    /// Creates the middleware; nil traces with the tracer bootstrapped now (`InstrumentationSystem.tracer`, looked up
    /// once, as AsyncHTTPClient does when it is configured: bootstrap before creating clients).
    public init(tracer: (any Tracer)? = nil) {
        let tracer = tracer ?? InstrumentationSystem.tracer
        self.tracer = tracer is NoOpTracer ? nil : tracer
    }

    /// Whether there is a tracer: without one, calls are passed on untouched.
    var isTracing: Bool { tracer != nil }

    /// Runs `next` inside the call's span.
    public func handle(_ request: PreparedRequest, next: MiddlewareNext) async throws -> TransportResponse {
        guard let tracer else { return try await next(request) }
        return try await Self.trace(request, next: next, tracer: tracer)
    }

    private static func trace<T: Tracer>(
        _ request: PreparedRequest, next: MiddlewareNext, tracer: T
    ) async throws -> TransportResponse {
        try await tracer.withSpan(request.context.operation, ofKind: .client) { span in
            var request = request
            tracer.inject(span.context, into: &request.headerFields, using: HTTPFieldsInjector())
            // Without a tracer (or for a span not sampled) the attributes would be built for nothing on every call.
            guard span.isRecording else { return try await next(request) }
            span.attributes["http.request.method"] = request.method.rawValue
            let endpoint = Endpoint(scheme: request.scheme, authority: request.authority)
            span.attributes["server.address"] = endpoint.host
            if let port = endpoint.port { span.attributes["server.port"] = port }
            span.attributes["url.full"] = "\(request.scheme)://\(request.authority)\(request.path)"
            let attempts = Locked(0)
            defer { if attempts.current > 1 { span.attributes["http.request.resend_count"] = attempts.current - 1 } }
            do {
                let response = try await AttemptCounter.$current.withValue(attempts) { try await next(request) }
                record(response.head.status.code, requestID: response.head.headerFields[.requestID], on: span)
                return response
            } catch {
                if let error = error as? APIError {
                    record(error.status, requestID: error.requestID, on: span)
                    span.attributes["error.type"] = String(error.status)
                } else {
                    span.attributes["error.type"] = String(describing: type(of: error))
                }
                span.setStatus(SpanStatus(code: .error))
                throw error
            }
        }
    }

    private static func record(_ status: Int, requestID: String?, on span: some Span) {
        span.attributes["http.response.status_code"] = status
        if let requestID { span.attributes["http.response.header.x-request-id"] = [requestID] }
    }
}

/// Writes trace context into header fields.
struct HTTPFieldsInjector: Injector {
    func inject(_ value: String, forKey key: String, into fields: inout HTTPFields) {
        if let name = HTTPField.Name(key) { fields[name] = value }
    }
}

/// The attempts the transport makes for the traced call in progress, counted for its span.
enum AttemptCounter {
    @TaskLocal static var current: Locked<Int>?
}
