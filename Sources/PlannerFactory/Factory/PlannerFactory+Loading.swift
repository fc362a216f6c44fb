import PlannerKit

extension PlannerFactory {
    /// Makes sure a plugin's probe result is for its current files: a bundle that changed since
    /// discovery is rediscovered, and a plugin that is then pending is probed (in a fresh copy).
    /// - Returns: the lookup afterwards.
    func probedPlugin(_ found: Lookup, _ configurationText: String) throws(FactoryError) -> Lookup {
        var found = found
        if let current = currentFingerprint(of: found.record), current != found.record.fingerprint {
            logger.info("bundle changed since discovery; rediscovering", metadata: ["planner": "\(found.record.name)"])
            rediscover()
            do { found = try lookup(found.record.name, configurationText) } catch { throw remember(error) }
        }
        if found.record.status == .pending {
            let name = found.record.name
            let summary = probe { $0.name == name && $0.status == .pending }
            do { found = try lookup(name, configurationText) } catch { throw remember(error) }
            if found.record.status == .pending, let fingerprint = found.record.fingerprint {
                // Why no probe ran: its record cannot be read, the records cannot be, or the probe's own warnings.
                let (unreadable, problem) = state.withLock { ($0.unreadableProbes[fingerprint], $0.probeStoreProblem) }
                found.pendingCause = unreadable ?? problem ?? (summary.warnings.isEmpty ? nil : summary.warnings.joined(separator: "; "))
            }
        }
        return found
    }

    /// The bundle's fingerprint as its files are now, or `nil` for a planner without a bundle.
    func currentFingerprint(of record: PlannerRecord) -> Fingerprint? {
        guard let path = record.path else { return nil }
        let bundle = state.withLock { state in state.bundleOrder.first { $0.location.path == path } }
        guard let bundle else { return nil }
        return BundleScanner(isDeep: configuration.isDeepFingerprint).currentFingerprint(of: bundle)
    }

    /// Creates a plugin's instance where its isolation says: in a worker (a process plugin, or a
    /// dylib plugin's probed copy served by `factory-host`), or in this process. Appends the
    /// phases (`start` for a worker's start, handshake and create; `load` and `create` in-process).
    func createPlugin(_ record: PlannerRecord, configurationText: String, phases: inout [InstantiationRecord.Phase])
        -> Result<any InstanceBackend, FactoryError>
    {
        guard let fingerprint = record.fingerprint else {
            return .failure(.instantiation(record.name, "its bundle has no fingerprint"))
        }
        guard isolation(of: record) == .process else {
            return loadInProcess(record, fingerprint: fingerprint, configurationText: configurationText, phases: &phases)
        }
        let start = ContinuousClock.now
        var library: String?
        if record.kind != .process {
            do {
                library = try loadableCopy(of: record, fingerprint: fingerprint).path
            } catch {
                phases.append(.init(name: "copy", duration: ContinuousClock.now - start))
                return .failure(error)
            }
        }
        let created = createIsolated(record, library: library, configurationText: configurationText)
        phases.append(.init(name: "start", duration: ContinuousClock.now - start))
        return created
    }

    /// Loads a plugin into this process from its probed copy and creates an instance through its
    /// table, with a marker in the state folder that the instance keeps for its whole life (a crash
    /// while loading, or in `create`, `plan` or `health`, quarantines the plugin at the next start,
    /// with the call named). Appends the load and create phases.
    private func loadInProcess(_ record: PlannerRecord, fingerprint: Fingerprint, configurationText: String,
                               phases: inout [InstantiationRecord.Phase]) -> Result<any InstanceBackend, FactoryError>
    {
        let loadStart = ContinuousClock.now
        do throws(FactoryError) {
            let copy = try loadableCopy(of: record, fingerprint: fingerprint)
            let markers = LoadMarkers(stateDirectory: configuration.stateDirectory)
            // Without a marker (a read-only state folder) the load goes on, but a crash in it
            // cannot quarantine the plugin.
            let marker: LoadMarkers.Held?
            do {
                marker = try markers.begin(planner: record.name, fingerprint: fingerprint, bundle: record.path.map(FileSystem.canonicalPath), copy: copy.digest)
            } catch {
                logger.warning("no load marker, so a crash while loading \(record.name) will not quarantine it: \(error.message)")
                marker = nil
            }
            do throws(FactoryError) {
                let table = try PluginLibrary.load(copy.path, planner: record.name)
                let createStart = ContinuousClock.now
                phases.append(.init(name: "load", duration: createStart - loadStart))
                defer { phases.append(.init(name: "create", duration: ContinuousClock.now - createStart)) }
                let guardian = marker.map { CrashGuard(markers: markers, held: $0) }
                let backend = try PluginBackend.create(table, configuration: configurationText, planner: record.name, guard: guardian)
                if let marker { markers.noteLoaded(marker) }
                return .success(backend)
            } catch {
                if let marker { markers.end(marker) }
                throw error
            }
        } catch {
            if !phases.contains(where: { $0.name == "load" }) {
                phases.append(.init(name: "load", duration: ContinuousClock.now - loadStart))
            }
            return .failure(error)
        }
    }

