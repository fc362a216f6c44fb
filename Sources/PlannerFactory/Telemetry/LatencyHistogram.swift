/// A log-linear histogram of nanosecond latencies with three significant digits, the layout of
/// an HDR histogram (2,048 linear sub-buckets, doubling buckets up to an hour), specialized for
/// the telemetry hot path: recording is a leading-zero count, a shift and an increment.
///
/// Every value is counted in a bucket whose width is at most 1/1024 of its lowest value, so a
/// percentile read from it is within 0.1% of the true one.
struct LatencyHistogram: Sendable {
    /// Linear sub-buckets per bucket: values below this are counted exactly.
    private static let subBucketCount = 2048
    private static let halfMagnitude = 10  // log2(subBucketCount / 2)
    /// Enough buckets for `LatencyRecorder.highestTrackableNanoseconds` (< 2^42).
    private static let slotCount = (42 - halfMagnitude) * (subBucketCount / 2) + subBucketCount / 2

    /// Made at the first value: a factory that records nothing (most one-shot commands) does not
    /// zero 270 KB for each of its histograms.
    private var counts: [UInt64] = []
    /// How many values were recorded.
    private(set) var totalCount: UInt64 = 0

    /// Counts one value (at most `LatencyRecorder.highestTrackableNanoseconds`).
    @inline(__always)
    mutating func record(_ value: UInt64) {
        if counts.isEmpty { counts = [UInt64](repeating: 0, count: Self.slotCount) }
        let slot = Swift.min(Self.slot(of: value), Self.slotCount - 1)
        counts.withUnsafeMutableBufferPointer { $0[slot] &+= 1 }
        totalCount &+= 1
    }

    /// The slot of a value: bucket `b` holds values of magnitude `b + 10` in 1,024 linear steps.
    @inline(__always)
    static func slot(of value: UInt64) -> Int {
        let magnitude = 63 - (value | UInt64(subBucketCount - 1)).leadingZeroBitCount  // ≥ 10
        let bucket = magnitude - halfMagnitude
        return (bucket << halfMagnitude) + Int(truncatingIfNeeded: value >> UInt64(bucket))
    }

    /// The highest value counted in `slot` (values in one slot are equivalent).
    static func highestValue(inSlot slot: Int) -> UInt64 {
        let bucket = slot < subBucketCount ? 0 : (slot >> halfMagnitude) - 1
        let subBucket = UInt64(slot - (bucket << halfMagnitude))
        return (subBucket << UInt64(bucket)) + (1 << UInt64(bucket)) - 1
    }

    /// For each rank (1-based, ascending), the highest value equivalent to the value of that rank,
    /// in one pass over the slots.
    func values(atRanks ranks: [UInt64]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(ranks.count)
        var reached: UInt64 = 0
        var next = 0
        for slot in counts.indices where counts[slot] > 0 {
            reached += counts[slot]
            while next < ranks.count, reached >= ranks[next] {
                result.append(Self.highestValue(inSlot: slot))
                next += 1
            }
            if next == ranks.count { break }
        }
        return result
    }

    /// Forgets every value, keeping the storage.
    mutating func reset() {
        counts.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        totalCount = 0
    }
}
