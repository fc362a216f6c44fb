/// The FF heuristic: the number of actions in a relaxed plan, extracted from the best supporters
/// of h_add with every action costing 1 (costs are ignored for guidance); states from which the
/// goal is unreachable in the relaxation are dead ends. Also names the preferred actions: those
/// of the relaxed plan applicable in the state.
struct FFHeuristic {
    let relaxed: RelaxedTask
    private var factCost: [Int]
    private var supporter: [Int32]
    private var unsatisfied: [Int32]
    private var operatorCost: [Int]
    private var heap = MinHeap<UInt64>()
    private var isFactMarked: [Bool]
    private var isOperatorMarked: [Bool]
    private var markedFacts: [Int] = []
    private var markedOperators: [Int] = []
    private var stack: [Int] = []
    /// The preferred actions of the last evaluation.
    private(set) var preferredActions: [Int] = []
    private let preconditionCounts: [Int32]
    private static let infinity = Int.max / 4
    /// Costs stop growing here (the heap orders by at most 23 bits of cost).
    private static let saturation = (1 << 23) - 1

    init(_ relaxed: RelaxedTask) {
        self.relaxed = relaxed
        factCost = Array(repeating: Self.infinity, count: relaxed.factCount)
        supporter = Array(repeating: -1, count: relaxed.factCount)
        preconditionCounts = (0..<relaxed.operatorCount).map { Int32(relaxed.preconditions.range($0).count) }
        unsatisfied = preconditionCounts
        operatorCost = Array(repeating: 0, count: relaxed.operatorCount)
        isFactMarked = Array(repeating: false, count: relaxed.factCount)
        isOperatorMarked = Array(repeating: false, count: relaxed.operatorCount)
    }

    @inline(__always)
    private mutating func reach(_ fact: Int, cost: Int, by op: Int32) {
        let cost = min(cost, Self.saturation)
        if cost < factCost[fact] {
            factCost[fact] = cost
            supporter[fact] = op
            heap.push(.heapKey(priority: cost, order: fact))
        }
    }

    /// The heuristic value of a state (its facts as bits), or nil for a dead end.
    mutating func evaluate(_ state: [UInt64], wordCount: Int) -> Int? {
        for index in 0..<factCost.count { factCost[index] = Self.infinity }
        for index in 0..<unsatisfied.count {
            unsatisfied[index] = preconditionCounts[index]
            operatorCost[index] = 1
        }
        operatorCost[relaxed.goalOperator] = 0
        heap.removeAll()
        for word in 0..<wordCount {
            var bits = state[word]
            while bits != 0 {
                reach(word << 6 | bits.trailingZeroBitCount, cost: 0, by: -1)
                bits &= bits - 1
            }
        }
        reach(relaxed.trueFact, cost: 0, by: -1)
        let goalFact = relaxed.goalFact
        while let key = heap.pop() {
            let fact = Int(key & 0xFF_FFFF_FFFF)
            let cost = Int(key >> 40)
            if cost > factCost[fact] { continue }
            if fact == goalFact { break }
            for op in relaxed.operatorsByPrecondition[fact] {
                let op = Int(op)
                operatorCost[op] += cost
                unsatisfied[op] -= 1
                if unsatisfied[op] == 0 {
                    let reachedCost = operatorCost[op]
                    for effect in relaxed.effects[op] { reach(Int(effect), cost: reachedCost, by: Int32(op)) }
                }
            }
        }
        guard factCost[goalFact] < Self.infinity else { return nil }
        return extractPlan()
    }

    /// Marks the relaxed plan from the goal fact back; returns its number of actions.
    private mutating func extractPlan() -> Int {
        preferredActions.removeAll(keepingCapacity: true)
        var count = 0
        stack.removeAll(keepingCapacity: true)
        stack.append(relaxed.goalFact)
        while let fact = stack.popLast() {
            if isFactMarked[fact] || factCost[fact] == 0 { continue }
            isFactMarked[fact] = true
            markedFacts.append(fact)
            let op = Int(supporter[fact])
            if op < 0 || isOperatorMarked[op] { continue }
            isOperatorMarked[op] = true
            markedOperators.append(op)
            if op != relaxed.goalOperator { count += 1 }
            var isApplicable = true
            for precondition in relaxed.preconditions[op] {
                let precondition = Int(precondition)
                if factCost[precondition] != 0 { isApplicable = false }
                stack.append(precondition)
            }
            if isApplicable && op != relaxed.goalOperator { preferredActions.append(relaxed.actionOfOperator[op]) }
        }
        for fact in markedFacts { isFactMarked[fact] = false }
        for op in markedOperators { isOperatorMarked[op] = false }
        markedFacts.removeAll(keepingCapacity: true)
        markedOperators.removeAll(keepingCapacity: true)
        return count
    }
}
