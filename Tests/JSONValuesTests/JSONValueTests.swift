import Foundation
import JSONValues
import Testing

/// The one JSON value type the generator and the runtime share (issue #27): its strict parser and its `Codable`.
struct JSONValueTests {
    @Test func theParserForgivesATrailingCommaAndNothingElse() {
        #expect(JSONValue.parse(#"{"a": [1, 2,], "b": {"c": null,},}"#) == ["a": [1, 2], "b": ["c": nil]])
        #expect(JSONValue.parse(" [ ] ") == [])
        let rejected = ["[1,,2]", "[,]", "{,}", #"{"a": 1,,}"#, "[1 2]", "{\"a\": \"tab\there\"}", #"{"a": ...}"#, "[...]"]
        for text in rejected {
            #expect(JSONValue.parse(text) == nil, "\(text)")
        }
        #expect(JSONValue.parse(#"{"a": 1} x"#) == Optional<JSONValue>.none, "nothing may follow the value")
        #expect(JSONValue.parse("{\"a\": 1}\nOr\n{\"a\": 2}") == Optional<JSONValue>.none, "nor a second one")
    }

    @Test func theParserKeepsIntegersAndDecimalsApart() {
        #expect(JSONValue.parse("1.0") == .double(1), "a decimal stays a decimal")
        #expect(JSONValue.parse("1") == .integer(1))
        #expect(JSONValue.parse("-2e3") == .double(-2000))
        #expect(JSONValue.parse("9223372036854775808") == .double(9_223_372_036_854_775_808), "past Int64: a decimal")
    }

    @Test func theParserReadsEscapes() {
        #expect(JSONValue.parse(#"["\u00e9\n\"\/", true, false]"#) == ["é\n\"/", true, false])
        #expect(JSONValue.parse(#""\ud83d\ude00 \u0041""#) == "😀 A", "a surrogate pair is one character")
        #expect(JSONValue.parse(#""\ud83d""#) == nil && JSONValue.parse(#""\ud83d\u0041""#) == nil)
        #expect(JSONValue.parse(#""\u00g1""#) == nil && JSONValue.parse(#""\u+0a1""#) == nil)
        #expect(JSONValue.parse(#""C:\Data""#) == "C:Data", "an escape JSON does not define is its letter")
    }

    @Test func codableRoundTripKeepsIntegersExact() throws {
        let text = #"{"a":3,"b":3.5,"c":[true,null,"x"],"d":{"e":-9007199254740993}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        #expect(value["a"] == .integer(3))
        #expect(value["b"] == .double(3.5))
        #expect(value["d"]?["e"] == .integer(-9_007_199_254_740_993))
        #expect(value == JSONValue.parse(text), "the parser and Decodable agree")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(value), as: UTF8.self) == text)
        let literal: JSONValue = ["k": [1, 2.5, "s", true, nil]]
        #expect(literal["k"] == .array([.integer(1), .double(2.5), .string("s"), .bool(true), .null]))
        #expect(literal["k"]?["x"] == nil && JSONValue.string("s").stringValue == "s" && literal.stringValue == nil)
    }

    /// What only `parse` keeps: Foundation writes a whole decimal without its fraction and reads it as an integer.
    @Test func decodableReadsAWholeDecimalAsAnInteger() throws {
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data("1.0".utf8)) == .integer(1))
        #expect(String(decoding: try JSONEncoder().encode(JSONValue.double(1)), as: UTF8.self) == "1")
    }
}
