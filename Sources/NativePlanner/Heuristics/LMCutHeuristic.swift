/// Admissible heuristics over the relaxed task with action costs: h_max, and LM-cut (Helmert and
/// Domshlak 2009), which repeatedly finds a cut of operators that every relaxed plan must use,
/// adds its cheapest cost and discounts the cut. LM-cut needs operators with all of an action's
/// effects, so a task with conditional effects uses h_max (still admissible).
struct LMCutHeuristic {
    enum Mode { case maximum, landmarkCut }

    let relaxed: RelaxedTask
    let mode: Mode
    private var costs: [Double]
    private var factValue: [Double]
    private var unsatisfied: [Int32]
    private let preconditionCounts: [Int32]
    /// Each operator's costliest precondition (its precondition choice), -1 when unreached.
    private var choice: [Int32]
    private var choiceValue: [Double]
    private var heap = MinHeap<Entry>()
    private var isInGoalZone: [Bool]
    private var isReached: [Bool]
    private var isInCut: [Bool]
    private var stack: [Int] = []
    private var touched: [Int] = []
    private var cut: [Int] = []

    struct Entry: Comparable {
        var value: Double
        var fact: Int32
        static func < (lhs: Entry, rhs: Entry) -> Bool { lhs.value < rhs.value || (lhs.value == rhs.value && lhs.fact < rhs.fact) }
    }

    init(_ relaxed: RelaxedTask, mode: Mode) {
        self.relaxed = relaxed
        self.mode = mode
        costs = relaxed.costs
        factValue = Array(repeating: .infinity, count: relaxed.factCount)
        preconditionCounts = (0..<relaxed.operatorCount).map { Int32(relaxed.preconditions.range($0).count) }
        unsatisfied = preconditionCounts
        choice = Array(repeating: -1, count: relaxed.operatorCount)
        choiceValue = Array(repeating: 0, count: relaxed.operatorCount)
        isInGoalZone = Array(repeating: false, count: relaxed.factCount)
        isReached = Array(repeating: false, count: relaxed.factCount)
        isInCut = Array(repeating: false, count: relaxed.operatorCount)
    }

    /// The heuristic value of a state, or nil for a dead end.
    mutating func evaluate(_ state: [UInt64], wordCount: Int) -> Double? {
        for index in 0..<costs.count { costs[index] = relaxed.costs[index] }
        computeMaximum(state, wordCount: wordCount)
        let goal = relaxed.goalFact
        guard factValue[goal] < .infinity else { return nil }
        if mode == .maximum { return factValue[goal] }
        var total = 0.0
        while factValue[goal] > 0 {
            markGoalZone()
            findCut(state, wordCount: wordCount)
            var smallest = Double.infinity
            for op in cut { smallest = min(smallest, costs[op]) }
            guard smallest.isFinite, smallest > 0 else { break }
            total += smallest
            for op in cut {
                costs[op] -= smallest
                isInCut[op] = false
            }
            for fact in touched {
                isInGoalZone[fact] = false
                isReached[fact] = false
            }
            touched.removeAll(keepingCapacity: true)
            updateMaximum()
            cut.removeAll(keepingCapacity: true)
        }
        for op in cut { isInCut[op] = false }
        cut.removeAll(keepingCapacity: true)
        for fact in touched {
            isInGoalZone[fact] = false
            isReached[fact] = false
        }
        touched.removeAll(keepingCapacity: true)
        return total
    }

