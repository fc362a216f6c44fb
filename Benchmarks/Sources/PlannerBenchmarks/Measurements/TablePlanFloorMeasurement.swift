/// The floor of an in-process plan: the plugin's `plan` and `free_string` called straight through
/// its C table from C (no JSON built or parsed on this side, no lock, no telemetry), each call
/// timed in C. One sample is a batch on a fresh instance of the library (loaded once).
final class TablePlanFloorMeasurement: Measurement {
    let library: String
    let configuration: String
    let objective: String
    let batch: Int
    var operationsPerSample: Int { batch }
    /// Per sample (warm-up included): each call's wall time.
    private(set) var calls: [[Duration]] = []

    init(library: String, configuration: String, objective: String, batch: Int) {
        self.library = library
        self.configuration = configuration
        self.objective = objective
        self.batch = batch
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        var times: [Duration] = []
        let timing = try Stopwatch.measure { () throws(BenchmarkFailure) in
            times = try NativeCalls.tablePlanCalls(library: library, configuration: configuration, objective: objective, count: batch)
        }
        calls.append(times)
        return timing
    }
}
