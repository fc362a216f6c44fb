/// How much `(increase (total-cost) …)` adds: a number, or a function whose values `:init` gives.
public enum CostAmount: Hashable, Sendable, CustomStringConvertible {
    /// A non-negative number: `(increase (total-cost) 3)`.
    case constant(Double)
    /// A function term: `(increase (total-cost) (road-length ?from ?to))`.
    case function(FunctionTerm)

    /// `3` or `(road-length ?from ?to)`.
    public var description: String {
        switch self {
        case .constant(let value): NumberFormatting.text(value)
        case .function(let term): term.description
        }
    }
}

/// Prints numbers the way PDDL writes them: integers without a fraction.
enum NumberFormatting {
    static func text(_ value: Double) -> String {
        // Int(value) and back, not rounded() or Int(exactly:): those call libm, which a
        // Foundation-free binary may not link.
        if value > -1e15 && value < 1e15 {
            let integer = Int(value)
            if Double(integer) == value { return String(integer) }
        }
        return String(value)
    }
}
