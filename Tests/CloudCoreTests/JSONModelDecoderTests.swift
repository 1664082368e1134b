import Foundation
import Testing

@testable import CloudCore

/// `JSONModelDecoder` against Foundation's `JSONDecoder`: the same values from the same texts, the same errors at the
/// same coding paths, apart from its documented differences.
@Suite struct JSONModelDecoderTests {
    struct Kind: OpenEnum {
        let rawValue: String
        init(rawValue: String) { self.rawValue = rawValue }
    }

    struct Item: Codable, Equatable {
        var name: String
        var size: Int?
        var ratio: Double?
        var tags: [String]?
    }

    /// Every type a generated model uses, and those Foundation's decoder treats apart.
    struct Model: Codable, Equatable {
        var id: String
        var count: Int
        var flag: Bool?
        var small: Int8?
        var unsigned: UInt64?
        var wide: Int64?
        var single: Float?
        var kind: Kind?
        var items: [Item]?
        var labels: [String: String]?
        var matrix: [[Int]]?
        var any: JSONValue?
        var link: URL?
        var blob: Data?
        var amount: Decimal?
    }

    /// Both decoders' outcome for `json`: the value, or the error's case and coding path.
    enum Outcome: Equatable {
        case value(Model)
        case failure(String, path: String)

        init(_ decode: () throws -> Model) {
            do {
                self = .value(try decode())
            } catch let error as DecodingError {
                switch error {
                case .typeMismatch(_, let context): self = .failure("typeMismatch", path: context.codingPath.jsonPath)
                case .valueNotFound(_, let context): self = .failure("valueNotFound", path: context.codingPath.jsonPath)
                case .keyNotFound(let key, let context):
                    self = .failure("keyNotFound", path: (context.codingPath + [key]).jsonPath)
                case .dataCorrupted(let context): self = .failure("dataCorrupted", path: context.codingPath.jsonPath)
                @unknown default: self = .failure("\(error)", path: "")
                }
            } catch {
                self = .failure("\(type(of: error))", path: "")
            }
        }
    }

    static let texts = [
        #"{"id": "a", "count": 1}"#,
        #"  {"count": -0, "id": "", "flag": false, "small": -128, "unsigned": 18446744073709551615}  "#,
        #"{"id": "x", "count": 1.0, "wide": 1e2, "single": 0.1, "ratio": 3}"#,
        #"{"id": "x", "count": 2, "items": [{"name": "n", "size": 3, "ratio": 2.5e-3, "tags": ["a", "b"]}, {"name": "m"}]}"#,
        #"{"id": "x", "count": 2, "labels": {"a": "1", "b": "2", "": "empty"}, "matrix": [[1, 2], [], [3]]}"#,
        #"{"id": "x", "count": 2, "any": {"n": [1, 1.0, 1.5, -7, 1e300, "s", true, null, {}], "big": 18446744073709551616}}"#,
        #"{"id": "x", "count": 2, "kind": "not-documented", "link": "https://example.com/a?b=c", "blob": "AAEC"}"#,
        #"{"id": "x", "count": 2, "amount": 12.345, "flag": null, "items": null}"#,
        #"{"id": "\u00e9\ud83d\ude00\n\t\"\\\/\b\f\r", "count": 0}"#,
        #"{"id": "日本語 ü", "count": 0,}"#,
        #"{"id": "x", "count": 0, "matrix": [[1,],],}"#,
        #"{"id": "x", "count": 0, "id": "second"}"#,
        #"{"count": 0}"#,
        #"{"id": null, "count": 0}"#,
        #"{"id": 5, "count": 0}"#,
        #"{"id": "x", "count": "5"}"#,
        #"{"id": "x", "count": 0, "items": [{"name": "a"}, {"name": 1}]}"#,
        #"{"id": "x", "count": 0, "items": [{"name": "a"}, {}]}"#,
        #"{"id": "x", "count": 0, "items": {"name": "a"}}"#,
        #"{"id": "x", "count": 0, "labels": {"a": 1}}"#,
        #"{"id": "x", "count": 0, "matrix": [[1], [2, null]]}"#,
        #"{"id": "x", "count": 0, "blob": "not base64!"}"#,
        #"{"id": "x", "count": 0, "flag": 1}"#,
        #"{"id": "x", "count": 0, "kind": 3}"#,
        #"[{"id": "x", "count": 0}]"#,
        #""just a string""#,
        "null",
        "",
        #"{"id": "x", "count": 0"#,
        #"{"id": "x" "count": 0}"#,
        #"{"id": "x", "count": 01}"#,
        #"{"id": "x", "count": 1.}"#,
        #"{"id": "x", "count": -}"#,
        #"{"id": "x", "count": .5}"#,
        #"{"id": "x", "count": 0} trailing"#,
        #"{"id": "x", "count": 0, ,}"#,
        #"{"id": "x", "count": tru}"#,
        #"{"id": "a\qb", "count": 0}"#,
        #"{"id": "a\u12", "count": 0}"#,
        "{\"id\": \"a\u{1}b\", \"count\": 0}",
        "{\"id\": \"unterminated, \"count\": 0}",
        #"{id: "x", "count": 0}"#,
        #"[1, 2"#,
    ]

