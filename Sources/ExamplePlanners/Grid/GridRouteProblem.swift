import PlannerKit

/// A routing problem read from an objective: the map, the start and the goal.
struct GridRouteProblem {
    var grid: Grid
    var start: GridPoint
    var goal: GridPoint

    /// Reads the map from the parameter `map` (or the default map), and the start and goal from
    /// the parameters `from` and `to`, else from `from x,y` and `to x,y` in the text.
    /// - Throws: `PlanningError.invalidObjective` naming what cannot be read or does not fit.
    init(objective: Objective) throws(PlanningError) {
        grid = try Grid(parsing: objective.parameters["map"] ?? GridRoutePlanner.defaultMap)
        let tokens = Token.tokens(of: objective.text)
        start = try Self.point(named: "from", role: "start", in: objective, tokens: tokens)
        goal = try Self.point(named: "to", role: "goal", in: objective, tokens: tokens)
        try check(start, role: "start")
        try check(goal, role: "goal")
    }

    private static func point(named keyword: String, role: String, in objective: Objective, tokens: [Token]) throws(PlanningError) -> GridPoint {
        if let parameter = objective.parameters[keyword] {
            guard let point = GridPoint(parsing: parameter) else {
                throw PlanningError(.invalidObjective, "Parameter \"\(keyword)\" must be a coordinate \"x,y\" (x = column, y = row, from 0), not \"\(parameter)\".")
            }
            return point
        }
        guard let point = GridPoint.find(after: keyword, in: tokens) else {
            throw PlanningError(
                .invalidObjective,
                "The objective \"\(objective.text)\" names no \(role): write \"route from x,y to x,y\" (x = column, y = row, from 0) or give the parameter \"\(keyword)\"."
            )
        }
        return point
    }

    private func check(_ point: GridPoint, role: String) throws(PlanningError) {
        guard grid.contains(point) else {
            throw PlanningError(
                .invalidObjective,
                "The \(role) \(point) is off the \(grid.width)×\(grid.height) map (x from 0 to \(grid.width - 1), y from 0 to \(grid.height - 1))."
            )
        }
        guard grid.isFree(point) else {
            throw PlanningError(.invalidObjective, "The \(role) \(point) is a wall ('#') on the map.")
        }
    }
}
