/// Latency statistics per instantiation phase name (`probe`, `load`, `create` …).
///
/// Phases are few, so names are found by a linear scan of a small array: cheaper than hashing.
/// The first `maximumPhaseNames` distinct names are tracked; later new names are not, so a caller
/// inventing names cannot make the profiler grow without bound.
struct PhaseLatencies: Sendable {
    /// How many distinct phase names are tracked at most.
    static let maximumPhaseNames = 16

    private var names: [String] = []
    private var recorders: [LatencyRecorder] = []

    /// Records each phase's duration under its name.
    /// - Parameters:
    ///   - phases: the phases of one instantiation.
    ///   - isFailure: whether that instantiation failed (counted as a failure of each of its phases).
    /// - Returns: the sum of the phases' recorded nanoseconds, clamped like one duration.
    mutating func record(_ phases: [InstantiationRecord.Phase], isFailure: Bool) -> UInt64 {
        var total: UInt64 = 0
        for phase in phases {
            let nanoseconds = LatencyRecorder.clampedNanoseconds(phase.duration)
            total = Swift.min(total + nanoseconds, LatencyRecorder.highestTrackableNanoseconds)
            if let index = names.firstIndex(of: phase.name) {
                recorders[index].record(nanoseconds: nanoseconds, isFailure: isFailure)
            } else if names.count < Self.maximumPhaseNames {
                var recorder = LatencyRecorder()
                recorder.record(nanoseconds: nanoseconds, isFailure: isFailure)
                names.append(phase.name)
                recorders.append(recorder)
            }
        }
        return total
    }

    /// The statistics of each tracked phase name.
    mutating func summaries() -> [String: LatencySummary] {
        var result: [String: LatencySummary] = [:]
        for index in names.indices {
            result[names[index]] = recorders[index].summary()
        }
        return result
    }

    /// Forgets every phase.
    mutating func reset() {
        names.removeAll()
        recorders.removeAll()
    }
}
