/// A domain and a problem for it, checked together: the unit planners, features, sizes and the
/// validator work on.
///
/// ```swift
/// let task = try ParsedTask(domain: PDDLParser.parseDomain(domainText), problem: PDDLParser.parseProblem(problemText))
/// task.objects(of: TypeSpec("block"))   // ["a", "b", "c"]
/// ```
public struct ParsedTask: Hashable, Sendable {
    /// The domain.
    public let domain: Domain
    /// The problem.
    public let problem: Problem
    /// Every object: the domain's constants, then the problem's objects, each name once.
    public let objects: [String]
    /// The objects of each type, subtypes included (constants included), in the order of ``objects``.
    private let objectsByType: [String: [String]]

    /// Pairs a problem with its domain and checks the problem against it.
    /// - Parameters:
    ///   - domain: a parsed domain.
    ///   - problem: a parsed problem.
    /// - Throws: ``PDDLError`` with ``PDDLError/document`` `"problem"`: ``PDDLError/Code/domainMismatch``
    ///   when `(:domain …)` names another domain; ``PDDLError/Code/undefinedType`` for an object of
    ///   an undeclared type; ``PDDLError/Code/undefinedPredicate``, ``PDDLError/Code/wrongArity``,
    ///   ``PDDLError/Code/undefinedObject``, ``PDDLError/Code/undefinedFunction`` or
    ///   ``PDDLError/Code/undeclaredVariable`` for the init, goal or metric.
    public init(domain: Domain, problem: Problem) throws(PDDLError) {
        try ReferenceChecker.check(problem, against: domain)
        self.domain = domain
        self.problem = problem
        var objects: [String] = []
        var typeOfObject: [String: [String]] = [:]
        for typed in domain.constants + problem.objects {
            if typeOfObject[typed.name] == nil { objects.append(typed.name) }
            typeOfObject[typed.name, default: []].append(contentsOf: typed.type.names)
        }
        var byType: [String: [String]] = [:]
        var ancestors: [String: [String]] = [:]
        for object in objects {
            let declared = typeOfObject[object] ?? []
            var types: [String]
            if declared.count == 1, let known = ancestors[declared[0]] {
                types = known
            } else {
                var union: Set<String> = [TypeHierarchy.object]
                for type in declared { union.formUnion(domain.types.ancestors(of: type)) }
                types = Array(union)
                if declared.count == 1 { ancestors[declared[0]] = types }
            }
            for type in types { byType[type, default: []].append(object) }
        }
        self.objects = objects
        self.objectsByType = byType
    }

    /// The objects of a type or of any of its subtypes, constants included.
    /// - Parameter type: a type's name.
    /// - Returns: the objects, in the order of ``objects``; empty for an unknown type.
    public func objects(ofType type: String) -> [String] { objectsByType[type] ?? [] }

    /// The objects of a typed name's type: for `either`, the union of its types' objects.
    /// - Parameter type: the type.
    /// - Returns: each object once, in the order of ``objects``.
    public func objects(of type: TypeSpec) -> [String] {
        if type.names.count == 1 { return objects(ofType: type.names[0]) }
        var members: Set<String> = []
        for name in type.names { members.formUnion(objects(ofType: name)) }
        return objects.filter { members.contains($0) }
    }
}
