import PlannerKit

/// Sets the status of a dylib or process plugin from its probe record: `active` when its probe
/// passed and its descriptor agrees with its manifest, `quarantined` (reason and time) when not,
/// `pending` when it has not been probed for its current fingerprint (or its record no longer
/// holds: a timeout under a shorter deadline than the one in effect, a file of the bundle that
/// changed since it was quarantined for it). With the sandbox off, unprobed plugins stay
/// `active`, but a quarantine (failed creations, a crash while loading, a quarantine whose
/// record was lost) still holds, and so does not knowing: a plugin whose record cannot be read
/// stays `pending` either way (that record may be a quarantine).
///
/// A copy of the factory's probe records, taken under its state lock, so records can be set on
/// several cores while the registry is assembled (`RegistryAssembler`).
struct ProbeStatuses: Sendable {
    var probeRecords: [Fingerprint: ProbeRecord]
    var unreadableProbes: [Fingerprint: String]
    var probeStoreProblem: String?
    var deadlines: RecordDeadlines
    var isSandboxEnabled: Bool

    init(_ state: PlannerFactory.State) {
        probeRecords = state.probeRecords
        unreadableProbes = state.unreadableProbes
        probeStoreProblem = state.probeStoreProblem
        deadlines = state.deadlines
        isSandboxEnabled = state.isSandboxEnabled
    }

    /// Sets `record`'s status when it is an `active` plugin; leaves any other record alone.
    func apply(to record: inout PlannerRecord) {
        guard record.kind.isPlugin, record.status == .active else { return }
        let stored = record.fingerprint.flatMap { probeRecords[$0] }
        let supersession = stored?.supersession(under: deadlines)
        guard let probe = stored, supersession == nil else {
            let unreadable = stored == nil ? record.fingerprint.flatMap { unreadableProbes[$0] } ?? probeStoreProblem : nil
            if isSandboxEnabled || unreadable != nil {
                record.status = .pending
                record.reason = unreadable ?? supersession.map { "waiting for its sandbox probe (\($0))" } ?? "waiting for its sandbox probe"
            }
            return
        }
        record.probeSeconds = probe.probeSeconds
        var reason = probe.reason
        if probe.isPassed {
            // The descriptor is parsed once, for the check and for `threadSafe`.
            let descriptor = probe.descriptor ?? ""
            let parsed = try? JSONValue(parsing: descriptor)
            let check = PluginValidator.descriptorCheck(descriptor, parsed: parsed, name: record.name, capabilities: record.capabilities)
            if check.passed == true {
                // Calls run concurrently only when the code itself says so, not just the manifest.
                record.isThreadSafe = record.isThreadSafe && (parsed?["threadSafe"]?.boolValue ?? false)
                return
            }
            reason = "its descriptor contradicts its manifest: \(check.detail)"
        }
        record.status = .quarantined
        record.reason = reason ?? "its probe failed"
        record.quarantinedSince = probe.timestamp
    }
}