    private mutating func computeMaximum(_ state: [UInt64], wordCount: Int) {
        for index in 0..<factValue.count { factValue[index] = .infinity }
        for index in 0..<unsatisfied.count {
            unsatisfied[index] = preconditionCounts[index]
            choice[index] = -1
            choiceValue[index] = -1
        }
        heap.removeAll()
        for word in 0..<wordCount {
            var bits = state[word]
            while bits != 0 {
                let fact = word << 6 | bits.trailingZeroBitCount
                factValue[fact] = 0
                heap.push(Entry(value: 0, fact: Int32(fact)))
                bits &= bits - 1
            }
        }
        factValue[relaxed.trueFact] = 0
        heap.push(Entry(value: 0, fact: Int32(relaxed.trueFact)))
        while let entry = heap.pop() {
            let fact = Int(entry.fact)
            if entry.value > factValue[fact] { continue }
            for op in relaxed.operatorsByPrecondition[fact] {
                let op = Int(op)
                if entry.value > choiceValue[op] {
                    choiceValue[op] = entry.value
                    choice[op] = Int32(fact)
                }
                unsatisfied[op] -= 1
                if unsatisfied[op] == 0 {
                    let value = choiceValue[op] + costs[op]
                    for effect in relaxed.effects[op] where value < factValue[Int(effect)] {
                        factValue[Int(effect)] = value
                        heap.push(Entry(value: value, fact: effect))
                    }
                }
            }
        }
        // Operators not reached keep choice -1 (unsatisfied > 0).
        for op in 0..<unsatisfied.count where unsatisfied[op] > 0 { choice[op] = -1 }
    }

    /// Updates h_max after the costs of the cut's operators decreased: only facts whose value
    /// drops are visited, and an operator's precondition choice is recomputed only when the
    /// value of its chosen precondition dropped.
    private mutating func updateMaximum() {
        heap.removeAll()
        for op in cut {
            let value = choiceValue[op] + costs[op]
            for effect in relaxed.effects[op] where value < factValue[Int(effect)] {
                factValue[Int(effect)] = value
                heap.push(Entry(value: value, fact: effect))
            }
        }
        while let entry = heap.pop() {
            let fact = Int(entry.fact)
            if entry.value > factValue[fact] { continue }
            for op in relaxed.operatorsByPrecondition[fact] where Int(choice[Int(op)]) == fact {
                let op = Int(op)
                var best = -1.0
                var chosen: Int32 = -1
                for precondition in relaxed.preconditions[op] where factValue[Int(precondition)] > best {
                    best = factValue[Int(precondition)]
                    chosen = precondition
                }
                // The choice must name a costliest precondition even when the value stays.
                choice[op] = chosen
                guard best < choiceValue[op] else { continue }
                choiceValue[op] = best
                let value = best + costs[op]
                for effect in relaxed.effects[op] where value < factValue[Int(effect)] {
                    factValue[Int(effect)] = value
                    heap.push(Entry(value: value, fact: effect))
                }
            }
        }
    }

    /// Marks the facts from which the goal is reached by zero-cost operators in the
    /// justification graph (edges from an operator's precondition choice to its effects).
    private mutating func markGoalZone() {
        stack.removeAll(keepingCapacity: true)
        stack.append(relaxed.goalFact)
        isInGoalZone[relaxed.goalFact] = true
        touched.append(relaxed.goalFact)
        while let fact = stack.popLast() {
            for op in relaxed.achievers[fact] {
                let op = Int(op)
                let chosen = Int(choice[op])
                guard chosen >= 0, costs[op] == 0, !isInGoalZone[chosen] else { continue }
                isInGoalZone[chosen] = true
                touched.append(chosen)
                stack.append(chosen)
            }
        }
    }

    /// Collects the operators leaving the facts reachable from the state without entering the
    /// goal zone, into the zone.
    private mutating func findCut(_ state: [UInt64], wordCount: Int) {
        stack.removeAll(keepingCapacity: true)
        func visit(_ fact: Int) {
            if isReached[fact] || isInGoalZone[fact] { return }
            isReached[fact] = true
            touched.append(fact)
            stack.append(fact)
        }
        for word in 0..<wordCount {
            var bits = state[word]
            while bits != 0 {
                visit(word << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        visit(relaxed.trueFact)
        while let fact = stack.popLast() {
            for op in relaxed.operatorsByPrecondition[fact] where Int(choice[Int(op)]) == fact {
                let op = Int(op)
                var entersZone = false
                for effect in relaxed.effects[op] where isInGoalZone[Int(effect)] {
                    entersZone = true
                    break
                }
                if entersZone {
                    if !isInCut[op] {
                        isInCut[op] = true
                        cut.append(op)
                    }
                } else {
                    for effect in relaxed.effects[op] { visit(Int(effect)) }
                }
            }
        }
    }
}
