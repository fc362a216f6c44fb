import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

extension PlannerFactory {
    /// Quarantines the plugins whose in-process load crashed its process: a load marker no live
    /// process holds, recording a crash signal. A marker without one (the process was killed, or
    /// the machine stopped) is reported, and the plugin is not blamed.
    /// - Returns: warnings, one per marker found.
    func quarantineCrashedLoads() -> [String] {
        let abandoned = LoadMarkers(stateDirectory: configuration.stateDirectory).takeAbandoned()
        guard !abandoned.isEmpty else { return [] }
        var records: [Fingerprint: ProbeRecord] = [:]
        var warnings: [String] = []
        for marker in abandoned {
            guard let signal = marker.signal else {
                // A process that ended with an in-process instance alive: nothing went wrong.
                if marker.isLoaded { continue }
                warnings.append("Loading planner \"\(marker.planner)\" in process \(marker.processID) did not finish: the process ended without a crash (killed or interrupted); the plugin is not quarantined.")
                continue
            }
            let name = SignalName.of(signal)
            records[marker.fingerprint] = ProbeRecord(
                planner: marker.planner,
                quarantinedBecause: marker.phase == nil || marker.phase == "load"
                    ? "it crashed the host process (pid \(marker.processID)) with \(name) while being loaded in-process at \(WallClock.iso8601(marker.timestamp))"
                    : "crashed in \(marker.phase ?? "a call") with \(name), in-process (it took the host process, pid \(marker.processID), down)",
                timestamp: WallClock.now(), bundle: marker.bundle, copy: marker.copy)
            warnings.append("Planner \"\(marker.planner)\" crashed process \(marker.processID) with \(name) in \(marker.phase ?? "load") (in-process); it is quarantined.")
        }
        guard !records.isEmpty else { return warnings }
        do {
            return try probeStore.update(storing: records) + warnings
        } catch {
            return warnings + ["The crash could not be recorded, so the plugin is not quarantined: \(error.message)"]
        }
    }

    /// Once per factory: drops the probe records of this factory's bundles that are no longer
    /// current (their files changed, in the same fingerprint mode, or the bundle folder is gone),
    /// then the library copies that no remaining record refers to, and temporary files left by
    /// processes that died writing. Never waits: a record another process holds is left for later.
    /// Nothing is removed when the records cannot be read, and no copy when one of them cannot.
    func tidyStateFolder(_ bundles: [ScannedBundle], _ contents: inout ProbeStore.Contents) -> [String] {
        guard contents.problem == nil, !contents.records.isEmpty || !contents.unreadable.isEmpty else { return [] }
        let store = probeStore
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
        Self.removeLeftovers(in: store)
        if removedRecords > 0 || removed > 0 {
            logger.info("tidied the state folder", metadata: ["staleProbeRecords": "\(removedRecords)", "removedCopies": "\(removed)"])
        }
        return messages
    }

    /// Removes the temporary files of atomic writes older than five minutes (their writer died),
    /// and the locks of fingerprints without a record that nobody holds (a probe that saved nothing).
    private static func removeLeftovers(in store: ProbeStore) {
        let folder = store.recordsDirectory
        guard case .success(let entries) = FileSystem.listFolder(folder) else { return }
        let names = Set(entries.compactMap(\.name))
        for name in names {
            if AtomicFile.isTemporary(name) {
                if case .success(let status) = FileSystem.linkStatus(folder + "/" + name),
                   Double(status.modificationNanoseconds) / 1e9 < WallClock.now() - 300 {
                    unlink(folder + "/" + name)
                }
            } else if let fingerprint = ProbeStore.fingerprint(in: name, suffix: ".lock"),
                      !names.contains(ProbeStore.recordName(fingerprint)), !names.contains(ProbeStore.markerName(fingerprint)) {
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
