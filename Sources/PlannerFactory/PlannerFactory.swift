import PlannerKit
