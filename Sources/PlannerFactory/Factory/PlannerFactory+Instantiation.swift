import PlannerKit

extension PlannerFactory {
    /// The instance of the planner named `name` for `configuration`, created on first use and
    /// cached per (name, configuration). Every call is recorded in the instantiation profiler.
    /// - Throws: `FactoryError` `.plannerNotFound` (with suggestions), `.plannerQuarantined`, or
    ///   `.instantiationError`.
    public func planner(named name: String, configuration: PlannerConfiguration = [:]) throws(FactoryError) -> PlannerInstance {
        let configurationText = JSONValue.object(configuration).serialized()
        let lookup: Result<(PlannerRecord, BuiltinPlanner?, PlannerInstance?), FactoryError> = state.withLock { state in
            guard let index = state.owners[name] else {
                if let unusable = state.records.first(where: { $0.name == name }) {
                    return .failure(FactoryError(
                        .plannerNotFound,
                        "No usable planner named \"\(name)\" is registered: its bundle is \(unusable.status): \(unusable.reason ?? "no reason recorded")",
                        context: ["planner": name]))
                }
                return .failure(.plannerNotFound(name, among: state.records.map(\.name)))
            }
            let record = state.records[index]
            let builtin = record.kind == .builtin ? state.builtins.first { $0.descriptor.name == name } : nil
            let key = InstanceKey(name: name, configuration: configurationText, fingerprint: record.fingerprint)
            return .success((record, builtin, state.instances[key]))
        }
        let (record, builtin, cached): (PlannerRecord, BuiltinPlanner?, PlannerInstance?)
        do { (record, builtin, cached) = try lookup.get() } catch { throw remember(error) }
        if let cached {
            telemetry.recordInstantiation(InstantiationRecord(
                timestamp: WallClock.now(), planner: name, phases: [], outcome: .cached))
            return cached
        }
        if record.status == .quarantined {
            let since = record.quarantinedSince.map(WallClock.iso8601) ?? "its discovery"
            throw remember(.plannerQuarantined(name, reason: record.reason ?? "no reason recorded", since: since))
        }
        if record.status == .pending {
            throw remember(.instantiation(name, "it is waiting for its sandbox probe; probe it first (PlannerFactory.probePending(), or any factory command)"))
        }
        let start = ContinuousClock.now
        let created: Result<PlannerInstance, FactoryError> = create(record, builtin, configuration)
        let createDuration = ContinuousClock.now - start
        switch created {
        case .failure(let error):
            telemetry.recordInstantiation(InstantiationRecord(
                timestamp: WallClock.now(), planner: name, phases: [.init(name: "create", duration: createDuration)],
                outcome: .failure(error.message)))
            throw remember(error)
        case .success(let instance):
            let key = InstanceKey(name: name, configuration: configurationText, fingerprint: record.fingerprint)
            let winner = state.withLock { state in
                if let existing = state.instances[key] { return existing }
                state.instances[key] = instance
                return instance
            }
            telemetry.recordInstantiation(InstantiationRecord(
                timestamp: WallClock.now(), planner: name, phases: [.init(name: "create", duration: createDuration)],
                outcome: .success))
            logger.debug("created planner instance", metadata: ["planner": "\(name)"])
            return winner
        }
    }

    /// Creates an instance, outside the state lock.
    private func create(_ record: PlannerRecord, _ builtin: BuiltinPlanner?, _ configuration: PlannerConfiguration)
        -> Result<PlannerInstance, FactoryError>
    {
        guard let builtin else {
            return .failure(.instantiation(
                record.name,
                "it is a \(record.kind) plugin, and this version of PlannerFactory discovers and ranks plugins from their "
                    + "manifests but does not load plugin code yet (loading through the sandbox probe is the next milestone)"))
        }
        do {
            let planner = try builtin.make(configuration)
            return .success(PlannerInstance(
                name: record.name, configuration: configuration, planner: planner, isThreadSafe: record.isThreadSafe))
        } catch {
            let detail = (error as? PlanningError)?.message ?? String(describing: error)
            return .failure(.instantiation(record.name, detail, cause: error))
        }
    }

    /// Runs a planner on an objective: the named one, or the best one for the objective's
    /// capabilities (a recorded selection).
    /// - Parameters:
    ///   - objective: what to plan for.
    ///   - name: the planner to use; `nil` selects the best.
    ///   - configuration: the planner configuration.
    /// - Throws: `FactoryError`: selection, instantiation or `.planningFailed`.
    public func plan(_ objective: Objective, using name: String? = nil, configuration: PlannerConfiguration = [:]) throws(FactoryError) -> Plan {
        let chosen: String
        if let name {
            chosen = name
        } else {
            chosen = try selectBestPlanner(objective: objective.text, capabilities: objective.capabilities).winner.name
        }
        let instance = try planner(named: chosen, configuration: configuration)
        do {
            return try instance.plan(objective)
        } catch {
            throw remember(error)
        }
    }
}
