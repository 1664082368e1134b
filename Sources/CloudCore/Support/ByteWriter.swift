/// Writes bytes into a buffer whose size was computed beforehand (a new string's storage, a stack buffer): one
/// allocation, no growth, no intermediate arrays. Writing past the end traps.
struct ByteWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    /// The bytes written so far.
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// The bytes written so far.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: buffer[..<count]) }

    mutating func write(_ bytes: some Collection<UInt8>) {
        count = buffer[count...].initialize(fromContentsOf: bytes)
    }

    mutating func write(_ text: StaticString) {
        text.withUTF8Buffer { write($0) }
    }

    /// Forgets the bytes written from `position` on.
    mutating func rewind(to position: Int) {
        precondition(position <= count)
        count = position
    }

    mutating func write(_ byte: UInt8) {
        buffer.initializeElement(at: count, to: byte)
        count += 1
    }

    /// Two lower-case hex digits per byte.
    mutating func writeHex(_ bytes: UnsafeRawBufferPointer) {
        HexEncoding.forEachDigit(of: bytes) { write($0) }
    }
}
