import PDDL
import PlannerKit

/// Translates a parsed task's conditions and effects into the lifted forms the grounder uses:
/// negation normal form (`imply` and negations pushed down to literals), variables resolved to
/// slots, objects and predicates to indices.
struct LiftedCompiler {
    let task: ParsedTask
    let objectIndex: [String: Int]
    let predicateIndex: [String: Int]
    let functionIndex: [String: Int]

    init(task: ParsedTask) {
        self.task = task
        var objects: [String: Int] = [:]
        for (index, name) in task.objects.enumerated() { objects[name] = index }
        objectIndex = objects
        var predicates: [String: Int] = [:]
        for (index, predicate) in task.domain.predicates.enumerated() where predicates[predicate.name] == nil {
            predicates[predicate.name] = index
        }
        predicateIndex = predicates
        var functions: [String: Int] = [:]
        for (index, function) in task.domain.functions.enumerated() where functions[function.name] == nil {
            functions[function.name] = index
        }
        functionIndex = functions
    }

    /// The object ids of a type.
    func domain(of type: TypeSpec) -> [Int] {
        task.objects(of: type).compactMap { objectIndex[$0] }
    }

    func term(_ term: Term, _ scope: [String: Int]) throws(PlanningError) -> Int {
        switch term {
        case .variable(let name):
            guard let slot = scope[name] else { throw PlanningError(.internal, "the variable ?\(name) is not declared") }
            return slot
        case .object(let name):
            guard let id = objectIndex[name] else { throw PlanningError(.internal, "the object '\(name)' is not declared") }
            return -(id + 1)
        }
    }

    func atom(_ atom: Atom, _ scope: [String: Int]) throws(PlanningError) -> LiftedAtom {
        guard let predicate = predicateIndex[atom.predicate] else {
            throw PlanningError(.internal, "the predicate '\(atom.predicate)' is not declared")
        }
        var arguments: [Int] = []
        for argument in atom.arguments { arguments.append(try term(argument, scope)) }
        return LiftedAtom(predicate: predicate, arguments: arguments)
    }

    /// Compiles a condition; `isPositive` false compiles its negation.
    func condition(
        _ formula: Formula, _ scope: [String: Int], nextSlot: Int, slotCount: inout Int, isPositive: Bool = true
    ) throws(PlanningError) -> LiftedCondition {
        slotCount = max(slotCount, nextSlot)
        switch formula {
        case .atom(let atom):
            return .literal(try self.atom(atom, scope), isPositive: isPositive)
        case .equality(let left, let right, _):
            return .equality(try term(left, scope), try term(right, scope), isPositive: isPositive)
        case .not(let inner):
            return try condition(inner, scope, nextSlot: nextSlot, slotCount: &slotCount, isPositive: !isPositive)
        case .and(let parts), .or(let parts):
            var compiled: [LiftedCondition] = []
            for part in parts {
                compiled.append(try condition(part, scope, nextSlot: nextSlot, slotCount: &slotCount, isPositive: isPositive))
            }
            let isConjunction: Bool = if case .and = formula { isPositive } else { !isPositive }
            return isConjunction ? .and(compiled) : .or(compiled)
        case .imply(let premise, let conclusion):
            return try condition(.or([.not(premise), conclusion]), scope, nextSlot: nextSlot, slotCount: &slotCount, isPositive: isPositive)
        case .exists(let variables, let body), .forall(let variables, let body):
            var inner = scope
            var domains: [[Int]] = []
            for (offset, variable) in variables.enumerated() {
                inner[variable.name] = nextSlot + offset
                domains.append(domain(of: variable.type))
            }
            let compiled = try condition(body, inner, nextSlot: nextSlot + variables.count, slotCount: &slotCount, isPositive: isPositive)
            let isExistential: Bool = if case .exists = formula { isPositive } else { !isPositive }
            return isExistential
                ? .exists(firstSlot: nextSlot, domains: domains, compiled) : .forall(firstSlot: nextSlot, domains: domains, compiled)
        case .numericComparison(let expression):
            throw PlanningError(.unsupported, "the native planner does not support numeric fluents: the condition \(expression) compares numbers")
        }
    }

    /// Compiles an effect.
    func effect(_ effect: Effect, _ scope: [String: Int], nextSlot: Int, slotCount: inout Int) throws(PlanningError) -> LiftedEffect {
        slotCount = max(slotCount, nextSlot)
        switch effect {
        case .add(let atom): return .add(try self.atom(atom, scope))
        case .delete(let atom): return .delete(try self.atom(atom, scope))
        case .and(let parts):
            var compiled: [LiftedEffect] = []
            for part in parts { compiled.append(try self.effect(part, scope, nextSlot: nextSlot, slotCount: &slotCount)) }
            return .and(compiled)
        case .forall(let variables, let body):
            var inner = scope
            var domains: [[Int]] = []
            for (offset, variable) in variables.enumerated() {
                inner[variable.name] = nextSlot + offset
                domains.append(domain(of: variable.type))
            }
            return .forall(firstSlot: nextSlot, domains: domains, try self.effect(body, inner, nextSlot: nextSlot + variables.count, slotCount: &slotCount))
        case .when(let condition, let body):
            let compiledCondition = try self.condition(condition, scope, nextSlot: nextSlot, slotCount: &slotCount)
            return .when(compiledCondition, try self.effect(body, scope, nextSlot: nextSlot, slotCount: &slotCount))
        case .increaseTotalCost(.constant(let amount), _):
            return .cost(.constant(amount))
        case .increaseTotalCost(.function(let function), _):
            guard let index = functionIndex[function.name] else {
                throw PlanningError(.internal, "the function '\(function.name)' is not declared")
            }
            var arguments: [Int] = []
            for argument in function.arguments { arguments.append(try term(argument, scope)) }
            return .cost(.function(index, arguments, description: function.description))
        case .numeric(let expression):
            throw PlanningError(.unsupported, "the native planner does not support numeric fluents: the effect \(expression) changes a number")
        }
    }

    /// Compiles an action schema, with its early checks per parameter.
    func schema(_ action: Action) throws(PlanningError) -> LiftedSchema {
        var scope: [String: Int] = [:]
        var domains: [[Int]] = []
        for (index, parameter) in action.parameters.enumerated() {
            scope[parameter.name] = index
            domains.append(domain(of: parameter.type))
        }
        var slotCount = action.parameters.count
        let precondition = try condition(action.precondition, scope, nextSlot: action.parameters.count, slotCount: &slotCount)
        let effect = try self.effect(action.effect, scope, nextSlot: action.parameters.count, slotCount: &slotCount)
        var checks = Array(repeating: [LiftedCondition](), count: max(action.parameters.count, 1))
        var isCovered = true
        for conjunct in precondition.conjuncts {
            switch conjunct {
            case .literal(let atom, _):
                checks[max(atom.highestSlot, 0)].append(conjunct)
            case .equality(let left, let right, _):
                checks[max(left, right, 0)].append(conjunct)
            case .constant(true):
                break
            default:
                isCovered = false
            }
        }
        return LiftedSchema(
            name: action.name, parameterDomains: domains, precondition: precondition, effect: effect,
            slotCount: slotCount, checks: checks, checksCoverPrecondition: isCovered)
    }
}
