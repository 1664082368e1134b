import APISchema

/// One table of the service: the page (its index among the pages sorted by path) and the table on that page.
struct TableID: Hashable, Comparable, Sendable {
    var page: Int
    var table: Int

    init(_ page: Int, _ table: Int) {
        self.page = page
        self.table = table
    }

    static func < (lhs: Self, rhs: Self) -> Bool { (lhs.page, lhs.table) < (rhs.page, rhs.table) }
}

/// What a draft type was read from.
enum DraftKey: Hashable, Sendable {
    /// A table describing an object.
    case table(TableID)
    /// The object that the dotted rows of a table (`server.metadata`) describe for the field `parent`.
    case dottedRows(TableID, parent: String)
    /// The one-field wrapper around a body that the examples wrap in a key (`name`: `CreateVolumeRequest`).
    case wrapper(page: String, name: String)
    /// An object read from an example at `path` (`200.server.metadata`).
    case example(page: String, path: String)
}

/// A named type read from one table or example, before global naming.
struct DraftType {
    var desiredName: String
    var description: String
    var properties: [DraftProperty]
    var source: SourceLocation
    var operationId: String
    var firstPage: String
}

/// A draft of a `DraftTypeStore`. Only the store makes them, so a reference to a draft always finds it.
struct DraftID: Hashable, Sendable, CustomStringConvertible {
    fileprivate let index: Int

    var description: String { "draft \(index)" }
}

/// The draft types, in the order they were made. Type references point to a draft by its id
/// (``DraftTypeRef/draft(_:)``) until `TypeNaming` gives every draft its final name.
struct DraftTypeStore {
    private var drafts: [DraftType] = []
    private var indexByKey: [DraftKey: Int] = [:]

    /// Adds a draft and returns its id; a draft made from the same key before is replaced.
    @discardableResult
    mutating func add(_ key: DraftKey, _ draft: DraftType) -> DraftID {
        if let index = indexByKey[key] {
            drafts[index] = draft
            return DraftID(index: index)
        }
        drafts.append(draft)
        indexByKey[key] = drafts.count - 1
        return DraftID(index: drafts.count - 1)
    }

    /// The id of the draft made from `key`, if there is one.
    func id(of key: DraftKey) -> DraftID? { indexByKey[key].map { DraftID(index: $0) } }

    /// The draft made from `key`.
    subscript(key: DraftKey) -> DraftType? {
        get { indexByKey[key].map { drafts[$0] } }
        set {
            guard let index = indexByKey[key], let newValue else { return }
            drafts[index] = newValue
        }
    }

    /// The draft `id` stands for.
    subscript(id: DraftID) -> DraftType {
        get { drafts[id.index] }
        set { drafts[id.index] = newValue }
    }

    /// Every draft with its id, in the order they were made.
    var all: [(id: DraftID, draft: DraftType)] {
        drafts.indices.map { (DraftID(index: $0), drafts[$0]) }
    }

    /// The ids of the drafts `isIncluded` accepts, in the order they were made.
    func ids(where isIncluded: (DraftType) -> Bool) -> [DraftID] {
        drafts.indices.filter { isIncluded(drafts[$0]) }.map { DraftID(index: $0) }
    }
}
