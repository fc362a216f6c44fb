/// The one error type of the PDDL module: a `code` per kind of failure and a full-sentence
/// description naming where (line and column) and what was expected.
///
/// `==` compares codes only, so tests can write `#expect(throws: PDDLError(.wrongArity)) { … }`.
///
/// ```
/// line 12, column 5: expected ')' to close the (:action pick-up … opened at line 9, column 3, but the text ended
/// ```
public struct PDDLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A kind of failure. Extensible: adding a code is not a breaking change.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case syntax
            case nestingTooDeep = "nesting-too-deep"
            case unknownSection = "unknown-section"
            case undefinedPredicate = "undefined-predicate"
            case undefinedType = "undefined-type"
            case undefinedObject = "undefined-object"
            case undefinedFunction = "undefined-function"
            case undeclaredVariable = "undeclared-variable"
            case wrongArity = "wrong-arity"
            case domainMismatch = "domain-mismatch"
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// The text is not well-formed PDDL: an unclosed or stray parenthesis, or a token where
        /// something else was expected.
        public static let syntax = Code(.syntax)
        /// Lists nest deeper than ``SExpressionReader/maximumDepth``.
        public static let nestingTooDeep = Code(.nestingTooDeep)
        /// A top-level section (or an action's key) that this parser does not know.
        public static let unknownSection = Code(.unknownSection)
        /// An atom names a predicate the domain does not declare.
        public static let undefinedPredicate = Code(.undefinedPredicate)
        /// A parameter, variable, constant or object has a type the domain does not declare.
        public static let undefinedType = Code(.undefinedType)
        /// A name is neither a domain constant nor (in a problem) an object.
        public static let undefinedObject = Code(.undefinedObject)
        /// A numeric term names a function the domain does not declare in `:functions`.
        public static let undefinedFunction = Code(.undefinedFunction)
        /// A variable is used outside the parameters and quantifiers that declare it.
        public static let undeclaredVariable = Code(.undeclaredVariable)
        /// An atom or function term has a different number of arguments than its declaration.
        public static let wrongArity = Code(.wrongArity)
        /// The problem's `:domain` is not the name of the domain it is paired with.
        public static let domainMismatch = Code(.domainMismatch)

        /// The code's stable name, e.g. `wrong-arity`.
        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// Where in the text the failure is, when it is in the text.
    public var position: SourcePosition?
    /// Which text the position refers to when that is not obvious: `"problem"` for the checks
    /// ``ParsedTask/init(domain:problem:)`` makes; `nil` for the text just parsed.
    public var document: String?
    /// A full sentence without the position: `expected ')' to close …`.
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: what went wrong and what was expected, without the position.
    ///   - position: where in the text.
    ///   - document: which text the position refers to, when ambiguous (`"problem"`).
    public init(_ code: Code, _ message: String = "", at position: SourcePosition? = nil, in document: String? = nil) {
        self.code = code
        self.message = message
        self.position = position
        self.document = document
    }

    /// The message prefixed by the document and position: `problem, line 3, column 5: …`.
    public var description: String {
        var prefix = ""
        if let document { prefix = document + (position == nil ? ": " : ", ") }
        if let position { prefix += "\(position): " }
        return prefix + message
    }

    /// Compares codes only.
    public static func == (lhs: PDDLError, rhs: PDDLError) -> Bool { lhs.code == rhs.code }
}
