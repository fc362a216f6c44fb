/// A planner: something that turns an objective into a plan.
///
/// Implement this protocol to write a planner in Swift. The factory creates one instance per
/// configuration and caches it; it serializes calls into an instance unless the descriptor
/// says `isThreadSafe`.
///
/// ```swift
/// struct EchoPlanner: Planner {
///     static let descriptor = PlannerDescriptor(name: "echo", version: "1.0.0", capabilities: ["echo"])
///     init(configuration: PlannerConfiguration) throws {}
///     func plan(_ objective: Objective) throws -> Plan {
///         Plan(planner: "echo", steps: [objective.text], cost: 0)
///     }
/// }
/// ```
public protocol Planner: Sendable {
    /// The planner's name, version, capabilities and ranking hints.
    static var descriptor: PlannerDescriptor { get }

    /// Creates an instance from a configuration (a JSON object; empty when none is given).
    /// - Throws: any error, when the configuration is not acceptable; the factory reports it as
    ///   an instantiation error.
    init(configuration: PlannerConfiguration) throws

    /// Plans for an objective.
    /// - Throws: `PlanningError` when no plan can be made (unreachable goal, bad parameters).
    func plan(_ objective: Objective) throws -> Plan

    /// Whether this instance can work. The default says it is healthy.
    func health() -> PlannerHealth
}

extension Planner {
    public func health() -> PlannerHealth { .healthy }
}

/// A planner configuration: the members of a JSON object.
public typealias PlannerConfiguration = [String: JSONValue]
