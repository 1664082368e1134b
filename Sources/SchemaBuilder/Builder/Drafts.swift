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
    var properties: [Property]
    var source: SourceLocation
    var operationId: String
    var firstPage: String
}

/// Placeholder references to drafts start with this marker until names are final.
private let placeholderMarker: Character = "\u{1}"

/// The draft types, in the order they were made. Type references point to a draft with a placeholder name
/// (`.named("\u{1}12")`) until `TypeNaming` gives every draft its final name; the placeholder is only looked up,
/// never taken apart.
struct DraftTypeStore {
    private var drafts: [DraftType] = []
    private var indexByKey: [DraftKey: Int] = [:]
    private var indexByPlaceholder: [String: Int] = [:]

    /// Whether a placeholder name stands for a draft.
    static func isPlaceholder(_ name: String) -> Bool { name.first == placeholderMarker }

    private static func placeholder(_ index: Int) -> String { "\(placeholderMarker)\(index)" }

    /// Adds a draft and returns its placeholder name; a draft made from the same key before is replaced.
    @discardableResult
    mutating func add(_ key: DraftKey, _ draft: DraftType) -> String {
        if let index = indexByKey[key] {
            drafts[index] = draft
            return Self.placeholder(index)
        }
        let index = drafts.count
        drafts.append(draft)
        indexByKey[key] = index
        indexByPlaceholder[Self.placeholder(index)] = index
        return Self.placeholder(index)
    }

    /// The placeholder name of the draft made from `key`, if there is one.
    func placeholder(of key: DraftKey) -> String? { indexByKey[key].map(Self.placeholder) }

    /// The draft made from `key`.
    subscript(key: DraftKey) -> DraftType? {
        get { indexByKey[key].map { drafts[$0] } }
        set {
            guard let index = indexByKey[key], let newValue else { return }
            drafts[index] = newValue
        }
    }

    /// The draft a placeholder name stands for.
    subscript(placeholder: String) -> DraftType? {
        get { indexByPlaceholder[placeholder].map { drafts[$0] } }
        set {
            guard let index = indexByPlaceholder[placeholder], let newValue else { return }
            drafts[index] = newValue
        }
    }

    /// Every draft with its placeholder name, in the order they were made.
    var all: [(placeholder: String, draft: DraftType)] {
        drafts.indices.map { (Self.placeholder($0), drafts[$0]) }
    }

    /// The placeholders of the drafts `isIncluded` accepts, in the order they were made.
    func placeholders(where isIncluded: (DraftType) -> Bool) -> [String] {
        drafts.indices.filter { isIncluded(drafts[$0]) }.map(Self.placeholder)
    }
}
