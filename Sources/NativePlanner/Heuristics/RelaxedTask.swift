/// The delete relaxation of a ground task as operators with precondition counters.
///
/// Each action gives one operator (its positive preconditions, its adds); each conditional
/// effect one more (the action's preconditions and the effect's conditions, the effect's adds).
/// Negative preconditions and conditions are ignored. Two artificial facts: ``trueFact``, a
/// precondition of every operator that has none and true in every state, and ``goalFact``,
/// added by the goal operator whose preconditions are the goal's positive facts.
struct RelaxedTask {
    let factCount: Int
    let trueFact: Int
    let goalFact: Int
    let preconditions: FlatLists
    let effects: FlatLists
    let costs: [Double]
    /// The action of each operator; -1 for the goal operator.
    let actionOfOperator: [Int]
    let goalOperator: Int
    /// For each fact, the operators it is a precondition of.
    let operatorsByPrecondition: FlatLists
    /// For each fact, the operators that add it.
    let achievers: FlatLists

    init(_ task: GroundTask) {
        trueFact = task.facts.count
        goalFact = task.facts.count + 1
        factCount = task.facts.count + 2
        var preconditions: [[Int]] = []
        var effects: [[Int]] = []
        var costs: [Double] = []
        var actions: [Int] = []
        func add(_ pre: [Int], _ eff: [Int], _ cost: Double, _ action: Int) {
            let unique = Array(Set(pre)).sorted()
            preconditions.append(unique.isEmpty ? [task.facts.count] : unique)
            effects.append(Array(Set(eff)).sorted())
            costs.append(cost)
            actions.append(action)
        }
        for (index, action) in task.actions.enumerated() {
            if !action.addEffects.isEmpty { add(action.preconditions, action.addEffects, action.cost, index) }
            for effect in action.conditionalEffects where !effect.addEffects.isEmpty {
                add(action.preconditions + effect.conditions, effect.addEffects, action.cost, index)
            }
        }
        goalOperator = costs.count
        add(task.goal, [task.facts.count + 1], 0, -1)
        self.preconditions = FlatLists(preconditions)
        self.effects = FlatLists(effects)
        self.costs = costs
        actionOfOperator = actions
        operatorsByPrecondition = FlatLists(invertedFrom: self.preconditions, count: factCount)
        achievers = FlatLists(invertedFrom: self.effects, count: factCount)
    }

    var operatorCount: Int { costs.count }
}
