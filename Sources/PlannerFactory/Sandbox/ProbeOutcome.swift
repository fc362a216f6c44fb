import PlannerKit

/// What probing a plugin library in the sandbox found. Each failure kind is its own case, and
/// becomes its own quarantine reason.
public enum ProbeOutcome: Sendable, Hashable {
    /// The library loaded, its table matched the ABI, and `describe` returned this descriptor JSON text.
    case passed(descriptor: String)
    /// The probe did not finish before its deadline (a hang in the entry point or a constructor).
    case timedOut(after: Duration)
    /// A signal ended the probe (SIGSEGV, SIGILL from `fatalError`, SIGBUS from a truncated file, SIGABRT …).
    case crashed(signal: Int32, name: String)
    /// The probe reported a failure: `missing-file`, `not-a-shared-library`,
    /// `undefined-dependency-symbol`, `load-error`, `missing-entry-symbol`, `abi-mismatch`,
    /// `invalid-descriptor` (none, or not a JSON object), `left-process-behind` (it started a
    /// process that outlived the probe), `exited-without-report` (the library ended the probe:
    /// `exit()` in a constructor, its entry point or `describe`); from a smoke test also
    /// `create-failed`, `plan-failed`; and, before the probe, from the copy of the bundle's
    /// libraries: `not-a-regular-file`, `outside-the-bundle`, `library-files-too-large`,
    /// `too-many-library-files`, `library-path-too-long`, `unreadable-library`.
    case failed(kind: String, detail: String)
    /// The probe itself could not run (helper missing, spawn failed, no output at all: a
    /// `--probe-path` that is not factory-probe). Not the plugin's fault: it stays pending, and
    /// nothing is recorded.
    case probeUnavailable(String)

    /// Whether the plugin may be loaded.
    public var isPassed: Bool {
        if case .passed = self { return true }
        return false
    }

    /// A one-line reason, as a quarantine record shows it.
    public var reason: String { reason(isProcess: false) }

    /// The reason for a dylib's probe, or for a process plugin's (its program started, up to
    /// its handshake).
    public func reason(isProcess: Bool) -> String {
        switch self {
        case .passed: "probe passed"
        case .timedOut(let after) where isProcess:
            "the probe did not finish within \(JSONValue.format(after.seconds)) s (no handshake from its program: a hang while starting)"
        case .timedOut(let after): "the probe did not finish within \(JSONValue.format(after.seconds)) s (a hang while loading or describing)"
        case .crashed(let signal, let name) where isProcess: "its program crashed with \(name) (signal \(signal)) before its handshake"
        case .crashed(let signal, let name): "the probe crashed with \(name) (signal \(signal)) while loading the library"
        case .failed(let kind, let detail): "\(kind): \(detail)"
        case .probeUnavailable(let detail): "the sandbox probe could not run: \(detail)"
        }
    }
}
