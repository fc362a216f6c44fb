import PlannerFactory

extension AppUpdate {
    static func handle(_ key: Key, _ model: inout AppModel) -> [Effect] {
        if key == .control("c") {
            model.isQuitting = true
            return []
        }
        if model.attachment?.isPicking == true {
            return pickerKey(key, &model)
        }
        if model.isHelpShown {
            if key == .character("q") { model.isQuitting = true }
            model.isHelpShown = false
            return []
        }
        if model.taskForm.isShown {
            return taskFormKey(key, &model)
        }
        if let field = model.editing {
            return edit(field, key, &model)
        }
        if scrollResult(key, &model) { return [] }
        if let effects = attachedKey(key, &model) { return effects }
        switch key {
        case .character("q"): model.isQuitting = true
        case .character("?"): model.isHelpShown = true
        case .character("/"), .character("i"): model.editing = .objective
        case .character("c"): model.editing = .capabilities
        case .tab: model.focus = model.focus.next
        case .backTab: model.focus = model.focus.previous
        case .escape:
            if model.planResult != nil {
                model.planResult = nil
            } else if !model.planning.isEmpty {
                let names = model.planning.sorted()
                model.message = .init("Cancelling the plan of \(names.joined(separator: ", "))…")
                return [.cancelPlans(names)]
            } else {
                model.message = nil
            }
        case .character("j"), .down: move(&model, by: 1)
        case .character("k"), .up: move(&model, by: -1)
        case .pageDown: move(&model, by: pageSize(model))
        case .pageUp: move(&model, by: -pageSize(model))
        case .home, .character("g"): move(&model, by: -Int.max / 2)
        case .end, .character("G"): move(&model, by: Int.max / 2)
        case .character("r"):
            guard model.activities[.discovery] == nil, model.activities[.probing] == nil else {
                model.message = .init("Rediscovery waits until the discovery and probes under way are done", isError: true)
                return []
            }
            model.activities[.discovery] = "rediscovering…"
            return [.rediscover]
        case .character("h"):
            guard model.activities[.health] == nil else { return [] }
            model.activities[.health] = "health checks…"
            return [.health]
        case .character("b"):
            guard model.activities[.burst] == nil else { return [] }
            model.activities[.burst] = "burst 0/\(burstSize)"
            return [.burst(objective: model.objective.text, capabilities: model.capabilityList, count: burstSize)]
        case .character("p"):
            model.isTelemetryPaused.toggle()
            model.message = .init(model.isTelemetryPaused ? "Telemetry paused: selections are not recorded" : "Telemetry recording again")
            return [.setTelemetryPaused(model.isTelemetryPaused)]
        case .character("u"):
            return release(&model)
        case .character("t"):
            return openTaskForm(&model)
        case .character("P"):
            return runPortfolio(&model)
        case .enter:
            return run(&model)
        default: break
        }
        return []
    }

    private static func edit(_ field: EditField, _ key: Key, _ model: inout AppModel) -> [Effect] {
        switch key {
        case .escape, .enter:
            model.editing = nil
            return []
        case .tab, .backTab:
            model.editing = field == .objective ? .capabilities : .objective
            return []
        default:
            let changed = field == .objective ? model.objective.apply(key) : model.capabilities.apply(key)
            guard changed else { return [] }
            model.rankingCursor = 0
            model.rankingScroll = 0
            return [rankEffect(model)]
        }
    }

    /// Moves the cursor of the focused pane.
    static func move(_ model: inout AppModel, by delta: Int) {
        switch model.focus {
        case .planners:
            model.plannerCursor = clamp(model.plannerCursor, delta, count: model.planners.count)
        case .ranking:
            model.rankingCursor = clamp(model.rankingCursor, delta, count: model.ranking?.count ?? 0)
        case .telemetry:
            let rows = (model.telemetry?.recentSelections.count ?? 0) + (model.telemetry?.recentInstantiations.count ?? 0) + (model.telemetry?.recentPlanCalls.count ?? 0)
            model.telemetryScroll = clamp(model.telemetryScroll, delta, count: rows)
        }
    }

    private static func clamp(_ value: Int, _ delta: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        let moved = delta > 0 ? (value > Int.max - delta ? Int.max : value + delta) : (value < Int.min - delta ? 0 : value + delta)
        return max(0, min(count - 1, moved))
    }

    /// A page: the focused pane's visible rows.
    static func pageSize(_ model: AppModel) -> Int {
        let layout = Layout(width: model.width, height: model.height)
        switch model.focus {
        case .planners: return max(1, layout.plannerList.height - 1)
        case .ranking: return max(1, layout.rankingRows.height - 1)
        case .telemetry: return max(1, layout.telemetry.height - 3)
        }
    }

    /// `u`: release the highlighted quarantined planner (the planner list's, or the ranking row's).
    private static func release(_ model: inout AppModel) -> [Effect] {
        let name = model.focus == .ranking ? model.highlightedCandidate?.name : model.highlightedPlanner?.name
        guard let name, let record = model.planners.first(where: { $0.name == name && $0.status == .quarantined }) else {
            model.message = .init("Nothing to release: highlight a quarantined planner (u)", isError: true)
            return []
        }
        guard model.activities[.release] == nil else {
            model.message = .init("A release is under way; press u again when it is done", isError: true)
            return []
        }
        model.activities[.release] = "releasing \(record.name)…"
        return [.release(record.name)]
    }

    /// `Enter`: run the highlighted ranking row's planner (or, in the planner list, the highlighted
    /// planner) on the objective.
    private static func run(_ model: inout AppModel) -> [Effect] {
        let name = model.focus == .planners ? model.highlightedPlanner?.name : model.highlightedCandidate?.name
        guard let name else {
            model.message = .init("Nothing to run: type an objective (/) and pick a ranking row", isError: true)
            return []
        }
        guard !model.planning.contains(name) else {
            model.message = .init("\(name) is still planning: Esc cancels it (an in-process plan cannot be interrupted)", isError: true)
            return []
        }
        startPlanning(name, &model)
        return [planEffect(name, model)]
    }
}
