/// A ground `(when C E)`: adds and deletes that apply when a conjunction of literals holds in the
/// state before the action.
public struct ConditionalEffect: Sendable, Hashable {
    /// Facts that must be true.
    public var conditions: [Int]
    /// Facts that must be false.
    public var negativeConditions: [Int]
    /// Facts made true.
    public var addEffects: [Int]
    /// Facts made false.
    public var deleteEffects: [Int]

    /// Creates a conditional effect.
    public init(conditions: [Int], negativeConditions: [Int] = [], addEffects: [Int], deleteEffects: [Int]) {
        self.conditions = conditions
        self.negativeConditions = negativeConditions
        self.addEffects = addEffects
        self.deleteEffects = deleteEffects
    }
}
