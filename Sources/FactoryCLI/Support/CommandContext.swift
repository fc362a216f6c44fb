import ExamplePlanners
import NativePlanner
import PlannerFactory
import PlannerKit

/// Builds the factory a command works on: configuration from the environment and flags, the
/// example planners as builtins, and a discovery of the plugin path.
enum CommandContext {
    /// The builtins every executable registers: the example planners and the native PDDL planners.
    static var builtins: [BuiltinPlanner] {
        (ExamplePlanners.all + NativePlanners.all).map { BuiltinPlanner($0) }
    }

    static func factory(_ options: CommonOptions, discover: Bool = true,
                        adjust: (inout FactoryConfiguration) -> Void = { _ in }) throws(FactoryError) -> PlannerFactory {
        var configuration = try options.configuration.configuration()
        adjust(&configuration)
        // A wait for another process's lock is said as it happens (after a second), on stderr.
        let factory = PlannerFactory(configuration: configuration, builtins: builtins, notices: { Output.error("warning: \($0)") })
        kept.withLock { $0.append(factory) }
        if discover {
            factory.discover()
            if !options.noProbe {
                // Pending plugins are probed in the sandbox first, so statuses are true ones.
                let warnings = factory.probePending().warnings
                probeWarnings.withLock { $0 += warnings }
                for warning in warnings { Output.error("warning: \(TerminalText.escaped(warning))") }
            }
        }
        return factory
    }

    /// What probing before a command warned of (also said on standard error as it came), for
    /// a command's JSON.
    static let probeWarnings = Locked<[String]>([])

    /// Every factory a command made, kept until the process exits: freeing 10,000 records on the
    /// way out took 7 ms of a 150 ms `factory rank` and does nothing the exit does not (workers
    /// die with their parent: PR_SET_PDEATHSIG).
    private static let kept = Locked<[PlannerFactory]>([])

    /// Called just before the process exits: what a factory's deinit would do that the exit does
    /// not (a publishing factory tells its subscribers it stops and removes its socket).
    static func finish() {
        for factory in kept.withLock({ $0 }) { factory.stopPublishing() }
    }

    /// Splits `a,b , c` into capabilities.
    static func capabilities(_ text: String?) -> [String] {
        guard let text else { return [] }
        return text.split(separator: ",").map { String($0) }.filter { !$0.trimmingCharacters().isEmpty }
    }
}

extension String {
    func trimmingCharacters() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
