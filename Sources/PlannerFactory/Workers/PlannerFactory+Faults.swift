import PlannerKit

extension PlannerFactory {
    /// Counts a fault of a plugin's own code: a crash, an exit, a protocol error, a timeout at
    /// the configured deadline, a failed creation. The count is kept with the probe result in the
    /// state folder (so separate processes add up); after `FACTORY_MAX_FAILURES` in a row the
    /// plugin is quarantined with the fault in the reason ("crashed in plan with SIGSEGV, 3 times
    /// in a row"). A quarantine for timeouts in a row keeps their deadline: under a longer one in
    /// effect it no longer holds, and the plugin is probed again.
    /// - Returns: a sentence for the error message when the plugin was quarantined, or when the
    ///   state folder could not keep the count or the quarantine; else `nil`.
    func noteFault(of record: PlannerRecord, _ fault: WorkerFault) -> String? {
        guard let fingerprint = record.fingerprint else { return nil }
        let what = fault.description
        var count: Int
        var isSame = true
        var unkept: String?
        do {
            let stored = try probeStore.modify(fingerprint) { stored in
                isSame = stored.faults == 0 || stored.lastFault == what
                stored.faults += 1
                stored.lastFault = what
            }
            if let stored {
                count = stored.faults
                state.withLock { $0.probeRecords[fingerprint] = stored }
            } else {
                count = countInMemory(fingerprint, what, &isSame)
            }
        } catch {
            // A state folder that cannot be written is not the plugin's fault: count here only.
            logger.warning("the fault count of \(record.name) cannot be kept in the state folder: \(error.message)")
            count = countInMemory(fingerprint, what, &isSame)
            unkept = "This fault was counted in this process only (\(count) in a row here): the state folder could not keep it. \(error.message)"
        }
        logger.warning("\(record.name) \(what) (\(count) fault(s) in a row)")
        guard count >= configuration.maxFailures else { return unkept }
        let reason = isSame
            ? "\(what), \(count) times in a row"
            : "\(count) faults in a row, the last: \(what)"
        do {
            try quarantine(record, fingerprint: fingerprint, reason: reason, timedOut: isSame ? fault.deadline : nil)
        } catch {
            logger.warning("could not quarantine \(record.name): \(error.message)")
            return "It is now quarantined in this process only (\(reason); FACTORY_MAX_FAILURES=\(configuration.maxFailures)): the state folder could not keep the quarantine. \(error.message)"
        }
        return "It is now quarantined (\(reason); FACTORY_MAX_FAILURES=\(configuration.maxFailures)); `factory release \(record.name)` tries again."
    }

    private func countInMemory(_ fingerprint: Fingerprint, _ what: String, _ isSame: inout Bool) -> Int {
        state.withLock { state in
            let previous = state.failureCounts[fingerprint, default: 0]
            isSame = previous == 0 || state.lastFaults[fingerprint] == what
            state.failureCounts[fingerprint] = previous + 1
            state.lastFaults[fingerprint] = what
            return previous + 1
        }
    }

    /// A call the plugin answered: its count of faults in a row starts again.
    func noteAnswer(of record: PlannerRecord) {
        guard let fingerprint = record.fingerprint else { return }
        let (stored, inMemory) = state.withLock { ($0.probeRecords[fingerprint]?.faults ?? 0, $0.failureCounts[fingerprint] ?? 0) }
        if inMemory > 0 { state.withLock { $0.failureCounts[fingerprint] = nil } }
        guard stored > 0 else { return }
        do {
            let updated = try probeStore.modify(fingerprint) { stored in
                stored.faults = 0
                stored.lastFault = nil
            }
            if let updated { state.withLock { $0.probeRecords[fingerprint] = updated } }
        } catch {
            logger.warning("the fault count of \(record.name) cannot be reset in the state folder: \(error.message)")
        }
    }
}
