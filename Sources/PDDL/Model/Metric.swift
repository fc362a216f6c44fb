/// A problem's `(:metric minimize (total-cost))`.
public struct Metric: Hashable, Sendable {
    /// Whether the metric is minimized or maximized.
    public enum Direction: String, Hashable, Sendable {
        /// `minimize`.
        case minimize
        /// `maximize`.
        case maximize
    }

    /// Minimize or maximize.
    public var direction: Direction
    /// The expression, as read.
    public var expression: SExpression

    /// Creates a metric.
    /// - Parameters:
    ///   - direction: minimize or maximize.
    ///   - expression: the expression as read.
    public init(_ direction: Direction, _ expression: SExpression) {
        self.direction = direction
        self.expression = expression
    }

    /// Whether this is `minimize (total-cost)`, the metric of action costs.
    public var isTotalCost: Bool {
        direction == .minimize && expression.elements?.count == 1 && expression.head == FunctionDeclaration.totalCost
    }
}
