/// Iterates over every element of an offset/limit paginated list operation.
///
/// Pages are fetched lazily; iteration stops on an empty or short page, or when `total` elements were seen.
public struct OffsetPaginator<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page starting at `offset` with at most `limit` elements, plus the total when known.
    public typealias FetchPage = @Sendable (_ offset: Int, _ limit: Int) async throws -> (elements: [Element], total: Int?)

    private let offset: Int
    private let limit: Int
    private let fetchPage: FetchPage

    /// Creates a paginator.
    public init(offset: Int = 0, limit: Int, fetchPage: @escaping FetchPage) {
        self.offset = offset
        self.limit = Swift.max(1, limit)
        self.fetchPage = fetchPage
    }

    /// Creates an iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(offset: offset, limit: limit, fetchPage: fetchPage)
    }

    /// The iterator; fetches pages on demand.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var offset: Int
        private let limit: Int
        private let fetchPage: FetchPage
        private var buffer: [Element] = []
        private var index = 0
        private var finished = false

        init(offset: Int, limit: Int, fetchPage: @escaping FetchPage) {
            self.offset = offset
            self.limit = limit
            self.fetchPage = fetchPage
        }

        /// The next element, fetching the next page when needed.
        public mutating func next() async throws -> Element? {
            if index < buffer.count {
                defer { index += 1 }
                return buffer[index]
            }
            guard !finished else { return nil }
            let page = try await fetchPage(offset, limit)
            offset += page.elements.count
            if page.elements.count < limit || page.elements.isEmpty { finished = true }
            if let total = page.total, offset >= total { finished = true }
            buffer = page.elements
            index = 0
            guard !buffer.isEmpty else {
                finished = true
                return nil
            }
            index = 1
            return buffer[0]
        }
    }
}
