/// One documented response.
public struct Response: Codable, Sendable, Hashable {
    /// HTTP status code (`200`, `201`, `204`).
    public var status: Int
    /// Body type, or `nil` when the page documents no body for this status.
    public var type: TypeRef?
    public var description: String
    /// The page's JSON examples of this response, in page order.
    public var examples: [Example]
    /// The response header fields the page documents for this status (`X-Subject-Token`, `Content-Range`), each a
    /// ``Parameter`` in ``Parameter/Location/header``; written to the schema only when there are some.
    public var headers: [Parameter]

    public init(
        status: Int, type: TypeRef? = nil, description: String = "", examples: [Example] = [],
        headers: [Parameter] = []
    ) {
        self.status = status
        self.type = type
        self.description = description
        self.examples = examples
        self.headers = headers
    }

    private enum CodingKeys: String, CodingKey {
        case status, type, description, examples, headers
    }

    /// Decodes a response; one committed before examples (or headers) were attached to responses has none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            status: try c.decode(Int.self, forKey: .status), type: try c.decodeIfPresent(TypeRef.self, forKey: .type),
            description: try c.decode(String.self, forKey: .description),
            examples: try c.decodeIfPresent([Example].self, forKey: .examples) ?? [],
            headers: try c.decodeIfPresent([Parameter].self, forKey: .headers) ?? [])
    }

    /// Encodes the response; `headers` only when the page documents some, so schemas of pages without any stay as
    /// they were.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encode(description, forKey: .description)
        try c.encode(examples, forKey: .examples)
        if !headers.isEmpty { try c.encode(headers, forKey: .headers) }
    }
}

/// A JSON example from a page, parsed once by the schema builder and attached to the request or the response it
/// illustrates. The emitters and the tests read it as a value; nothing parses its text again.
public struct Example: Codable, Sendable, Hashable {
    /// The heading or sentence that introduced the example.
    public var title: String
    /// The example's JSON.
    public var value: JSONValue

    public init(title: String = "", value: JSONValue) {
        self.title = title
        self.value = value
    }
}
