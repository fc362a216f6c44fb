import PlannerKit

extension PlannerFactory {
    /// Probes a process plugin: starts its command in a worker (as it will run) and waits for the
    /// handshake within `FACTORY_SANDBOX_TIMEOUT`; then ends it. The outcomes are named like a
    /// dylib's: it exited with code N before the handshake (with the last lines of its standard
    /// error), crashed with SIGNAME, timed out, broke the protocol (what, on which line); the
    /// descriptor is checked against the manifest afterwards, as for dylibs.
    func probeProcess(_ record: PlannerRecord, isDeep: Bool) -> Result<ProbeRecord, FactoryError> {
        let start = ContinuousClock.now
        let outcome = processProbeOutcome(record)
        if case .probeUnavailable(let detail) = outcome {
            return .failure(FactoryError(.sandboxImportError, detail, context: ["planner": record.name]))
        }
        var probed = ProbeRecord(
            planner: record.name, outcome: outcome, timestamp: WallClock.now(), bundle: record.path.map(FileSystem.canonicalPath),
            copy: nil, probeSeconds: (ContinuousClock.now - start).seconds)
        probed.isDeepFingerprint = isDeep
        if !outcome.isPassed { probed.reason = outcome.reason(isProcess: true) }
        return .success(probed)
    }

    func processProbeOutcome(_ record: PlannerRecord) -> ProbeOutcome {
        let command: WorkerCommand
        let worker: WorkerProcess
        do {
            command = try configuration.processCommand(for: record)
            worker = try WorkerProcess(command, planner: record.name, idleTimeout: configuration.sandboxTimeout) { _ in }
        } catch {
            if case .unavailable(let detail) = error {
                // A program missing from the PATH is the plugin's (its manifest's) problem.
                if detail.hasPrefix("the program") { return .failed(kind: "missing-program", detail: detail) }
                return .probeUnavailable(detail)
            }
            return .probeUnavailable("\(error)")
        }
        let timeout = configuration.sandboxTimeout
        let answer = worker.handshake(until: .now + timeout)
        defer { worker.terminate() }
        switch answer {
        case .success(let descriptor):
            return .passed(descriptor: descriptor.serialized())
        case .failure(.timedOut):
            return .timedOut(after: timeout)
        case .failure(.ended(let exit, let log)):
            switch exit {
            case .signaled(let signal): return .crashed(signal: signal, name: SignalName.of(signal))
            case .exited(let code):
                let tail = log.isEmpty ? "it wrote nothing to standard error" : "its last standard error: \(log)"
                if code == 127, log.contains("factory-host: cannot run") {
                    return .failed(kind: "missing-program", detail: "its program could not be started: \(log)")
                }
                return .failed(kind: "exited-before-handshake", detail: "it exited with code \(code) before the handshake; \(tail)")
            }
        case .failure(.protocolError(let problem, _)):
            return .failed(kind: "protocol-error", detail: problem)
        case .failure(.unavailable(let detail)):
            return .probeUnavailable(detail)
        case .failure(let other):
            return .probeUnavailable("\(other)")
        }
    }
}
