extension Duration {
    /// This duration in microseconds, as JSON snapshots report durations.
    public var microseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
    }

    /// This duration in whole nanoseconds, clamped to `0...limit`: what a latency histogram records.
    ///
    /// On the hot path of every record: durations under 9 s take 64-bit arithmetic only.
    @inline(__always)
    func nanoseconds(clampedTo limit: UInt64) -> UInt64 {
        let attoseconds = self.attoseconds
        if let small = Int64(exactly: attoseconds) {
            guard small > 0 else { return 0 }
            return Swift.min(UInt64(small / 1_000_000_000), limit)
        }
        guard attoseconds > 0 else { return 0 }
        return UInt64(exactly: attoseconds / 1_000_000_000).map { Swift.min($0, limit) } ?? limit
    }
}
