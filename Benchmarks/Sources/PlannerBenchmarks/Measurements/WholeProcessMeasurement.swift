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
        let childrenBefore = Self.waitedChildrenCPU()
        let stopwatch = Stopwatch()
        let status = try NativeCalls.spawnAndWait(command, environment: environment, discardingOutput: true)
        let wall = stopwatch.elapsed().wall
        // The CPU column is the child's own user + system time, every thread (what it cost),
        // not this process's time spent spawning and waiting.
        let cpu = Self.waitedChildrenCPU() - childrenBefore
        if let state { SystemError.removeTree(state) }
        guard status == 0 else {
            throw BenchmarkFailure("`\(arguments.joined(separator: " "))` ended with wait status \(status)")
        }
        return Timing(wall: wall, cpu: cpu)
    }

    /// User + system time of every child this process has waited for (`RUSAGE_CHILDREN`).
    private static func waitedChildrenCPU() -> Duration {
        var usage = rusage()
        guard getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 else { return .zero }
        let microseconds = Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000
            + Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
        return .microseconds(microseconds)
    }
}
