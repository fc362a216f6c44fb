import PlannerKit

/// Shortest plans for stacking blocks, by A* search over STRIPS-style states.
///
/// The objective text describes the goal towers, from the top down, after the word `stack`
/// (words before it are ignored; without it the whole text is the goal): `stack a on b on c`
/// means a on b, b on c and c on the table. Several towers are separated by `,`, `;` or `and`
/// (`stack a on b and c on d`); `onto` may stand for `on`. A tower's bottom block stands on the
/// table (`on table` or `on the table` may say so) unless another clause places it:
/// `a on b, b on c` is `a on b on c`. Blocks are named by words of letters, digits, `_` and `-`
/// (not `on`, `onto`, `and`, `the`, `table`, `stack`), compared case-insensitively. Blocks the
/// goal does not mention may end anywhere.
///
/// The parameter `initial` gives the start in the same form, e.g. `"c on a, a on table, b"`:
/// any block not said to stand on something is on the table. Without it every goal block starts
/// on the table. The goal must mention only blocks of the initial state.
///
/// A move takes a clear block (nothing on it) from what it stands on to the table or onto another
/// clear block; each step reads `move a from table to b`. The search tries only moves to the
/// table or onto a block's goal support (some shortest plan always uses only those), and its
/// heuristic (goal blocks that must still move) never overestimates, so plans have the fewest
/// moves. Searches stop after ``nodeLimit`` expanded states. The cost is the number of
/// moves; the stats are `expanded` (states expanded), `optimal` (`true`) and `length` (moves).
///
/// ```swift
/// let planner = try BlocksWorldPlanner(configuration: [:])
/// let plan = try planner.plan(Objective(text: "stack a on b on c", parameters: ["initial": "c on a, b"]))
/// plan.steps // ["move c from a to table", "move b from table to c", "move a from table to b"]
/// ```
public struct BlocksWorldPlanner: Planner {
    /// `blocks-world` 1.0.0: capabilities `blocks`, `strips`, `symbolic`, `optimal`; rank 5; thread-safe.
    public static let descriptor = PlannerDescriptor(
        name: "blocks-world",
        version: "1.0.0",
        summary: "Fewest-move plans for stacking blocks, by A* search over STRIPS states.",
        capabilities: ["blocks", "strips", "symbolic", "optimal"],
        keywords: ["stack", "blocks", "tower", "on", "unstack"],
        rank: 5,
        boosts: ["strips": 3, "stack": 2],
        isThreadSafe: true
    )

    /// The most blocks a problem may have.
    public static let maxBlocks = 64

    /// The default for ``nodeLimit``.
    public static let defaultNodeLimit = 50_000

    /// The most states one search expands before giving up (configuration key `nodeLimit`).
    public let nodeLimit: Int

    /// Creates a planner that expands at most `nodeLimit` states per search (at least 1; smaller
    /// values count as 1).
    public init(nodeLimit: Int = BlocksWorldPlanner.defaultNodeLimit) {
        self.nodeLimit = max(1, nodeLimit)
    }

    /// Creates a planner from a configuration: empty, or `{"nodeLimit": 5000}` (a whole number of
    /// at least 1).
    /// - Throws: `DataFormatError` naming an unknown key or a malformed `nodeLimit`.
    public init(configuration: PlannerConfiguration) throws {
        let reader = try ConfigurationReader(configuration, planner: Self.descriptor.name, accepted: ["nodeLimit"])
        self.init(nodeLimit: try reader.positiveInt("nodeLimit", default: Self.defaultNodeLimit))
    }

    /// Finds a plan with the fewest moves from the initial state to the goal.
    /// - Throws: `PlanningError.invalidObjective` for text or an `initial` parameter that cannot
    ///   be read, a goal naming blocks the initial state lacks, or blocks stacked in a cycle;
    ///   `PlanningError.limitReached` for more than ``maxBlocks`` blocks or when the search
    ///   expands ``nodeLimit`` states without finding the goal.
    public func plan(_ objective: Objective) throws -> Plan {
        let problem = try BlocksProblem(objective: objective, maxBlocks: Self.maxBlocks)
        let search = AStarSearch<BlocksState, BlockMove>(
            successors: { $0.moves(toward: problem.goalSupports) },
            heuristic: problem.blocksToMove(in:),
            isGoal: problem.isGoal,
            expansionLimit: nodeLimit
        )
        switch search.run(from: problem.initial) {
        case .found(let moves, let expanded):
            return Plan(
                planner: Self.descriptor.name,
                steps: moves.map { $0.description(names: problem.names) },
                cost: Double(moves.count),
                stats: ["expanded": .number(Double(expanded)), "optimal": true, "length": .number(Double(moves.count))]
            )
        case .limitReached(let expanded):
            throw PlanningError(
                .limitReached,
                "The search for \"\(objective.text)\" gave up after expanding \(expanded) states (nodeLimit \(nodeLimit))."
            )
        case .exhausted(let expanded):
            // Unreachable for a valid problem: every arrangement of the same blocks can reach every other.
            throw PlanningError(.unreachable, "No plan reaches \"\(objective.text)\" (\(expanded) states expanded).")
        }
    }
}
