import PlannerFactory

/// The environment every spawn of the probe benchmarks gets: the probe's own (see `ProbeRunner`).
let probeEnvironment = ["PATH=/usr/bin:/bin", "LC_ALL=C"]

/// A bare spawn-and-wait from C: `posix_spawn` and `waitpid` of a program, nothing read from it.
/// With `/bin/true` it is the floor of a probe; with `factory-probe` and a library it is the
/// probe's own cost without the sandbox around it.
final class SpawnMeasurement: Measurement {
    let arguments: CStringArray
    let environment = CStringArray(probeEnvironment)
    let discardsOutput: Bool

    init(_ arguments: [String], discardingOutput: Bool) {
        self.arguments = CStringArray(arguments)
        discardsOutput = discardingOutput
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        var status: Int32 = 0
        let timing = try Stopwatch.measure { () throws(BenchmarkFailure) in
            status = try NativeCalls.spawnAndWait(arguments, environment: environment, discardingOutput: discardsOutput)
        }
        guard status == 0 else {
            throw BenchmarkFailure("`\(arguments.strings.joined(separator: " "))` ended with wait status \(status)")
        }
        return timing
    }
}

/// `ProbeRunner.probe`: the sandbox's path (`csandbox_run`: a new session, default signal
/// dispositions, no inherited descriptors, a pidfd and poll for the exit and the output pipe, a
/// deadline) and the report parsed. With `/bin/true` as the "probe" it measures that path around a
/// child that does nothing (and reports no outcome); with `factory-probe`, a real probe that must pass.
final class ProbeRunnerMeasurement: Measurement {
    let runner: ProbeRunner
    let library: String
    let expectsReport: Bool

    init(probePath: String, library: String, expectsReport: Bool) {
        runner = ProbeRunner(probePath: probePath, timeout: .seconds(10))
        self.library = library
        self.expectsReport = expectsReport
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        let stopwatch = Stopwatch()
        let outcome = runner.probe(library)
        let timing = stopwatch.elapsed()
        switch outcome {
        case .passed where expectsReport:
            return timing
        case .probeUnavailable(let detail) where !expectsReport && detail.contains("exited with code 0 without a report"):
            return timing
        default:
            throw BenchmarkFailure("\(runner.probePath) on \(library): \(outcome.reason)")
        }
    }
}
