/// One thing to time: each call of `sample()` does the work once and returns the timing of the
/// timed part. Setup that is not to be timed happens inside `sample()` but outside the stopwatch.
protocol Measurement: AnyObject {
    /// How many operations one sample times; samples are divided by it (a batch of appends).
    var operationsPerSample: Int { get }
    /// Does the work once and returns the timing of the timed part.
    func sample() throws(BenchmarkFailure) -> Timing
}

extension Measurement {
    var operationsPerSample: Int { 1 }
}

/// Runs measurements in rounds, so each sees the same machine conditions as the others: every
/// round takes one sample of each, in order. The first `warmUp` rounds are thrown away.
enum Sampler {
    static func run(_ measurements: [any Measurement], warmUp: Int, rounds: Int) throws(BenchmarkFailure) -> [Samples] {
        var timings = [[Timing]](repeating: [], count: measurements.count)
        for round in 0..<(warmUp + rounds) {
            for (index, measurement) in measurements.enumerated() {
                let timing = try measurement.sample() / measurement.operationsPerSample
                if round >= warmUp { timings[index].append(timing) }
            }
        }
        return timings.map(Samples.init)
    }
}

/// Keeps the optimizer from discarding a value that is computed only to be timed.
@inline(never) @_optimize(none)
func blackHole<T>(_ value: T) {}
