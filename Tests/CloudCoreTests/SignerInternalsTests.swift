import Crypto
import Foundation
import Testing
import TestSupport

@testable import CloudCore

/// The signer's parts that the vectors reach only by chance: the keyed HMAC against swift-crypto's, and the canonical
/// request, written into buffers sized beforehand, against a plain reading of its rules on inputs chosen to need the
/// most room (every byte encoded, repeated and dropped headers, whitespace to trim).
@Suite("SignerInternalsTests")
struct SignerInternalsTests {
    @Test("the keyed HMAC gives swift-crypto's HMAC-SHA256 for keys shorter than, as long as and longer than a block")
    func keyedHMACMatchesCrypto() {
        var random = SplitMix64(state: 7)
        for keyLength in [0, 1, 32, 63, 64, 65, 100, 200] {
            let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &random) }
            let keyed = KeyedHMAC(key: key)
            // One keyed value for every message: continuing copies of its states must leave them as they were.
            for messageLength in [0, 1, 55, 56, 63, 64, 65, 119, 300, 1000] {
                let message = (0..<messageLength).map { _ in UInt8.random(in: 0...255, using: &random) }
                let ours = message.withUnsafeBytes { Array(keyed.authenticationCode(for: $0)) }
                let theirs = Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
                #expect(ours == theirs, "key of \(keyLength) bytes, message of \(messageLength) bytes")
            }
        }
    }

    @Test("the canonical request follows its rules on inputs that need the most room", arguments: 0..<4)
    func canonicalRequestOnDemandingInputs(seed: UInt64) {
        var random = SplitMix64(state: seed)
        for _ in 0..<100 {
            let input = RandomRequest(using: &random)
            let canonical = RequestSigner.canonicalRequest(
                method: input.method, path: input.path, query: input.query, headers: input.headers, body: input.body,
                date: input.date)
            #expect(canonical == input.expectedCanonicalRequest, "\(input)")
        }
    }
}

/// A request whose parts are drawn from pieces that stress the canonical form, and that form written plainly.
private struct RandomRequest: CustomStringConvertible {
    var method: String
    var path: String
    var query = QueryItems()
    var headers: [(name: String, value: String)] = []
    var body: Data?
    var date = Date(timeIntervalSince1970: 1_700_000_000)

    init(using random: inout SplitMix64) {
        let pieces = ["a", "Z9", "-_.~", " ", "ä", "日本", "%", "%4", "%41", "%zz", "+", "=", "&", "{x}", "\u{1F600}"]
        func text(_ count: ClosedRange<Int>) -> String {
            (0..<Int.random(in: count, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        method = ["GET", "POST", "DELETE"].randomElement(using: &random)!
        path = (0..<Int.random(in: 0...4, using: &random)).map { _ in "/" + text(0...3) }.joined()
        if Bool.random(using: &random) { path += "/" }
        // Now and then a long list, as a query repeating a key for many values makes: sorted another way.
        let long = Int.random(in: 0..<8, using: &random) == 0
        for _ in 0..<Int.random(in: long ? 17...60 : 0...4, using: &random) {
            let name = ["limit", "name", "näme", "a b"].randomElement(using: &random)!
            if Bool.random(using: &random) {
                query.append(name, Int64.random(in: -20...20, using: &random))
            } else {
                query.append(name, text(0...3))
            }
        }
        let names = [
            "Host", "X-Project-Id", "x-project-id", "Content-Type", "content_type_extra", "X_Under", "Accept",
            "X-Sdk-Date", "X-Sdk-Content-Sha256",
        ]
        let values = ["v", "application/json", "text/plain", "  padded\t", "\u{3000}wide\u{1F}", " ", "ünï", ""]
        for _ in 0..<Int.random(in: long ? 17...30 : 0...6, using: &random) {
            headers.append((names.randomElement(using: &random)!, values.randomElement(using: &random)!))
        }
        if Bool.random(using: &random) { body = Data(text(0...5).utf8) }
    }

    var description: String { "\(method) \(path) query \(query.items) headers \(headers)" }

    /// The canonical request, from the rules in `RequestSigner`'s documentation, with strings and arrays.
    var expectedCanonicalRequest: String {
        let value = { (name: String) in headers.first { $0.name.lowercased() == name }?.value }
        var all = headers
        if value("x-sdk-date") == nil { all.append(("X-Sdk-Date", SigningDate.string(from: date))) }
        var payload = headers.last { $0.name.lowercased() == "x-sdk-content-sha256" }?.value
        if payload == nil, let type = value("content-type"), !type.contains("application/json") {
            payload = "UNSIGNED-PAYLOAD"
            all.append(("X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD"))
        }
        let fields = all.map { (name: $0.name.lowercased(), value: trimmed($0.value)) }
            .filter { !$0.name.contains("_") || $0.name.hasPrefix("content-type") }
            .sorted { ($0.name.utf8.lexicographicallyPrecedes($1.name.utf8)) || ($0.name == $1.name && $0.value.utf8.lexicographicallyPrecedes($1.value.utf8)) }
        var signedNames: [String] = []
        for field in fields where signedNames.last != field.name { signedNames.append(field.name) }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map {
            encoded(decoded(Array($0.utf8)))
        }
        var uri = segments.joined(separator: "/")
        if !uri.hasSuffix("/") { uri += "/" }
        let pairs = query.items.sorted { lhs, rhs in
            if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
            if let left = lhs.number, let right = rhs.number, left != right { return left < right }
            return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
        }
        let bodyDigest = SHA256.hash(data: body ?? Data()).map { String(format: "%02x", $0) }.joined()
        return [
            method, uri, pairs.map { encoded(Array($0.name.utf8)) + "=" + encoded(Array($0.value.utf8)) }.joined(separator: "&"),
            fields.map { "\($0.name):\($0.value)\n" }.joined(), signedNames.joined(separator: ";"),
            payload ?? bodyDigest,
        ].joined(separator: "\n")
    }

    private func trimmed(_ text: String) -> String {
        let isSpace = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value) }
        var scalars = Substring(text).unicodeScalars
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return String(scalars)
    }

    private func decoded(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let hex = Set("0123456789ABCDEFabcdef".utf8)
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, hex.contains(bytes[index + 1]),
                hex.contains(bytes[index + 2])
            {
                output.append(UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)!)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }

    private func encoded(_ bytes: [UInt8]) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~".utf8)
        return bytes.map { unreserved.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }
}
