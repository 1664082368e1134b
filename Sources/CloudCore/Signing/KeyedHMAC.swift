import Crypto

/// HMAC-SHA256 (RFC 2104) over swift-crypto's SHA-256, keyed once: the hash states after the key's inner and outer
/// pads are kept, and each code continues copies of them.
///
/// `HMAC<SHA256>` from swift-crypto computes the same codes (the tests compare the two); keyed once and copied, it goes
/// through its generic `DataProtocol` path on every update, which cost a signature more than the hashing itself.
struct KeyedHMAC: @unchecked Sendable {
    // SHA256 values hold their state in a class that is copied before it is changed (copy on write), so the stored
    // states are never changed by the copies that continue them: @unchecked for that reason only.
    private let inner: SHA256
    private let outer: SHA256

    init(key: some Collection<UInt8>) {
        var block = [UInt8](repeating: 0, count: SHA256.blockByteCount)
        if key.count > SHA256.blockByteCount {
            SHA256.hash(data: Array(key)).withUnsafeBytes { digest in
                block.withUnsafeMutableBytes { $0.copyMemory(from: digest) }
            }
        } else {
            block.replaceSubrange(0..<key.count, with: key)
        }
        defer { block.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        inner = Self.state(after: block, xoredWith: 0x36)
        outer = Self.state(after: block, xoredWith: 0x5C)
    }

    private static func state(after keyBlock: [UInt8], xoredWith pad: UInt8) -> SHA256 {
        var padded = keyBlock.map { $0 ^ pad }
        defer { padded.withUnsafeMutableBytes { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) } }
        var hash = SHA256()
        padded.withUnsafeBytes { hash.update(bufferPointer: $0) }
        return hash
    }

    /// The authentication code of `message`.
    func authenticationCode(for message: UnsafeRawBufferPointer) -> SHA256.Digest {
        var inner = self.inner
        inner.update(bufferPointer: message)
        var outer = self.outer
        inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
        return outer.finalize()
    }
}
