import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

extension PlannerFactory {
    /// Quarantines the plugins whose in-process load crashed its process: a load marker no live
    /// process holds, recording a crash signal. A marker without one (the process was killed, or
    /// the machine stopped) is reported, and the plugin is not blamed. Each crash is stored on
    /// its own, and its marker removed only once it is: a crash that cannot be recorded now (its
    /// record's lock is busy, the disk is full) keeps its marker for the next discovery, and its
    /// quarantine holds in this process meanwhile.
    /// - Returns: warnings, one per marker found, and the quarantines that could not be stored.
    func quarantineCrashedLoads() -> (warnings: [String], unsaved: [Fingerprint: ProbeRecord]) {
        let markers = LoadMarkers(stateDirectory: configuration.stateDirectory)
        var warnings: [String] = []
        var unsaved: [Fingerprint: ProbeRecord] = [:]
        for abandoned in markers.takeAbandoned() {
            let marker = abandoned.marker
            guard let signal = marker.signal else {
                // A process that ended with an in-process instance alive: nothing went wrong.
                if !marker.isLoaded {
                    warnings.append("Loading planner \"\(marker.planner)\" in process \(marker.processID) did not finish: the process ended without a crash (killed or interrupted); the plugin is not quarantined.")
                }
                markers.settle(abandoned, removing: true)
                continue
            }
            let name = SignalName.of(signal)
            let record = ProbeRecord(
                planner: marker.planner,
                quarantinedBecause: marker.phase == nil || marker.phase == "load"
                    ? "it crashed the host process (pid \(marker.processID)) with \(name) while being loaded in-process at \(WallClock.iso8601(marker.timestamp))"
                    : "crashed in \(marker.phase ?? "a call") with \(name), in-process (it took the host process, pid \(marker.processID), down)",
                timestamp: WallClock.now(), bundle: marker.bundle, copy: marker.copy)
            let crash = "Planner \"\(marker.planner)\" crashed process \(marker.processID) with \(name) in \(marker.phase ?? "load") (in-process)"
            do {
                warnings += try probeStore.update(storing: [marker.fingerprint: record])
                markers.settle(abandoned, removing: true)
                warnings.append("\(crash); it is quarantined.")
            } catch {
                markers.settle(abandoned, removing: false)
                unsaved[marker.fingerprint] = record
                warnings.append("\(crash); its quarantine could not be recorded yet, so it holds in this process only, and the load marker \(marker.file) is kept for the next start to record it: \(error.message)")
            }
        }
        return (warnings, unsaved)
    }

    /// Once per factory: drops the probe records of this factory's bundles that are no longer
    /// current (their files changed, in the same fingerprint mode, or the bundle folder is gone),
    /// then the library copies that no remaining record refers to, and temporary files left by
    /// processes that died writing. Never waits: a record another process holds is left for later.
    /// Nothing is removed when the records cannot be read, and no copy when one of them cannot.
    func tidyStateFolder(_ bundles: [ScannedBundle], _ contents: inout ProbeStore.Contents) -> [String] {
        let store = probeStore
        // Temporary files are left behind by a process that died writing, records or not.
        if contents.problem == nil { Self.removeLeftovers(in: store, names: contents.listedNames) }
        guard contents.problem == nil, !contents.records.isEmpty || !contents.unreadable.isEmpty else { return [] }
        // Bundles by canonical path (each search folder resolved once), as records keep them.
        var canonicalFolders: [String: String] = [:]
        var current: [String: Fingerprint] = [:]
        for bundle in bundles {
            let folder = canonicalFolders[bundle.location.searchFolder] ?? FileSystem.canonicalPath(bundle.location.searchFolder)
            canonicalFolders[bundle.location.searchFolder] = folder
            current[folder + "/" + bundle.location.folderName] = bundle.record.fingerprint
        }
        // Stale: a record of this fingerprint mode for a bundle this factory sees with other files,
        // or for a bundle folder that is gone. Relative or other-mode records are left alone.
        let isDeep = configuration.isDeepFingerprint
        let stale = contents.records.compactMap { fingerprint, record -> Fingerprint? in
            guard let bundle = record.bundle, bundle.hasPrefix("/"), record.isDeepFingerprint == isDeep else { return nil }
            if let now = current[bundle] { return now == fingerprint ? nil : fingerprint }
            return access(bundle, F_OK) == 0 ? nil : fingerprint
        }
        var messages: [String] = []
        var removedRecords = 0
        for fingerprint in stale {
            do {
                let removed = try store.withLock(of: fingerprint, purpose: "remove a stale probe record", wait: nil) { () throws(FactoryError) -> Bool in
                    try store.remove(fingerprint)
                    unlink(store.recordsDirectory + "/\(fingerprint).lock")
                    return true
                }
                if removed == true {
                    contents.records[fingerprint] = nil
                    removedRecords += 1
                }
            } catch {
                messages.append(error.message)
                break
            }
        }
        // Copies a record that cannot be read refers to are unknown: keep them all then.
        let kept = Set(contents.records.values.compactMap(\.copy))
        let removed = contents.unreadable.isEmpty ? LibraryCopies(stateDirectory: configuration.stateDirectory).removeAll(except: kept) : 0
        if removedRecords > 0 || removed > 0 {
            logger.info("tidied the state folder", metadata: ["staleProbeRecords": "\(removedRecords)", "removedCopies": "\(removed)"])
        }
        return messages
    }

    /// Removes the temporary files of atomic writes older than five minutes (their writer died),
    /// and the locks of fingerprints without a record that nobody holds (a probe that saved nothing).
    /// - Parameter names: the records folder's names as `ProbeStore.load()` listed them (a lock
    ///   whose record appeared since is kept: the record is looked up again under the lock).
    private static func removeLeftovers(in store: ProbeStore, names: [String]) {
        let folder = store.recordsDirectory
        // The fingerprints that have a record or a marker (compared as numbers, not as names).
        var kept = Set<Fingerprint>(minimumCapacity: names.count)
        for name in names {
            if let fingerprint = ProbeStore.fingerprint(in: name, suffix: ".json") ?? ProbeStore.fingerprint(in: name, suffix: ".quarantined") {
                kept.insert(fingerprint)
            }
        }
        for name in names {
            if AtomicFile.isTemporary(name) {
                if case .success(let status) = FileSystem.linkStatus(folder + "/" + name),
                   Double(status.modificationNanoseconds) / 1e9 < WallClock.now() - 300 {
                    unlink(folder + "/" + name)
                }
            } else if let fingerprint = ProbeStore.fingerprint(in: name, suffix: ".lock"), !kept.contains(fingerprint) {
                // Removed while held, so a process that opened it meanwhile sees it is gone and opens a new one.
                _ = try? store.withLock(of: fingerprint, purpose: "remove an unused lock", wait: nil) { () -> Bool in
                    guard case .missing = store.lookup(fingerprint) else { return false }
                    unlink(folder + "/" + name)
                    return true
                }
            }
        }
    }
}
