/// Iterates over every element of a marker paginated list operation (ECS/OpenStack style).
///
/// Pages are fetched lazily; iteration stops when a page is empty or has no next marker.
public struct MarkerPaginator<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page after `marker` (nil for the first page) with at most `limit` elements.
    public typealias FetchPage = @Sendable (_ marker: String?, _ limit: Int) async throws -> (elements: [Element], nextMarker: String?)

    private let limit: Int
    private let fetchPage: FetchPage

    /// Creates a paginator.
    public init(limit: Int, fetchPage: @escaping FetchPage) {
        self.limit = Swift.max(1, limit)
        self.fetchPage = fetchPage
    }

    /// Creates an iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(limit: limit, fetchPage: fetchPage)
    }

    /// The iterator; fetches pages on demand.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let limit: Int
        private let fetchPage: FetchPage
        private var pages = PageBuffer<Element, String?>(cursor: nil)

        init(limit: Int, fetchPage: @escaping FetchPage) {
            self.limit = limit
            self.fetchPage = fetchPage
        }

        /// The next element, fetching the next page when needed.
        public mutating func next() async throws -> Element? {
            let (limit, fetchPage) = (self.limit, self.fetchPage)
            return try await pages.next { marker in
                let page = try await fetchPage(marker, limit)
                return (page.elements, page.nextMarker, page.nextMarker == nil)
            }
        }
    }
}
