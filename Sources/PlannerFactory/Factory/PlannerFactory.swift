import CoreMetrics
import Logging
import PlannerKit

/// A registry of planners: builtins registered in code and plugin bundles discovered from
/// manifests. It ranks them for an objective, selects the best, creates and caches instances,
/// and keeps telemetry of every selection and instantiation.
///
/// Each instance owns its state, so tests can run many side by side; the process-wide default
/// is `FactorySystem`.
///
/// ```swift
/// let factory = PlannerFactory(configuration: try FactoryConfiguration(environment: environment),
///                              builtins: [BuiltinPlanner(GridRoutePlanner.self)])
/// factory.discover()
/// let plan = try factory.plan(Objective(text: "route from 0,0 to 7,3", capabilities: ["grid"]))
/// ```
///
/// Concurrency: all state sits behind one lock, which is never held while plugin code, logging
/// or callbacks run. Lock order: the discovery lock, then the state lock, then a planner
/// instance's call lock; never the reverse.
public final class PlannerFactory: Sendable {
    /// The configuration in effect.
    public let configuration: FactoryConfiguration
    /// Selection and instantiation telemetry.
    public let telemetry: TelemetryManager
    let logger: Logger
    let state: Locked<State>
    /// Serializes discoveries, so two rediscoveries do not scan the same bundles twice.
    let discoveryLock = Locked<Void>(())
    /// Change notification for fast rediscovery (fast fingerprints only); `nil` when unavailable.
    let watcher: ChangeWatcher?
    /// The live worker processes (at most `FACTORY_MAX_WORKERS`).
    let workerPool: WorkerPool
    /// Told at once about waits that may take long (another process holds a lock of the state folder).
    let notices: @Sendable (String) -> Void

    /// Everything that changes, guarded by `state`.
    struct State: Sendable {
        var builtins: [BuiltinPlanner] = []
        /// The bundles of the last discovery, in plugin-path order.
        var bundleOrder: [ScannedBundle] = []
        var records: [PlannerRecord] = []
        /// Name → index in `records` of the planner that owns the name.
        var owners: [String: Int] = [:]
        /// Built on the first ranking after the registry changed (listing needs none).
        var rankingIndex: RankingIndex?
        /// Incremented whenever the registry is rebuilt.
        var generation = 0
        /// Whether dylib plugins wait for a sandbox probe before they are active.
        var isSandboxEnabled = true
        /// Probe results by fingerprint, from the state folder.
        var probeRecords: [Fingerprint: ProbeRecord] = [:]
        /// Fingerprints whose probe record cannot be read, with why: pending, and not probed.
        var unreadableProbes: [Fingerprint: String] = [:]
        /// Why no probe record can be read at all: plugins without one stay pending, unprobed.
        var probeStoreProblem: String?
        /// The probe records as they were when last read (not read again while unchanged).
        var probeToken: ProbeStore.ChangeToken?
        /// The deadlines in effect: a timeout recorded under a shorter one is probed again.
        var deadlines = RecordDeadlines()
        var instances: [InstanceKey: PlannerInstance] = [:]
        /// Creations in workers under way, by planner name: `cancelCalls(of:)` ends them too.
        var creations: [String: [ObjectIdentifier: Cancellation]] = [:]
        /// Faults in a row, by plugin fingerprint, where the state folder cannot keep them
        /// (reset by an answered call).
        var failureCounts: [Fingerprint: Int] = [:]
        /// The last of those faults.
        var lastFaults: [Fingerprint: String] = [:]
        /// Quarantines for faults that the state folder could not store: they hold in this
        /// process (merged back whenever the records are read again) until it releases them.
        var unsavedQuarantines: [Fingerprint: ProbeRecord] = [:]
        /// Whether stale probe records and library copies were cleaned up (once, at the first discovery).
        var isStateFolderTidied = false
        var warnings: [String] = []
        /// The plugin-path warnings of the last listing (reused when nothing changed).
        var listingWarnings: [String] = []
        var recentErrors = RingBuffer<ErrorEvent>(capacity: 50)
        var lastDiscovery: DiscoveryReport?
    }

    /// An instance is cached per planner, configuration and bundle fingerprint: when the bundle
    /// changes, its old instances are dropped.
    struct InstanceKey: Hashable, Sendable {
        var name: String
        var configuration: String
        var fingerprint: Fingerprint?
    }

