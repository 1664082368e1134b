extension Duration {
    /// The duration in seconds, as every benchmark prints its figures.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The median and the 99th percentile of `times`, in seconds (0 for none).
func percentiles(_ times: [Duration]) -> (median: Double, p99: Double) {
    let sorted = times.map(\.inSeconds).sorted()
    guard !sorted.isEmpty else { return (0, 0) }
    return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
}