    /// The copy to load: the one the probe passed; made again when it was removed (another
    /// process's clean-up), or made now when the sandbox is off.
    private func loadableCopy(of record: PlannerRecord, fingerprint: Fingerprint) throws(FactoryError) -> (digest: String, path: String) {
        guard let path = record.path, let library = record.library else {
            throw .instantiation(record.name, "its manifest names no library")
        }
        let copies = LibraryCopies(configuration: configuration)
        let probed = state.withLock { $0.probeRecords[fingerprint]?.copy }
        if let probed, let existing = copies.existing(digest: probed, library: library) {
            return (probed, existing)
        }
        let made: (digest: String, path: String)
        do { (made.digest, made.path, _) = try copies.make(bundle: path, library: library, planner: record.name) } catch { throw error.factoryError(planner: record.name) }
        if let probed, made.digest != probed {
            throw .instantiation(record.name, "its library files changed since they were probed, without changing the bundle's fingerprint; `factory release \(record.name)` probes it again (or use FACTORY_DEEP_FINGERPRINT=1)")
        }
        return made
    }

    /// Counts a failed in-process creation as a fault; after `FACTORY_MAX_FAILURES` in a row the
    /// plugin is quarantined.
    /// - Returns: the error to throw, saying so when it was quarantined.
    func noteFailure(of record: PlannerRecord, _ error: FactoryError) -> FactoryError {
        // An unusable state folder, or a copy past its deadline, is not the plugin's fault.
        guard error.code != .invalidConfiguration, error.code != .sandboxTimeout else { return error }
        var final = error
        if let note = noteFault(of: record, WorkerFault(phase: "create", what: "failed: \(error.message)")) {
            final.message += " " + note
        }
        return final
    }

    /// Quarantines a plugin for a reason no probe found, in the state folder and here (here even
    /// when the state folder cannot keep it: then it throws that error after).
    /// - Parameter timedOut: for calls that timed out in a row, their deadline and its setting:
    ///   under a longer deadline in effect the quarantine no longer holds.
    func quarantine(_ record: PlannerRecord, fingerprint: Fingerprint, reason: String,
                    timedOut: (duration: Duration, setting: String)? = nil) throws(FactoryError) {
        let copy = state.withLock { $0.probeRecords[fingerprint]?.copy }
        var entry = ProbeRecord(planner: record.name, quarantinedBecause: reason, timestamp: WallClock.now(),
                                bundle: record.path.map(FileSystem.canonicalPath), copy: copy)
        entry.isDeepFingerprint = configuration.isDeepFingerprint
        entry.timedOutAfter = timedOut?.duration.seconds
        entry.timeoutSetting = timedOut?.setting
        // Out of this process's selection even when the state folder cannot keep it (fail closed).
        var warnings: [String] = []
        var unkept: FactoryError?
        do { warnings = try probeStore.update(storing: [fingerprint: entry]) } catch { unkept = error }
        let dropped = state.withLock { state in
            state.probeRecords[fingerprint] = entry
            state.failureCounts[fingerprint] = nil
            state.unsavedQuarantines[fingerprint] = unkept == nil ? nil : entry
            return Self.rebuildRegistry(&state)
        }
        drop(dropped)
        for warning in warnings { logger.warning("\(warning)") }
        logger.warning("quarantined \(record.name): \(reason)")
        if let unkept { throw unkept }
    }
}
