#if canImport(Glibc)
import Glibc
#endif

/// Wall time and CPU time of one timed part.
struct Timing {
    /// Elapsed time on the continuous clock.
    var wall: Duration
    /// CPU time of the whole process (every thread, user and system) over the same part. On a
    /// machine shared with other work it is steadier than wall time; for parallel work it exceeds it.
    var cpu: Duration

    static func / (timing: Timing, count: Int) -> Timing {
        Timing(wall: timing.wall / count, cpu: timing.cpu / count)
    }
}

/// Starts timing when made; `elapsed()` reads both clocks again.
///
/// ```swift
/// let stopwatch = Stopwatch()
/// work()
/// let timing = stopwatch.elapsed()
/// ```
struct Stopwatch {
    private let wallStart = ContinuousClock.now
    private let cpuStart = Stopwatch.processCPUTime()

    func elapsed() -> Timing {
        let cpu = Stopwatch.processCPUTime()
        let wall = ContinuousClock.now
        return Timing(wall: wall - wallStart, cpu: cpu - cpuStart)
    }

    /// `CLOCK_PROCESS_CPUTIME_ID`: nanosecond-precise, summed over the process's threads.
    private static func processCPUTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }

    /// Times `body`.
    static func measure(_ body: () throws(BenchmarkFailure) -> Void) throws(BenchmarkFailure) -> Timing {
        let stopwatch = Stopwatch()
        try body()
        return stopwatch.elapsed()
    }
}
