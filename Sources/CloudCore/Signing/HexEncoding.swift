/// Hexadecimal digits: lower-case rendering of digests (read as one buffer: iterating a digest as a sequence copies it
/// into an array first), and the value of one digit, for percent escapes and JSON's `\u` escapes.
enum HexEncoding {
    /// The value of the hex digit `byte` (either case), or nil.
    static func value(of byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// Calls `write` with the two lower-case hex digits of each byte of `bytes`, in order.
    @inline(__always)
    static func forEachDigit(of bytes: UnsafeRawBufferPointer, _ write: (UInt8) -> Void) {
        for byte in bytes {
            write(digit(byte >> 4))
            write(digit(byte & 0x0F))
        }
    }

    @inline(__always)
    private static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }
}
