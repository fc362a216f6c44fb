/// The peak RSS of the CLI listing a plugin folder (`factory list --plugin-path FOLDER`, output
/// discarded), as `ru_maxrss` from the `peak-rss` helper's `wait4`; also the wall time of each run.
struct PeakMemoryMeasurement {
    /// The `peak-rss` helper and the `factory` CLI.
    let helper: String
    let factoryExecutable: String
    let folder: String
    let stateDirectory: String

    struct Outcome {
        var peakResidentBytes: [Int] = []
        var timings: [Timing] = []
    }

    func run(times: Int) throws(BenchmarkFailure) -> Outcome {
        var outcome = Outcome()
        let arguments = [factoryExecutable, "list", "--no-probe", "--plugin-path", folder]
        for _ in 0..<times {
            let start = ContinuousClock.now
            let usage = try NativeCalls.runMeasuringPeakRSS(
                helper: helper, arguments, environment: ["FACTORY_STATE_DIR=\(stateDirectory)"])
            let timing = Timing(wall: ContinuousClock.now - start, cpu: usage.cpuTime)
            guard usage.exitCode == 0 else {
                let how = usage.exitCode.map { "exited with \($0)" } ?? "was killed by a signal"
                throw BenchmarkFailure("`\(arguments.joined(separator: " "))` \(how)")
            }
            outcome.peakResidentBytes.append(usage.peakResidentBytes)
            outcome.timings.append(timing)
        }
        return outcome
    }
}
