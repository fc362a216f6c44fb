/// A ground task laid out for fast search: flat fact lists, states as bit sets, and an index
/// from facts to the actions they trigger.
struct CompiledTask {
    let factCount: Int
    let wordCount: Int
    let actionCount: Int
    let preconditions: FlatLists
    let negativePreconditions: FlatLists
    let addEffects: FlatLists
    let deleteEffects: FlatLists
    let conditionalEffects: [[ConditionalEffect]]
    let costs: [Double]
    let goal: [Int32]
    let negativeGoal: [Int32]
    let initialState: [UInt64]
    /// For each fact, the actions whose applicability is checked when the fact is true: each
    /// action is filed under one positive precondition, the one whose predicate is true least
    /// often in the initial state (ties: the first).
    let triggers: FlatLists
    /// Actions without positive preconditions, checked in every state.
    let untriggered: [Int32]

    init(_ task: GroundTask) {
        factCount = task.facts.count
        wordCount = max(1, (factCount + 63) / 64)
        actionCount = task.actions.count
        preconditions = FlatLists(task.actions.map(\.preconditions))
        negativePreconditions = FlatLists(task.actions.map(\.negativePreconditions))
        addEffects = FlatLists(task.actions.map(\.addEffects))
        deleteEffects = FlatLists(task.actions.map(\.deleteEffects))
        conditionalEffects = task.actions.map(\.conditionalEffects)
        costs = task.actions.map(\.cost)
        goal = task.goal.map { Int32($0) }
        negativeGoal = task.negativeGoal.map { Int32($0) }
        var initial = Array(repeating: UInt64(0), count: wordCount)
        for fact in task.initialState { initial[fact >> 6] |= 1 << UInt64(fact & 63) }
        initialState = initial
        // How often each fact's predicate is true initially, as a share of its facts.
        var predicateOfFact: [Substring] = []
        var total: [Substring: Int] = [:]
        var trueCount: [Substring: Int] = [:]
        for name in task.facts {
            let predicate = name.dropFirst().prefix { $0 != " " && $0 != ")" }
            predicateOfFact.append(predicate)
            total[predicate, default: 0] += 1
        }
        for fact in task.initialState { trueCount[predicateOfFact[fact], default: 0] += 1 }
        func share(_ fact: Int) -> Double {
            let predicate = predicateOfFact[fact]
            return Double(trueCount[predicate] ?? 0) / Double(total[predicate] ?? 1)
        }
        var buckets = Array(repeating: [Int](), count: factCount)
        var untriggered: [Int32] = []
        for (index, action) in task.actions.enumerated() {
            guard var best = action.preconditions.first else {
                untriggered.append(Int32(index))
                continue
            }
            for fact in action.preconditions.dropFirst() where share(fact) < share(best) { best = fact }
            buckets[best].append(index)
        }
        triggers = FlatLists(buckets)
        self.untriggered = untriggered
    }

    @inline(__always)
    static func contains(_ state: [UInt64], _ fact: Int32) -> Bool {
        state[Int(fact) >> 6] & (1 << UInt64(fact & 63)) != 0
    }

    @inline(__always)
    func isApplicable(_ action: Int, in state: [UInt64]) -> Bool {
        for fact in preconditions[action] where !Self.contains(state, fact) { return false }
        for fact in negativePreconditions[action] where Self.contains(state, fact) { return false }
        return true
    }

    /// The actions applicable in a state, in increasing order of id.
    func applicableActions(in state: [UInt64], into result: inout [Int32]) {
        result.removeAll(keepingCapacity: true)
        for action in untriggered where isApplicable(Int(action), in: state) { result.append(action) }
        for word in 0..<wordCount {
            var bits = state[word]
            while bits != 0 {
                let fact = word << 6 | bits.trailingZeroBitCount
                bits &= bits - 1
                for action in triggers[fact] where isApplicable(Int(action), in: state) { result.append(action) }
            }
        }
        result.sort()
    }

    /// Writes the successor of `state` by `action` into `successor`: conditional effects are
    /// evaluated in `state`; deletes apply before adds.
    func apply(_ action: Int, to state: [UInt64], into successor: inout [UInt64]) {
        for index in 0..<wordCount { successor[index] = state[index] }
        let conditional = conditionalEffects[action]
        if conditional.isEmpty {
            for fact in deleteEffects[action] { successor[Int(fact) >> 6] &= ~(1 << UInt64(fact & 63)) }
            for fact in addEffects[action] { successor[Int(fact) >> 6] |= 1 << UInt64(fact & 63) }
            return
        }
        var adds = Array(addEffects[action].map(Int.init))
        var deletes = Array(deleteEffects[action].map(Int.init))
        for effect in conditional
        where effect.conditions.allSatisfy({ Self.contains(state, Int32($0)) })
            && !effect.negativeConditions.contains(where: { Self.contains(state, Int32($0)) }) {
            adds.append(contentsOf: effect.addEffects)
            deletes.append(contentsOf: effect.deleteEffects)
        }
        for fact in deletes { successor[fact >> 6] &= ~(1 << UInt64(fact & 63)) }
        for fact in adds { successor[fact >> 6] |= 1 << UInt64(fact & 63) }
    }

    @inline(__always)
    func isGoal(_ state: [UInt64]) -> Bool {
        for fact in goal where !Self.contains(state, fact) { return false }
        for fact in negativeGoal where Self.contains(state, fact) { return false }
        return true
    }
}
