import PlannerKit

/// The native PDDL planners, for registering as builtins.
///
/// ```swift
/// for planner in NativePlanners.all { factory.register(planner) }
/// ```
public enum NativePlanners {
    /// `native-gbfs` and `native-astar`.
    public static let all: [any Planner.Type] = [GreedyFFPlanner.self, OptimalAStarPlanner.self]
}
