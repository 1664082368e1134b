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
        var result = ""
        var remainder = path[...]
        // Searched as bytes: a Character search walks grapheme clusters, and this runs on every call.
        while let open = remainder.utf8.firstIndex(of: UInt8(ascii: "{")) {
            guard let close = remainder[open...].utf8.firstIndex(of: UInt8(ascii: "}")) else { break }
            result += remainder[..<open]
            let name = String(remainder[remainder.utf8.index(after: open)..<close])
            let value: String?
            if let given = pathParameters[name] {
                value = given
            } else if name == "project_id" {
                value = projectID
            } else {
                value = nil
            }
            guard let value else {
                throw ClientError("missing value for path parameter {\(name)} of \(operation)")
            }
            result += PercentEncoding.encode(value)
            remainder = remainder[remainder.utf8.index(after: close)...]
        }
        result += remainder
        return result
    }
}
