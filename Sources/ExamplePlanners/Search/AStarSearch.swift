/// A* over unit-cost actions, shared by the example planners.
///
/// With a consistent heuristic (one that never drops by more than one per move and is zero at
/// the goal) the first goal taken off the queue is reached by a shortest path, so closed states
/// are never reopened. Ties on `f` go to the deeper node, then to the older one, so results are
/// deterministic.
struct AStarSearch<State: Hashable, Action> {
    /// The outcome of a search.
    enum Outcome {
        /// A shortest path: the actions in order.
        case found([Action], expanded: Int)
        /// Every reachable state was expanded without meeting the goal.
        case exhausted(expanded: Int)
        /// The expansion limit was reached first.
        case limitReached(expanded: Int)
    }

    /// The actions that apply in a state and the states they lead to.
    var successors: (State) -> [(action: Action, state: State)]
    /// A consistent lower bound on the number of moves left.
    var heuristic: (State) -> Int
    /// Whether a state satisfies the goal.
    var isGoal: (State) -> Bool
    /// The most states to expand before giving up, or `nil` for no limit.
    var expansionLimit: Int? = nil

    private struct Node {
        var state: State
        var parent: Int?
        var action: Action?
        var cost: Int
    }

    private struct Entry {
        var estimate: Int
        var cost: Int
        var node: Int
    }

    func run(from start: State) -> Outcome {
        var nodes = [Node(state: start, parent: nil, action: nil, cost: 0)]
        var bestCost: [State: Int] = [start: 0]
        var closed: Set<State> = []
        var open = PriorityQueue<Entry> { lhs, rhs in
            if lhs.estimate != rhs.estimate { return lhs.estimate < rhs.estimate }
            if lhs.cost != rhs.cost { return lhs.cost > rhs.cost }
            return lhs.node < rhs.node
        }
        open.push(Entry(estimate: heuristic(start), cost: 0, node: 0))
        var expanded = 0
        while let entry = open.pop() {
            let node = nodes[entry.node]
            guard !closed.contains(node.state), node.cost == bestCost[node.state] else { continue }
            if isGoal(node.state) { return .found(path(to: entry.node, in: nodes), expanded: expanded) }
            if let expansionLimit, expanded >= expansionLimit { return .limitReached(expanded: expanded) }
            closed.insert(node.state)
            expanded += 1
            for (action, next) in successors(node.state) where !closed.contains(next) {
                let cost = node.cost + 1
                if let known = bestCost[next], known <= cost { continue }
                bestCost[next] = cost
                nodes.append(Node(state: next, parent: entry.node, action: action, cost: cost))
                open.push(Entry(estimate: cost + heuristic(next), cost: cost, node: nodes.count - 1))
            }
        }
        return .exhausted(expanded: expanded)
    }

    private func path(to index: Int, in nodes: [Node]) -> [Action] {
        var actions: [Action] = []
        var current: Int? = index
        while let index = current, let action = nodes[index].action {
            actions.append(action)
            current = nodes[index].parent
        }
        return actions.reversed()
    }
}
