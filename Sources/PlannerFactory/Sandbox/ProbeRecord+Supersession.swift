import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// The deadlines in effect, against which a stored timeout is judged: a plugin that timed out
/// under a shorter deadline than the one now in effect is probed again (a deadline too short for
/// anything is not the plugin's fault).
struct RecordDeadlines: Sendable, Hashable {
    /// `FACTORY_SANDBOX_TIMEOUT`: a probe.
    var sandbox: Duration
    /// `FACTORY_CALL_TIMEOUT`: a worker's start and `health`.
    var call: Duration
    /// `FACTORY_PLAN_TIMEOUT`: a `plan` call.
    var plan: Duration

    init(sandbox: Duration = .seconds(2), call: Duration = .seconds(10), plan: Duration = .seconds(300)) {
        self.sandbox = sandbox
        self.call = call
        self.plan = plan
    }

    init(_ configuration: FactoryConfiguration) {
        self.init(sandbox: configuration.sandboxTimeout, call: configuration.callTimeout, plan: configuration.planTimeout)
    }

    /// The deadline now in effect for the setting a record names (`nil`: the sandbox's).
    func deadline(named setting: String?) -> Duration? {
        switch setting {
        case nil, ConfigurationKey.sandboxTimeout.environmentName: sandbox
        case ConfigurationKey.callTimeout.environmentName: call
        case ConfigurationKey.planTimeout.environmentName: plan
        default: nil
        }
    }
}

extension ProbeRecord {
    /// Why this record no longer decides its plugin's status, or `nil` when it still does: a
    /// quarantine for a timeout under a shorter deadline than the one now in effect, or for a
    /// file of the bundle that has changed (or gone) since. Looks at those files (`lstat`).
    func supersession(under deadlines: RecordDeadlines) -> String? {
        guard !isPassed else { return nil }
        if let timedOutAfter, let deadline = deadlines.deadline(named: timeoutSetting), timedOutAfter < deadline.seconds * (1 - 1e-9) {
            let setting = timeoutSetting.map { " (\($0))" } ?? ""
            return "it timed out under a deadline of \(JSONValue.format(timedOutAfter)) s\(setting), shorter than the \(JSONValue.format(deadline.seconds)) s now in effect"
        }
        for (path, identity) in (fileIdentities ?? [:]).sorted(by: { $0.key < $1.key }) where FileIdentity.of(path) != identity {
            let name = bundle.flatMap { LibraryCopies.relative(path, to: $0) } ?? path
            return "\(TerminalText.excerpt(name)) changed since it was quarantined"
        }
        return nil
    }

    /// Whether the record no longer decides the plugin's status under a probe deadline of
    /// `timeout`: it timed out under a shorter one.
    func isSuperseded(byTimeout timeout: Duration) -> Bool {
        guard timeoutSetting == nil || timeoutSetting == ConfigurationKey.sandboxTimeout.environmentName else { return false }
        return supersession(under: RecordDeadlines(sandbox: timeout)) != nil
    }
}

/// What tells one file from its later versions: its type, device, inode, size, and times of
/// change (`lstat`: a link is itself, not its target), or "gone".
enum FileIdentity {
    static func of(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "gone" }
        return "\(info.st_mode & S_IFMT):\(info.st_dev):\(info.st_ino):\(info.st_size):"
            + "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec):\(info.st_mode & 0o7777)"
    }
}
