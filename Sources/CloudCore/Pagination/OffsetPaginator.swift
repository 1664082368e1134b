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
        private let limit: Int
        private let fetchPage: FetchPage
        private var pages: PageBuffer<Element, Int>

        init(offset: Int, limit: Int, fetchPage: @escaping FetchPage) {
            self.limit = limit
            self.fetchPage = fetchPage
            self.pages = PageBuffer(cursor: offset)
        }

        /// The next element, fetching the next page when needed.
        public mutating func next() async throws -> Element? {
            let (limit, fetchPage) = (self.limit, self.fetchPage)
            return try await pages.next { offset in
                let page = try await fetchPage(offset, limit)
                let nextOffset = offset + page.elements.count
                let reachedTotal = page.total.map { nextOffset >= $0 } ?? false
                return (page.elements, nextOffset, page.elements.count < limit || reachedTotal)
            }
        }
    }
}
