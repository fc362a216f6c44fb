@testable import PlannerFactory
import PlannerKit
import Testing
@testable import FactoryTUI

/// A PDDL task in the update function: the form `t` opens, loading, the derived capabilities,
/// `Enter` and `P` on the task, a failed load that keeps what was loaded, scrolling a long plan.
@Suite struct AppUpdateTaskTests {
    static let domain = """
        (define (domain tiny) (:requirements :strips :typing :equality)
          (:types block) (:predicates (on ?x - block) (clear ?x - block))
          (:action take :parameters (?x - block) :precondition (and (on ?x) (not (clear ?x))) :effect (clear ?x)))
        """
    static let problem = "(define (problem one) (:domain tiny) (:objects a b - block) (:init (on a)) (:goal (clear a)))"

    static func task() throws -> LoadedTask {
        try LoadedTask(domainPath: "d.pddl", problemPath: "p.pddl", domain: domain, problem: problem)
    }

    static func model() -> AppModel {
        AppModel(width: 120, height: 40, configurationSummary: "", isFrozen: true)
    }

    static func press(_ keys: [Key], _ model: inout AppModel) -> [Effect] {
        keys.flatMap { AppUpdate.update(&model, .input(.key($0))) }
    }

    static func type(_ text: String, _ model: inout AppModel) {
        for character in text { _ = AppUpdate.update(&model, .input(.key(.character(character)))) }
    }

    @Test func theFormTakesTwoPathsAndLoadsThemOffTheUIThread() {
        var model = Self.model()
        #expect(Self.press([.character("t")], &model).isEmpty)
        #expect(model.taskForm.isShown && model.taskForm.field == .domain)
        #expect(Renderer.render(model).grid.text.contains("Load a PDDL task"))
        #expect(Renderer.render(model).cursor != nil, "the cursor sits in the domain field")
        Self.type("d.pddl", &model)
        #expect(Self.press([.enter], &model).isEmpty, "Enter on the domain goes on to the problem")
        #expect(model.taskForm.field == .problem && model.taskForm.isShown)
        Self.type("q", &model)
        #expect(!model.isQuitting, "q is text in the form")
        _ = Self.press([.backspace], &model)
        Self.type("p.pddl", &model)
        #expect(Self.press([.enter], &model) == [.loadTask(domain: "d.pddl", problem: "p.pddl")])
        #expect(!model.taskForm.isShown)
        #expect(model.activities[.task] == "loading p.pddl…")
        #expect(Self.press([.character("t")], &model).isEmpty)
        #expect(model.taskForm.domain.text == "d.pddl" && model.taskForm.problem.text == "p.pddl", "the form keeps what was typed")
        _ = Self.press([.escape], &model)
        #expect(!model.taskForm.isShown)
    }

    @Test func aLoadedTaskSetsTheObjectiveAndItsCapabilitiesWhichStayEditable() throws {
        var model = Self.model()
        let task = try Self.task()
        #expect(task.capabilities == ["pddl", "pddl:negative-preconditions", "pddl:strips", "pddl:typing"])
        #expect(task.declaredButUnused == ["pddl:equality"])
        #expect(task.sizeSummary == "2 objects · 1 action schemas · ≤ 2 ground actions")
        let effects = AppUpdate.update(&model, .taskLoaded(task))
        #expect(effects == [.rank(objective: "problem one of domain tiny", capabilities: task.capabilities)])
        #expect(model.objective.text == "problem one of domain tiny")
        #expect(model.capabilities.text == "pddl, pddl:negative-preconditions, pddl:strips, pddl:typing")
        #expect(model.focus == .ranking)
        #expect(model.message?.text == "Loaded problem one of domain tiny: uses pddl:negative-preconditions, pddl:strips, pddl:typing; declared but unused: pddl:equality")
        // The user removes a capability: the ranking follows.
        _ = Self.press([.character("c"), .end], &model)
        for _ in 0..<", pddl:typing".count { _ = AppUpdate.update(&model, .input(.key(.backspace))) }
        #expect(model.capabilityList == ["pddl", "pddl:negative-preconditions", "pddl:strips"])
        _ = Self.press([.escape], &model)
        #expect(Renderer.render(model).grid.text.contains("Task one of tiny"))
    }

