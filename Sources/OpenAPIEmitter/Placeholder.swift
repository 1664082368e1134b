import APISchema
import Foundation

// Placeholder until the OpenAPIEmitter stage lands; the signature is the contract the CLI codes against.
public enum OpenAPIEmitter {
    /// The OpenAPI 3.1 document for `schema`, as canonical JSON bytes (`SpecFiles.canonicalJSON`).
    public static func document(for schema: ServiceSchema) throws -> Data { Data() }
}
