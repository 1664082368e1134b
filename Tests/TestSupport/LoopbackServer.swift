import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// One request as the loopback server saw it.
public struct RecordedRequest: Sendable {
    public var method: String
    public var uri: String
    public var headers: [(name: String, value: String)]
    public var body: Data
    /// When the request was complete.
    public var receivedAt = Date()
    /// The client's port: requests that share it came on one connection.
    public var clientPort: Int?

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var path: String { String(uri.split(separator: "?", maxSplits: 1).first ?? "") }
    public var query: String { uri.split(separator: "?", maxSplits: 1).dropFirst().first.map(String.init) ?? "" }
}

/// What the server does with a request.
public enum ServerAction: Sendable {
    case respond(status: Int, headers: [(String, String)] = [], body: String = "")
    /// A body of any bytes (a page served byte for byte).
    case respondData(status: Int, headers: [(String, String)] = [], body: Data)
    case respondAfter(Duration, status: Int, headers: [(String, String)] = [], body: String = "")
    case drop
}

/// An HTTP/1.1 server on 127.0.0.1 with an ephemeral port, answering from a closure.
public final class LoopbackServer: Sendable {
    public typealias Handler = @Sendable (_ request: RecordedRequest, _ index: Int) -> ServerAction

    public let port: Int
    private let channel: any Channel
    private let recorded: NIOLockedValueBox<[RecordedRequest]>
    private let closed: NIOLockedValueBox<Int>

    /// Every request so far, in the order they were complete.
    public var requests: [RecordedRequest] { recorded.withLockedValue { $0 } }
    /// How many connections have been closed, by either side: a cancelled exchange closes its connection.
    public var closedConnections: Int { closed.withLockedValue { $0 } }
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)")! }

    private init(
        port: Int, channel: any Channel, recorded: NIOLockedValueBox<[RecordedRequest]>, closed: NIOLockedValueBox<Int>
    ) {
        self.port = port
        self.channel = channel
        self.recorded = recorded
        self.closed = closed
    }

    public static func start(_ handler: @escaping Handler) async throws -> LoopbackServer {
        let recorded = NIOLockedValueBox<[RecordedRequest]>([])
        let closed = NIOLockedValueBox(0)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RequestHandler(handler: handler, recorded: recorded, closed: closed))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return LoopbackServer(port: channel.localAddress!.port!, channel: channel, recorded: recorded, closed: closed)
    }

    public func shutdown() async {
        try? await channel.close()
    }

    private final class RequestHandler: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        let handler: Handler
        let recorded: NIOLockedValueBox<[RecordedRequest]>
        let closed: NIOLockedValueBox<Int>
        var head: HTTPRequestHead?
        var body = Data()

        init(handler: @escaping Handler, recorded: NIOLockedValueBox<[RecordedRequest]>, closed: NIOLockedValueBox<Int>) {
            self.handler = handler
            self.recorded = recorded
            self.closed = closed
        }

        func channelInactive(context: ChannelHandlerContext) {
            closed.withLockedValue { $0 += 1 }
            context.fireChannelInactive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                self.head = head
                body = Data()
            case .body(var buffer):
                body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            case .end:
                guard let head else { return }
                let request = RecordedRequest(
                    method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) },
                    body: body, clientPort: context.channel.remoteAddress?.port)
                let index = recorded.withLockedValue { list in
                    list.append(request)
                    return list.count - 1
                }
                let action = handler(request, index)
                switch action {
                case .drop:
                    context.close(promise: nil)
                case .respond(let status, let headers, let body):
                    write(context: context, status: status, headers: headers, body: Data(body.utf8))
                case .respondData(let status, let headers, let body):
                    write(context: context, status: status, headers: headers, body: body)
                case .respondAfter(let delay, let status, let headers, let body):
                    let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                    let nanos = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
                    context.eventLoop.scheduleTask(in: .nanoseconds(nanos)) {
                        let (handler, context) = bound.value
                        handler.write(context: context, status: status, headers: headers, body: Data(body.utf8))
                    }
                }
            }
        }

        func write(context: ChannelHandlerContext, status: Int, headers: [(String, String)], body: Data) {
            var fields = HTTPHeaders(headers)
            fields.replaceOrAdd(name: "Content-Length", value: String(body.count))
            let head = HTTPResponseHead(version: .http1_1, status: .init(statusCode: status), headers: fields)
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: body)))), promise: nil)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
