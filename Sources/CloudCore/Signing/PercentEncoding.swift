/// Percent-encoding as the Huawei Cloud signer does it: only `A-Z a-z 0-9 - _ . ~` stay literal, every other
/// UTF-8 byte becomes `%XX` with upper-case hex digits.
enum PercentEncoding {
    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Calls `write` with the encoded form of `bytes`, byte by byte (into an array, a ``ByteWriter``).
    @inline(__always)
    static func encode(_ bytes: some Sequence<UInt8>, _ write: (UInt8) -> Void) {
        for byte in bytes {
            if isUnreserved(byte) {
                write(byte)
            } else {
                write(UInt8(ascii: "%"))
                write(upperHexDigit(byte >> 4))
                write(upperHexDigit(byte & 0x0F))
            }
        }
    }

    @inline(__always)
    private static func upperHexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    /// Decodes `%XX` sequences; malformed sequences are kept literally.
    static func decode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                if first != bytes.endIndex, let high = HexEncoding.value(of: bytes[first]) {
                    let second = bytes.index(after: first)
                    if second != bytes.endIndex, let low = HexEncoding.value(of: bytes[second]) {
                        output.append(high << 4 | low)
                        index = bytes.index(after: second)
                        continue
                    }
                }
            }
            output.append(byte)
            index = bytes.index(after: index)
        }
        return output
    }
}
