/// The publish hook alone, for the benchmarks (`scripts/benchmark --only live`): what recording a
/// selection adds for live subscribers, without the profiler and metrics around it.
extension TelemetryManager {
    /// Hands `record` to the live stream as `recordSelection` does (a copy is made only when
    /// somebody subscribes), and nothing else.
    @_spi(Benchmarks)
    public func publishSelection(_ record: borrowing SelectionRecord) {
        live.stream.publish(.selection(copy record))
    }
}
