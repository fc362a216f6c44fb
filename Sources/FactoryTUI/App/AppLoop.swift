import Logging
import PlannerFactory

/// The UI loop, on one thread (every terminal call is made here): draw when something changed,
/// wait for input or the inbox without spinning, apply events, run effects.
public final class AppLoop {
    private let terminal: any Terminal
    private let runner: any EffectPerformer
    private let inbox: Inbox
    private let logger: Logger
    public private(set) var model: AppModel
    /// Events applied at start, after the planners (`.openTask` for `--domain/--problem`).
    private let startEvents: [AppEvent]

    public init(terminal: any Terminal, factory: PlannerFactory, model: AppModel, logger: Logger, startEvents: [AppEvent] = []) {
        self.terminal = terminal
        self.startEvents = startEvents
        self.inbox = Inbox()
        self.logger = logger
        self.model = model
        self.runner = EffectRunner(factory: factory, inbox: inbox, logger: logger)
        self.model.planners = factory.planners()
        self.model.telemetry = factory.telemetry.snapshot()
    }

    /// A loop attached to another process's factory (`--attach`): `model.attachment` says which
    /// state folder, and whether the picker shows first (no pid given).
    public init(terminal: any Terminal, attaching target: AttachRunner.Target, model: AppModel, logger: Logger) {
        self.terminal = terminal
        self.startEvents = []
        let inbox = Inbox()
        self.inbox = inbox
        self.logger = logger
        self.model = model
        let folder = model.attachment?.stateDirectory ?? FactoryConfiguration().stateDirectory
        self.runner = AttachRunner(stateDirectory: folder, target: target, inbox: inbox, logger: logger)
    }

    /// Runs until the user quits.
    public func run() {
        apply([.planners(model.planners)] + startEvents)
        if model.attachment == nil { model.activities[.discovery] = "discovering…" }
        runner.start()
        var isDirty = true
        while !model.isQuitting {
            if isDirty {
                let (grid, cursor) = Renderer.render(model)
                terminal.draw(grid, cursor: cursor)
                isDirty = false
            }
            // Idle: one wake-up a second for live telemetry (none when frozen); busier while work runs.
            let timeout: Duration? = model.isFrozen ? nil : (model.activities.isEmpty ? .seconds(1) : .milliseconds(200))
            let input = terminal.waitForInput(timeout: timeout, wakeDescriptor: inbox.wakeDescriptor)
            var events = Self.pasteSafe(input, isEditing: model.editing != nil || model.taskForm.isShown).map(AppEvent.input) + inbox.drain()
            if events.isEmpty, !model.isTelemetryPaused, let refreshed = runner.perform(.refreshTelemetry),
               case .telemetry(let snapshot) = refreshed, changed(snapshot) {
                events.append(refreshed)
            }
            guard !events.isEmpty else { continue }
            apply(events)
            isDirty = true
        }
        logger.info("quit")
    }

    /// Applies events, running the effects they ask for (synchronous results are applied at once).
    func apply(_ events: [AppEvent]) {
        var queue = events[...]
        while let event = queue.popFirst() {
            for effect in AppUpdate.update(&model, event) {
                if let result = runner.perform(effect) { queue.append(result) }
            }
        }
    }

    /// Input read at once after an Enter that ends editing is a paste, not commands: those keys
    /// are dropped (a pasted "…\nq" must not quit).
    static func pasteSafe(_ input: [TerminalInput], isEditing: Bool) -> [TerminalInput] {
        guard isEditing, let enter = input.firstIndex(of: .key(.enter)) else { return input }
        return Array(input[...enter]) + input[(enter + 1)...].filter { if case .resize = $0 { true } else { false } }
    }

    private func changed(_ snapshot: TelemetrySnapshot) -> Bool {
        guard let current = model.telemetry else { return true }
        return current.selection.count != snapshot.selection.count || current.instantiation.count != snapshot.instantiation.count
            || current.isPaused != snapshot.isPaused || current.recentSelections.first?.timestamp != snapshot.recentSelections.first?.timestamp
    }
}
