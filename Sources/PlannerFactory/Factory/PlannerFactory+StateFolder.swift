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
            return try ProbeStore(directory: configuration.stateDirectory).update(storing: records) + warnings
        } catch {
            return warnings + ["The crash could not be recorded, so the plugin is not quarantined: \(error.message)"]
        }
    }

    /// Once per factory: drops the probe records of this factory's bundles that are no longer
    /// current (their files changed, in the same fingerprint mode, or the bundle folder is gone),
    /// then the library copies that no remaining record refers to.
    func tidyStateFolder(_ bundles: [ScannedBundle]) -> [String] {
        let isFirst = state.withLock { state in
            defer { state.isStateFolderTidied = true }
            return !state.isStateFolderTidied
        }
        guard isFirst else { return [] }
        let store = ProbeStore(directory: configuration.stateDirectory)
        let (records, warnings) = store.load()
        guard !records.isEmpty || !warnings.isEmpty else { return warnings }
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
        let stale = Set(records.compactMap { fingerprint, record -> Fingerprint? in
            guard let bundle = record.bundle, bundle.hasPrefix("/"), record.isDeepFingerprint == isDeep else { return nil }
            if let now = current[bundle] { return now == fingerprint ? nil : fingerprint }
            return access(bundle, F_OK) == 0 ? nil : fingerprint
        })
        var messages = warnings
        if !stale.isEmpty {
            do { messages += try store.update(storing: [:], removing: stale) } catch { return messages + [error.message] }
        }
        let kept = Set(records.filter { !stale.contains($0.key) }.compactMap(\.value.copy))
        let removed = LibraryCopies(stateDirectory: configuration.stateDirectory).removeAll(except: kept)
        if !stale.isEmpty || removed > 0 {
            logger.info("tidied the state folder", metadata: ["staleProbeRecords": "\(stale.count)", "removedCopies": "\(removed)"])
        }
        return messages
    }
}
