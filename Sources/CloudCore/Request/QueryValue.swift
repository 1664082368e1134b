/// A value that can be sent as a query parameter.
///
/// Scalars produce one value; arrays produce one value per element, and the key is repeated.
public protocol QueryValue {
    /// The query string spellings of this value (unencoded), one per repetition of the key.
    var queryValues: [String] { get }
    /// The numeric values behind ``queryValues``, one per spelling, or `nil` for non-numeric values. The official
    /// signers sort a key's typed values, so `[10, 9]` is signed as `9, 10` while `["10", "9"]` stays `10, 9`.
    var queryNumbers: [Double]? { get }
}

extension QueryValue {
    /// Not numeric: values sort by their spelling.
    public var queryNumbers: [Double]? { nil }
}

extension String: QueryValue {
    /// The string itself.
    public var queryValues: [String] { [self] }
}

extension Int: QueryValue {
    /// The decimal spelling.
    public var queryValues: [String] { [String(self)] }
    /// The number itself.
    public var queryNumbers: [Double]? { [Double(self)] }
}

extension Int32: QueryValue {
    /// The decimal spelling.
    public var queryValues: [String] { [String(self)] }
    /// The number itself.
    public var queryNumbers: [Double]? { [Double(self)] }
}

extension Int64: QueryValue {
    /// The decimal spelling.
    public var queryValues: [String] { [String(self)] }
    /// The number itself.
    public var queryNumbers: [Double]? { [Double(self)] }
}

extension Double: QueryValue {
    /// The shortest spelling that round-trips (`1.5`); whole numbers drop the fraction (`2`).
    public var queryValues: [String] {
        if rounded() == self, abs(self) < 1e15 { return [String(Int64(self))] }
        return [String(self)]
    }
    /// The number itself.
    public var queryNumbers: [Double]? { [self] }
}

extension Bool: QueryValue {
    /// `true` or `false`.
    public var queryValues: [String] { [self ? "true" : "false"] }
}

extension Array: QueryValue where Element: QueryValue {
    /// Every element's values, in order.
    public var queryValues: [String] { flatMap(\.queryValues) }
    /// Every element's numbers, when all elements are numeric.
    public var queryNumbers: [Double]? {
        var numbers: [Double] = []
        for element in self {
            guard let elementNumbers = element.queryNumbers else { return nil }
            numbers += elementNumbers
        }
        return numbers
    }
}

extension OpenEnum {
    /// The raw value.
    public var queryValues: [String] { [rawValue] }
}
