/// Walks a task's actions, derived predicates, goal and metric and collects the features it
/// uses, by the rules documented on ``TaskFeatures``.
struct FeatureScanner {
    private(set) var used: Set<Feature> = [.strips]

    init(_ task: ParsedTask) {
        let domain = task.domain
        typed(domain.constants)
        typed(task.problem.objects)
        for predicate in domain.predicates { typed(predicate.parameters) }
        for function in domain.functions { typed(function.parameters) }
        for action in domain.actions {
            typed(action.parameters)
            condition(action.precondition, positive: true)
            effect(action.effect)
        }
        for derived in domain.derivedPredicates {
            used.insert(.derivedPredicates)
            typed(derived.parameters)
            condition(derived.body, positive: true)
        }
        if !domain.durativeActions.isEmpty { used.insert(.durativeActions) }
        condition(task.problem.goal, positive: true)
        if let metric = task.problem.metric {
            used.insert(metric.isTotalCost ? .actionCosts : .numericFluents)
        }
    }

    private mutating func typed(_ names: [TypedName]) {
        if names.contains(where: { !$0.type.isObject }) { used.insert(.typing) }
    }

    private mutating func condition(_ formula: Formula, positive: Bool) {
        switch formula {
        case .atom:
            if !positive { used.insert(.negativePreconditions) }
        case .equality:
            used.insert(.equality)
        case .not(let inner):
            condition(inner, positive: !positive)
        case .and(let parts):
            if !positive && parts.count > 1 { used.insert(.disjunctivePreconditions) }
            for part in parts { condition(part, positive: positive) }
        case .or(let parts):
            used.insert(.disjunctivePreconditions)
            for part in parts { condition(part, positive: positive) }
        case .imply(let premise, let conclusion):
            used.insert(.disjunctivePreconditions)
            condition(premise, positive: !positive)
            condition(conclusion, positive: positive)
        case .exists(let variables, let body):
            used.insert(.existentialPreconditions)
            if !positive { used.insert(.universalPreconditions) }
            typed(variables)
            condition(body, positive: positive)
        case .forall(let variables, let body):
            used.insert(.universalPreconditions)
            if !positive { used.insert(.existentialPreconditions) }
            typed(variables)
            condition(body, positive: positive)
        case .numericComparison:
            used.insert(.numericFluents)
        }
    }

    private mutating func effect(_ effect: Effect) {
        switch effect {
        case .add, .delete:
            break
        case .and(let parts):
            for part in parts { self.effect(part) }
        case .forall(let variables, let body):
            used.insert(.conditionalEffects)
            typed(variables)
            self.effect(body)
        case .when(let condition, let body):
            used.insert(.conditionalEffects)
            self.condition(condition, positive: true)
            self.effect(body)
        case .increaseTotalCost:
            used.insert(.actionCosts)
        case .numeric:
            used.insert(.numericFluents)
        }
    }
}
