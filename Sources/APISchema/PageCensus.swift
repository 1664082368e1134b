/// How a service's pages were read: how many were found, which became operations, and why each other one was
/// skipped, so that no page is lost without a word (`apiref report` prints it).
public struct PageCensus: Sendable, Hashable {
    /// A page that yielded no operation, and why.
    public struct SkippedPage: Sendable, Hashable, Comparable {
        public var page: String
        /// Why, in words shared by every page skipped for that reason (`no URI section, API name or parameter
        /// table`): the report groups the pages by it.
        public var reason: String
        /// What on this page shows it (the unreadable URI line, the override's reason); empty when nothing more.
        public var detail: String

        public init(page: String, reason: String, detail: String = "") {
            self.page = page
            self.reason = reason
            self.detail = detail
        }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.reason, lhs.page, lhs.detail) < (rhs.reason, rhs.page, rhs.detail)
        }
    }

    /// Why a page that an override accepts as not an API page was skipped.
    public static let acceptedReason = "accepted as not an API page (override)"

    /// Pages found, readable or not.
    public var pagesFound: Int
    /// Pages an operation was read from.
    public var apiPages: Int
    /// Every other page, sorted by reason, then page.
    public var skipped: [SkippedPage]

    public init(pagesFound: Int = 0, apiPages: Int = 0, skipped: [SkippedPage] = []) {
        self.pagesFound = pagesFound
        self.apiPages = apiPages
        self.skipped = skipped.sorted()
    }

    /// The skipped pages by reason, most frequent first (then by reason).
    public var skippedByReason: [(reason: String, pages: [SkippedPage])] {
        Dictionary(grouping: skipped, by: \.reason).map { ($0.key, $0.value.sorted()) }
            .sorted { ($1.pages.count, $0.reason) < ($0.pages.count, $1.reason) }
    }
}
