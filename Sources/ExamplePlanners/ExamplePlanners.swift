import PlannerKit

public enum ExamplePlanners {
    public static let all: [any Planner.Type] = []
}