    @Test(arguments: texts)
    func decodesAsFoundationDoes(json: String) {
        let data = Data(json.utf8)
        let ours = Outcome { try JSONModelDecoder().decode(Model.self, from: data) }
        let foundation = Outcome { try JSONDecoder().decode(Model.self, from: data) }
        #expect(ours == foundation, "\(json)")
    }

    @Test func readsAnyValueAsFoundationDoes() throws {
        for json in Self.texts {
            let data = Data(json.utf8)
            let ours = try? JSONModelDecoder().decode(JSONValue.self, from: data)
            let foundation = try? JSONDecoder().decode(JSONValue.self, from: data)
            #expect(ours == foundation, "\(json)")
        }
        let mixed = try JSONModelDecoder().decode(JSONValue.self, from: Data(#"[1, 1.0, 2.5, 9223372036854775808]"#.utf8))
        #expect(mixed == .array([.integer(1), .integer(1), .double(2.5), .double(9_223_372_036_854_775_808)]))
    }

    /// Where it says it differs from Foundation's decoder.
    @Test func numbersThatDoNotFitAreReportedWhereTheyAre() throws {
        for (json, expected) in [
            (#"{"id": "x", "count": 1.5}"#, "Parsed JSON number <1.5> does not fit in Int."),
            (#"{"id": "x", "count": 0, "small": 128}"#, "Parsed JSON number <128> does not fit in Int8."),
            (#"{"id": "x", "count": 0, "unsigned": -1}"#, "Parsed JSON number <-1> does not fit in UInt64."),
            (#"{"id": "x", "count": 0, "any": 1e400}"#, "Parsed JSON number <1e400> does not fit in Double."),
        ] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(Model.self, from: Data(json.utf8)) }
            do {
                _ = try JSONModelDecoder().decode(Model.self, from: Data(json.utf8))
                Issue.record("\(json) decoded")
            } catch DecodingError.dataCorrupted(let context) {
                #expect(context.debugDescription == expected)
                #expect(!context.codingPath.isEmpty)
            }
        }
    }

    @Test func textThatIsNotJSONIsReportedAtItsOffset() {
        for (json, expected) in [
            (#"{"id": "x", "count": 01}"#, "unexpected `1`, expected `,` or `}` at offset 22"),
            (#"{"id": "a\qb"}"#, "unknown escape `q` at offset 10"),
            ("{\"id\": \"a\u{1}b\"}", "control character U+01 in a string at offset 9"),
            (#"{"id": "x""#, "unexpected end of text at offset 10"),
            (#"{"id": "\ud800"}"#, nil),
        ] {
            do {
                _ = try JSONModelDecoder().decode([String: String].self, from: Data(json.utf8))
                Issue.record("\(json) decoded")
            } catch DecodingError.dataCorrupted(let context) {
                if let expected {
                    #expect(context.debugDescription == "The given data was not valid JSON: \(expected).")
                } else {
                    #expect(context.debugDescription.contains("unpaired UTF-16 surrogate"))
                    #expect(context.codingPath.jsonPath == "id")
                }
            } catch {
                Issue.record("\(json): \(error)")
            }
        }
    }

    @Test func deepNestingIsRefusedNotOverflowed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: DecodingError.self) { try JSONModelDecoder().decode(JSONValue.self, from: Data(deep.utf8)) }
        let allowed = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: Never.self) { try JSONModelDecoder().decode(JSONValue.self, from: Data(allowed.utf8)) }
    }

    /// Fields read in another order than the text's, the same field twice, and every kind of container.
    struct Probe: Decodable {
        var keys: [String]
        var nested: Int
        var elements: [String]
        var fromSuper: String
        var sawNull: Bool
        var pastEnd: Bool

        enum Keys: String, CodingKey { case a, b, c, d, e, `super` }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            keys = container.allKeys.map(\.stringValue)
            let inner = try container.nestedContainer(keyedBy: Keys.self, forKey: .c)
            nested = try inner.decode(Int.self, forKey: .a) + container.decode(Int.self, forKey: .a)
            var list = try container.nestedUnkeyedContainer(forKey: .b)
            sawNull = try list.decodeNil()
            elements = []
            while !list.isAtEnd { elements.append(try list.decode(String.self)) }
            pastEnd = (try? list.decode(String.self)) == nil
            fromSuper = try String(from: container.superDecoder())
            #expect(try container.decode(Int.self, forKey: .a) == 1, "read again")
            #expect(!container.contains(.d) && container.contains(.e))
            #expect(try container.decodeNil(forKey: .e))
            #expect(container.codingPath.isEmpty && inner.codingPath.jsonPath == "c")
        }
    }

    @Test func containersWorkInAnyOrder() throws {
        let json = #"{"e": null, "c": {"x": [1], "a": 41}, "b": [null, "p", "q"], "a": 1, "super": "s", "z": 0}"#
        let probe = try JSONModelDecoder().decode(Probe.self, from: Data(json.utf8))
        #expect(probe.keys == ["e", "c", "b", "a", "super"])  // `z` is not a key of `Keys`
        #expect(probe.nested == 42)
        #expect(probe.elements == ["p", "q"] && probe.sawNull && probe.pastEnd)
        #expect(probe.fromSuper == "s")
    }

    /// The lenient reading `otc --body` uses: scalars as the pages' examples spell them, each read as its field's
    /// type; what spells no value of the type still fails at its path, and the default reading stays exact.
    @Test func lenientScalarsReadTheExamplesSpellings() throws {
        let text = Data(#"{"id": 42, "count": "7", "flag": "False", "wide": " 9 ", "single": "1.5", "items": [{"name": true, "size": "3", "ratio": "0.25"}]}"#.utf8)
        let model = try JSONModelDecoder(scalars: .lenient).decode(Model.self, from: text)
        #expect(model.id == "42" && model.count == 7 && model.flag == false && model.wide == 9 && model.single == 1.5)
        #expect(model.items == [Item(name: "true", size: 3, ratio: 0.25)])
        #expect(Outcome { try JSONModelDecoder().decode(Model.self, from: text) } == .failure("typeMismatch", path: "id"))
        let wrong = Data(#"{"id": "a", "count": "seven"}"#.utf8)
        #expect(Outcome { try JSONModelDecoder(scalars: .lenient).decode(Model.self, from: wrong) } == .failure("dataCorrupted", path: "count"))
        let tooBig = Data(#"{"id": "a", "count": 1, "small": "300"}"#.utf8)
        #expect(Outcome { try JSONModelDecoder(scalars: .lenient).decode(Model.self, from: tooBig) } == .failure("dataCorrupted", path: "small"))
    }

    /// How the SDK reads responses: a number or boolean field takes its value spelt as a string (what the generated
    /// models' synthesized decoding relies on), but a string field still takes only a string.
    @Test func quotedNumbersReadNumbersAndBooleansSentAsStrings() throws {
        let text = Data(#"{"id": "a", "count": "7", "flag": "true", "wide": " 9 ", "items": [{"name": "n", "size": "3"}]}"#.utf8)
        let model = try JSONModelDecoder(scalars: .quotedNumbers).decode(Model.self, from: text)
        #expect(model.count == 7 && model.flag == true && model.wide == 9 && model.items == [Item(name: "n", size: 3)])
        let numberForString = Data(#"{"id": 42, "count": 1}"#.utf8)
        #expect(Outcome { try JSONModelDecoder(scalars: .quotedNumbers).decode(Model.self, from: numberForString) } == .failure("typeMismatch", path: "id"))
        let wrong = Data(#"{"id": "a", "count": "seven"}"#.utf8)
        #expect(Outcome { try JSONModelDecoder(scalars: .quotedNumbers).decode(Model.self, from: wrong) } == .failure("dataCorrupted", path: "count"))
    }
}
