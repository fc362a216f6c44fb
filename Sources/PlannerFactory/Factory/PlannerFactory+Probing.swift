import PlannerKit

/// What `probePending()` did.
public struct ProbeSummary: Sendable {
    /// How many plugins were probed, and how many of them became active (probe passed and the
    /// descriptor agrees with the manifest).
    public var probed: Int
    public var passed: Int
    /// Problems that did not stop probing (results that could not be saved, no probe helper).
    public var warnings: [String]
    /// How long it took.
    public var duration: Duration
}

extension PlannerFactory {
    /// Sets the status of every dylib plugin from its probe record: `active` when its probe passed
    /// and its descriptor agrees with its manifest, `quarantined` (reason and time) when not,
    /// `pending` when it has not been probed for its current fingerprint. With the sandbox off,
    /// plugins stay `active` unprobed.
    static func applyProbeStatuses(_ state: inout State) {
        guard state.isSandboxEnabled else { return }
        for index in state.records.indices where state.records[index].kind == .dylib && state.records[index].status == .active {
            let record = state.records[index]
            guard let fingerprint = record.fingerprint, let probe = state.probeRecords[fingerprint] else {
                state.records[index].status = .pending
                state.records[index].reason = "waiting for its sandbox probe"
                continue
            }
            var reason = probe.reason
            if probe.isPassed {
                let check = PluginValidator.descriptorCheck(probe.descriptor ?? "", against: record)
                if check.passed == true { continue }
                reason = "its descriptor contradicts its manifest: \(check.detail)"
            }
            state.records[index].status = .quarantined
            state.records[index].reason = reason ?? "its probe failed"
            state.records[index].quarantinedSince = probe.timestamp
        }
    }

    /// Probes every `pending` plugin in the sandbox — several at once, bounded by the cores — with
    /// the configured deadline, saves the results in the state folder, and makes each plugin
    /// `active` or `quarantined`. Plugin code runs only in the probe's child processes.
    @discardableResult
    public func probePending() -> ProbeSummary {
        let start = ContinuousClock.now
        let pending = state.withLock { state in
            state.records.filter { $0.status == .pending }.compactMap { record -> (String, String, Fingerprint, String)? in
                guard let path = record.path, let library = record.library, let fingerprint = record.fingerprint else { return nil }
                return (path + "/" + library, record.name, fingerprint, path)
            }
        }
        guard !pending.isEmpty else { return ProbeSummary(probed: 0, passed: 0, warnings: [], duration: .zero) }
        let probePath: String
        do {
            probePath = try ProbeLocator.locate(configuration)
        } catch {
            return ProbeSummary(probed: 0, passed: 0, warnings: [error.message + " Plugins stay pending."], duration: ContinuousClock.now - start)
        }
        let runner = ProbeRunner(probePath: probePath, timeout: configuration.sandboxTimeout)
        let outcomes: [ProbeOutcome] = parallelMap(count: pending.count, minimumParallelCount: 2) { runner.probe(pending[$0].0) }
        let now = WallClock.now()
        var results: [Fingerprint: ProbeRecord] = [:]
        for (item, outcome) in zip(pending, outcomes) {
            results[item.2] = ProbeRecord(planner: item.1, outcome: outcome, timestamp: now)
        }
        var warnings: [String] = []
        do {
            warnings += try ProbeStore(directory: configuration.stateDirectory).update(storing: results)
        } catch {
            warnings.append("Probe results could not be saved, so they will be probed again next time: \(error.message)")
        }
        let (dropped, activated) = state.withLock { state -> ([PlannerInstance], Int) in
            state.probeRecords.merge(results) { _, new in new }
            let dropped = Self.rebuildRegistry(&state)
            let activated = state.records.filter { record in
                record.status == .active && record.fingerprint.map { results[$0] != nil } == true
            }.count
            return (dropped, activated)
        }
        drop(dropped)
        for warning in warnings { logger.warning("\(warning)") }
        return ProbeSummary(probed: pending.count, passed: activated, warnings: warnings, duration: ContinuousClock.now - start)
    }
}
