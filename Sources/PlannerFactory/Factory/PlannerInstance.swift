import PlannerKit

/// A created planner, cached by the factory per (name, configuration). Calls into one instance
/// are serialized unless its descriptor declares it thread-safe.
public final class PlannerInstance: Sendable {
    /// The planner's name.
    public let name: String
    /// The configuration it was created with.
    public let configuration: PlannerConfiguration
    /// Whether calls run concurrently.
    public let isThreadSafe: Bool
    private let backend: any InstanceBackend
    /// Serializes calls into a planner that is not thread-safe. Taken after the factory's state
    /// lock is released, never before it.
    private let callLock = Locked<Void>(())

    init(name: String, configuration: PlannerConfiguration, backend: any InstanceBackend, isThreadSafe: Bool) {
        self.name = name
        self.configuration = configuration
        self.backend = backend
        self.isThreadSafe = isThreadSafe
    }

    /// Plans for an objective.
    /// - Throws: `FactoryError` (`.planningFailed`) wrapping the planner's error.
    public func plan(_ objective: Objective) throws(FactoryError) -> Plan {
        do {
            return try call { try backend.plan(objective) }
        } catch {
            let detail = (error as? PlanningError)?.message ?? String(describing: error)
            throw FactoryError(
                .planningFailed, "Planner \"\(name)\" could not plan for \"\(objective.text)\": \(detail)",
                context: ["planner": name, "objective": objective.text], cause: error)
        }
    }

    /// The instance's own health.
    public func health() -> PlannerHealth {
        call { backend.health() }
    }

    /// The instance's own health, or `nil` when a call into it is running (a plan that may never
    /// return must not hold up a health check).
    public func healthIfIdle() -> PlannerHealth? {
        if isThreadSafe { return backend.health() }
        return callLock.withLockIfAvailable { _ in backend.health() }
    }

    private func call<T>(_ body: () throws -> T) rethrows -> T {
        if isThreadSafe { return try body() }
        return try callLock.withLock { _ in try body() }
    }
}
