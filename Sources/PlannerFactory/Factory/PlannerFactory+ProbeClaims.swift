import PlannerKit
import Synchronization

/// What probing one plugin came to.
enum ProbeResolution: Sendable {
    /// It was probed here; `saveError` when its result could not be saved.
    case probed(ProbeRecord, saveError: FactoryError?)
    /// Another process probed it meanwhile: that process's saved result.
    case learned(ProbeRecord)
    /// Another process is probing it now (the first round does not wait).
    case busy
    /// It could not be probed for a reason that is not its own: it stays pending.
    case failed(FactoryError)

    var isBusy: Bool {
        if case .busy = self { return true }
        return false
    }
}

extension PlannerFactory {
    /// The probe records of this factory's state folder, with its lock timeout and notices.
    var probeStore: ProbeStore {
        ProbeStore(directory: configuration.stateDirectory, lockTimeout: configuration.lockTimeout, notice: notices)
    }

    /// Resolves `count` plugins in two rounds, on the probe workers: first each one whose lock is
    /// free, at once; then those another process was probing, waiting for its result (at most
    /// `FACTORY_LOCK_TIMEOUT` plus twice the sandbox deadline, its copy and its probe; `resolve`
    /// adds the time copying that plugin's libraries may take).
    func resolveAll(count: Int, progress: (@Sendable (Int, Int) -> Void)?,
                    _ resolve: @escaping @Sendable (_ index: Int, _ wait: Duration?) -> ProbeResolution) -> [ProbeResolution] {
        let done = Atomic<Int>(0)
        var outcomes = parallelMap(count: count, minimumParallelCount: 2, workers: configuration.probeWorkers) { index in
            let outcome = resolve(index, nil)
            if !outcome.isBusy { progress?(done.add(1, ordering: .relaxed).newValue, count) }
            return outcome
        }
        let waiting = outcomes.indices.filter { outcomes[$0].isBusy }
        let wait = configuration.lockTimeout + configuration.sandboxTimeout * 2
        let later = parallelMap(count: waiting.count, minimumParallelCount: 2, workers: configuration.probeWorkers) { position in
            let outcome = resolve(waiting[position], wait)
            progress?(done.add(1, ordering: .relaxed).newValue, count)
            return outcome
        }
        for (position, index) in waiting.enumerated() { outcomes[index] = later[position] }
        return outcomes
    }

    /// Probes one plugin holding its record's lock, unless another process saved a result for
    /// it meanwhile, and saves the result at once. `wait`: how long to wait for another process
    /// that holds the lock (`nil`: not at all, the result is then `.busy`), to which the time
    /// copying `copyBytes` may take is added.
    func resolve(_ fingerprint: Fingerprint, planner: String, wait: Duration?, copyBytes: @autoclosure () -> UInt64 = 0,
                 probe: () -> Result<ProbeRecord, FactoryError>) -> ProbeResolution {
        let store = probeStore
        let deadlines = RecordDeadlines(configuration)
        var timeoutName = "\(ConfigurationKey.lockTimeout.environmentName) plus twice \(ConfigurationKey.sandboxTimeout.environmentName)"
        var wait = wait
        if let base = wait {
            let copyTime = LibraryCopies.copyTime(forBytes: min(copyBytes(), UInt64(max(0, configuration.maxCopyBytes))))
            if copyTime >= .milliseconds(100) {
                wait = base + copyTime
                timeoutName += ", plus \(LockHolder.format(copyTime.seconds)) s to copy its libraries"
            }
        }
        do throws(FactoryError) {
            let resolution = try store.withLock(
                of: fingerprint, purpose: "probe \(planner), which another process is probing", wait: wait, timeoutName: timeoutName
            ) { () throws(FactoryError) -> ProbeResolution in
                if case .record(let stored) = store.lookup(fingerprint), stored.supersession(under: deadlines) == nil {
                    return .learned(stored)
                }
                switch probe() {
                case .failure(let error):
                    return .failed(error)
                case .success(let record):
                    do throws(FactoryError) {
                        try store.write(record, fingerprint)
                        return .probed(record, saveError: nil)
                    } catch {
                        return .probed(record, saveError: error)
                    }
                }
            }
            return resolution ?? .busy
        } catch where error.code == .stateFolderBusy {
            return .failed(error)
        } catch {
            // No lock can be made (a read-only state folder): probe unguarded, keep the result here.
            switch probe() {
            case .failure(let failure): return .failed(failure)
            case .success(let record): return .probed(record, saveError: error)
            }
        }
    }

    /// The records to apply, how many plugins were probed here, and warnings: the plugins that
    /// stay pending, grouped by cause ("a, b and c stay pending: …"), and results not saved.
    static func summarize(_ outcomes: [ProbeResolution], planners: [String], fingerprints: [Fingerprint])
        -> (records: [Fingerprint: ProbeRecord], probed: Int, warnings: [String]) {
        var records: [Fingerprint: ProbeRecord] = [:]
        var probed = 0
        var causes: [String] = []
        var pendingByCause: [String: [String]] = [:]
        var saveError: FactoryError?
        var unsaved = 0
        for (index, outcome) in outcomes.enumerated() {
            switch outcome {
            case .probed(let record, let error):
                records[fingerprints[index]] = record
                probed += 1
                if let error {
                    saveError = saveError ?? error
                    unsaved += 1
                }
            case .learned(let record):
                records[fingerprints[index]] = record
            case .failed(let error):
                if pendingByCause[error.message] == nil { causes.append(error.message) }
                pendingByCause[error.message, default: []].append(planners[index])
            case .busy:
                let cause = "another process is probing it"
                if pendingByCause[cause] == nil { causes.append(cause) }
                pendingByCause[cause, default: []].append(planners[index])
            }
        }
        var warnings = causes.map { cause in
            let names = pendingByCause[cause] ?? []
            return "\(listed(names)) \(names.count == 1 ? "stays" : "stay") pending: \(cause)"
        }
        if let saveError {
            warnings.append("\(unsaved) probe result\(unsaved == 1 ? "" : "s") could not be saved, so \(unsaved == 1 ? "it" : "they") will be probed again next time: \(saveError.message)")
        }
        return (records, probed, warnings)
    }

    /// "a", "a and b", "a, b and c", "a, b, c and 7 more".
    private static func listed(_ names: [String]) -> String {
        let shown = names.count > 5 ? Array(names.prefix(3)) + ["\(names.count - 3) more"] : names
        guard shown.count > 1 else { return shown.first ?? "" }
        return shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
    }
}
