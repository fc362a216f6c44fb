#if canImport(Glibc)
import Glibc
#endif

/// One whole process, spawned and waited for (stdout on /dev/null): `factory rank --json
/// --no-probe … --limit 1` on a fresh state folder each sample, or the C floor process. The
/// state folder of a sample is removed after it, untimed.
final class WholeProcessMeasurement: Measurement {
    let arguments: [String]
    let environment: CStringArray
    /// Where each sample's fresh state folder goes (`<prefix>-<n>`), for processes that take one.
    let statePrefix: String?
    private var sampleNumber = 0

    init(arguments: [String], statePrefix: String?) {
        self.arguments = arguments
        self.statePrefix = statePrefix
        environment = CStringArray(["PATH=/usr/bin:/bin", "LANG=C.UTF-8"])
    }

    func sample() throws(BenchmarkFailure) -> Timing {
        sampleNumber += 1
        var arguments = self.arguments
        let state = statePrefix.map { "\($0)-\(sampleNumber)" }
        if let state { arguments += ["--state-dir", state] }
        let command = CStringArray(arguments)
        let stopwatch = Stopwatch()
        let status = try NativeCalls.spawnAndWait(command, environment: environment, discardingOutput: true)
        let timing = stopwatch.elapsed()
        if let state { SystemError.removeTree(state) }
        guard status == 0 else {
            throw BenchmarkFailure("`\(arguments.joined(separator: " "))` ended with wait status \(status)")
        }
        return timing
    }
}
