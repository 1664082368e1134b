import JSONValues

/// An arbitrary JSON value, for fields the documentation describes only as "object" or "any": the `JSONValues`
/// module's type, which the generator also reads the documentation's examples into.
///
/// A type alias rather than `@_exported import JSONValues`: the documentation plugin leaves re-exported symbols out,
/// and `import CloudCore` (or a service module, which re-exports CloudCore) stays all a program needs either way.
public typealias JSONValue = JSONValues.JSONValue
