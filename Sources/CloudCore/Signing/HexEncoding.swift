/// Lower-case hexadecimal rendering of digests (read as one buffer: iterating a digest as a sequence copies it into
/// an array first).
enum HexEncoding {
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
