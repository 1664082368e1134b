extension ServiceClient {
    /// Sends, decodes the JSON body of the 2xx response as ``send(_:as:)`` does, and returns it with the response's
    /// header fields: what an operation whose page documents response headers (an IAM token's `X-Subject-Token`)
    /// reads its output from.
    public func sendReturningHeaders<Output: Decodable & Sendable>(
        _ request: OperationRequest, as: Output.Type
    ) async throws -> (body: Output, headers: ResponseHeaders) {
        let response = try await execute(request)
        return (try Self.decode(Output.self, from: response, of: request), ResponseHeaders(response.head.headerFields))
    }

    /// Sends, ignores the response body, and returns the response's header fields (an operation documented with
    /// response headers and no body).
    public func sendReturningHeaders(_ request: OperationRequest) async throws -> ResponseHeaders {
        ResponseHeaders(try await execute(request).head.headerFields)
    }
}
