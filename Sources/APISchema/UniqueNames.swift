/// The one allocator of unique names: the schema's operation ids, type names and group names, and the Swift
/// emitter's identifiers. A taken name gets a counter (`Base2`, `Base3`, …) until it is free, so a fixed order of
/// requests gives fixed names.
public struct UniqueNames: Sendable {
    public private(set) var used: Set<String>

    public init(reserved: Set<String> = []) { used = reserved }

    public func contains(_ name: String) -> Bool { used.contains(name) }

    /// Marks `name` as taken.
    public mutating func insert(_ name: String) { used.insert(name) }

    /// `base` if it is free, else the first free `base2`, `base3`, …; a name `isReserved` rejects counts as taken.
    /// The result is marked as taken.
    public mutating func claim(_ base: String, isReserved: (String) -> Bool = { _ in false }) -> String {
        var name = base
        var counter = 2
        while used.contains(name) || isReserved(name) {
            name = base + "\(counter)"
            counter += 1
        }
        used.insert(name)
        return name
    }
}
