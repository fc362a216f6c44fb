/// One step of a sequential plan: a ground action in PDDL syntax, `(pick-up a)`.
///
/// Reading accepts any case and extra spaces; ``description`` is the canonical form (lower case,
/// single spaces) that plans use.
public struct PlanStep: Hashable, Sendable, CustomStringConvertible {
    /// The action's name, lower-cased.
    public var action: String
    /// The objects, lower-cased, in order.
    public var arguments: [String]

    /// Creates a step.
    /// - Parameters:
    ///   - action: the action's name.
    ///   - arguments: the objects.
    public init(_ action: String, _ arguments: [String]) {
        self.action = action
        self.arguments = arguments
    }

    /// Reads a step such as `(PICK-UP  a)`.
    /// - Parameter text: the step.
    /// - Throws: ``PDDLError/Code/syntax`` when the text is not one list of names, the first
    ///   being the action.
    public init(parsing text: String) throws(PDDLError) {
        let expression = try SExpressionReader.read(text)
        guard let elements = expression.elements, let action = elements.first?.atom else {
            throw PDDLError(.syntax, "expected a ground action such as (pick-up a), found \(expression.summary)", at: expression.position)
        }
        var arguments: [String] = []
        for element in elements.dropFirst() {
            guard case .object(let name)? = FormulaParser.plainTerm(element) else {
                throw ListCursor.unexpected("an object name as an argument of '\(action)'", found: element)
            }
            arguments.append(name)
        }
        self.init(action, arguments)
    }

    /// `(pick-up a)`.
    public var description: String {
        arguments.isEmpty ? "(\(action))" : "(\(action) " + arguments.joined(separator: " ") + ")"
    }
}
