import PlannerFactory

/// `--attach`: the picker, the connection's events, and the keys that would act on the other
/// process (disabled, with a message saying so).
extension AppUpdate {
    /// Keys that act on the factory, not only on what is shown: refused while attached.
    static let actingKeys: [Key: String] = [
        .character("r"): "r (rediscover)", .character("h"): "h (health checks)", .character("u"): "u (release)",
        .enter: "Enter (run a plan)", .character("b"): "b (burst of selections)", .character("P"): "P (portfolio)",
    ]

    static func attachEvent(_ event: AppEvent, _ model: inout AppModel) -> [Effect] {
        guard var attachment = model.attachment else { return [] }
        defer { model.attachment = attachment }
        switch event {
        case .publishers(let choices):
            guard attachment.isPicking else { return [] }
            // The cursor stays on the process it was on when the list changes around it.
            let highlighted = attachment.choices.indices.contains(attachment.pickerCursor) ? attachment.choices[attachment.pickerCursor].id : nil
            attachment.choices = choices
            attachment.pickerCursor = choices.firstIndex { $0.id == highlighted } ?? max(0, min(attachment.pickerCursor, choices.count - 1))
            model.activities[.attach] = choices.isEmpty ? "no process publishes in \(attachment.stateDirectory)/live; waiting…" : nil
        case .attached(let pid, let command, let configuration):
            let isReattached = attachment.pid != nil && attachment.pid != pid
            attachment.state = .attached
            attachment.pid = pid
            attachment.command = command
            attachment.droppedEvents = 0
            model.configurationSummary = configuration
            model.activities[.attach] = nil
            // A view paused on the last process does not stay paused on this one.
            let wasPaused = model.isTelemetryPaused
            model.isTelemetryPaused = false
            model.message = .init("\(isReattached ? "Attached again" : "Attached") to process \(pid): its planners and telemetry, live; rankings are computed here. Keys that would act on it are disabled.")
            return wasPaused ? [.setTelemetryPaused(false)] : []
        case .detached(let why):
            model.message = .init(why, isError: true)
            // A process picked from the list that could not be followed: the list again.
            if attachment.isPicking || (attachment.state == .connecting && attachment.canPick) {
                attachment.state = .picking
                model.activities[.attach] = nil
                return []
            }
            attachment.state = .gone(why)
            model.activities[.attach] = "waiting for \(attachment.command.isEmpty ? "the process" : attachment.shortCommand.prefix { $0 != " " }) to publish again…"
        case .droppedEvents(let total):
            attachment.droppedEvents = total
        default:
            break
        }
        return []
    }

    /// A key while the picker is shown: move, pick (Enter), quit (q, Esc).
    static func pickerKey(_ key: Key, _ model: inout AppModel) -> [Effect] {
        guard var attachment = model.attachment else { return [] }
        defer { model.attachment = attachment }
        switch key {
        case .character("q"), .escape: model.isQuitting = true
        case .character("j"), .down: attachment.pickerCursor = min(attachment.pickerCursor + 1, max(0, attachment.choices.count - 1))
        case .character("k"), .up: attachment.pickerCursor = max(attachment.pickerCursor - 1, 0)
        case .enter:
            guard attachment.choices.indices.contains(attachment.pickerCursor) else { return [] }
            let choice = attachment.choices[attachment.pickerCursor]
            attachment.state = .connecting
            attachment.pid = choice.pid
            attachment.command = choice.command
            model.activities[.attach] = "attaching to process \(choice.pid)…"
            return [.attach(id: choice.id)]
        default: break
        }
        return []
    }

    /// A key while attached: a refusal for keys that act, the view's own pause for `p`; `nil`
    /// for the keys that work as usual.
    static func attachedKey(_ key: Key, _ model: inout AppModel) -> [Effect]? {
        guard let attachment = model.attachment else { return nil }
        if let name = actingKeys[key] {
            let who = attachment.pid.map { "process \($0)" } ?? "another process"
            model.message = .init("\(name) is disabled: attached to \(who), which this TUI only watches", isError: true)
            return []
        }
        if key == .character("p") {
            model.isTelemetryPaused.toggle()
            model.message = .init(model.isTelemetryPaused ? "Telemetry view paused (the other process still records)" : "Telemetry view live again")
            return [.setTelemetryPaused(model.isTelemetryPaused)]
        }
        return nil
    }
}
