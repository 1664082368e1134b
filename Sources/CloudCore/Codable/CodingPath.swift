extension Array where Element == any CodingKey {
    /// The path as JSON paths are written in messages: `server.addresses[0].addr` (empty for the root).
    public var jsonPath: String {
        var text = ""
        for key in self {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }
}
