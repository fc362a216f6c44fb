import PlannerFactory
import PlannerKit
import Testing
@testable import FactoryTUI

/// The update function alone: keys and results in, model changes and effects out.
@Suite struct AppUpdateTests {
    static func model() -> AppModel {
        AppModel(width: 80, height: 24, configurationSummary: "", isFrozen: true)
    }

    @Test func typingTheObjectiveRanksOnEveryKeystrokeAndEscLeavesEditing() {
        var model = Self.model()
        #expect(AppUpdate.update(&model, .input(.key(.character("/")))).isEmpty)
        #expect(model.editing == .objective)
        #expect(AppUpdate.update(&model, .input(.key(.character("g")))) == [.rank(objective: "g", capabilities: [])])
        #expect(AppUpdate.update(&model, .input(.key(.character("o")))) == [.rank(objective: "go", capabilities: [])])
        #expect(AppUpdate.update(&model, .input(.key(.left))).isEmpty, "moving the cursor does not re-rank")
        #expect(AppUpdate.update(&model, .input(.key(.backspace))) == [.rank(objective: "o", capabilities: [])])
        _ = AppUpdate.update(&model, .input(.key(.tab)))
        #expect(model.editing == .capabilities)
        for character in "grid, fast" { _ = AppUpdate.update(&model, .input(.key(.character(character)))) }
        #expect(model.capabilityList == ["grid", "fast"])
        _ = AppUpdate.update(&model, .input(.key(.escape)))
        #expect(model.editing == nil)
        #expect(AppUpdate.update(&model, .input(.key(.character("q")))).isEmpty)
        #expect(model.isQuitting, "q quits once editing is over")
    }

    @Test func ctrlCQuitsEvenWhileEditing() {
        var model = Self.model()
        _ = AppUpdate.update(&model, .input(.key(.character("c"))))
        #expect(model.editing == .capabilities)
        _ = AppUpdate.update(&model, .input(.key(.character("q"))))
        #expect(!model.isQuitting && model.capabilities.text == "q", "q is text while editing")
        _ = AppUpdate.update(&model, .input(.key(.control("c"))))
        #expect(model.isQuitting)
    }

    @Test func keysForBackgroundWorkAskForItOnceAndShowProgress() {
        var model = Self.model()
        #expect(AppUpdate.update(&model, .input(.key(.character("r")))) == [.rediscover])
        #expect(AppUpdate.update(&model, .input(.key(.character("r")))).isEmpty, "already running")
        #expect(AppUpdate.update(&model, .input(.key(.character("h")))) == [.health])
        #expect(AppUpdate.update(&model, .input(.key(.character("b")))) == [.burst(objective: "", capabilities: [], count: 1000)])
        #expect(model.activities[.burst] == "burst 0/1000")
        _ = AppUpdate.update(&model, .progress(.burst, "burst 300/1000"))
        #expect(model.activities[.burst] == "burst 300/1000")
        #expect(AppUpdate.update(&model, .burstFinished(count: 1000, failures: 2, duration: .milliseconds(50))) == [.refreshTelemetry])
        #expect(model.activities[.burst] == nil)
        #expect(model.message?.text == "Burst: 1000 selections (2 failed) in –, – each")
        #expect(AppUpdate.update(&model, .input(.key(.character("p")))) == [.setTelemetryPaused(true)])
        #expect(model.isTelemetryPaused)
    }

    @Test func focusAndCursorsStayInsideTheirLists() throws {
        let factory = try TestFactory()
        var model = factory.model(width: 80, height: 24)
        let count = model.planners.count
        _ = AppUpdate.update(&model, .input(.key(.character("k"))))
        #expect(model.plannerCursor == 0)
        _ = AppUpdate.update(&model, .input(.key(.end)))
        #expect(model.plannerCursor == count - 1)
        _ = AppUpdate.update(&model, .input(.key(.pageUp)))
        #expect(model.plannerCursor == max(0, count - 1 - AppUpdate.pageSize(model)))
        _ = AppUpdate.update(&model, .input(.key(.tab)))
        #expect(model.focus == .ranking)
        _ = AppUpdate.update(&model, .input(.key(.pageDown)))
        #expect(model.rankingCursor == min(count - 1, AppUpdate.pageSize(model)))
        _ = AppUpdate.update(&model, .input(.key(.backTab)))
        #expect(model.focus == .planners)
        _ = AppUpdate.update(&model, .planners(Array(model.planners.prefix(2))))
        #expect(model.plannerCursor <= 1, "a shorter list moves the cursor in")
    }

