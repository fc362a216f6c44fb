import PlannerFactory
import PlannerKit

/// The update function: applies an event to the model and says what work it needs.
public enum AppUpdate {
    /// How many selections `b` runs.
    public static let burstSize = 1000

    public static func update(_ model: inout AppModel, _ event: AppEvent) -> [Effect] {
        switch event {
        case .input(.key(let key)):
            return handle(key, &model)
        case .input(.resize(let width, let height)):
            model.width = width
            model.height = height
            clampCursors(&model)
            return []
        case .planners(let records):
            let highlighted = model.highlightedPlanner?.name
            model.planners = records
            if let highlighted, let index = records.firstIndex(where: { $0.name == highlighted }) { model.plannerCursor = index }
            clampCursors(&model)
            return [rankEffect(model)]
        case .discovered(let report):
            model.activities[.discovery] = nil
            model.message = .init("Rediscovered: \(report.summary)")
            guard model.activities[.probing] == nil else { return [] }
            model.activities[.probing] = "probing…"
            return [.probePending]
        case .progress(let activity, let text):
            model.activities[activity] = text
            return []
        case .probed(let summary):
            model.activities[.probing] = nil
            if summary.probed > 0 {
                model.message = .init("Probed \(summary.probed) plugin(s): \(summary.passed) active, \(summary.probed - summary.passed) quarantined")
            }
            if let warning = summary.warnings.first { model.message = .init(warning, isError: true) }
            return []
        case .ranked(let ranking):
            model.ranking = ranking
            clampCursors(&model)
            return []
        case .telemetry(let snapshot):
            model.telemetry = snapshot
            model.isTelemetryPaused = snapshot.isPaused
            return []
        case .healthChecked(let report):
            model.activities[.health] = nil
            model.health = Dictionary(report.checks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let failing = report.checks.filter { $0.isHealthy == false }.count
            model.message = .init("Health: \(report.status) (\(failing) failing of \(report.checks.filter { $0.isHealthy != nil }.count) checked)", isError: failing > 0)
            return [.refreshTelemetry]
        case .planned(let result):
            model.planning.remove(result.planner)
            model.planElapsed[result.planner] = nil
            // What was said while it ran is over: "Cancelling …", and a health check that found it busy.
            if model.message?.text.hasPrefix("Cancelling the plan of") == true { model.message = nil }
            if model.health[result.planner]?.isBusy == true { model.health[result.planner] = nil }
            model.activities[.planning] = planningText(model)
            model.planResult = result
            return [.refreshTelemetry]
        case .planTick(let planner, let elapsed):
            guard model.planning.contains(planner) else { return [] }
            model.planElapsed[planner] = elapsed
            model.activities[.planning] = planningText(model)
            return []
        case .workers(let workers):
            model.workers = workers
            return []
        case .released(let name, let record, let error):
            model.activities[.release] = nil
            if let error {
                model.message = .init(error, isError: true)
            } else if let record {
                let state = record.status == .quarantined ? "quarantined again: \(record.reason ?? "")" : "\(record.status)"
                model.message = .init("Released \(name): probed again, \(state)", isError: record.status == .quarantined)
            }
            return [.refreshTelemetry]
        case .burstFinished(let count, let failures, let duration):
            model.activities[.burst] = nil
            let each = count > 0 ? duration / count : .zero
            model.message = .init("Burst: \(count) selections (\(failures) failed) in \(Format.duration(duration, frozen: model.isFrozen)), \(Format.duration(each, frozen: model.isFrozen)) each")
            return [.refreshTelemetry]
        case .openTask(let domain, let problem):
            return openTask(domain: domain, problem: problem, &model)
        case .taskLoaded(let task):
            return taskLoaded(task, &model)
        case .taskFailed(let text):
            return taskFailed(text, &model)
        case .failed(let activity, let text):
            model.activities[activity] = nil
            model.message = .init(text, isError: true)
            return []
        case .publishers, .attached, .detached, .droppedEvents:
            return attachEvent(event, &model)
        }
    }

    /// The activity text of the plans under way, with how long each has run ("planning with
    /// fault-hang-plan 12 s… Esc cancels").
    static func planningText(_ model: AppModel) -> String? {
        guard !model.planning.isEmpty else { return nil }
        let names = model.planning.sorted().map { name in
            guard let elapsed = model.planElapsed[name] else { return name }
            return "\(name) \(Format.elapsed(elapsed, frozen: model.isFrozen))"
        }
        return "planning with \(names.joined(separator: ", "))… Esc cancels"
    }

    /// The ranking for what is typed.
    static func rankEffect(_ model: AppModel) -> Effect {
        .rank(objective: model.objective.text, capabilities: model.capabilityList)
    }

    /// Keeps cursors and scroll offsets inside their lists.
    static func clampCursors(_ model: inout AppModel) {
        model.plannerCursor = max(0, min(model.plannerCursor, model.planners.count - 1))
        let rows = model.ranking?.count ?? 0
        model.rankingCursor = max(0, min(model.rankingCursor, rows - 1))
    }
}
