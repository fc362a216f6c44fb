/// `--attach`: the other process the TUI shows, and how the connection stands.
public struct LiveAttachment: Sendable, Hashable {
    /// How the connection stands.
    public enum State: Sendable, Hashable {
        /// No pid was given: the picker lists the publishers of the state folder.
        case picking
        /// Connecting (or reconnecting) to a publisher.
        case connecting
        /// Receiving its events.
        case attached
        /// The process stopped publishing or went away (why); waiting for one of the same command.
        case gone(String)
    }

    /// The state folder whose publishers are listed.
    public var stateDirectory: String
    public var state: State
    /// The process attached to (or last attached to).
    public var pid: Int32?
    /// Its command line, one string (the header; reattaching looks for the same one).
    public var command: String
    /// Events it dropped because this TUI fell behind.
    public var droppedEvents: UInt64 = 0
    /// Whether it started with the picker (no pid given): a pick that fails goes back to it.
    public var canPick: Bool
    /// The publishers to pick from (`.picking`), refreshed about once a second.
    public var choices: [PublisherChoice] = []
    public var pickerCursor = 0

    public init(stateDirectory: String, state: State, pid: Int32? = nil, command: String = "") {
        self.stateDirectory = stateDirectory
        self.state = state
        self.pid = pid
        self.command = command
        canPick = state == .picking
    }

    /// The command line with its program's folder left out ("agent-service --rate 50"), for the header.
    public var shortCommand: String {
        let program = command.prefix { $0 != " " }
        guard let slash = program.lastIndex(of: "/") else { return command }
        return String(command[command.index(after: slash)...])
    }

    /// Whether the picker is shown.
    public var isPicking: Bool { state == .picking }
}

/// One publisher in the picker: what its hello line said, or why it did not answer.
public struct PublisherChoice: Sendable, Hashable {
    public var id: String
    public var pid: Int32
    public var command: String
    public var startTime: Double?
    public var planners: Int?
    public var selections: Int?
    public var problem: String?

    public init(id: String, pid: Int32, command: String, startTime: Double? = nil, planners: Int? = nil, selections: Int? = nil, problem: String? = nil) {
        self.id = id
        self.pid = pid
        self.command = command
        self.startTime = startTime
        self.planners = planners
        self.selections = selections
        self.problem = problem
    }
}
