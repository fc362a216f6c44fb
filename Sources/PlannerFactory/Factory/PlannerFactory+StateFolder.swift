import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

extension PlannerFactory {
    /// Quarantines the plugins whose in-process load never finished: a load marker whose process
    /// is gone means that load crashed it. Markers of running processes are left alone.
    /// - Returns: warnings, one per plugin quarantined this way.
    func quarantineAbandonedLoads() -> [String] {
        let markers = LoadMarkers(stateDirectory: configuration.stateDirectory)
        let abandoned = markers.abandoned()
        guard !abandoned.isEmpty else { return [] }
        var records: [Fingerprint: ProbeRecord] = [:]
        for marker in abandoned {
            records[marker.fingerprint] = ProbeRecord(
                planner: marker.planner,
                quarantinedBecause: "it crashed the host process (pid \(marker.processID)) while being loaded in-process at \(WallClock.iso8601(marker.timestamp)); the load never finished",
                timestamp: WallClock.now(), bundle: marker.bundle, copy: marker.copy)
        }
        do {
            let warnings = try ProbeStore(directory: configuration.stateDirectory).update(storing: records)
            for marker in abandoned { markers.end(marker.file) }
            return warnings + abandoned.map {
                "Planner \"\($0.planner)\" crashed process \($0.processID) while it was being loaded; it is quarantined."
            }
        } catch {
            return ["Load markers of crashed processes were found but could not be recorded: \(error.message)"]
        }
    }

    /// Once per factory: drops the probe records of this factory's bundles that are no longer
    /// current (their files changed, or the bundle is gone), then the library copies that no
    /// remaining record refers to.
    func tidyStateFolder(_ bundles: [ScannedBundle]) -> [String] {
        let isFirst = state.withLock { state in
            defer { state.isStateFolderTidied = true }
            return !state.isStateFolderTidied
        }
        guard isFirst else { return [] }
        let store = ProbeStore(directory: configuration.stateDirectory)
        let (records, warnings) = store.load()
        guard !records.isEmpty || !warnings.isEmpty else { return warnings }
        var current: [String: Fingerprint] = [:]
        for bundle in bundles { current[bundle.location.path] = bundle.record.fingerprint }
        let stale = Set(records.compactMap { fingerprint, record -> Fingerprint? in
            guard let bundle = record.bundle else { return nil }
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
