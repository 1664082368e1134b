/// Iterates over every element of an offset/limit paginated list operation.
///
/// Pages are fetched lazily; iteration stops on an empty or short page, or when `total` elements were seen.
public struct OffsetPaginator<Element: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page at `offset` with at most `limit` elements, plus the total when known.
    public typealias FetchPage = @Sendable (_ offset: Int, _ limit: Int) async throws -> (elements: [Element], total: Int?)

    /// What `offset` counts: elements to skip (`offset=20&limit=10` is the third page), or pages (ModelArts'
    /// "start page of the paging list": `offset=2&limit=10` is the third page).
    public enum Counting: Sendable, Hashable {
        case elements
        case pages
    }

    private let offset: Int
    private let counting: Counting
    private let limit: Int
    private let fetchPage: FetchPage

    /// Creates a paginator starting at `offset` (in the unit `counting` says).
    public init(offset: Int = 0, counting: Counting = .elements, limit: Int, fetchPage: @escaping FetchPage) {
        self.offset = offset
        self.counting = counting
        self.limit = Swift.max(1, limit)
        self.fetchPage = fetchPage
    }

    /// Creates an iterator.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(offset: offset, counting: counting, limit: limit, fetchPage: fetchPage)
    }

    /// The iterator; fetches pages on demand.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private let limit: Int
        private let counting: Counting
        private let fetchPage: FetchPage
        private var pages: PageBuffer<Element, Int>
        private var seen = 0

        init(offset: Int, counting: Counting, limit: Int, fetchPage: @escaping FetchPage) {
            self.limit = limit
            self.counting = counting
            self.fetchPage = fetchPage
            self.pages = PageBuffer(cursor: offset)
            // The elements before the first page count towards `total`.
            self.seen = counting == .pages ? offset * limit : offset
        }

        /// The next element, fetching the next page when needed.
        public mutating func next() async throws -> Element? {
            let (limit, counting, fetchPage, seenBefore) = (self.limit, self.counting, self.fetchPage, self.seen)
            var seenAfter = seenBefore
            let element = try await pages.next { offset in
                let page = try await fetchPage(offset, limit)
                seenAfter = seenBefore + page.elements.count
                let nextOffset = counting == .pages ? offset + 1 : offset + page.elements.count
                let reachedTotal = page.total.map { seenAfter >= $0 } ?? false
                return (page.elements, nextOffset, page.elements.count < limit || reachedTotal)
            }
            seen = seenAfter
            return element
        }
    }
}
