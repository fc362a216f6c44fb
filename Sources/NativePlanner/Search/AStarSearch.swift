import PlannerKit

/// A* with an admissible heuristic (LM-cut, or h_max for tasks with conditional effects): the
/// open list orders by f = g + h, then by lower h, then by insertion order (FIFO). A state
/// reached again more cheaply is reopened, so plans are optimal with an admissible heuristic
/// even when it is not consistent. The goal is tested at expansion.
struct AStarSearch {
    let task: CompiledTask
    var heuristic: LMCutHeuristic

    struct Entry: Comparable {
        var f: Double
        var h: Double
        var order: Int
        var id: Int32
        static func < (lhs: Entry, rhs: Entry) -> Bool {
            if lhs.f != rhs.f { return lhs.f < rhs.f }
            if lhs.h != rhs.h { return lhs.h < rhs.h }
            return lhs.order < rhs.order
        }
    }

    init(task: CompiledTask, relaxed: RelaxedTask) {
        self.task = task
        let hasConditionalEffects = task.conditionalEffects.contains { !$0.isEmpty }
        heuristic = LMCutHeuristic(relaxed, mode: hasConditionalEffects ? .maximum : .landmarkCut)
    }

    /// Searches from the initial state.
    /// - Throws: `PlanningError(.unsolvable)` when the open list runs empty; the stop's errors.
    mutating func run(stop: PlanningStop) throws -> SearchResult {
        var statistics = SearchStatistics()
        var poll = StopPoll(stop, every: 16)
        var registry = StateRegistry(wordCount: task.wordCount)
        var parents: [Int32] = [-1]
        var parentActions: [Int32] = [-1]
        var costs: [Double] = [0]
        /// The heuristic value of each state; -1 for a dead end.
        var values: [Double] = []
        var isClosed: [Bool] = [false]
        let initial = task.initialState
        _ = registry.insert(initial)
        statistics.generated = 1
        statistics.evaluated = 1
        guard let initialValue = heuristic.evaluate(initial, wordCount: task.wordCount) else {
            throw PlanningError(.unsolvable, "the goal cannot be reached: the initial state is a dead end of the relaxed task")
        }
        values.append(initialValue)
        var open = MinHeap<Entry>()
        var order = 0
        open.push(Entry(f: initialValue, h: initialValue, order: order, id: 0))
        var state = Array(repeating: UInt64(0), count: task.wordCount)
        var successor = state
        var applicable: [Int32] = []

        while let entry = open.pop() {
            let id = Int(entry.id)
            if isClosed[id] || entry.f > costs[id] + values[id] { continue }
            isClosed[id] = true
            registry.load(id, into: &state)
            if task.isGoal(state) {
                return SearchResult(actions: GreedyBestFirstSearch.path(to: id, parents, parentActions), statistics: statistics)
            }
            statistics.expanded += 1
            try poll.tick()
            task.applicableActions(in: state, into: &applicable)
            for action in applicable {
                let action = Int(action)
                task.apply(action, to: state, into: &successor)
                let cost = costs[id] + task.costs[action]
                let (successorID, isNew) = registry.insert(successor)
                if isNew {
                    parents.append(Int32(id))
                    parentActions.append(Int32(action))
                    costs.append(cost)
                    isClosed.append(false)
                    statistics.generated += 1
                    try poll.tick()
                    statistics.evaluated += 1
                    guard let value = heuristic.evaluate(successor, wordCount: task.wordCount) else {
                        values.append(-1)
                        continue
                    }
                    values.append(value)
                } else {
                    guard cost < costs[successorID], values[successorID] >= 0 else { continue }
                    parents[successorID] = Int32(id)
                    parentActions[successorID] = Int32(action)
                    costs[successorID] = cost
                    isClosed[successorID] = false
                }
                order += 1
                let value = values[successorID]
                open.push(Entry(f: cost + value, h: value, order: order, id: Int32(successorID)))
            }
        }
        throw PlanningError(.unsolvable, "the goal cannot be reached: A* exhausted all \(registry.count) reachable states")
    }
}
