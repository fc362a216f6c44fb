import PlannerKit

/// The one error type of PlannerFactory: a `code` per kind of failure, a full-sentence
/// description naming the offending input, context (planner, path, capability …) and an
/// optional underlying cause.
///
/// Compare errors by code: `#expect(throws: FactoryError(.plannerNotFound))` style matching works
/// through `==`, which looks at the code only.
public struct FactoryError: Error, Sendable, CustomStringConvertible {
    /// A kind of failure. Extensible: adding a code is not a breaking change.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Sendable {
            case plannerNotFound = "planner-not-found"
            case plannerQuarantined = "planner-quarantined"
            case sandboxTimeout = "sandbox-timeout"
            case sandboxImportError = "sandbox-import-error"
            case noActivePlanners = "no-active-planners"
            case selectionError = "selection-error"
            case instantiationError = "instantiation-error"
            case invalidManifest = "invalid-manifest"
            case invalidConfiguration = "invalid-configuration"
            case planningFailed = "planning-failed"
            case invalidArgument = "invalid-argument"
            case callTimeout = "call-timeout"
            case cancelled = "cancelled"
            case workerFailed = "worker-failed"
            case invalidPlan = "invalid-plan"
            case stateFolderBusy = "state-folder-busy"
            case liveUnavailable = "live-unavailable"
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }

        /// No planner of that name is registered.
        public static let plannerNotFound = Code(.plannerNotFound)
        /// The planner is quarantined and cannot be used until it is released.
        public static let plannerQuarantined = Code(.plannerQuarantined)
        /// A sandbox probe, or the copy of a plugin's library files before it, did not finish
        /// before its deadline.
        public static let sandboxTimeout = Code(.sandboxTimeout)
        /// A sandbox probe failed to load or describe the plugin.
        public static let sandboxImportError = Code(.sandboxImportError)
        /// No planner is active at all.
        public static let noActivePlanners = Code(.noActivePlanners)
        /// Planners are active, but none is selectable for the request.
        public static let selectionError = Code(.selectionError)
        /// Creating a planner instance failed.
        public static let instantiationError = Code(.instantiationError)
        /// A bundle's manifest is not valid.
        public static let invalidManifest = Code(.invalidManifest)
        /// A configuration value is malformed.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A planner ran but could not make a plan.
        public static let planningFailed = Code(.planningFailed)
        /// An argument of an API call is not acceptable (bad objective JSON, bad parameter).
        public static let invalidArgument = Code(.invalidArgument)
        /// A call into a planner's worker (`create`, `plan`, `health`) did not answer by its
        /// deadline; the worker and everything it started were ended.
        public static let callTimeout = Code(.callTimeout)
        /// A call was cancelled (the task, Ctrl-C, Esc); its worker was killed. Not a fault.
        public static let cancelled = Code(.cancelled)
        /// A planner's worker crashed, exited or broke the protocol during a call, or could not
        /// be started.
        public static let workerFailed = Code(.workerFailed)
        /// A planner returned a plan that does not solve its PDDL task (a step whose
        /// precondition fails, or a goal left unmet): a fault of the planner.
        public static let invalidPlan = Code(.invalidPlan)
        /// Another process held a lock of the state folder for longer than `FACTORY_LOCK_TIMEOUT`;
        /// the message names it (pid and command). Nothing was written. Not a fault of any plugin.
        public static let stateFolderBusy = Code(.stateFolderBusy)
        /// Live publishing or subscribing failed: no socket could be made, no publisher is there,
        /// or a publisher refused the connection (another user) or went away.
        public static let liveUnavailable = Code(.liveUnavailable)

        /// The code's stable name, e.g. `planner-not-found` (used in JSON output).
        public var description: String { kind.rawValue }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A full sentence naming the offending input.
    public var message: String
    /// Facts about the failure: `planner`, `path`, `key`, `value`, `capability` …
    public var context: [String: String]
    /// The underlying error, when there is one.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - message: a full sentence naming the input; must not be empty.
    ///   - context: facts for programs (planner name, path …).
    ///   - cause: the underlying error.
    public init(_ code: Code, _ message: String, context: [String: String] = [:], cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message.isEmpty ? "PlannerFactory failed (\(code))." : message
        self.context = context
        self.cause = cause
    }

    /// The message, and the cause when the message does not already say it (as one line, cut
    /// when long: a plugin's words may be in it). A planner's `PlanningError` is always in the
    /// message of the error made from it.
    public var description: String {
        guard let cause, !(cause is PlanningError) else { return message }
        let said = TerminalText.excerpt(String(describing: cause), limit: TerminalText.pluginMessageLimit)
        if said.isEmpty || message.contains(said) || TerminalText.escaped(message).contains(said) { return message }
        return "\(message) (cause: \(said))"
    }
}

extension FactoryError: Equatable {
    /// Two errors are equal when their codes are, so tests can match on the kind of failure.
    public static func == (lhs: FactoryError, rhs: FactoryError) -> Bool {
        lhs.code == rhs.code
    }
}
