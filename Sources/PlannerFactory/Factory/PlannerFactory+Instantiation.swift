import PlannerKit

extension PlannerFactory {
    /// The instance of the planner named `name` for `configuration`, created on first use and
    /// cached per (name, configuration). A plugin is loaded from the content-addressed copy its
    /// probe passed; one that is pending, or whose bundle changed since its probe, is probed first.
    /// Every call is recorded in the instantiation profiler, with probe, load and create times.
    /// - Throws: `FactoryError` `.plannerNotFound` (with suggestions), `.plannerQuarantined`, or
    ///   `.instantiationError` (after `FACTORY_MAX_FAILURES` in a row, the plugin is quarantined).
    public func planner(named name: String, configuration: PlannerConfiguration = [:]) throws(FactoryError) -> PlannerInstance {
        let configurationText = JSONValue.object(configuration).serialized()
        var found: Lookup
        do { found = try lookup(name, configurationText) } catch { throw remember(error) }
        if let cached = found.cached {
            telemetry.recordInstantiation(InstantiationRecord(timestamp: WallClock.now(), planner: name, phases: [], outcome: .cached))
            return cached
        }
        var phases: [InstantiationRecord.Phase] = []
        if found.record.kind != .builtin {
            let start = ContinuousClock.now
            found = try probedPlugin(found, configurationText)
            if let cached = found.cached {
                telemetry.recordInstantiation(InstantiationRecord(timestamp: WallClock.now(), planner: name, phases: [], outcome: .cached))
                return cached
            }
            phases.append(.init(name: "probe", duration: ContinuousClock.now - start))
        }
        let record = found.record
        if record.status == .quarantined {
            let since = record.quarantinedSince.map(WallClock.iso8601) ?? "its discovery"
            throw remember(.plannerQuarantined(name, reason: record.reason ?? "no reason recorded", since: since))
        }
        if record.status == .pending {
            let cause = found.pendingCause.map { ": " + $0 } ?? " (see the warnings)"
            throw remember(.instantiation(name, "it is waiting for its sandbox probe, which could not run" + cause))
        }
        let created: Result<any InstanceBackend, FactoryError>
        if let builtin = found.builtin {
            let start = ContinuousClock.now
            created = Self.create(builtin, name: name, configuration: configuration)
            phases.append(.init(name: "create", duration: ContinuousClock.now - start))
        } else {
            created = createPlugin(record, configurationText: configurationText, phases: &phases)
        }
        switch created {
        case .failure(let error):
            // A worker's faults are counted where they happen; an in-process creation counts here.
            let final = record.kind != .builtin && isolation(of: record) == .inProcess ? noteFailure(of: record, error) : error
            telemetry.recordInstantiation(InstantiationRecord(
                timestamp: WallClock.now(), planner: name, phases: phases, outcome: .failure(final.message)))
            throw remember(final)
        case .success(let backend):
            let factory = self
            let check = PlanCheck(
                validates: self.configuration.validatesPlans,
                onAnswer: { [weak factory] in if record.kind.isPlugin { factory?.noteAnswer(of: record) } },
                onFault: { [weak factory] fault in record.kind.isPlugin ? factory?.noteFault(of: record, fault) : nil })
            let instance = PlannerInstance(name: name, configuration: configuration, backend: backend, isThreadSafe: record.isThreadSafe,
                                           telemetry: telemetry, planCheck: check)
            let key = InstanceKey(name: name, configuration: configurationText, fingerprint: record.fingerprint)
            // In-process, a creation that works ends a run of failed ones (a worker's count
            // ends with an answered plan or health call instead).
            if record.kind.isPlugin, isolation(of: record) == .inProcess { noteAnswer(of: record) }
            let winner = state.withLock { state in
                if let existing = state.instances[key] { return existing }
                state.instances[key] = instance
                return instance
            }
            telemetry.recordInstantiation(InstantiationRecord(timestamp: WallClock.now(), planner: name, phases: phases, outcome: .success))
            logger.debug("created planner instance", metadata: ["planner": "\(name)"])
            return winner
        }
    }

    /// A planner's record, its builtin (if it is one) and its cached instance for a configuration.
    struct Lookup {
        var record: PlannerRecord
        var builtin: BuiltinPlanner?
        var cached: PlannerInstance?
        /// Why a plugin is still pending after this call tried to probe it.
        var pendingCause: String?
    }

    func lookup(_ name: String, _ configurationText: String) throws(FactoryError) -> Lookup {
        let found: Result<Lookup, FactoryError> = state.withLock { state in
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
            return .success(Lookup(record: record, builtin: builtin, cached: state.instances[key]))
        }
        return try found.get()
    }

    /// Creates a builtin's instance, outside the state lock.
    private static func create(_ builtin: BuiltinPlanner, name: String, configuration: PlannerConfiguration)
        -> Result<any InstanceBackend, FactoryError>
    {
        do {
            return .success(SwiftBackend(planner: try builtin.make(configuration), name: name))
        } catch {
            let detail = (error as? PlanningError)?.message ?? String(describing: error)
            return .failure(.instantiation(name, detail, cause: error))
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
