/// A value that can be sent as a query parameter.
///
/// Scalars produce one value; arrays produce one value per element, and the key is repeated.
public protocol QueryValue {
    /// The query string spellings of this value (unencoded), one per repetition of the key.
    var queryValues: [String] { get }
}

extension String: QueryValue {
    /// The string itself.
    public var queryValues: [String] { [self] }
}

extension Int: QueryValue {
    /// The decimal spelling.
    public var queryValues: [String] { [String(self)] }
}

extension Int32: QueryValue {
    /// The decimal spelling.
    public var queryValues: [String] { [String(self)] }
}

extension Int64: QueryValue {
    /// The decimal spelling.
    public var queryValues: [String] { [String(self)] }
}

extension Double: QueryValue {
    /// The shortest spelling that round-trips (`1.5`); whole numbers drop the fraction (`2`).
    public var queryValues: [String] {
        if rounded() == self, abs(self) < 1e15 { return [String(Int64(self))] }
        return [String(self)]
    }
}

extension Bool: QueryValue {
    /// `true` or `false`.
    public var queryValues: [String] { [self ? "true" : "false"] }
}

extension Array: QueryValue where Element: QueryValue {
    /// Every element's values, in order.
    public var queryValues: [String] { flatMap(\.queryValues) }
}

extension OpenEnum {
    /// The raw value.
    public var queryValues: [String] { [rawValue] }
}
