import PlannerKit

extension PlannerFactory {
    /// Releases a quarantined plugin by hand: its quarantine record and library copy are removed
    /// and it is probed again at once (in a fresh copy). If the probe fails again it is
    /// quarantined again, with a fresh time. An active plugin is probed again the same way (for
    /// library files that changed without changing its fingerprint).
    /// - Returns: the plugin's record afterwards (`active`, or `quarantined` again; `pending` when
    ///   the probe could not run; `active` unprobed when the sandbox is off).
    /// - Throws: `FactoryError` `.plannerNotFound`, `.invalidArgument` (a builtin, or invalid), or
    ///   `.invalidConfiguration` (the state folder cannot be written).
    public func release(_ name: String) throws(FactoryError) -> PlannerRecord {
        // A quarantined plugin, or an active one to probe again (its files changed unseen).
        let (quarantined, others) = state.withLock { state in
            (state.records.first { $0.name == name && ($0.status == .quarantined || ($0.status == .active && $0.kind.isPlugin)) },
             state.records.filter { $0.name == name })
        }
        guard let quarantined, let fingerprint = quarantined.fingerprint else {
            if let other = others.first {
                throw remember(FactoryError(
                    .invalidArgument, "Planner \"\(name)\" cannot be released: it is \(other.kind == .builtin ? "a builtin" : "\(other.status)")\(other.reason.map { " (\($0))" } ?? "").",
                    context: ["planner": name]))
            }
            throw remember(.plannerNotFound(name, among: planners().map(\.name)))
        }
        let copy = state.withLock { $0.probeRecords[fingerprint]?.copy }
        do {
            try probeStore.update(storing: [:], removing: [fingerprint])
        } catch {
            throw remember(error)
        }
        if let copy { LibraryCopies(stateDirectory: configuration.stateDirectory).remove(digest: copy) }
        let dropped = state.withLock { state in
            state.probeRecords[fingerprint] = nil
            state.failureCounts[fingerprint] = nil
            state.unsavedQuarantines[fingerprint] = nil
            return Self.rebuildRegistry(&state)
        }
        drop(dropped)
        logger.info("released from quarantine", metadata: ["planner": "\(name)"])
        probe { $0.name == name && $0.fingerprint == fingerprint && $0.status == .pending }
        return state.withLock { state in state.records.first { $0.name == name && $0.fingerprint == fingerprint } } ?? quarantined
    }
}
