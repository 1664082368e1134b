/// The query parameters of an operation, in the order they were added.
///
/// Nil values are skipped; array values repeat the key. The signer sorts them canonically and the very
/// same canonical string is sent on the wire.
public struct QueryItems: Sendable, Hashable {
    /// One `name=value` pair before encoding.
    public struct Item: Sendable, Hashable {
        /// Parameter name.
        public var name: String
        /// Parameter value (unencoded).
        public var value: String
        /// The value as a number when it was appended as one; numbers order numerically within a key.
        public var number: Double?

        /// Creates a pair.
        public init(name: String, value: String, number: Double? = nil) {
            self.name = name
            self.value = value
            self.number = number
        }
    }

    /// The pairs, in insertion order.
    public private(set) var items: [Item] = []

    /// Creates an empty list.
    public init() {}

    /// Creates a list from pairs.
    public init(_ pairs: [(String, String)]) {
        items = pairs.map { Item(name: $0.0, value: $0.1) }
    }

    /// Adds a parameter; `nil` is skipped and arrays add one pair per element.
    public mutating func append(_ name: String, _ value: (some QueryValue)?) {
        guard let value else { return }
        add(name, value)
    }

    private mutating func add(_ name: String, _ value: any QueryValue) {
        let texts = value.queryValues
        let numbers = value.queryNumbers.flatMap { $0.count == texts.count ? $0 : nil }
        for (index, text) in texts.enumerated() {
            items.append(Item(name: name, value: text, number: numbers?[index]))
        }
    }

    /// Whether no parameter was added.
    public var isEmpty: Bool { items.isEmpty }
}

extension QueryItems: ExpressibleByDictionaryLiteral {
    /// Creates a list from `name: value` pairs, in their order: `["limit": limit, "marker": marker]`. As with
    /// ``append(_:_:)``, a `nil` value is skipped and an array adds one pair per element.
    public init(dictionaryLiteral elements: (String, (any QueryValue)?)...) {
        for (name, value) in elements {
            if let value { add(name, value) }
        }
    }
}
