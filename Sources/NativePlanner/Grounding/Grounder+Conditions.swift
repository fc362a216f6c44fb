import PlannerKit

/// A conjunction of literals: fact id × 2, plus 1 when negated; sorted, each once.
typealias Conjunction = [Int]

extension Grounder {
    /// Whether a condition can hold in the delete relaxation: fluent atoms reached so far are
    /// true, negative fluent literals are ignored (true), static atoms are as in `:init`.
    func holdsRelaxed(_ condition: LiftedCondition, _ binding: inout [Int]) -> Bool {
        switch condition {
        case .literal(let atom, let isPositive):
            if isPositive { return known.contains(key(atom, binding)) }
            return isFluent[atom.predicate] || !known.contains(key(atom, binding))
        case .equality(let left, let right, let isPositive):
            return (Self.object(left, binding) == Self.object(right, binding)) == isPositive
        case .and(let parts):
            for part in parts where !holdsRelaxed(part, &binding) { return false }
            return true
        case .or(let parts):
            for part in parts where holdsRelaxed(part, &binding) { return true }
            return false
        case .exists(let firstSlot, let domains, let body):
            return !Self.forEachBinding(firstSlot, domains[...], &binding) { !holdsRelaxed(body, &$0) }
        case .forall(let firstSlot, let domains, let body):
            return Self.forEachBinding(firstSlot, domains[...], &binding) { holdsRelaxed(body, &$0) }
        case .constant(let value):
            return value
        }
    }

    /// The condition's disjunctive normal form over fact ids, after reaching: static atoms and
    /// equalities decided, fluent atoms never reached false. `[]` is false, `[[]]` true.
    /// - Throws: `unsupported` past ``maximumDisjuncts``.
    func normalForm(_ condition: LiftedCondition, _ binding: inout [Int]) throws(PlanningError) -> [Conjunction] {
        switch condition {
        case .literal(let atom, let isPositive):
            let key = key(atom, binding)
            if isFluent[atom.predicate] {
                guard let id = factIDs[key] else { return isPositive ? [] : [[]] }
                return [[id * 2 + (isPositive ? 0 : 1)]]
            }
            return known.contains(key) == isPositive ? [[]] : []
        case .equality(let left, let right, let isPositive):
            return (Self.object(left, binding) == Self.object(right, binding)) == isPositive ? [[]] : []
        case .and(let parts):
            var result: [Conjunction] = [[]]
            for part in parts {
                let form = try normalForm(part, &binding)
                result = try Self.conjoin(result, form)
                if result.isEmpty { return [] }
            }
            return result
        case .or(let parts):
            var result: [Conjunction] = []
            for part in parts {
                result = try Self.disjoin(result, try normalForm(part, &binding))
                if result == [[]] { return result }
            }
            return result
        case .exists(let firstSlot, let domains, let body):
            var result: [Conjunction] = []
            var failure: PlanningError?
            Self.forEachBinding(firstSlot, domains[...], &binding) { binding in
                do throws(PlanningError) {
                    result = try Self.disjoin(result, try normalForm(body, &binding))
                } catch {
                    failure = error
                    return false
                }
                return result != [[]]
            }
            if let failure { throw failure }
            return result
        case .forall(let firstSlot, let domains, let body):
            var result: [Conjunction] = [[]]
            var failure: PlanningError?
            Self.forEachBinding(firstSlot, domains[...], &binding) { binding in
                do throws(PlanningError) {
                    result = try Self.conjoin(result, try normalForm(body, &binding))
                } catch {
                    failure = error
                    return false
                }
                return !result.isEmpty
            }
            if let failure { throw failure }
            return result
        case .constant(let value):
            return value ? [[]] : []
        }
    }

    /// The disjunction of two normal forms.
    static func disjoin(_ left: [Conjunction], _ right: [Conjunction]) throws(PlanningError) -> [Conjunction] {
        if left.contains([]) || right.contains([]) { return [[]] }
        var result = left
        for conjunction in right where !result.contains(conjunction) { result.append(conjunction) }
        guard result.count <= maximumDisjuncts else { throw tooManyDisjuncts() }
        return result
    }

    /// The conjunction of two normal forms (their cross product, contradictions dropped).
    static func conjoin(_ left: [Conjunction], _ right: [Conjunction]) throws(PlanningError) -> [Conjunction] {
        if left == [[]] { return right }
        if right == [[]] { return left }
        var result: [Conjunction] = []
        for first in left {
            for second in right {
                guard let merged = merge(first, second) else { continue }
                if !result.contains(merged) { result.append(merged) }
                guard result.count <= maximumDisjuncts else { throw tooManyDisjuncts() }
            }
        }
        return result
    }

    /// Two sorted conjunctions as one, or nil when they contradict each other.
    static func merge(_ first: Conjunction, _ second: Conjunction) -> Conjunction? {
        var merged: Conjunction = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count || j < second.count {
            let next: Int
            if j == second.count || (i < first.count && first[i] < second[j]) {
                next = first[i]; i += 1
            } else if i == first.count || second[j] < first[i] {
                next = second[j]; j += 1
            } else {
                next = first[i]; i += 1; j += 1
            }
            // A literal and its negation are adjacent in sorted order (2·id and 2·id + 1).
            if let last = merged.last, last / 2 == next / 2, last != next { return nil }
            if merged.last != next { merged.append(next) }
        }
        return merged
    }

    static func tooManyDisjuncts() -> PlanningError {
        PlanningError(.unsupported, "the native planner cannot ground a condition whose disjunctive normal form has more than \(maximumDisjuncts) disjuncts")
    }
}
