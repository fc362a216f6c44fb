import PlannerKit

/// Shortest routes on a text grid by A* search.
///
/// The objective names a start and a goal as `x,y` coordinates (x = column, y = row, both from 0
/// at the top left), in the text or in parameters:
///
/// - text: `route from 0,0 to 7,3` (the words `from` and `to`, each followed by `x,y`, in any order);
/// - parameters `from` and `to`, e.g. `"from": "0,0"`, which override the text;
/// - parameter `map`: rows of `.` (free) and `#` (wall) separated by newlines or `/`, all of the
///   same length, e.g. `"...#/.#../...."`. Without it the planner uses ``defaultMap``.
///
/// Other parameters are ignored.
///
/// Moves go one cell north (up), east, south or west, at unit cost; with the configuration
/// `{"diagonal": true}` also diagonally, without cutting corners past a wall. The heuristic
/// (Manhattan distance, or Chebyshev distance with diagonal moves) never overestimates, so
/// plans are shortest. Each step reads `move east to 1,0`; the cost is the number of moves, and
/// the stats are `expanded` (nodes expanded), `optimal` (`true`) and `length` (moves).
///
/// ```swift
/// let planner = try GridRoutePlanner(configuration: [:])
/// let plan = try planner.plan(Objective(text: "route from 0,0 to 2,0", parameters: ["map": "..."]))
/// plan.steps // ["move east to 1,0", "move east to 2,0"]
/// ```
public struct GridRoutePlanner: Planner {
    /// `grid-astar` 1.0.0: capabilities `grid`, `route`, `optimal`, `2d`; rank 10; thread-safe.
    public static let descriptor = PlannerDescriptor(
        name: "grid-astar",
        version: "1.0.0",
        summary: "Shortest routes on a text grid by A* search (4-connected by default, unit step cost).",
        capabilities: ["grid", "route", "optimal", "2d"],
        keywords: ["route", "path", "grid", "navigate", "from", "to"],
        rank: 10,
        boosts: ["optimal": 5, "route": 2],
        isThreadSafe: true
    )

    /// The map used when the objective has no `map` parameter: 10 columns by 6 rows.
    ///
    /// ```
    ///   x 0123456789
    /// y 0 ..........
    ///   1 .####.###.
    ///   2 ....#...#.
    ///   3 ##..#.#...
    ///   4 ....#.#.#.
    ///   5 ......#...
    /// ```
    public static let defaultMap = """
        ..........
        .####.###.
        ....#...#.
        ##..#.#...
        ....#.#.#.
        ......#...
        """

    /// Whether moves may also go diagonally (configuration key `diagonal`; default `false`).
    public let allowsDiagonalMoves: Bool

    /// Creates a planner that moves only orthogonally, or also diagonally.
    public init(allowsDiagonalMoves: Bool = false) {
        self.allowsDiagonalMoves = allowsDiagonalMoves
    }

    /// Creates a planner from a configuration: empty, or `{"diagonal": false}` / `{"diagonal": true}`.
    /// - Throws: `DataFormatError` naming an unknown key or a `diagonal` that is not a Boolean.
    public init(configuration: PlannerConfiguration) throws {
        let reader = try ConfigurationReader(configuration, planner: Self.descriptor.name, accepted: ["diagonal"])
        self.init(allowsDiagonalMoves: try reader.bool("diagonal", default: false))
    }

    /// Finds a shortest route from the objective's start to its goal.
    /// - Throws: `PlanningError.invalidObjective` when the map, start or goal cannot be read, is
    ///   off the map or is a wall; `PlanningError.unreachable` when walls cut the goal off.
    public func plan(_ objective: Objective) throws -> Plan {
        let problem = try GridRouteProblem(objective: objective)
        let grid = problem.grid
        let goal = problem.goal
        let diagonal = allowsDiagonalMoves
        let search = AStarSearch<GridPoint, GridDirection>(
            successors: { grid.moves(from: $0, diagonal: diagonal) },
            heuristic: { Self.distance(from: $0, to: goal, diagonal: diagonal) },
            isGoal: { $0 == goal }
        )
        switch search.run(from: problem.start) {
        case .found(let directions, let expanded):
            var position = problem.start
            let steps = directions.map { direction in
                position = position.moved(direction)
                return "move \(direction.rawValue) to \(position)"
            }
            return Plan(
                planner: Self.descriptor.name,
                steps: steps,
                cost: Double(steps.count),
                stats: ["expanded": .number(Double(expanded)), "optimal": true, "length": .number(Double(steps.count))]
            )
        case .exhausted(let expanded), .limitReached(let expanded):
            throw PlanningError(
                .unreachable,
                "No route from \(problem.start) to \(goal): walls cut the goal off (\(expanded) cells reachable from the start)."
            )
        }
    }

    /// The fewest moves between two cells on an open map: Manhattan distance, or Chebyshev
    /// distance when diagonal moves are allowed.
    static func distance(from point: GridPoint, to goal: GridPoint, diagonal: Bool) -> Int {
        let dx = abs(point.x - goal.x)
        let dy = abs(point.y - goal.y)
        return diagonal ? max(dx, dy) : dx + dy
    }
}
