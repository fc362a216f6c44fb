import NativePlanner

/// A brute-force reference for optimal costs: Dijkstra over the ground task's states as sets of
/// facts, with none of the planner's data structures or heuristics.
enum UniformCostSearch {
    /// The least cost to reach the goal, nil when unreachable within `limit` states.
    static func optimalCost(_ task: GroundTask, limit: Int = 300_000) -> Double? {
        let start = Set(task.initialState)
        var best: [Set<Int>: Double] = [start: 0]
        var frontier = Frontier()
        frontier.push(0, start)
        var closed: Set<Set<Int>> = []
        while let (cost, state) = frontier.pop() {
            if closed.contains(state) { continue }
            closed.insert(state)
            if task.goal.allSatisfy(state.contains) && !task.negativeGoal.contains(where: state.contains) { return cost }
            if closed.count > limit { return nil }
            for action in task.actions
            where action.preconditions.allSatisfy(state.contains) && !action.negativePreconditions.contains(where: state.contains) {
                var adds = action.addEffects
                var deletes = action.deleteEffects
                for effect in action.conditionalEffects
                where effect.conditions.allSatisfy(state.contains) && !effect.negativeConditions.contains(where: state.contains) {
                    adds += effect.addEffects
                    deletes += effect.deleteEffects
                }
                var next = state.subtracting(deletes)
                next.formUnion(adds)
                let nextCost = cost + action.cost
                if nextCost < best[next, default: .infinity] {
                    best[next] = nextCost
                    frontier.push(nextCost, next)
                }
            }
        }
        return nil
    }
}

/// A binary min-heap of states by cost.
private struct Frontier {
    var entries: [(Double, Set<Int>)] = []

    mutating func push(_ cost: Double, _ state: Set<Int>) {
        entries.append((cost, state))
        var child = entries.count - 1
        while child > 0, entries[(child - 1) / 2].0 > entries[child].0 {
            entries.swapAt(child, (child - 1) / 2)
            child = (child - 1) / 2
        }
    }

    mutating func pop() -> (Double, Set<Int>)? {
        guard !entries.isEmpty else { return nil }
        entries.swapAt(0, entries.count - 1)
        let top = entries.removeLast()
        var parent = 0
        while true {
            var smallest = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < entries.count && entries[child].0 < entries[smallest].0 {
                smallest = child
            }
            if smallest == parent { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}
