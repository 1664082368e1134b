import Foundation
import Testing

@testable import APISchema

/// `spec/` files were written by Foundation's `JSONEncoder`; the generator's own encoder must write the same bytes
/// for every shape those files hold, or regenerating would rewrite every file.
@Suite("Canonical JSON")
struct CanonicalJSONTests {
    struct Sample: Encodable {
        var text = "quote \" backslash \\ slash / newline \n tab \t return \r bell \u{7} delete \u{7F} separator \u{2028} formfeed \u{C} backspace \u{8} é 日本 😀"
        var controls = (0..<32).map { String(UnicodeScalar(UInt8($0))) }.joined()
        var keys: [String: Int] = ["b": 1, "B": 2, "a": 3, "10": 4, "9": 5, "é": 6, "z": 7, "_": 8, "": 9, "aa": 10]
        var doubles: [Double] = [0, 1, -1, 1.5, 0.1, 1e-7, 1e21, 123_456_789.125, -0.0, 3.141592653589793, 1e300]
        var floats: [Float] = [0.1, 2, 1e-3]
        var integers: [Int64] = [.min, -1, 0, .max]
        var unsigned: [UInt8] = [0, 255]
        var flags = [true, false]
        var emptyArray: [Int] = []
        var emptyObject: [String: Int] = [:]
        var nested: [[String: [Int]]] = [["x": [], "y": [1, 2]], [:]]
        var optionalPresent: String? = "here"
        var optionalAbsent: String?
        var url = URL(string: "https://example.com/a/b?c=d")!
        var nothing = Nothing()
        var nulls = NullHolder()
    }

    /// A value that asks for no container.
    struct Nothing: Encodable {
        func encode(to encoder: any Encoder) throws {}
    }

    /// `nil` written explicitly, keyed, unkeyed and single.
    struct NullHolder: Encodable {
        enum Key: String, CodingKey { case keyed, list, single }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encodeNil(forKey: .keyed)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encodeNil()
            try list.encode("after")
            try container.encode(Optional<Int>.none, forKey: .single)
        }
    }

    @Test func writesWhatFoundationWrites() throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = try foundation.encode(Sample())
        let ours = try CanonicalJSONEncoder().encode(Sample())
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        // Top-level scalars and containers too.
        #expect(try CanonicalJSONEncoder().encode("a/b") == foundation.encode("a/b"))
        #expect(try CanonicalJSONEncoder().encode([Int]()) == foundation.encode([Int]()))
        #expect(try CanonicalJSONEncoder().encode(2.5) == foundation.encode(2.5))
    }

    @Test func rejectsNumbersJSONCannotHold() {
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try CanonicalJSONEncoder().encode(["x": Double.infinity]) }
    }

    @Test func canonicalJSONEndsWithANewline() throws {
        let data = try SpecFiles.canonicalJSON(["k": 1])
        #expect(String(decoding: data, as: UTF8.self) == "{\n  \"k\" : 1\n}\n")
    }
}
