/// How big a task is: objects, action schemas, and an upper estimate of its ground actions.
///
/// The estimate is, for each action schema, the product over its parameters of the number of
/// objects of the parameter's type (subtypes and constants included; for `either`, the union of
/// its types' objects), summed over schemas. It ignores preconditions, static facts and equality,
/// so a grounder usually makes far fewer actions; it never makes more. A schema without
/// parameters counts 1. The products and the sum saturate at `Int.max` instead of overflowing.
public struct TaskSize: Hashable, Sendable, CustomStringConvertible {
    /// The number of distinct objects: the problem's objects and the domain's constants.
    public let objects: Int
    /// The number of action schemas (`:action`s; durative actions are not counted).
    public let actionSchemas: Int
    /// The upper estimate of ground actions; `Int.max` when it overflows.
    public let groundActionEstimate: Int

    /// Computes the sizes of a task.
    /// - Parameter task: a checked task.
    public init(_ task: ParsedTask) {
        objects = task.objects.count
        actionSchemas = task.domain.actions.count
        var total = 0
        var counts: [TypeSpec: Int] = [:]
        for action in task.domain.actions {
            var product = 1
            for parameter in action.parameters {
                let count: Int
                if let known = counts[parameter.type] {
                    count = known
                } else {
                    count = task.objects(of: parameter.type).count
                    counts[parameter.type] = count
                }
                let (result, overflow) = product.multipliedReportingOverflow(by: count)
                product = overflow ? Int.max : result
            }
            let (sum, overflow) = total.addingReportingOverflow(product)
            total = overflow ? Int.max : sum
        }
        groundActionEstimate = total
    }

    /// `12 objects, 4 action schemas, at most 312 ground actions`.
    public var description: String {
        let estimate = groundActionEstimate == Int.max ? "more than \(Int.max)" : "at most \(groundActionEstimate)"
        return "\(objects) objects, \(actionSchemas) action schemas, \(estimate) ground actions"
    }
}
