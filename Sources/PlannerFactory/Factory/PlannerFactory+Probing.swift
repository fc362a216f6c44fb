import PlannerKit
import Synchronization

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

    public init(probed: Int, passed: Int, warnings: [String], duration: Duration) {
        self.probed = probed
        self.passed = passed
        self.warnings = warnings
        self.duration = duration
    }
}

extension PlannerFactory {
    /// Sets the status of every dylib plugin from its probe record: `active` when its probe passed
    /// and its descriptor agrees with its manifest, `quarantined` (reason and time) when not,
    /// `pending` when it has not been probed for its current fingerprint. With the sandbox off,
    /// unprobed plugins stay `active`, but a quarantine (failed creations, a crash while loading)
    /// still holds.
    static func applyProbeStatuses(_ state: inout State) {
        for index in state.records.indices where state.records[index].kind.isPlugin && state.records[index].status == .active {
            let record = state.records[index]
            guard let fingerprint = record.fingerprint, let probe = state.probeRecords[fingerprint] else {
                if state.isSandboxEnabled {
                    state.records[index].status = .pending
                    state.records[index].reason = "waiting for its sandbox probe"
                }
                continue
            }
            state.records[index].probeSeconds = probe.probeSeconds
            var reason = probe.reason
            if probe.isPassed {
                let check = PluginValidator.descriptorCheck(probe.descriptor ?? "", against: record)
                if check.passed == true {
                    // Calls run concurrently only when the code itself says so, not just the manifest.
                    let declared = (try? JSONValue(parsing: probe.descriptor ?? ""))?["threadSafe"]?.boolValue ?? false
                    state.records[index].isThreadSafe = record.isThreadSafe && declared
                    continue
                }
                reason = "its descriptor contradicts its manifest: \(check.detail)"
            }
            state.records[index].status = .quarantined
            state.records[index].reason = reason ?? "its probe failed"
            state.records[index].quarantinedSince = probe.timestamp
        }
    }

    /// Probes every `pending` plugin in the sandbox — several at once, bounded by the cores — with
    /// the configured deadline, saves the results in the state folder, and makes each plugin
    /// `active` or `quarantined`. Each plugin is probed in a content-addressed copy of its
    /// libraries, the copy it will be loaded from. Plugin code runs only in the probe's child processes.
    /// - Parameter progress: called from the probing threads with (probed so far, total) after each probe.
    @discardableResult
    public func probePending(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> ProbeSummary {
        probe(progress: progress) { $0.status == .pending }
    }

    /// Probes the plugins `include` picks (among those with a bundle, library and fingerprint).
    @discardableResult
    func probe(progress: (@Sendable (Int, Int) -> Void)? = nil, _ include: (PlannerRecord) -> Bool) -> ProbeSummary {
        let start = ContinuousClock.now
        let pending = state.withLock { state in
            state.records.filter(include).compactMap { record -> ProbeItem? in
                guard record.kind.isPlugin, let path = record.path, let fingerprint = record.fingerprint else { return nil }
                if record.kind == .process {
                    return ProbeItem(planner: record.name, bundle: path, library: "", fingerprint: fingerprint,
                                     isDeep: configuration.isDeepFingerprint, process: record)
                }
                guard let library = record.library else { return nil }
                return ProbeItem(planner: record.name, bundle: path, library: library, fingerprint: fingerprint,
                                 isDeep: configuration.isDeepFingerprint)
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
        let copies = LibraryCopies(stateDirectory: configuration.stateDirectory)
        let done = Atomic<Int>(0)
        let factory = self
        let results: [Result<ProbeRecord, FactoryError>] = parallelMap(count: pending.count, minimumParallelCount: 2, workers: configuration.probeWorkers) { index in
            let result = pending[index].process.map { factory.probeProcess($0, isDeep: pending[index].isDeep) }
                ?? pending[index].probe(runner: runner, copies: copies)
            progress?(done.add(1, ordering: .relaxed).newValue, pending.count)
            return result
        }
        var records: [Fingerprint: ProbeRecord] = [:]
        var warnings: [String] = []
        for (item, result) in zip(pending, results) {
            switch result {
            case .success(let record): records[item.fingerprint] = record
            case .failure(let error): warnings.append("\(item.planner) stays pending: \(error.message)")
            }
        }
        do {
            warnings += try ProbeStore(directory: configuration.stateDirectory).update(storing: records)
        } catch {
            warnings.append("Probe results could not be saved, so they will be probed again next time: \(error.message)")
        }
        let (dropped, activated) = state.withLock { state -> ([PlannerInstance], Int) in
            state.probeRecords.merge(records) { _, new in new }
            let dropped = Self.rebuildRegistry(&state)
            let activated = state.records.filter { record in
                record.status == .active && record.fingerprint.map { records[$0] != nil } == true
            }.count
            return (dropped, activated)
        }
        drop(dropped)
        for warning in warnings { logger.warning("\(warning)") }
        return ProbeSummary(probed: records.count, passed: activated, warnings: warnings, duration: ContinuousClock.now - start)
    }
}

/// One plugin to probe.
private struct ProbeItem: Sendable {
    var planner: String
    var bundle: String
    var library: String
    var fingerprint: Fingerprint
    var isDeep: Bool
    /// A process plugin's record (it is not copied: its program starts from the bundle).
    var process: PlannerRecord?

    /// Copies the bundle's libraries and probes the copy. An unusable state folder is an error
    /// (the plugin stays pending); a library that cannot be copied is a failed probe.
    func probe(runner: ProbeRunner, copies: LibraryCopies) -> Result<ProbeRecord, FactoryError> {
        let start = ContinuousClock.now
        let outcome: ProbeOutcome
        var digest: String?
        do {
            let copy = try copies.make(bundle: bundle, library: library, planner: planner)
            digest = copy.digest
            // Reasons name the bundle's file, not the copy's.
            let copyFolder = String(copy.path.dropLast(library.utf8.count + 1))
            let probed = runner.probe(copy.path)
            if case .failed(let kind, let detail) = probed {
                outcome = .failed(kind: kind, detail: detail.replacing(copyFolder, with: bundle))
            } else {
                outcome = probed
            }
        } catch where error.code == .invalidConfiguration {
            return .failure(error)
        } catch {
            outcome = .failed(kind: "unreadable-library", detail: error.message)
        }
        var record = ProbeRecord(
            planner: planner, outcome: outcome, timestamp: WallClock.now(), bundle: FileSystem.canonicalPath(bundle), copy: digest,
            probeSeconds: (ContinuousClock.now - start).seconds)
        record.isDeepFingerprint = isDeep
        return .success(record)
    }
}
