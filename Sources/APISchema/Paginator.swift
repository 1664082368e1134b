/// How a list operation is read page by page: a `limit` query parameter and a start position (an `offset`, or the
/// `marker` the previous page ended at), answered with an object whose one array holds the page's elements.
///
/// The schema builder finds paginators by a rule (`PaginatorRule` in SchemaBuilder), on the operation they page
/// through. Emitters turn each into the pages fetched as they are read: the Swift SDK's `OffsetPaginator` or
/// `MarkerPaginator`, the command line's `--all`, the OpenAPI export's `x-paginator`.
public struct Paginator: Codable, Sendable, Hashable {
    /// What the start position counts.
    public enum Kind: String, Codable, Sendable, Hashable {
        /// An offset in elements: the next page starts `limit` elements further (`offset=20&limit=10` is the
        /// third page).
        case offset
        /// An offset in pages, as the offset's description says ("Start page of the paging list"):
        /// `offset=2&limit=10` is the third page.
        case pageOffset
        /// A marker: the id of the last element of the previous page, which each page's response names.
        case marker
    }

    public var kind: Kind
    /// Wire name of the query parameter that says where a page starts (`offset`, `marker`).
    public var start: String
    /// Wire name of the query parameter that says how many elements a page has at most (`limit`).
    public var limit: String
    /// The response body's property that holds the page's elements (`datasets`), an array.
    public var items: String
    /// The response body's property that says how far the pages go: for an offset, the integer that counts all
    /// elements (`total`, `count`), `nil` when the response has none (the pages then end on a short page); for a
    /// marker, the string that is the next page's marker (`next_marker`).
    public var progress: String?
    /// The operation's other start position, when it has both (the `marker` beside the `offset` the pages are
    /// counted by): pages are read from the first, so a caller that reads them all leaves it out.
    public var otherStart: String?

    public init(
        kind: Kind, start: String, limit: String, items: String, progress: String?, otherStart: String? = nil
    ) {
        self.kind = kind
        self.start = start
        self.limit = limit
        self.items = items
        self.progress = progress
        self.otherStart = otherStart
    }
}
