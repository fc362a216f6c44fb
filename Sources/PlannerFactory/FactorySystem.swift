#if canImport(Glibc)
import Glibc
#endif
import PlannerKit

/// The process-wide default factory and the convenience API over it, in the manner of
/// `LoggingSystem`: bootstrap it once at start-up, or let it build itself from the environment
/// on first use. Tests use their own `PlannerFactory` instances, or `withFactory(_:_:)`.
public enum FactorySystem {
    private static let current = Locked<PlannerFactory?>(nil)

    /// Makes `factory` the process-wide default (replacing any earlier one).
    public static func bootstrap(_ factory: PlannerFactory) {
        current.withLock { $0 = factory }
    }

    /// The default factory; on first use, one configured from the process environment.
    /// - Throws: `FactoryError` (`.invalidConfiguration`) when a `FACTORY_*` variable is malformed.
    public static func factory() throws(FactoryError) -> PlannerFactory {
        if let existing = current.withLock({ $0 }) { return existing }
        let made = PlannerFactory(configuration: try FactoryConfiguration(environment: ProcessEnvironment.current()))
        return current.withLock { slot in
            if let existing = slot { return existing }
            slot = made
            return made
        }
    }

    /// Runs `body` with `factory` as the default, then restores the previous default.
    /// Process-wide: tests that use it must not run in parallel with each other.
    @discardableResult
    public static func withFactory<T>(_ factory: PlannerFactory, _ body: () throws -> T) rethrows -> T {
        let previous = current.withLock { slot in
            let old = slot
            slot = factory
            return old
        }
        defer { current.withLock { $0 = previous } }
        return try body()
    }

    /// Discovers with the default factory.
    @discardableResult
    public static func discover() throws(FactoryError) -> DiscoveryReport { try factory().discover() }

    /// Selects the best planner with the default factory.
    public static func selectBestPlanner(objective: String = "", capabilities: [String] = []) throws(FactoryError) -> Selection {
        try factory().selectBestPlanner(objective: objective, capabilities: capabilities)
    }

    /// Ranks with the default factory.
    public static func rank(objective: String = "", capabilities: [String] = []) throws(FactoryError) -> Ranking {
        try factory().rank(objective: objective, capabilities: capabilities)
    }

    /// The cached instance of a planner of the default factory.
    public static func planner(named name: String, configuration: PlannerConfiguration = [:]) throws(FactoryError) -> PlannerInstance {
        try factory().planner(named: name, configuration: configuration)
    }

    /// Plans with the default factory.
    public static func plan(_ objective: Objective, using name: String? = nil) throws(FactoryError) -> Plan {
        try factory().plan(objective, using: name)
    }

    /// Every planner of the default factory.
    public static func planners() throws(FactoryError) -> [PlannerRecord] { try factory().planners() }

    /// Health of the default factory.
    public static func health() throws(FactoryError) -> HealthReport { try factory().health() }

    /// Diagnostics of the default factory.
    public static func diagnostics() throws(FactoryError) -> Diagnostics { try factory().diagnostics() }
}

/// The process environment as a dictionary, without Foundation.
public enum ProcessEnvironment {
    /// Every `NAME=value` of the process environment, every byte kept (`PathBytes`): a value
    /// such as a path that is not UTF-8 names the same file when it is passed on.
    public static func current() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = PathBytes.string(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }
}