    @Test func aFailedLoadSaysWhereAndKeepsTheTaskLoadedBefore() throws {
        var model = Self.model()
        _ = AppUpdate.update(&model, .taskLoaded(try Self.task()))
        _ = AppUpdate.update(&model, .openTask(domain: "bad.pddl", problem: "p.pddl"))
        #expect(AppUpdate.update(&model, .openTask(domain: "x", problem: "y")).isEmpty, "one load at a time")
        let error = #expect(throws: FactoryError.self) {
            try LoadedTask(domainPath: "bad.pddl", problemPath: "p.pddl", domain: "(define (domain d)\n  (:action", problem: Self.problem)
        }?.message ?? ""
        #expect(error.hasPrefix("bad.pddl, line 2, column"), "the file, line and column: \(error)")
        _ = AppUpdate.update(&model, .taskFailed(error + "\u{1b}[2J"))
        #expect(model.activities[.task] == nil)
        #expect(model.message?.isError == true && model.message?.text.contains("\\x1b[2J") == true, "escaped for the terminal")
        #expect(model.task?.problemName == "one" && model.objective.text == "problem one of domain tiny", "the task loaded before stays")
    }

    @Test func enterRunsThePlannerOnTheTaskAndPRunsAPortfolioThatEscCancels() throws {
        var model = try TestFactory().model(width: 120, height: 40)
        #expect(Self.press([.character("P")], &model).isEmpty, "no task, no portfolio")
        #expect(model.message?.isError == true)
        let task = try Self.task()
        _ = AppUpdate.update(&model, .taskLoaded(task))
        model.focus = .planners
        model.plannerCursor = try #require(model.planners.firstIndex { $0.name == "grid-astar" })
        let objective = Objective(text: "problem one of domain tiny", capabilities: task.capabilities, task: task.task)
        #expect(Self.press([.enter], &model) == [.planTask(planner: "grid-astar", objective: objective)])
        #expect(Self.press([.character("P")], &model) == [.portfolio(objective: objective, size: 3)])
        #expect(model.activities[.planning] == "planning with grid-astar, portfolio of 3… Esc cancels")
        #expect(Self.press([.character("P")], &model).isEmpty, "one portfolio at a time")
        #expect(Self.press([.escape], &model) == [.cancelPlans(["grid-astar", "portfolio of 3"])])
    }

    @Test func aLongResultScrollsAndTheViewShowsValidationStatisticsAndThePortfolio() throws {
        var model = Self.model()
        let steps = (1...60).map { "(step s\($0))" }
        let plan = Plan(planner: "fd", steps: steps, cost: 60,
                        stats: ["validation": ["result": "valid", "cost": 60], "expanded": 61, "note": "ok\u{1b}[31m"])
        let portfolio = PortfolioResult(winner: "fd", plan: plan, runs: [
            .init(planner: "fd", outcome: "won", duration: .seconds(1)),
            .init(planner: "pyperplan", outcome: "cancelled", message: "The plan call was cancelled.", duration: .seconds(1)),
        ])
        _ = AppUpdate.update(&model, .planned(AppModel.PlanResult(planner: AppModel.portfolioName, objective: "problem one of domain tiny", plan: plan,
                                                                  error: nil, timings: [], isTask: true, portfolio: portfolio)))
        let lines = PlanResultView.lines(try #require(model.planResult), width: 70, frozen: true).map(\.text)
        #expect(lines.contains("✓ valid (cost 60)"))
        #expect(lines.contains("Portfolio: fd won"))
        #expect(lines.contains { $0.hasPrefix("pyperplan") && $0.contains("cancelled") && $0.contains("The plan call was cancelled.") })
        #expect(lines.contains("Statistics") && lines.contains("expanded  61") && lines.contains("note      ok\\x1b[31m"))
        #expect(!lines.contains { $0.contains("validation") })
        var screen = Renderer.render(model).grid.text
        #expect(screen.contains("1. (step s1)") && !screen.contains("60. (step s60)"))
        #expect(screen.contains("j/k"))
        _ = Self.press([.character("G")], &model)
        #expect(model.resultScroll > 0)
        screen = Renderer.render(model).grid.text
        #expect(screen.contains("60. (step s60)") && !screen.contains(" 1. (step s1)"))
        #expect(model.plannerCursor == 0, "j/k/G scroll the result, not the list")
        _ = Self.press([.escape], &model)
        #expect(model.planResult == nil && model.resultScroll == 0)
    }

    @Test func anInvalidPlanShowsTheFailingStep() {
        var model = Self.model()
        let message = "Planner \"fd\" returned an invalid plan for problem one of domain tiny: step 2, (take b): the precondition (on b) is false."
        _ = AppUpdate.update(&model, .planned(AppModel.PlanResult(planner: "fd", objective: "problem one of domain tiny", plan: nil, error: message,
                                                                  timings: [], errorCode: "invalid-plan", isTask: true)))
        let screen = Renderer.render(model).grid.text
        #expect(screen.contains("✗ invalid plan: Planner \"fd\" returned an invalid plan"))
        #expect(screen.contains("step 2, (take b)"))
    }
}
