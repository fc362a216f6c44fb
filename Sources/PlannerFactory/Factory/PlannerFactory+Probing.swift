import PlannerKit
import Synchronization

/// What `probePending()` did.
public struct ProbeSummary: Sendable {
    /// How many plugins were probed here (a result another process saved meanwhile is taken, not
    /// counted), and how many plugins became active (probe passed and the descriptor agrees with
    /// the manifest).
    public var probed: Int
    public var passed: Int
    /// Problems that did not stop probing: plugins that stay pending and why (grouped by cause),
    /// results that could not be saved, no probe helper.
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
    /// Probes every `pending` plugin in the sandbox — several at once, bounded by the cores — with
    /// the configured deadline, saves each result in the state folder as it comes, and makes each plugin
    /// `active` or `quarantined`. Each plugin is probed in a content-addressed copy of its
    /// libraries, the copy it will be loaded from. Plugin code runs only in the probe's child processes.
    /// - Parameter progress: called from the probing threads with (probed so far, total) after each probe.
    @discardableResult
    public func probePending(progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) -> ProbeSummary {
        probe(progress: progress) { $0.status == .pending }
    }

    /// Probes the plugins `include` picks (among those with a bundle, library and fingerprint),
    /// saving each result as it comes. A plugin another process is probing is not probed again:
    /// the others are probed first, then this one waits for that process's result.
    @discardableResult
    func probe(progress: (@Sendable (Int, Int) -> Void)? = nil, _ include: (PlannerRecord) -> Bool) -> ProbeSummary {
        let start = ContinuousClock.now
        let pending = state.withLock { state in
            state.records.filter(include).compactMap { record -> ProbeItem? in
                guard record.kind.isPlugin, let path = record.path, let fingerprint = record.fingerprint else { return nil }
                // A record that cannot be read is not replaced by a new one; nor are unknown records.
                guard state.unreadableProbes[fingerprint] == nil, state.probeStoreProblem == nil || state.probeRecords[fingerprint] != nil else { return nil }
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
            // Without a state folder no copy can be made: say so once, not once a plugin.
            try StateFolder.create(configuration.stateDirectory)
        } catch {
            return ProbeSummary(probed: 0, passed: 0, warnings: [error.message + " Plugins stay pending."], duration: ContinuousClock.now - start)
        }
        let runner = ProbeRunner(probePath: probePath, timeout: configuration.sandboxTimeout)
        let copies = LibraryCopies(configuration: configuration)
        let factory = self
        let outcomes = resolveAll(count: pending.count, progress: progress) { index, wait in
            factory.resolve(pending[index].fingerprint, planner: pending[index].planner, wait: wait,
                            copyBytes: pending[index].libraryBytes) {
                pending[index].process.map { factory.probeProcess($0, isDeep: pending[index].isDeep) }
                    ?? pending[index].probe(runner: runner, copies: copies)
            }
        }
        let (records, probed, warnings) = Self.summarize(outcomes, planners: pending.map(\.planner), fingerprints: pending.map(\.fingerprint))
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
        return ProbeSummary(probed: probed, passed: activated, warnings: warnings, duration: ContinuousClock.now - start)
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

    /// The bytes its copy takes: the sizes of its library files (none for a process plugin), but
    /// for those that resolve outside the bundle, which the copy refuses. No file is opened.
    var libraryBytes: UInt64 {
        guard process == nil else { return 0 }
        let root = FileSystem.canonicalPath(bundle) + "/"
        return LibraryCopies.libraryFiles(bundle: bundle, entry: library).reduce(0) { total, file in
            guard FileSystem.canonicalPath(bundle + "/" + file).hasPrefix(root),
                  case .success(let status) = FileSystem.status(bundle + "/" + file) else { return total }
            let (sum, overflow) = total.addingReportingOverflow(status.size)  // sparse files may claim exabytes
            return overflow ? .max : sum
        }
    }

    /// Copies the bundle's libraries and probes the copy. A state folder that cannot take the
    /// copy, a copy past its deadline, or a failure of the machine is an error (the plugin stays
    /// pending); a file of the bundle that may not be copied (a FIFO, a link out of the bundle,
    /// past the copy limit) is a failed probe, before the probe runs, that holds until that
    /// file changes.
    func probe(runner: ProbeRunner, copies: LibraryCopies) -> Result<ProbeRecord, FactoryError> {
        let start = ContinuousClock.now
        let outcome: ProbeOutcome
        var digest: String?
        var files: [String: String]?
        do throws(LibraryCopies.Failure) {
            let copy = try copies.make(bundle: bundle, library: library, planner: planner)
            digest = copy.digest
            // Reasons name the bundle's file, not the copy's.
            let copyFolder = copy.folder
            let probed = runner.probe(copy.path)
            if case .probeUnavailable = probed {
                // The helper failed (a wrong --probe-path, no process could be started): not the plugin.
                return .failure(FactoryError(.sandboxImportError, "\(probed.reason) (the probe helper is \(runner.probePath))", context: ["planner": planner]))
            }
            if case .failed(let kind, let detail) = probed {
                outcome = .failed(kind: kind, detail: detail.replacing(copyFolder, with: bundle))
            } else {
                outcome = probed
            }
        } catch {
            switch error {
            case .environment(let error): return .failure(error)
            case .bundleFile(let fault):
                outcome = fault.outcome
                files = fault.identities.isEmpty ? nil : fault.identities
            }
        }
        var record = ProbeRecord(
            planner: planner, outcome: outcome, timestamp: WallClock.now(), bundle: FileSystem.canonicalPath(bundle), copy: digest,
            probeSeconds: (ContinuousClock.now - start).seconds)
        record.isDeepFingerprint = isDeep
        record.fileIdentities = files
        return .success(record)
    }
}
