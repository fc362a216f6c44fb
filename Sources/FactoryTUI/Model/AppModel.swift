import PlannerFactory
import PlannerKit

/// Everything the screen shows. Changed only by `AppUpdate`, read by `Renderer`.
public struct AppModel: Sendable {
    /// The terminal size.
    public var width: Int
    public var height: Int

    // MARK: Planners
    /// Every planner; setting it also counts them by status.
    public var planners: [PlannerRecord] = [] {
        didSet { counts = planners.reduce(into: [:]) { $0[$1.status, default: 0] += 1 } }
    }
    /// Planners by status (kept with `planners`, so a frame does not count 10,000 records).
    public private(set) var counts: [PlannerStatus: Int] = [:]
    public var plannerCursor = 0
    public var plannerScroll = 0
    /// Health check results by planner name, from the last `h`.
    public var health: [String: HealthReport.Check] = [:]

    // MARK: Objective and ranking
    public var objective = TextField()
    public var capabilities = TextField()
    public var editing: EditField?
    /// The ranking for what is typed; setting it also counts its selectable rows.
    public var ranking: Ranking? {
        didSet { selectableCount = ranking?.selectableCount ?? 0 }
    }
    public private(set) var selectableCount = 0
    public var rankingCursor = 0
    public var rankingScroll = 0

    // MARK: PDDL task
    /// The task loaded (`--domain/--problem` or `t`): the objective carries it.
    public var task: LoadedTask?
    /// The form `t` opens for a domain and a problem path.
    public var taskForm = TaskForm()

    // MARK: Telemetry
    public var telemetry: TelemetrySnapshot?
    public var isTelemetryPaused = false
    public var telemetryScroll = 0

    // MARK: Activity
    public var focus: Pane = .planners
    /// Work under way, by kind, with its progress text ("probing 3/14").
    public var activities: [Activity: String] = [:]
    /// The last message (what a key did, or an error).
    public var message: Message?
    /// Planners running a plan now (one `Enter` each; `Esc` cancels an isolated one).
    public var planning: Set<String> = []
    /// How long each running plan has been going, from the runner's ticks.
    public var planElapsed: [String: Duration] = [:]
    /// The worker processes of the factory's instances (pid, busy or idle, restarts).
    public var workers: [WorkerInfo] = []
    /// Where plugins run unless their kind or manifest says otherwise (`FACTORY_ISOLATION`).
    public var isolation: Isolation = .process
    /// The result of the last `Enter`, shown until `Esc`.
    public var planResult: PlanResult? {
        didSet { resultScroll = 0 }
    }
    /// The first line of the plan result shown (a long plan scrolls with j/k).
    public var resultScroll = 0
    public var isHelpShown = false
    public var isQuitting = false

    // MARK: Settings
    /// `--attach`: the other process shown, or `nil` for this process's own factory.
    public var attachment: LiveAttachment?
    /// The configuration in effect, one line (status bar).
    public var configurationSummary: String
    /// Freezes the clock: no periodic telemetry refresh, and every measured time and timestamp is
    /// shown as "–", for deterministic screens in tests (counts still change with what is done).
    public var isFrozen: Bool

    public init(width: Int, height: Int, configurationSummary: String, isFrozen: Bool = false) {
        self.width = width
        self.height = height
        self.configurationSummary = configurationSummary
        self.isFrozen = isFrozen
    }

    /// Background work that shows progress.
    public enum Activity: String, Sendable, Hashable, CaseIterable {
        case discovery, probing, health, planning, burst, release, task, attach
    }

    public struct Message: Sendable, Hashable {
        public var text: String
        public var isError: Bool
        public init(_ text: String, isError: Bool = false) {
            self.text = text
            self.isError = isError
        }
    }

    /// What running a planner from the ranking gave.
    public struct PlanResult: Sendable {
        public var planner: String
        public var objective: String
        public var plan: Plan?
        public var error: String?
        /// Phase timings: probe, load, create (when the instance was made now), plan.
        public var timings: [(name: String, duration: Duration)]
        /// The error's code (`invalid-plan`, `unsolvable` …) when the run failed.
        public var errorCode: String?
        /// Whether the objective carried a PDDL task (its plan was validated).
        public var isTask: Bool
        /// For a portfolio: every planner's run, who won, or who proved there is no plan.
        public var portfolio: PortfolioResult?

        public init(planner: String, objective: String, plan: Plan?, error: String?, timings: [(name: String, duration: Duration)],
                    errorCode: String? = nil, isTask: Bool = false, portfolio: PortfolioResult? = nil) {
            self.planner = planner
            self.objective = objective
            self.plan = plan
            self.error = error
            self.timings = timings
            self.errorCode = errorCode
            self.isTask = isTask
            self.portfolio = portfolio
        }
    }

    /// How many planners `P` runs at once.
    public static let portfolioSize = 3
    /// The name a running portfolio has in `planning` (no planner name has spaces).
    public static let portfolioName = "portfolio of \(portfolioSize)"

    /// The highlighted planner.
    public var highlightedPlanner: PlannerRecord? {
        planners.indices.contains(plannerCursor) ? planners[plannerCursor] : nil
    }

    /// The highlighted ranking row, with its explanation.
    public var highlightedCandidate: RankedCandidate? {
        guard let ranking, rankingCursor < ranking.count else { return nil }
        return ranking.candidates(in: rankingCursor..<(rankingCursor + 1), explain: true).first
    }

    /// The capabilities as typed: comma- or space-separated.
    public var capabilityList: [String] {
        capabilities.text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    }
}