    /// Creates a factory.
    /// - Parameters:
    ///   - configuration: the settings; see `FactoryConfiguration`.
    ///   - builtins: planners compiled into the host, listed first and winning name clashes.
    ///   - logger: where the factory logs (never while holding its lock); by default nowhere.
    ///   - notices: told at once, from the waiting thread, about a wait that may take long: after a
    ///     second of waiting for another process's lock on the state folder, who holds it and for
    ///     how long (the CLI prints these to standard error). By default they are logged as warnings.
    ///   - metrics: where selections, plan calls, probes, quarantines and worker restarts are
    ///     reported (README "Metrics"); by default `MetricsSystem.factory` as it is now, which
    ///     reports nothing unless the application bootstrapped a backend.
    public init(
        configuration: FactoryConfiguration = FactoryConfiguration(),
        builtins: [BuiltinPlanner] = [],
        logger: Logger = Logger(label: "planner-factory", factory: { _ in SwiftLogNoOpLogHandler() }),
        notices: (@Sendable (String) -> Void)? = nil,
        metrics: (any MetricsFactory)? = nil
    ) {
        self.configuration = configuration
        self.telemetry = TelemetryManager(capacity: configuration.telemetryCapacity, metrics: FactoryMetrics(factory: metrics))
        self.logger = logger
        self.notices = notices ?? { [logger] notice in logger.warning("\(notice)") }
        self.watcher = configuration.isDeepFingerprint || configuration.pluginPath.isEmpty ? nil : ChangeWatcher()
        self.workerPool = WorkerPool(limit: configuration.maxWorkers)
        var initial = State()
        initial.builtins = builtins
        initial.isSandboxEnabled = configuration.isSandboxEnabled
        initial.deadlines = RecordDeadlines(configuration)
        self.state = Locked(initial)
        _ = state.withLock { Self.rebuildRegistry(&$0) }
        publishIfConfigured()
    }

    /// Registers a builtin planner. Builtins are listed before bundles and win name clashes.
    public func register(_ builtin: BuiltinPlanner) {
        let dropped = state.withLock { state in
            state.builtins.append(builtin)
            return Self.rebuildRegistry(&state)
        }
        drop(dropped)
        logger.debug("registered builtin planner", metadata: ["planner": "\(builtin.descriptor.name)"])
    }

    /// Every planner: builtins first, then bundles in plugin-path order, then folder-name order.
    public func planners() -> [PlannerRecord] {
        state.withLock { $0.records }
    }

    /// The record of the planner that owns `name` (an invalid bundle listed under that name when
    /// no valid planner has it), or `nil`.
    public func record(named name: String) -> PlannerRecord? {
        state.withLock { state in
            if let index = state.owners[name] { return state.records[index] }
            return state.records.first { $0.name == name }
        }
    }

    /// Problems that concern no single bundle, from the last discovery.
    public func warnings() -> [String] {
        state.withLock { $0.warnings }
    }

    /// Rebuilds records and name owners from builtins and scanned bundles.
    /// - Returns: the cached instances that no longer belong to a current planner, for the caller
    ///   to release after unlocking (a planner's deinit is plugin code).
    static func rebuildRegistry(_ state: inout State) -> [PlannerInstance] {
        let builtinRecords = state.builtins.map { PlannerRecord(builtin: $0.descriptor) }
        // Plugins get their status from their probe records as they are copied in.
        let statuses = ProbeStatuses(state)
        (state.records, state.owners) = RegistryAssembler.assemble(builtins: builtinRecords, bundles: state.bundleOrder) { statuses.apply(to: &$0) }
        state.rankingIndex = nil
        state.generation += 1
        var dropped: [PlannerInstance] = []
        state.instances = state.instances.filter { key, instance in
            let isCurrent = state.owners[key.name].map { state.records[$0].fingerprint == key.fingerprint } ?? false
            if !isCurrent { dropped.append(instance) }
            return isCurrent
        }
        return dropped
    }

    /// Releases instances outside the state lock.
    func drop(_ instances: [PlannerInstance]) {
        _ = consume instances
        // Every rebuild ends here, after the lock: live subscribers hear what changed.
        publishRegistryChange()
    }

    /// Remembers an error for diagnostics and returns it, so call sites can `throw remember(error)`.
    func remember(_ error: FactoryError) -> FactoryError {
        let event = ErrorEvent(timestamp: WallClock.now(), code: error.code.description, message: error.message)
        state.withLock { $0.recentErrors.append(event) }
        logger.debug("\(error.message)", metadata: ["code": "\(error.code)"])
        return error
    }
}
