/// A numeric value in `:init`: `(= (road-length a b) 3)`, `(= (total-cost) 0)`.
public struct NumericFact: Hashable, Sendable {
    /// The function applied to objects.
    public var function: FunctionTerm
    /// Its initial value.
    public var value: Double

    /// Creates a numeric fact.
    /// - Parameters:
    ///   - function: the function term (arguments are objects).
    ///   - value: its value.
    public init(_ function: FunctionTerm, _ value: Double) {
        self.function = function
        self.value = value
    }
}
