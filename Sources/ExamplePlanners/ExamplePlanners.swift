import PlannerKit

/// The planners this module provides, for registering as builtins.
///
/// ```swift
/// for type in ExamplePlanners.all { print(type.descriptor.name) } // grid-astar, blocks-world
/// ```
public enum ExamplePlanners {
    /// Every example planner type: ``GridRoutePlanner`` and ``BlocksWorldPlanner``.
    public static let all: [any Planner.Type] = [GridRoutePlanner.self, BlocksWorldPlanner.self]
}
