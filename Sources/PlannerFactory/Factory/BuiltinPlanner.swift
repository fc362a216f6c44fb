import PlannerKit

/// A planner compiled into the host: its descriptor and how to create it.
public struct BuiltinPlanner: Sendable {
    /// The same fields as a manifest.
    public var descriptor: PlannerDescriptor
    /// Creates an instance from a configuration.
    public var make: @Sendable (PlannerConfiguration) throws -> any Planner

    /// A builtin backed by a `Planner` type.
    public init<P: Planner>(_ type: P.Type) {
        descriptor = type.descriptor
        make = { configuration in try P(configuration: configuration) }
    }

    /// A builtin from a descriptor and a closure (for embedding apps and tests).
    public init(descriptor: PlannerDescriptor, make: @escaping @Sendable (PlannerConfiguration) throws -> any Planner) {
        self.descriptor = descriptor
        self.make = make
    }
}
