/// Writes a buffer larger than the caches a core keeps to itself, so that the work timed next finds its code and data
/// evicted: what SDK code meets when it resumes after a network wait (there, each step costs several times its
/// warm time, see `Benchmarks client`).
struct CacheEvictor {
    private var buffer = [UInt8](repeating: 0, count: 4 << 20)

    /// The median time of `work` in microseconds, each of `samples` runs right after evicting the caches.
    mutating func medianMicroseconds(samples: Int, _ work: () async throws -> Void) async rethrows -> Double {
        var times: [Duration] = []
        times.reserveCapacity(samples)
        for _ in 0..<samples {
            buffer.withUnsafeMutableBufferPointer { bytes in
                for index in stride(from: 0, to: bytes.count, by: 64) { bytes[index] &+= 1 }
            }
            let start = ContinuousClock.now
            try await work()
            times.append(ContinuousClock.now - start)
        }
        return percentiles(times).median * 1e6
    }
}
