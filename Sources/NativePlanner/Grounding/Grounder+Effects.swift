import PDDL
import PlannerKit

/// What one ground action does, collected from its lifted effect.
struct EffectCollector {
    var adds: [Int] = []
    var deletes: [Int] = []
    var conditions: [Conjunction] = []
    var conditional: [ConditionalEffect] = []
    var cost = 0.0

    mutating func add(_ fact: Int, isAdd: Bool, under condition: [Conjunction]?) {
        guard let condition else {
            if isAdd { adds.append(fact) } else { deletes.append(fact) }
            return
        }
        for conjunction in condition {
            var index = conditions.firstIndex(of: conjunction) ?? -1
            if index < 0 {
                index = conditions.count
                conditions.append(conjunction)
                conditional.append(ConditionalEffect(
                    conditions: conjunction.filter { $0 & 1 == 0 }.map { $0 >> 1 },
                    negativeConditions: conjunction.filter { $0 & 1 == 1 }.map { $0 >> 1 }, addEffects: [], deleteEffects: []))
            }
            if isAdd { conditional[index].addEffects.append(fact) } else { conditional[index].deleteEffects.append(fact) }
        }
    }
}

extension Grounder {
    /// Collects an effect's ground adds, deletes, conditional effects and cost.
    func collect(
        _ effect: LiftedEffect, _ binding: inout [Int], under condition: [Conjunction]?, isNested: Bool,
        action: String, into collector: inout EffectCollector
    ) throws(PlanningError) {
        switch effect {
        case .add(let atom), .delete(let atom):
            // A delete of an atom that is never true does nothing.
            guard let id = factIDs[key(atom, binding)] else { return }
            var isAdd = false
            if case .add = effect { isAdd = true }
            collector.add(id, isAdd: isAdd, under: condition)
        case .and(let parts):
            for part in parts { try collect(part, &binding, under: condition, isNested: isNested, action: action, into: &collector) }
        case .forall(let firstSlot, let domains, let body):
            var failure: PlanningError?
            Self.forEachBinding(firstSlot, domains[...], &binding) { binding in
                do throws(PlanningError) {
                    try collect(body, &binding, under: condition, isNested: true, action: action, into: &collector)
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
        case .when(let whenCondition, let body):
            let form = try Self.conjoin(condition ?? [[]], try normalForm(whenCondition, &binding))
            if form.isEmpty { return }
            try collect(body, &binding, under: form.contains([]) ? nil : form, isNested: true, action: action, into: &collector)
        case .cost(let amount):
            if isNested {
                throw PlanningError(.unsupported, "the native planner does not support a total-cost increase inside 'when' or 'forall' (in \(action))")
            }
            switch amount {
            case .constant(let value):
                collector.cost += value
            case .function(let function, let arguments, let description):
                let key = [function] + arguments.map { Self.object($0, binding) }
                guard let value = functionValues[key] else {
                    throw PlanningError(.invalidObjective, "the cost \(description) of \(action) has no value in (:init …)")
                }
                guard value >= 0 else {
                    throw PlanningError(.unsupported, "the native planner does not support negative action costs (\(description) = \(value) in \(action))")
                }
                collector.cost += value
            }
        }
    }

    /// The ground task from the reached actions.
    mutating func makeTask(_ schemas: [LiftedSchema]) throws -> GroundTask {
        let hasCosts = task.hasActionCosts
        let objects = task.objects
        var actions: [GroundAction] = []
        for actionKey in reachedActions {
            try poll()
            let schema = schemas[actionKey[0]]
            var binding = Array(repeating: 0, count: schema.slotCount)
            for index in 1..<actionKey.count { binding[index - 1] = actionKey[index] }
            let name = "(" + ([schema.name] + actionKey.dropFirst().map { objects[$0] }).joined(separator: " ") + ")"
            let precondition = try normalForm(schema.precondition, &binding)
            if precondition.isEmpty { continue }
            var collector = EffectCollector()
            try collect(schema.effect, &binding, under: nil, isNested: false, action: name, into: &collector)
            for conjunction in precondition {
                let positive = conjunction.filter { $0 & 1 == 0 }.map { $0 >> 1 }
                let adds = Self.unique(collector.adds)
                if collector.deletes.isEmpty && collector.conditional.isEmpty && adds.allSatisfy(positive.contains) { continue }
                actions.append(GroundAction(
                    name: name, preconditions: positive, negativePreconditions: conjunction.filter { $0 & 1 == 1 }.map { $0 >> 1 },
                    addEffects: adds, deleteEffects: Self.unique(collector.deletes), conditionalEffects: collector.conditional,
                    cost: hasCosts ? collector.cost : 1))
            }
        }
        var facts = fluentAtoms.map { atom in
            "(" + ([task.domain.predicates[atom[0]].name] + atom.dropFirst().map { objects[$0] }).joined(separator: " ") + ")"
        }
        let initial = task.problem.initialAtoms.compactMap { atom -> Int? in
            guard let predicate = compiler.predicateIndex[atom.predicate], isFluent[predicate] else { return nil }
            let arguments = atom.arguments.compactMap { term -> Int? in
                if case .object(let name) = term { return compiler.objectIndex[name] }
                return nil
            }
            return factIDs[key(predicate, arguments)]
        }
        var goalSlots = 0
        let goalCondition = try compiler.condition(task.problem.goal, [:], nextSlot: 0, slotCount: &goalSlots)
        var goalBinding = Array(repeating: 0, count: goalSlots)
        let goal = try normalForm(goalCondition, &goalBinding)
        guard !goal.isEmpty else {
            throw PlanningError(.unsolvable, "the goal cannot be reached: some of its atoms are unreachable even when actions delete nothing")
        }
        if goal.count == 1 {
            return GroundTask(
                facts: facts, actions: actions, initialState: Self.unique(initial),
                goal: goal[0].filter { $0 & 1 == 0 }.map { $0 >> 1 }, negativeGoal: goal[0].filter { $0 & 1 == 1 }.map { $0 >> 1 },
                hasCosts: hasCosts)
        }
        // A disjunctive goal: an artificial fact reached by one artificial action per disjunct,
        // deleted by every real action so it holds only right after an artificial action.
        let goalFact = facts.count
        facts.append("(goal-reached)")
        for index in actions.indices { actions[index].deleteEffects.append(goalFact) }
        for conjunction in goal {
            actions.append(GroundAction(
                name: "", isArtificial: true, preconditions: conjunction.filter { $0 & 1 == 0 }.map { $0 >> 1 },
                negativePreconditions: conjunction.filter { $0 & 1 == 1 }.map { $0 >> 1 }, addEffects: [goalFact], deleteEffects: [],
                cost: 0))
        }
        return GroundTask(facts: facts, actions: actions, initialState: Self.unique(initial), goal: [goalFact], hasCosts: hasCosts)
    }


    static func unique(_ facts: [Int]) -> [Int] {
        Array(Set(facts)).sorted()
    }
}
