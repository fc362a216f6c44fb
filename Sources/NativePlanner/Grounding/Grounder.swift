import PDDL
import PlannerKit

/// Grounds a parsed task into a ``GroundTask`` by relaxed reachability.
///
/// Semantics and limits:
/// - Only actions applicable in the delete relaxation from the initial state are kept: every
///   schema's parameters are enumerated in order, and each partial binding is pruned by the
///   precondition's top-level literals and equalities as soon as they are bound — static atoms
///   (of predicates no effect changes) against `:init`, fluent atoms against the atoms reached so
///   far — until no new atom is reached. Negative fluent literals are ignored while reaching.
/// - Conditions are put in negation normal form; `exists` and `forall` are expanded over the
///   objects of their variables' types; `=` is decided at grounding time; the precondition's
///   disjunctive normal form gives one ground action per disjunct (at most
///   ``maximumDisjuncts``, otherwise `unsupported`).
/// - Effects: `and`, `not`, `forall` (expanded), `when` (a ``ConditionalEffect`` per disjunct of
///   its condition) and `(increase (total-cost) …)` by a number or a function's `:init` value,
///   outside `when` and `forall`.
/// - A goal that is one conjunction of literals becomes ``GroundTask/goal`` and
///   ``GroundTask/negativeGoal``; a disjunctive goal gets an artificial goal fact, reached by
///   one artificial action (cost 0) per disjunct, which every real action deletes.
/// - Derived predicates, numeric fluents and durative actions throw `unsupported`.
public struct Grounder {
    /// The most disjuncts a condition's normal form may have.
    public static let maximumDisjuncts = 1024

    let task: ParsedTask
    let compiler: LiftedCompiler
    let stop: PlanningStop
    /// Whether each predicate is changed by some effect.
    var isFluent: [Bool]
    let predicateCount: Int
    let objectCount: Int
    /// Packed keys of the atoms of `:init` and of every atom reached so far.
    var known: Set<Int> = []
    /// The fluent atoms in the order they became known: predicate, then arguments.
    var fluentAtoms: [[Int]] = []
    var fluentKeys: [Int] = []
    /// Fact ids of fluent atoms, set after reaching.
    var factIDs: [Int: Int] = [:]
    /// Ground actions found applicable in the relaxation: schema index, then the parameters.
    var reachedActions: [[Int]] = []
    var reachedActionSet: Set<[Int]> = []
    /// The values of numeric functions in `:init`: function index, then arguments.
    var functionValues: [[Int]: Double] = [:]
    var pollCount = 0

    /// Grounds a task.
    /// - Parameters:
    ///   - task: a parsed task.
    ///   - stop: checked while grounding.
    /// - Returns: the ground task.
    /// - Throws: `PlanningError` `.unsupported` naming a feature the native planner lacks,
    ///   `.unsolvable` when the goal cannot be reached even ignoring deletes, `.invalidObjective`
    ///   for a cost without a value; `PlanningError(.limitReached)` or `CancellationError` from
    ///   `stop`.
    public static func ground(_ task: ParsedTask, stop: PlanningStop = PlanningStop()) throws -> GroundTask {
        try rejectUnsupportedFeatures(of: task)
        var grounder = try Grounder(task: task, stop: stop)
        return try grounder.run()
    }

    static func rejectUnsupportedFeatures(of task: ParsedTask) throws(PlanningError) {
        let used = TaskFeatures(task).used
        let unsupported: [(Feature, String)] = [
            (.derivedPredicates, "derived predicates"), (.numericFluents, "numeric fluents"), (.durativeActions, "durative actions"),
        ]
        let names = unsupported.filter { used.contains($0.0) }.map { "\($0.1) (\($0.0.capability))" }
        if !names.isEmpty {
            throw PlanningError(.unsupported, "the native planner does not support \(names.joined(separator: " or ")), which the task uses")
        }
    }

    private init(task: ParsedTask, stop: PlanningStop) throws(PlanningError) {
        self.task = task
        self.stop = stop
        compiler = LiftedCompiler(task: task)
        predicateCount = max(task.domain.predicates.count, 1)
        objectCount = max(task.objects.count, 1)
        isFluent = Array(repeating: false, count: predicateCount)
        let maximumArity = task.domain.predicates.map(\.parameters.count).max() ?? 0
        var capacity = predicateCount
        for _ in 0..<maximumArity {
            let (product, overflow) = capacity.multipliedReportingOverflow(by: objectCount)
            guard !overflow, product < Int.max / 4 else {
                throw PlanningError(.unsupported, "the native planner cannot ground \(task.objects.count) objects with predicates of \(maximumArity) arguments")
            }
            capacity = product
        }
    }

    /// The packed key of a predicate applied to object ids.
    @inline(__always)
    func key(_ predicate: Int, _ arguments: some Collection<Int>) -> Int {
        var packed = 0
        for argument in arguments.reversed() { packed = packed * objectCount + argument }
        return predicate + predicateCount * packed
    }