    @Test func releaseAndRunNeedTheRightRow() throws {
        let factory = try TestFactory()
        var model = factory.model(width: 80, height: 24)
        model.plannerCursor = try #require(model.planners.firstIndex { $0.name == "grid-astar" })
        #expect(AppUpdate.update(&model, .input(.key(.character("u")))).isEmpty)
        #expect(model.message?.isError == true)
        model.plannerCursor = try #require(model.planners.firstIndex { $0.name == "crashy" })
        #expect(AppUpdate.update(&model, .input(.key(.character("u")))) == [.release("crashy")])
        _ = AppUpdate.update(&model, .input(.key(.tab)))  // the ranking: Enter runs its highlighted row
        factory.type("/route", into: &model)
        _ = AppUpdate.update(&model, .input(.key(.escape)))
        let first = try #require(model.highlightedCandidate?.name)
        #expect(AppUpdate.update(&model, .input(.key(.enter))) == [.plan(planner: first, objective: "route", capabilities: [])])
        #expect(AppUpdate.update(&model, .input(.key(.enter))).isEmpty, "one plan at a time per planner")
        #expect(model.message?.text.contains("still planning") == true)
        _ = AppUpdate.update(&model, .input(.key(.down)))
        let second = try #require(model.highlightedCandidate?.name)
        #expect(AppUpdate.update(&model, .input(.key(.enter))) == [.plan(planner: second, objective: "route", capabilities: [])],
                "another planner may run while the first one's plan hangs")
        #expect(model.planning == [first, second])
    }

    @Test func helpClosesOnAnyKeyAndResizeIsKept() {
        var model = Self.model()
        _ = AppUpdate.update(&model, .input(.key(.character("?"))))
        #expect(model.isHelpShown)
        _ = AppUpdate.update(&model, .input(.key(.character("j"))))
        #expect(!model.isHelpShown && !model.isQuitting)
        _ = AppUpdate.update(&model, .input(.resize(width: 132, height: 50)))
        #expect(model.width == 132 && model.height == 50)
    }
}

/// A paste that ends an edit with Enter does not run the rest of it as commands.
@Suite struct PasteTests {
    @Test func keysReadWithTheEnterThatEndsAnEditAreDropped() {
        let input: [TerminalInput] = [.key(.character("a")), .key(.enter), .key(.character("q")), .resize(width: 90, height: 30)]
        #expect(AppLoop.pasteSafe(input, isEditing: true) == [.key(.character("a")), .key(.enter), .resize(width: 90, height: 30)])
        #expect(AppLoop.pasteSafe(input, isEditing: false) == input, "not editing: keys are commands")
    }
}

/// The text field keeps its cursor inside the text whatever the characters do.
@Suite struct TextFieldTests {
    @Test func charactersThatMergeIntoOneGraphemeKeepTheCursorInside() {
        var field = TextField()
        for key: Key in [.character("🇺"), .character("🇸"), .character("x"), .character("e"), .character("\u{301}")] {
            field.apply(key)
        }
        #expect(field.text == "🇺🇸xé" && field.text.count == 3, "the flag's halves and e + U+0301 each merged into one character")
        #expect(field.cursorColumn == 4)
        field.apply(.backspace)
        #expect(field.text == "🇺🇸x", "backspace removes the whole é")
        field.apply(.left)
        field.apply(.left)
        #expect(field.cursorColumn == 0)
        field.apply(.delete)
        #expect(field.text == "x", "delete removes the whole flag")
        field.apply(.character("a"))
        field.apply(.end)
        #expect(field.text == "ax" && field.cursorColumn == 2)
    }
}
