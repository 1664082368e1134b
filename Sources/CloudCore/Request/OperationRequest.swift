import HTTPTypes

/// One call of a documented operation, as generated code describes it.
public struct OperationRequest: Sendable {
    /// Operation id, used in logs.
    public var operation: String
    /// HTTP method.
    public var method: HTTPRequest.Method
    /// Path template, e.g. `/v1/{project_id}/notebooks/{id}`.
    public var path: String
    /// Values for the template's placeholders (unencoded); `project_id` comes from the client when absent.
    public var pathParameters: [String: String]
    /// Query parameters.
    public var query: QueryItems
    /// Extra header fields.
    public var headers: [String: String]
    /// JSON body, encoded with `JSONEncoder` (generated `CodingKeys` carry the wire names); a `Data` body is
    /// sent as is with `Content-Type: application/octet-stream` (signed as `UNSIGNED-PAYLOAD`) unless
    /// `headers` names another content type.
    public var body: (any Encodable & Sendable)?

    /// Creates a request description.
    public init(
        operation: String, method: HTTPRequest.Method, path: String, pathParameters: [String: String] = [:],
        query: QueryItems = QueryItems(), headers: [String: String] = [:], body: (any Encodable & Sendable)? = nil
    ) {
        self.operation = operation
        self.method = method
        self.path = path
        self.pathParameters = pathParameters
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Replaces every `{name}` with the percent-encoded value; throws when a value is missing.
    func expandedPath(projectID: String?) throws -> String {
        var expanded: [UInt8] = []
        expanded.reserveCapacity(path.utf8.count + 64)
        var template = path
        // Read as bytes: this runs on every call, and a Character search walks grapheme clusters.
        try template.withUTF8 { template in
            var index = 0
            while index < template.count {
                guard template[index] == UInt8(ascii: "{"),
                    let close = template[index...].firstIndex(of: UInt8(ascii: "}"))
                else {
                    expanded.append(template[index])
                    index += 1
                    continue
                }
                let name = String(decoding: template[(index + 1)..<close], as: UTF8.self)
                guard let value = pathParameters[name] ?? (name == "project_id" ? projectID : nil) else {
                    throw ClientError("missing value for path parameter {\(name)} of \(operation)")
                }
                PercentEncoding.encode(value.utf8) { expanded.append($0) }
                index = close + 1
            }
        }
        return String(decoding: expanded, as: UTF8.self)
    }
}
