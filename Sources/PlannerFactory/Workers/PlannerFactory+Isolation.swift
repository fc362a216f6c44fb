import PlannerKit

extension PlannerFactory {
    /// Where `record`'s code runs: builtins in-process; process plugins, plugins whose manifest
    /// insists on it, and every plugin under `FACTORY_ISOLATION=process` in a worker.
    public func isolation(of record: PlannerRecord) -> Isolation {
        Isolation.effective(for: record, configured: configuration.isolation)
    }

    /// Ends the calls running now in every cached instance of the planner `name`, also those
    /// whose worker is being started (their workers are killed; the calls fail with `.cancelled`,
    /// not a fault). In-process calls cannot be ended.
    /// - Returns: how many calls were cancelled.
    @discardableResult
    public func cancelCalls(of name: String) -> Int {
        let (instances, creations) = state.withLock { state in
            (state.instances.filter { $0.key.name == name }.map(\.value), Array(state.creations[name, default: [:]].values))
        }
        for creation in creations { creation.cancel() }
        return instances.reduce(creations.count) { $0 + $1.cancel() }
    }

    /// Creates a plugin's instance in a worker: starts it (within `FACTORY_CALL_TIMEOUT`), checks
    /// its handshake, and creates the instance with the configuration.
    func createIsolated(_ record: PlannerRecord, library: String?, configurationText: String) -> Result<any InstanceBackend, FactoryError> {
        let configurationValue = (try? JSONValue(parsing: configurationText)) ?? .object([:])
        let factory = self
        let configuration = self.configuration
        let command: @Sendable () throws(WorkerFailure) -> WorkerCommand
        if record.kind == .process {
            command = { () throws(WorkerFailure) -> WorkerCommand in try configuration.processCommand(for: record) }
        } else if let library {
            command = { () throws(WorkerFailure) -> WorkerCommand in try configuration.hostCommand(library: library) }
        } else {
            return .failure(.instantiation(record.name, "its manifest names no library"))
        }
        var setup = WorkerBackend.Setup(
            planner: record.name, command: command, configuration: configurationValue,
            callTimeout: configuration.callTimeout, planTimeout: configuration.planTimeout,
            idleTimeout: configuration.workerIdle, pool: workerPool, logs: WorkerLogs(stateDirectory: configuration.stateDirectory),
            onFault: { [weak factory] fault in factory?.noteFault(of: record, fault) },
            onAnswer: { [weak factory] in factory?.noteAnswer(of: record) })
        setup.onRestart = { [metrics = telemetry.metrics] in metrics.workerRestarted() }
        let cancellation = Cancellation()
        let key = ObjectIdentifier(cancellation)
        state.withLock { $0.creations[record.name, default: [:]][key] = cancellation }
        defer { state.withLock { $0.creations[record.name]?[key] = nil } }
        do {
            let backend = try WorkerBackend(setup, cancellation: cancellation)
            // A cancellation that came as the creation ended: the backend's worker ends with it.
            if cancellation.isCancelled {
                return .failure(FactoryError(.cancelled, "The create call into planner \"\(record.name)\" was cancelled.", context: ["planner": record.name, "call": "create"]))
            }
            return .success(backend)
        } catch {
            return .failure(error)
        }
    }

    /// The worker processes of every cached instance.
    public func workers() -> [WorkerInfo] {
        let instances = state.withLock { Array($0.instances.values) }
        return instances.flatMap(\.workers).sorted { ($0.planner, $0.pid) < ($1.planner, $1.pid) }
    }
}
