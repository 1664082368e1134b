import Foundation
import Testing

@testable import CloudCore

@Suite("SigningVectorTests")
struct SigningVectorTests {
    struct Vector: Decodable {
        struct Expected: Decodable {
            let authorization: String
            let signed_uri: String
        }
        let name: String
        let method: String
        let host: String
        let path: String
        let query: [[JSONValue]]
        let headers: [String: String]
        let body: String?
        let ak: String
        let sk: String
        let date: String
        let expected: Expected
    }

    struct VectorFile: Decodable {
        let vectors: [Vector]
    }

    static func queryItems(_ pairs: [[JSONValue]]) -> QueryItems {
        var items = QueryItems()
        for pair in pairs where pair.count == 2 {
            guard case .string(let name) = pair[0] else { continue }
            append(pair[1], as: name, to: &items)
        }
        return items
    }

    static func append(_ value: JSONValue, as name: String, to items: inout QueryItems) {
        switch value {
        case .string(let text): items.append(name, text)
        case .integer(let number): items.append(name, Int64(number))
        case .bool(let flag): items.append(name, flag)
        case .double(let number): items.append(name, number)
        case .array(let elements): for element in elements { append(element, as: name, to: &items) }
        case .null, .object: break
        }
    }

    static func sign(_ vector: Vector) -> RequestSigner.Signature {
        sign(vector, with: RequestSigner(accessKey: vector.ak, secretKey: vector.sk))
    }

    static func sign(_ vector: Vector, with signer: RequestSigner) -> RequestSigner.Signature {
        var headers: [(name: String, value: String)] = vector.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        headers.append(("Host", vector.host))
        headers.append(("X-Sdk-Date", vector.date))
        return signer.sign(
            method: vector.method, path: vector.path, query: queryItems(vector.query), headers: headers,
            body: vector.body.map { Data($0.utf8) })
    }

    @Test("every vector signs to the expected Authorization and signed URI")
    func allVectors() throws {
        let path = ProcessInfo.processInfo.environment["SDK_SIGNING_VECTORS"]
        let url = path.map { URL(fileURLWithPath: $0) } ?? SharedData.url("vectors/sdk-hmac-sha256.json")
        guard let data = try? Data(contentsOf: url) else {
            Issue.record("signing vectors not found at \(url.path); set SDK_SIGNING_VECTORS or provide ../shared")
            return
        }
        let vectors = try JSONDecoder().decode(VectorFile.self, from: data).vectors
        var mismatches: [String] = []
        for vector in vectors {
            let signature = Self.sign(vector)
            if signature.authorization != vector.expected.authorization
                || signature.signedURI != vector.expected.signed_uri
            {
                mismatches.append(
                    "\(vector.name): got \(signature.signedURI) / \(signature.authorization)\n"
                        + "  expected \(vector.expected.signed_uri) / \(vector.expected.authorization)")
            }
        }
        print("signing vectors: \(vectors.count - mismatches.count)/\(vectors.count)")
        #expect(!vectors.isEmpty)
        #expect(mismatches.isEmpty, "first mismatches:\n\(mismatches.prefix(5).joined(separator: "\n"))")
    }

    @Test("one signer per key pair signs every vector of that pair, in any order, as a fresh signer would")
    func reusedSigners() throws {
        let url = ProcessInfo.processInfo.environment["SDK_SIGNING_VECTORS"].map { URL(fileURLWithPath: $0) }
            ?? SharedData.url("vectors/sdk-hmac-sha256.json")
        let vectors = try JSONDecoder().decode(VectorFile.self, from: Data(contentsOf: url)).vectors
        var signers: [String: RequestSigner] = [:]
        var mismatches: [String] = []
        // Forwards, then backwards: a signature that depended on the signer's earlier ones would differ.
        for vector in vectors + vectors.reversed() {
            let key = vector.ak + "\u{0}" + vector.sk
            let signer = signers[key] ?? RequestSigner(accessKey: vector.ak, secretKey: vector.sk)
            signers[key] = signer
            if Self.sign(vector, with: signer).authorization != vector.expected.authorization {
                mismatches.append(vector.name)
            }
        }
        #expect(signers.count < vectors.count, "the vectors share key pairs, so signers are reused")
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
