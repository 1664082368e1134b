import CloudCore
import Foundation
import HTTPTypes

/// What the server answered for one page, once retries are over.
enum PageResponse: Sendable {
    /// The page's bytes (a 2xx answer with HTML).
    case page(Data, FetchState.Validators)
    /// 304: the stored copy is current.
    case notModified(FetchState.Validators)
    /// 404 or 410: a linked page that is not there.
    case notFound(status: Int)
    /// A 2xx answer that is not HTML.
    case notHTML(contentType: String)
}

/// Counts the HTTP requests of a run, retries included.
actor RequestCounter {
    private(set) var count = 0
    func increment() { count += 1 }
}

/// Fetches one page: a GET, conditional when the page's validators are known, retried on 429, 5xx and connection
/// failures by CloudCore's ``RetryMiddleware`` (backoff with jitter, `Retry-After` honoured, per the policy).
struct PageFetcher: Sendable {
    let scope: SiteScope
    let transport: any HTTPTransport
    let retryPolicy: RetryPolicy
    let timeout: Duration
    let requests: RequestCounter

    /// The answer for `page`; throws ``MirrorError`` when the page cannot be had (retries exhausted, or a status
    /// that is neither success, 304 nor not-found).
    func fetch(_ page: String, validators: FetchState.Validators?) async throws -> PageResponse {
        var fields = HTTPFields()
        if let etag = validators?.etag { fields[.ifNoneMatch] = etag }
        if let lastModified = validators?.lastModified { fields[.ifModifiedSince] = lastModified }
        let request = PreparedRequest(
            operation: page, method: .get, scheme: scope.scheme, authority: scope.authority,
            path: scope.requestPath(of: page), headerFields: fields)
        let response: TransportResponse
        let retry = RetryMiddleware(policy: retryPolicy)
        do {
            response = try await retry.handle(request) { [transport, timeout, requests] request in
                await requests.increment()
                let response = try await transport.send(request.httpRequest, body: nil, timeout: timeout)
                let status = response.head.status.code
                guard status == 429 || (500...599).contains(status) else { return response }
                // Thrown for the retry policy to judge, with the headers it reads Retry-After from.
                var error = APIError(status: status, requestID: nil, body: Data())
                error.headerFields = response.head.headerFields
                throw error
            }
        } catch let error as APIError {
            throw MirrorError(scope.url(of: page), "HTTP \(error.status)" + attempts(error))
        } catch let error as TransportError {
            throw MirrorError(scope.url(of: page), error.description + attempts(error))
        }
        return try answer(response, for: page, validators: validators)
    }

    private func answer(
        _ response: TransportResponse, for page: String, validators: FetchState.Validators?
    ) throws -> PageResponse {
        let head = response.head
        let received = FetchState.Validators(
            etag: head.headerFields[.eTag], lastModified: head.headerFields[.lastModified])
        switch head.status.code {
        case 304 where validators != nil:
            // A 304 may leave out validators that did not change.
            return .notModified(
                .init(
                    etag: received.etag ?? validators?.etag,
                    lastModified: received.lastModified ?? validators?.lastModified))
        case 200...299:
            // A missing Content-Type is taken as HTML: the page is kept as it was served.
            if let type = head.headerFields[.contentType], !Self.isHTML(type) { return .notHTML(contentType: type) }
            return .page(response.body, received)
        case 404, 410:
            return .notFound(status: head.status.code)
        case let status:
            throw MirrorError(scope.url(of: page), "HTTP \(status)")
        }
    }

    /// How many attempts the policy made before giving up on `error`, in words.
    private func attempts(_ error: any Error) -> String {
        guard retryPolicy.maxAttempts > 1, retryPolicy.shouldRetry(error, method: "GET") else { return "" }
        return ", after \(retryPolicy.maxAttempts) attempts"
    }

    /// `text/html` or `application/xhtml+xml`, whatever the parameters.
    static func isHTML(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        return mediaType == "text/html" || mediaType == "application/xhtml+xml"
    }
}
