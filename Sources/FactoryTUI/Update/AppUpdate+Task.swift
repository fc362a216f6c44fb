import PlannerFactory
import PlannerKit

/// A PDDL task in the update function: the form `t` opens, loading (off the UI thread), the
/// derived capabilities, `Enter` and `P` on the task, and scrolling a long plan.
extension AppUpdate {
    /// `t`: the form for a domain and a problem path, with what was typed last.
    static func openTaskForm(_ model: inout AppModel) -> [Effect] {
        model.taskForm.isShown = true
        model.taskForm.field = model.taskForm.domain.text.isEmpty || !model.taskForm.problem.text.isEmpty ? .domain : .problem
        return []
    }

    /// A key while the form is open: editing, `Tab` between the fields, `Enter` loads, `Esc` closes.
    static func taskFormKey(_ key: Key, _ model: inout AppModel) -> [Effect] {
        switch key {
        case .escape:
            model.taskForm.isShown = false
        case .tab, .backTab, .up, .down:
            model.taskForm.field = model.taskForm.field == .domain ? .problem : .domain
        case .enter:
            let domain = model.taskForm.domain.text.trimmed
            let problem = model.taskForm.problem.text.trimmed
            if model.taskForm.field == .domain && problem.isEmpty && !domain.isEmpty {
                model.taskForm.field = .problem
                return []
            }
            if domain.isEmpty && problem.isEmpty {
                model.taskForm.isShown = false
                return unloadTask(&model)
            }
            guard !domain.isEmpty, !problem.isEmpty else {
                model.message = .init("A task needs both files: a domain and a problem path (Esc closes the form)", isError: true)
                return []
            }
            model.taskForm.isShown = false
            return update(&model, .openTask(domain: domain, problem: problem))
        default:
            model.taskForm.focused.apply(key)
        }
        return []
    }

    /// `.openTask`: read and analyse the files in the background.
    static func openTask(domain: String, problem: String, _ model: inout AppModel) -> [Effect] {
        model.taskForm.domain = TextField(domain)
        model.taskForm.problem = TextField(problem)
        guard model.activities[.task] == nil else {
            model.message = .init("A task is loading; press t again when it is done", isError: true)
            return []
        }
        model.activities[.task] = "loading \(TerminalText.escaped(problem))…"
        return [.loadTask(domain: domain, problem: problem)]
    }

    /// A task was read: its features become the capabilities (still editable), its problem the
    /// objective, and the ranking follows.
    static func taskLoaded(_ task: LoadedTask, _ model: inout AppModel) -> [Effect] {
        model.activities[.task] = nil
        model.task = task
        model.objective = TextField(task.summary)
        model.capabilities = TextField(task.capabilities.joined(separator: ", "))
        model.rankingCursor = 0
        model.rankingScroll = 0
        model.focus = .ranking
        let unused = task.declaredButUnused.isEmpty ? "" : "; declared but unused: " + task.declaredButUnused.joined(separator: ", ")
        model.message = .init("Loaded \(TerminalText.escaped(task.summary)): uses \(task.capabilities.dropFirst().joined(separator: ", "))\(unused)")
        return [rankEffect(model)]
    }

    /// A task could not be loaded: the error says where; what was loaded before stays.
    static func taskFailed(_ text: String, _ model: inout AppModel) -> [Effect] {
        model.activities[.task] = nil
        model.message = .init(TerminalText.escaped(text), isError: true)
        return []
    }

    /// Both paths left empty in the form: back to objectives without a task.
    private static func unloadTask(_ model: inout AppModel) -> [Effect] {
        guard let task = model.task else { return [] }
        model.task = nil
        model.message = .init("Unloaded \(TerminalText.escaped(task.summary)); the objective no longer carries a task")
        return []
    }

    /// `P`: the best selectable planners at once on the task; the first valid plan wins.
    static func runPortfolio(_ model: inout AppModel) -> [Effect] {
        guard let task = model.task else {
            model.message = .init("P runs a portfolio on a PDDL task: load one with t first", isError: true)
            return []
        }
        let name = AppModel.portfolioName
        guard !model.planning.contains(name) else {
            model.message = .init("A portfolio is still running: Esc cancels it", isError: true)
            return []
        }
        startPlanning(name, &model)
        return [.portfolio(objective: task.objective(text: model.objective.text, capabilities: model.capabilityList), size: AppModel.portfolioSize)]
    }

    /// A run starts: it is under way (its time counts on the message line), the last result closes.
    static func startPlanning(_ name: String, _ model: inout AppModel) {
        model.planning.insert(name)
        model.planElapsed[name] = nil
        model.activities[.planning] = planningText(model)
        model.planResult = nil
    }

    /// The run `Enter` asks for: on the task when one is loaded.
    static func planEffect(_ planner: String, _ model: AppModel) -> Effect {
        guard let task = model.task else {
            return .plan(planner: planner, objective: model.objective.text, capabilities: model.capabilityList)
        }
        return .planTask(planner: planner, objective: task.objective(text: model.objective.text, capabilities: model.capabilityList))
    }

    /// Scrolls the plan result shown, if the key scrolls; returns whether it did.
    static func scrollResult(_ key: Key, _ model: inout AppModel) -> Bool {
        guard let result = model.planResult else { return false }
        let rect = PlanResultView.rect(model)
        let visible = max(1, rect.height - 3)
        let delta: Int
        switch key {
        case .character("j"), .down: delta = 1
        case .character("k"), .up: delta = -1
        case .pageDown: delta = visible
        case .pageUp: delta = -visible
        case .home, .character("g"): delta = -Int.max / 2
        case .end, .character("G"): delta = Int.max / 2
        default: return false
        }
        let count = PlanResultView.lines(result, width: rect.width - 4, frozen: model.isFrozen).count
        model.resultScroll = max(0, min(max(0, count - visible), model.resultScroll + delta))
        return true
    }
}

extension String {
    fileprivate var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
