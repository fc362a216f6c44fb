/// A condition: an action's precondition, a `when` condition, a derived predicate's body or a
/// goal.
public indirect enum Formula: Hashable, Sendable, CustomStringConvertible {
    /// A predicate applied to terms.
    case atom(Atom)
    /// `(= t1 t2)`: the two terms name the same object; the position of the `(`.
    case equality(Term, Term, SourcePosition)
    /// `(not F)`.
    case not(Formula)
    /// `(and F…)`; `(and)` and `()` are true.
    case and([Formula])
    /// `(or F…)`; `(or)` is false.
    case or([Formula])
    /// `(imply A B)`.
    case imply(Formula, Formula)
    /// `(exists (vars) F)`.
    case exists([TypedName], Formula)
    /// `(forall (vars) F)`.
    case forall([TypedName], Formula)
    /// A numeric comparison (`<`, `<=`, `>`, `>=`, or `=` over numbers or functions), kept as
    /// read: numeric fluents are recognized, not evaluated.
    case numericComparison(SExpression)

    /// The empty condition, `(and)`: always true.
    public static let empty = Formula.and([])

    /// The condition in PDDL syntax: `(and (clear ?x) (not (holding ?x)))`.
    public var description: String { rendered(with: [:]) }
}
