import PlannerFactory
import PlannerKit
import Testing
@testable import FactoryTUI

/// `--attach`: the picker, the connection's events, and keys that would act on the other process.
@Suite struct AppUpdateAttachTests {
    static func model(_ state: LiveAttachment.State, pid: Int32? = nil) -> AppModel {
        var model = AppModel(width: 120, height: 40, configurationSummary: "attaching…", isFrozen: true)
        model.attachment = LiveAttachment(stateDirectory: "/srv/state", state: state, pid: pid)
        return model
    }

    static let choices = [
        PublisherChoice(id: "41", pid: 41, command: "agent-service --rate 50", startTime: 0, planners: 30, selections: 1200),
        PublisherChoice(id: "42", pid: 42, command: "factory-tui", startTime: 0, planners: 31, selections: 0),
        PublisherChoice(id: "43", pid: 43, command: "", problem: "it refused the connection: uid 1000 is not allowed"),
    ]

    @Test func thePickerListsPublishersMovesAndAttachesToTheOnePicked() {
        var model = Self.model(.picking)
        _ = AppUpdate.update(&model, .publishers([]))
        #expect(model.activities[.attach]?.contains("no process publishes in /srv/state/live") == true)
        _ = AppUpdate.update(&model, .publishers(Self.choices))
        #expect(model.attachment?.choices.count == 3 && model.activities[.attach] == nil)
        #expect(AppUpdate.update(&model, .input(.key(.character("r")))).isEmpty, "the picker's keys only")
        _ = AppUpdate.update(&model, .input(.key(.down)))
        _ = AppUpdate.update(&model, .input(.key(.character("j"))))
        _ = AppUpdate.update(&model, .input(.key(.character("j"))))
        #expect(model.attachment?.pickerCursor == 2, "stops at the last")
        _ = AppUpdate.update(&model, .input(.key(.character("k"))))
        #expect(AppUpdate.update(&model, .input(.key(.enter))) == [.attach(id: "42")])
        #expect(model.attachment?.state == .connecting && model.attachment?.pid == 42)
        // It could not be followed: back to the list, saying why.
        _ = AppUpdate.update(&model, .detached("it refused the connection"))
        #expect(model.attachment?.state == .picking && model.message?.isError == true)
        _ = AppUpdate.update(&model, .input(.key(.character("q"))))
        #expect(model.isQuitting)
    }

    @Test func attachedTheHeaderNamesTheProcessAndKeysThatActAreRefused() {
        var model = Self.model(.connecting, pid: 41)
        _ = AppUpdate.update(&model, .attached(pid: 41, command: "agent-service --rate 50", configuration: "sandbox on, 2.0s"))
        #expect(model.attachment?.state == .attached && model.configurationSummary == "sandbox on, 2.0s")
        let header = Renderer.render(model).grid.text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("⇄ pid 41 agent-service --rate 50"))
        for key: Key in [.character("r"), .character("h"), .character("u"), .enter, .character("b"), .character("P")] {
            model.message = nil
            #expect(AppUpdate.update(&model, .input(.key(key))).isEmpty, "\(key) asks for nothing")
            #expect(model.message?.text.contains("is disabled: attached to process 41") == true)
        }
        #expect(model.activities.isEmpty, "nothing started")
        // Typing still ranks (locally), and p pauses the view only.
        _ = AppUpdate.update(&model, .input(.key(.character("/"))))
        #expect(AppUpdate.update(&model, .input(.key(.character("r")))) == [.rank(objective: "r", capabilities: [])], "r is text while editing")
        _ = AppUpdate.update(&model, .input(.key(.escape)))
        #expect(AppUpdate.update(&model, .input(.key(.character("p")))) == [.setTelemetryPaused(true)])
        #expect(model.message?.text.contains("the other process still records") == true)
    }

    @Test func whenTheProcessGoesAwayItSaysSoAndWaitsThenAttachesAgain() {
        var model = Self.model(.connecting, pid: 41)
        _ = AppUpdate.update(&model, .attached(pid: 41, command: "/opt/bin/agent-service --rate 5", configuration: ""))
        _ = AppUpdate.update(&model, .detached("Process 41 went away without a word (killed or crashed)"))
        #expect(model.attachment?.state == .gone("Process 41 went away without a word (killed or crashed)"))
        #expect(model.activities[.attach] == "waiting for agent-service to publish again…")
        #expect(Renderer.render(model).grid.text.contains("✕ pid 41 gone: agent-service --rate 5"))
        _ = AppUpdate.update(&model, .attached(pid: 77, command: "agent-service", configuration: ""))
        #expect(model.attachment?.pid == 77 && model.activities[.attach] == nil)
        #expect(model.message?.text.hasPrefix("Attached again to process 77") == true)
        _ = AppUpdate.update(&model, .droppedEvents(12))
        #expect(Renderer.render(model).grid.text.contains("12 events dropped"))
    }

    @Test func thePickerCursorStaysOnItsProcessWhenTheListChangesAndAReattachUnpauses() {
        var model = Self.model(.picking)
        _ = AppUpdate.update(&model, .publishers(Self.choices))
        _ = AppUpdate.update(&model, .input(.key(.down)))
        #expect(model.attachment?.choices[model.attachment?.pickerCursor ?? 0].pid == 42)
        let newcomer = PublisherChoice(id: "7", pid: 7, command: "new")
        _ = AppUpdate.update(&model, .publishers([newcomer] + Self.choices))
        #expect(model.attachment?.choices[model.attachment?.pickerCursor ?? 0].pid == 42, "still on 42, now the third row")

        var attached = Self.model(.connecting, pid: 41)
        _ = AppUpdate.update(&attached, .attached(pid: 41, command: "a", configuration: ""))
        _ = AppUpdate.update(&attached, .input(.key(.character("p"))))
        #expect(attached.isTelemetryPaused)
        _ = AppUpdate.update(&attached, .detached("gone"))
        #expect(AppUpdate.update(&attached, .attached(pid: 42, command: "a", configuration: "")) == [.setTelemetryPaused(false)])
        #expect(!attached.isTelemetryPaused, "the next process's telemetry is shown live")
    }

    @Test func thePickerScreen() throws {
        var model = Self.model(.picking)
        _ = AppUpdate.update(&model, .publishers(Self.choices))
        try RendererSnapshotTests.check(model, "attach-picker-120x40")
    }
}
