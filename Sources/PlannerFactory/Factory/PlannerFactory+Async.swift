import Dispatch
import PlannerKit

extension PlannerFactory {
    /// Runs blocking work on a Dispatch thread so it never occupies a Swift concurrency thread.
    private func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    /// `discover()` without blocking the caller's task.
    @discardableResult
    public func discover() async -> DiscoveryReport {
        await offload { self.discover() }
    }

    /// `rediscover()` without blocking the caller's task.
    @discardableResult
    public func rediscover() async -> DiscoveryReport {
        await offload { self.rediscover() }
    }

    /// `selectBestPlanner(objective:capabilities:)` without blocking the caller's task.
    public func selectBestPlanner(objective: String = "", capabilities: [String] = []) async throws(FactoryError) -> Selection {
        try await offload { Result { () throws(FactoryError) in try self.selectBestPlanner(objective: objective, capabilities: capabilities) } }.get()
    }

    /// `planner(named:configuration:)` without blocking the caller's task.
    public func planner(named name: String, configuration: PlannerConfiguration = [:]) async throws(FactoryError) -> PlannerInstance {
        try await offload { Result { () throws(FactoryError) in try self.planner(named: name, configuration: configuration) } }.get()
    }

    /// `plan(_:using:configuration:)` without blocking the caller's task. Cancelling the task
    /// ends the call: the planner's worker is killed at once and the call throws `.cancelled`
    /// (not a fault of the planner). An in-process planner cannot be interrupted.
    public func plan(_ objective: Objective, using name: String? = nil, configuration: PlannerConfiguration = [:]) async throws(FactoryError) -> Plan {
        let chosen: String
        if let name {
            chosen = name
        } else {
            chosen = try await selectBestPlanner(objective: objective.text, capabilities: objective.capabilities).winner.name
        }
        let instance = try await planner(named: chosen, configuration: configuration)
        return try await instance.plan(objective)
    }

    /// `health()` without blocking the caller's task.
    public func health() async -> HealthReport {
        await offload { self.health() }
    }
}
