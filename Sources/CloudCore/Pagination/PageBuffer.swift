/// The iteration state shared by the paginators: the current page, the position in it, the cursor for the
/// next page and whether the last page has been seen.
struct PageBuffer<Element: Sendable, Cursor: Sendable>: Sendable {
    /// One fetched page: its elements, the cursor of the page after it, and whether it is the last one.
    typealias Page = (elements: [Element], next: Cursor, isLast: Bool)

    private var cursor: Cursor
    private var buffer: [Element] = []
    private var index = 0
    private var finished = false

    init(cursor: Cursor) { self.cursor = cursor }

    /// The next element, calling `fetch` with the cursor when the current page is used up.
    mutating func next(fetch: (Cursor) async throws -> Page) async throws -> Element? {
        if index < buffer.count {
            defer { index += 1 }
            return buffer[index]
        }
        guard !finished else { return nil }
        let page = try await fetch(cursor)
        cursor = page.next
        buffer = page.elements
        finished = page.isLast || page.elements.isEmpty
        guard !buffer.isEmpty else { return nil }
        index = 1
        return buffer[0]
    }
}
