import PlannerKit
import PlannerPluginABI

#if canImport(Glibc)
import Glibc
#endif

/// What a `PlannerInstance` calls: a Swift planner in this process, or a plugin instance behind
/// the C table.
protocol InstanceBackend: Sendable {
    func plan(_ objective: Objective, cancellation: Cancellation) throws -> Plan
    func health() -> PlannerHealth
    /// Ends the calls in flight, where that is possible (a worker is killed); in-process calls
    /// cannot be interrupted. Returns how many were cancelled.
    func cancel() -> Int
    /// The worker processes behind the instance (none in-process).
    func workers() -> [WorkerInfo]
    /// Where its code runs.
    var isolation: Isolation { get }
    /// The process id of the worker that served (or serves) its calls, if it has one.
    var workerPID: Int32? { get }
}

extension InstanceBackend {
    func cancel() -> Int { 0 }
    func workers() -> [WorkerInfo] { [] }
    var isolation: Isolation { .inProcess }
    var workerPID: Int32? { nil }
}

/// A builtin (Swift) planner. An `InterruptiblePlanner` gets the objective's deadline and the
/// call's cancellation, and stops on its own; any other runs to its end.
final class SwiftBackend: InstanceBackend {
    let planner: any Planner
    private let name: String
    /// The calls in flight, which `cancel()` cancels.
    private let calls = Locked<[ObjectIdentifier: Cancellation]>([:])

    init(planner: any Planner, name: String) {
        self.planner = planner
        self.name = name
    }

    func plan(_ objective: Objective, cancellation: Cancellation) throws -> Plan {
        guard let interruptible = planner as? any InterruptiblePlanner else { return try planner.plan(objective) }
        let key = ObjectIdentifier(cancellation)
        calls.withLock { $0[key] = cancellation }
        defer { calls.withLock { $0[key] = nil } }
        // (PlannerInstance turned away deadlines that are not > 0.)
        let deadline = objective.deadline.map { ContinuousClock.now + .nanoseconds(Int64(min($0, 1e9) * 1e9)) }
        do {
            return try interruptible.plan(objective, stop: PlanningStop(deadline: deadline, isCancelled: { cancellation.isCancelled }))
        } catch is CancellationError {
            throw FactoryError(.cancelled, "The plan call into planner \"\(name)\" was cancelled; it stopped its search.", context: ["planner": name, "call": "plan"])
        }
    }

    func health() -> PlannerHealth { planner.health() }

    func cancel() -> Int {
        let running = calls.withLock { Array($0.values) }
        for call in running { call.cancel() }
        return running.count
    }
}

/// An instance a plugin created through its table; destroyed through the table when released.
/// `@unchecked Sendable`: the pointer is only passed back to the plugin, and `PlannerInstance`
/// serializes calls unless the plugin declared itself thread-safe.
final class PluginBackend: InstanceBackend, @unchecked Sendable {
    private let table: PluginTable
    private let instance: OpaquePointer
    private let planner: String
    /// The marker a crash in this instance's calls is written to; released with the instance.
    private let crashGuard: CrashGuard?

    private init(table: PluginTable, instance: OpaquePointer, planner: String, guard crashGuard: CrashGuard?) {
        self.table = table
        self.instance = instance
        self.planner = planner
        self.crashGuard = crashGuard
    }

    /// Calls the plugin's `create` with the configuration JSON.
    /// - Throws: `FactoryError` (`.instantiationError`) with the plugin's own message.
    static func create(_ table: PluginTable, configuration: String, planner: String, guard crashGuard: CrashGuard?) throws(FactoryError) -> PluginBackend {
        var error: UnsafeMutablePointer<CChar>?
        crashGuard?.begin(CrashGuard.create)
        let created = table.functions.create(configuration, &error)
        crashGuard?.end()
        guard let instance = created else {
            let said = take(error, from: table).map(message).map { TerminalText.excerpt($0, limit: TerminalText.pluginMessageLimit) }
            throw .instantiation(planner, "its create function failed: \(said ?? "no error was given")")
        }
        _ = take(error, from: table)
        return PluginBackend(table: table, instance: instance, planner: planner, guard: crashGuard)
    }

    func plan(_ objective: Objective, cancellation: Cancellation) throws -> Plan {
        var error: UnsafeMutablePointer<CChar>?
        let text = objective.json.serialized()
        crashGuard?.begin(CrashGuard.plan)
        let result = table.functions.plan(instance, text, &error)
        crashGuard?.end()
        let errorText = Self.take(error, from: table)
        guard let text = Self.take(result, from: table) else {
            guard let errorText else { throw PlanningError(.pluginError, "the plugin returned neither a plan nor an error") }
            let json = try? JSONValue(parsing: errorText)
            let code = json?["code"]?.stringValue.map(PlanningError.Code.init(wireName:)) ?? .internal
            throw PlanningError(code, Self.message(errorText))
        }
        do {
            return try Plan(json: try JSONValue(parsing: text))
        } catch {
            throw PlanningError(.pluginError, "the plugin returned a plan that is not valid: \(error)")
        }
    }

    func health() -> PlannerHealth {
        crashGuard?.begin(CrashGuard.health)
        let answer = table.functions.health(instance)
        crashGuard?.end()
        guard let text = Self.take(answer, from: table) else {
            return .unhealthy("its health function returned nothing")
        }
        guard let json = try? JSONValue(parsing: text), let isHealthy = json["healthy"]?.boolValue else {
            return .unhealthy("its health function returned something that is not health JSON: \(text.prefix(200))")
        }
        return PlannerHealth(isHealthy: isHealthy, detail: json["detail"]?.stringValue ?? "")
    }

    deinit {
        crashGuard?.begin(CrashGuard.destroy)
        table.functions.destroy(instance)
        crashGuard?.end()
        crashGuard?.release()
    }

    /// The text of a string the plugin returned, which is then given back to its `free_string`.
    private static func take(_ string: UnsafeMutablePointer<CChar>?, from table: PluginTable) -> String? {
        guard let string else { return nil }
        defer { table.functions.free_string(string) }
        return String(cString: string)
    }

    /// The message of an error JSON (`{"message": …}`), or the text itself.
    private static func message(_ errorJSON: String) -> String {
        (try? JSONValue(parsing: errorJSON))?["message"]?.stringValue ?? errorJSON
    }
}