    /// The object of an argument under a binding.
    @inline(__always)
    static func object(_ argument: Int, _ binding: [Int]) -> Int { argument >= 0 ? binding[argument] : -(argument + 1) }

    @inline(__always)
    func key(_ atom: LiftedAtom, _ binding: [Int]) -> Int {
        var packed = 0
        for argument in atom.arguments.reversed() { packed = packed * objectCount + Self.object(argument, binding) }
        return atom.predicate + predicateCount * packed
    }

    mutating func poll() throws {
        pollCount &+= 1
        if pollCount & 4095 == 0 { try stop.check() }
    }

    private mutating func run() throws -> GroundTask {
        var schemas: [LiftedSchema] = []
        for action in task.domain.actions {
            let schema = try compiler.schema(action)
            markFluents(schema.effect)
            schemas.append(schema)
        }
        for atom in task.problem.initialAtoms {
            guard let predicate = compiler.predicateIndex[atom.predicate] else { continue }
            var arguments: [Int] = []
            for argument in atom.arguments {
                guard case .object(let name) = argument, let id = compiler.objectIndex[name] else { continue }
                arguments.append(id)
            }
            insertKnown(predicate, arguments)
        }
        for fact in task.problem.numericFacts {
            guard let function = compiler.functionIndex[fact.function.name] else { continue }
            var key = [function]
            for argument in fact.function.arguments {
                if case .object(let name) = argument, let id = compiler.objectIndex[name] { key.append(id) }
            }
            functionValues[key] = fact.value
        }
        // Relaxed reachability: repeat until a round reaches no new atom.
        var previous = -1
        while known.count != previous {
            previous = known.count
            for (index, schema) in schemas.enumerated() {
                var binding = Array(repeating: 0, count: schema.slotCount)
                try enumerate(schema, index, level: 0, &binding)
            }
        }
        for (index, key) in fluentKeys.enumerated() { factIDs[key] = index }
        return try makeTask(schemas)
    }

    private mutating func markFluents(_ effect: LiftedEffect) {
        switch effect {
        case .add(let atom), .delete(let atom): isFluent[atom.predicate] = true
        case .and(let parts): for part in parts { markFluents(part) }
        case .forall(_, _, let body), .when(_, let body): markFluents(body)
        case .cost: break
        }
    }

    mutating func insertKnown(_ predicate: Int, _ arguments: [Int]) {
        let key = key(predicate, arguments)
        if known.insert(key).inserted, isFluent[predicate] {
            fluentKeys.append(key)
            fluentAtoms.append([predicate] + arguments)
        }
    }

    private mutating func enumerate(_ schema: LiftedSchema, _ index: Int, level: Int, _ binding: inout [Int]) throws {
        try poll()
        let parameterCount = schema.parameterDomains.count
        if level == parameterCount {
            var actionKey = [index]
            actionKey.append(contentsOf: binding[0..<parameterCount])
            if reachedActionSet.contains(actionKey) { return }
            if parameterCount == 0 || !schema.checksCoverPrecondition {
                guard holdsRelaxed(schema.precondition, &binding) else { return }
            }
            reachedActionSet.insert(actionKey)
            reachedActions.append(actionKey)
            reachAdds(schema.effect, &binding)
            return
        }
        let checks = schema.checks[level]
        candidates: for object in schema.parameterDomains[level] {
            binding[level] = object
            for check in checks where !holdsRelaxed(check, &binding) { continue candidates }
            try enumerate(schema, index, level: level + 1, &binding)
        }
    }

    /// Marks every atom an effect may add as reached (conditions are ignored: an over-approximation).
    private mutating func reachAdds(_ effect: LiftedEffect, _ binding: inout [Int]) {
        switch effect {
        case .add(let atom):
            insertKnown(atom.predicate, atom.arguments.map { Self.object($0, binding) })
        case .and(let parts):
            for part in parts { reachAdds(part, &binding) }
        case .forall(let firstSlot, let domains, let body):
            _ = Self.forEachBinding(firstSlot, domains[...], &binding) { binding in reachAdds(body, &binding); return true }
        case .when(_, let body):
            reachAdds(body, &binding)
        case .delete, .cost:
            break
        }
    }

    /// Calls `body` for every assignment of objects from `domains` to the slots from `firstSlot`,
    /// while it returns true; returns false when it stopped early.
    @discardableResult
    static func forEachBinding(
        _ firstSlot: Int, _ domains: ArraySlice<[Int]>, _ binding: inout [Int], _ body: (inout [Int]) throws -> Bool
    ) rethrows -> Bool {
        guard let domain = domains.first else { return try body(&binding) }
        for object in domain {
            binding[firstSlot] = object
            if try !forEachBinding(firstSlot + 1, domains.dropFirst(), &binding, body) { return false }
        }
        return true
    }
}
