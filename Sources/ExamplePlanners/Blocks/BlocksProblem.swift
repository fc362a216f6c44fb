import PlannerKit

/// A blocks-world problem read from an objective: the blocks, the initial state, and the goal.
struct BlocksProblem {
    /// The block names, sorted; a block's number is its index here.
    let names: [String]
    /// Where every block stands at the start.
    let initial: BlocksState
    /// The goal relations (block, what it must stand on), ordered so that a block's goal
    /// support comes before it.
    let goal: [(block: Int, support: Int)]
    /// Each block's goal support, or `nil` when the goal does not place it.
    let goalSupports: [Int?]

    /// Reads the goal from the objective text (after the word `stack`, when present) and the
    /// initial state from the parameter `initial`, or all goal blocks on the table.
    /// - Parameter maxBlocks: the most blocks the planner takes on.
    /// - Throws: `PlanningError.invalidObjective` for unreadable text or goal blocks the initial
    ///   state lacks; `PlanningError.limitReached` for more than `maxBlocks` blocks.
    init(objective: Objective, maxBlocks: Int) throws(PlanningError) {
        var goalTokens = Token.tokens(of: objective.text)
        if let stack = goalTokens.firstIndex(of: .word("stack")) { goalTokens.removeSubrange(...stack) }
        let goal = try BlockArrangement(tokens: goalTokens, role: "the goal")
        let initial: BlockArrangement
        if let text = objective.parameters["initial"] {
            initial = try BlockArrangement(tokens: Token.tokens(of: text), role: "the initial state (parameter \"initial\")")
            let unknown = goal.blocks.filter { initial.supports[$0] == nil }
            guard unknown.isEmpty else {
                throw PlanningError(
                    .invalidObjective,
                    "The goal mentions \(unknown.joined(separator: ", ")), which the initial state (parameter \"initial\") does not; it has \(initial.blocks.joined(separator: ", "))."
                )
            }
        } else {
            initial = try BlockArrangement(tokens: goal.blocks.flatMap { [.word($0), .separator] }, role: "the initial state")
        }
        guard initial.blocks.count <= maxBlocks else {
            throw PlanningError(.limitReached, "The problem has \(initial.blocks.count) blocks; this planner takes at most \(maxBlocks).")
        }
        names = initial.blocks.sorted()
        var numbers: [String: Int] = [:]
        for (number, name) in names.enumerated() { numbers[name] = number }
        func number(_ support: BlockArrangement.Support?) -> Int {
            guard case .block(let name) = support else { return BlocksState.table }
            return numbers[name] ?? BlocksState.table
        }
        self.initial = BlocksState(supports: names.map { number(initial.supports[$0]) })
        var ordered: [(block: Int, support: Int)] = []
        var pending = goal.blocks.compactMap { name in numbers[name].map { (block: $0, support: number(goal.supports[name])) } }
        while !pending.isEmpty {
            let ready = pending.filter { relation in
                relation.support == BlocksState.table || ordered.contains { $0.block == relation.support }
            }
            guard !ready.isEmpty else { break }  // Unreachable: the arrangement has no cycles.
            ordered += ready
            pending.removeAll { relation in ready.contains { $0.block == relation.block } }
        }
        self.goal = ordered
        var goalSupports = [Int?](repeating: nil, count: names.count)
        for (block, support) in ordered { goalSupports[block] = support }
        self.goalSupports = goalSupports
    }

    /// Whether every goal relation holds in `state`.
    func isGoal(_ state: BlocksState) -> Bool {
        goal.allSatisfy { state.supports[$0.block] == $0.support }
    }

    /// The goal blocks that must still move at least once: those not on their goal support, or
    /// on it while the support itself must move. A consistent heuristic: a move changes only
    /// the moved block's count, since nothing stands on it.
    func blocksToMove(in state: BlocksState) -> Int {
        var isPlaced = [Bool](repeating: false, count: state.supports.count)
        var count = 0
        for (block, support) in goal {
            isPlaced[block] = state.supports[block] == support && (support == BlocksState.table || isPlaced[support])
            if !isPlaced[block] { count += 1 }
        }
        return count
    }
}
