/// The cost of recording the current call phase around an in-process plan (so that a crash in
/// the plugin's `plan` is recorded, as a load's is by the load markers), against the bare
/// C-table call: target ≤ 1 µs added.
///
/// TODO(phase hook): not available yet. There is no phase marker in
/// `Sources/PlannerFactory/Loading/LoadMarkers.swift` and no csandbox function that records the
/// current in-process call phase (only `csandbox_marker_arm`/`_disarm`, around loads). Once it
/// exists, measure `PlannerInstance.plan` in-process with it (a `PlanCallMeasurement`) against
/// `TablePlanFloorMeasurement` and against the same plan with the hook off, and report the added
/// median with `.timeAtMost(.microseconds(1))`.
enum PhaseHookMeasurement {
    static let unavailableReason =
        "no in-process call-phase crash record exists yet (LoadMarkers has load markers only; csandbox has no phase function)"

    /// The report's row: not measured, and why.
    static func result() -> BenchmarkResult {
        BenchmarkResult(
            measurement: "in-process phase hook, added", size: nil, quantity: .unavailable(unavailableReason),
            target: .timeAtMost(.microseconds(1)),
            note: "TODO: not available: \(unavailableReason). Compare the in-process plan with the C-table floor above meanwhile")
    }
}
