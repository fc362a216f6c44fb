import PlannerFactory
import PlannerKit

/// Everything that changes the model: terminal input, and results the background work posts to
/// the inbox.
public enum AppEvent: Sendable {
    case input(TerminalInput)
    /// The registry after discovery, probing, a release or health checks.
    case planners([PlannerRecord])
    /// A rediscovery finished.
    case discovered(DiscoveryReport)
    /// Progress of background work ("3/14").
    case progress(AppModel.Activity, String)
    /// Probing of pending plugins finished.
    case probed(ProbeSummary)
    case ranked(Ranking)
    case telemetry(TelemetrySnapshot)
    case healthChecked(HealthReport)
    case planned(AppModel.PlanResult)
    /// A plan is still running after this long (posted about once a second).
    case planTick(planner: String, elapsed: Duration)
    /// The workers of the factory's instances.
    case workers([WorkerInfo])
    case released(name: String, record: PlannerRecord?, error: String?)
    case burstFinished(count: Int, failures: Int, duration: Duration)
    /// Load the PDDL task in these files (`--domain/--problem` at start; the form `t` opens).
    case openTask(domain: String, problem: String)
    /// The task was read and analysed.
    case taskLoaded(LoadedTask)
    /// The task could not be read or parsed: the error names the file, line and column.
    case taskFailed(String)
    /// Background work failed before it could report.
    case failed(AppModel.Activity, String)
    /// `--attach`: the publishers of the state folder, to pick from.
    case publishers([PublisherChoice])
    /// `--attach`: receiving the events of this process (its snapshot is in); its configuration in one line.
    case attached(pid: Int32, command: String, configuration: String)
    /// `--attach`: the process stopped publishing or went away (why); the runner waits for one of the same command.
    case detached(String)
    /// `--attach`: how many events the publisher has dropped for this TUI so far.
    case droppedEvents(UInt64)
}

/// Work the update asks for; the effect runner does it (ranking at once, the rest off the UI thread).
public enum Effect: Sendable, Hashable {
    case rank(objective: String, capabilities: [String])
    case rediscover
    case probePending
    case health
    case plan(planner: String, objective: String, capabilities: [String])
    /// Run a planner on an objective that carries a PDDL task.
    case planTask(planner: String, objective: Objective)
    /// Run the best selectable planners at once on the objective (`PlannerFactory.portfolio`).
    case portfolio(objective: Objective, size: Int)
    /// Read and analyse the domain and problem files, off the UI thread.
    case loadTask(domain: String, problem: String)
    case release(String)
    /// End the running plans of these planners (their workers are killed); `AppModel.portfolioName`
    /// cancels the running portfolio.
    case cancelPlans([String])
    case burst(objective: String, capabilities: [String], count: Int)
    case setTelemetryPaused(Bool)
    case refreshTelemetry
    /// `--attach`: attach to the publisher of this id (picked from the list).
    case attach(id: String)
}
