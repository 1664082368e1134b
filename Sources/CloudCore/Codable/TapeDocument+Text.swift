import Foundation
import JSONValues

/// The text of a parsed document's numbers and strings: UTF-8 validated, escapes replaced.
extension TapeDocument {
    /// The JSON text of the number at `index`.
    func numberText(at index: Int, for type: Any.Type) throws -> String {
        let entry = tape[index]
        guard entry.kind == .number else { throw mismatch(type, at: index) }
        return String(decoding: tape.bytes[Int(entry.start)..<Int(entry.end)], as: UTF8.self)
    }

    func utf8String(_ range: Range<Int>, at index: Int) throws -> String {
        let text = tape.bytes.withUnsafeBufferPointer { bytes in
            String(validating: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        guard let text else { throw corrupted(at: index, "The string is not valid UTF-8.") }
        return text
    }

    /// The string with its escapes replaced; the parser checked their spelling, this checks surrogate pairs.
    func unescapedString(_ range: Range<Int>, at index: Int) throws -> String {
        let bytes = tape.bytes
        var text: [UInt8] = []
        text.reserveCapacity(range.count)
        var position = range.lowerBound
        while position < range.upperBound {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                text.append(byte)
                position += 1
                continue
            }
            let escape = bytes[position + 1]
            position += 2
            guard escape == UInt8(ascii: "u") else {
                text.append(JSONEscape.byte(for: escape))
                continue
            }
            var scalar = hexQuad(at: position)
            position += 4
            if position + 6 <= range.upperBound, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u"),
                let pair = JSONEscape.surrogatePair(scalar, hexQuad(at: position + 2))
            {
                scalar = pair
                position += 6
            }
            guard let unicode = Unicode.Scalar(scalar) else {
                let escape = "\\u" + String(scalar, radix: 16)
                throw corrupted(at: index, "The string holds an unpaired UTF-16 surrogate (\(escape)).")
            }
            UTF8.encode(unicode) { text.append($0) }
        }
        return try text.withUnsafeBufferPointer { buffer in
            guard let string = String(validating: buffer, as: UTF8.self) else {
                throw corrupted(at: index, "The string is not valid UTF-8.")
            }
            return string
        }
    }

    func hexQuad(at position: Int) -> UInt32 {
        tape.bytes[position..<position + 4].reduce(0) { $0 << 4 | UInt32(HexEncoding.value(of: $1) ?? 0) }
    }
}
