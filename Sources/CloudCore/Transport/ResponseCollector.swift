import AsyncHTTPClient
import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1

/// Collects the response of one exchange of ``AsyncHTTPClientTransport`` and resumes the call waiting for it.
///
/// The call is resumed from the delegate's own last callback, on the request's event loop, not through the task's
/// future: a callback registered on that future from the caller's thread is first sent over to the event loop, which
/// costs every call a wake-up of that loop. The future still resumes the call when an exchange ends without reaching
/// the delegate (a client already shut down, a redirect that fails): whichever comes first resumes it, once.
final class ResponseCollector: HTTPClientResponseDelegate, Sendable {
    typealias Response = Void

    private struct State {
        var continuation: CheckedContinuation<TransportResponse, any Error>?
        var task: HTTPClient.Task<Void>?
        var isCancelled = false
        var head: HTTPResponseHead?
        var body: ByteBuffer?
    }

    // A redirect's callbacks may run on another event loop than the first request's future: one lock for all.
    private let state = Locked(State())

    /// Waits for the response of the exchange that `execute` starts with this collector as its delegate; cancelling
    /// the waiting task cancels the exchange.
    static func response(
        of execute: (ResponseCollector) -> HTTPClient.Task<Void>
    ) async throws -> TransportResponse {
        let collector = ResponseCollector()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                collector.state.withLock { $0.continuation = continuation }
                let task = execute(collector)
                let isCancelled = collector.state.withLock { state in
                    state.task = task
                    return state.isCancelled
                }
                if isCancelled { task.cancel() }
                task.futureResult.whenFailure { collector.finish(.failure($0)) }
            }
        } onCancel: {
            collector.state.withLock { state in
                state.isCancelled = true
                return state.task
            }?.cancel()
        }
    }

    func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        state.withLock { $0.head = head }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ part: ByteBuffer) -> EventLoopFuture<Void> {
        state.withLock { state in
            var part = part
            if state.body == nil {
                state.body = part
            } else {
                state.body!.writeBuffer(&part)
            }
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveError(task: HTTPClient.Task<Void>, _ error: any Error) {
        finish(.failure(error))
    }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws {
        let (head, body) = state.withLock { ($0.head, $0.body) }
        guard let head else {  // AsyncHTTPClient does not end an exchange without a head
            return finish(.failure(TransportError(.other, "the response ended before its head")))
        }
        var response = HTTPResponse(status: .init(code: Int(head.status.code), reasonPhrase: head.status.reasonPhrase))
        response.headerFields.reserveCapacity(head.headers.count)
        for header in head.headers {
            if let name = HTTPField.Name(header.name) {
                response.headerFields.append(HTTPField(name: name, value: header.value))
            }
        }
        finish(.success(TransportResponse(head: response, body: body.map { Data($0.readableBytesView) } ?? Data())))
    }

    private func finish(_ result: Result<TransportResponse, any Error>) {
        state.withLock { state in
            defer { state.continuation = nil }
            return state.continuation
        }?.resume(with: result)
    }
}
