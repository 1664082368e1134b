/// Lower-case hexadecimal rendering of digests.
enum HexEncoding {
    /// The lower-case hex digit of `nibble` (0...15).
    @inline(__always)
    static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Appends the lower-case hex form of `bytes` to `output`.
    /// (Digests are read as one buffer: iterating one as a sequence copies it into an array first.)
    static func append(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        for byte in bytes {
            output.append(digit(byte >> 4))
            output.append(digit(byte & 0x0F))
        }
    }
}
