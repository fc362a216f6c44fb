/// The cost of the in-process crash guard (`CrashGuard`: `csandbox_marker_call_begin` and `_end`
/// around each call into the plugin, so a crash in `plan` is written to the instance's marker
/// with the call named): the same in-process plan with the guard and without it, timed in the
/// same rounds. An instance gets no guard when its load marker cannot be written, so the
/// unguarded instance comes from a factory whose state folder has a file where `loading/` goes.
/// Target: ≤ 1 µs added.
///
/// The figure is the per-round difference of the two medians; without the guard in the factory
/// (before `CrashGuard` existed) it reads about zero.
enum PhaseHookMeasurement {
    /// The report's rows: the unguarded plan, and what the guard adds, per round.
    static func results(guarded: PlanCallMeasurement, unguarded: PlanCallMeasurement, warmUp: Int) -> [BenchmarkResult] {
        let rounds = zip(guarded.calls, unguarded.calls).dropFirst(warmUp)
        let added = rounds.map { with, without in Samples(wallTimes: with).median - Samples(wallTimes: without).median }
        let unguardedCalls = Samples(wallTimes: unguarded.calls.dropFirst(warmUp).flatMap { $0 })
        return [
            BenchmarkResult(
                measurement: "plan, in-process, no crash guard", size: nil, quantity: .time(unguardedCalls),
                note: "the same in-process plan from a factory that could write no marker (a file where <state>/loading goes), so its instance has no CrashGuard"),
            BenchmarkResult(
                measurement: "  crash guard, added", size: nil, quantity: .time(Samples(wallTimes: added)),
                target: .timeAtMost(.microseconds(1)),
                note: "per round, the median in-process plan with the guard minus the median without it (csandbox_marker_call_begin/_end: two thread-local stores each, around the plugin's plan)"),
        ]
    }
}
