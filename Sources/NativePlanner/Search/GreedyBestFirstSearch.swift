import PlannerKit

/// Eager greedy best-first search with the FF heuristic and preferred operators: two open lists
/// (all successors; successors by preferred actions) taken in turn, the preferred one boosted by
/// 1000 turns whenever the best heuristic value improves, as in Fast Downward's
/// `eager_greedy([ff()], preferred=[ff()])`. Ties break by insertion order (FIFO); each state is
/// evaluated once, when first generated, and the goal is tested then.
struct GreedyBestFirstSearch {
    let task: CompiledTask
    var heuristic: FFHeuristic
    /// Turns the preferred open list gains when the best heuristic value improves.
    var boost = 1000

    init(task: CompiledTask, relaxed: RelaxedTask) {
        self.task = task
        heuristic = FFHeuristic(relaxed)
    }

    /// Searches from the initial state.
    /// - Throws: `PlanningError(.unsolvable)` when every reachable state is a dead end or
    ///   expanded; the stop's errors.
    mutating func run(stop: PlanningStop) throws -> SearchResult {
        var statistics = SearchStatistics()
        var poll = StopPoll(stop, every: 64)
        var registry = StateRegistry(wordCount: task.wordCount)
        var parents: [Int32] = [-1]
        var parentActions: [Int32] = [-1]
        var isExpanded: [Bool] = [false]
        let initial = task.initialState
        _ = registry.insert(initial)
        statistics.generated = 1
        if task.isGoal(initial) { return SearchResult(actions: [], statistics: statistics) }
        statistics.evaluated = 1
        guard let initialValue = heuristic.evaluate(initial, wordCount: task.wordCount) else {
            throw PlanningError(.unsolvable, "the goal cannot be reached: the initial state is a dead end of the relaxed task")
        }
        var bestValue = initialValue
        var queues = [MinHeap<UInt64>(), MinHeap<UInt64>()]
        var priorities = [0, 0]
        var entries: [Int32] = [0]
        queues[0].push(.heapKey(priority: initialValue, order: 0))
        var state = Array(repeating: UInt64(0), count: task.wordCount)
        var successor = state
        var applicable: [Int32] = []
        var isPreferred = Array(repeating: false, count: task.actionCount)
        var preferred: [Int] = []

        while true {
            var queue = queues[1].isEmpty || (!queues[0].isEmpty && priorities[0] <= priorities[1]) ? 0 : 1
            if queues[queue].isEmpty { queue = 1 - queue }
            guard let key = queues[queue].pop() else { break }
            priorities[queue] += 1
            let id = Int(entries[Int(key & 0xFF_FFFF_FFFF)])
            if isExpanded[id] { continue }
            isExpanded[id] = true
            statistics.expanded += 1
            registry.load(id, into: &state)
            // The preferred actions of this state come from its relaxed plan (evaluated again:
            // cheaper than storing them for every generated state).
            try poll.tick()
            _ = heuristic.evaluate(state, wordCount: task.wordCount)
            preferred = heuristic.preferredActions
            for action in preferred { isPreferred[action] = true }
            task.applicableActions(in: state, into: &applicable)
            for action in applicable {
                let action = Int(action)
                task.apply(action, to: state, into: &successor)
                let (successorID, isNew) = registry.insert(successor)
                guard isNew else { continue }
                parents.append(Int32(id))
                parentActions.append(Int32(action))
                isExpanded.append(false)
                statistics.generated += 1
                if task.isGoal(successor) {
                    for action in preferred { isPreferred[action] = false }
                    return SearchResult(actions: Self.path(to: successorID, parents, parentActions), statistics: statistics)
                }
                try poll.tick()
                statistics.evaluated += 1
                guard let value = heuristic.evaluate(successor, wordCount: task.wordCount) else { continue }
                if value < bestValue {
                    bestValue = value
                    priorities[1] -= boost
                }
                let order = entries.count
                entries.append(Int32(successorID))
                queues[0].push(.heapKey(priority: value, order: order))
                if isPreferred[action] { queues[1].push(.heapKey(priority: value, order: order)) }
            }
            for action in preferred { isPreferred[action] = false }
        }
        throw PlanningError(.unsolvable, "the goal cannot be reached: the search exhausted all \(registry.count) reachable states")
    }

    static func path(to id: Int, _ parents: [Int32], _ actions: [Int32]) -> [Int] {
        var result: [Int] = []
        var current = id
        while parents[current] >= 0 {
            result.append(Int(actions[current]))
            current = Int(parents[current])
        }
        return result.reversed()
    }
}
