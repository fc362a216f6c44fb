@testable import PlannerFactory
import PlannerKit
import Testing
@testable import FactoryTUI

/// Whole screens of a PDDL task (compared with Snapshots/ like `RendererSnapshotTests`): the task
/// with its derived capabilities and ranking, the form `t` opens, a validated plan with the
/// planner's statistics, and a portfolio's table.
@Suite struct RendererTaskSnapshotTests {
    static let domain = """
        (define (domain blocks) (:requirements :strips)
          (:predicates (on ?x ?y) (ontable ?x) (clear ?x) (handempty) (holding ?x))
          (:action pick-up :parameters (?x) :precondition (and (clear ?x) (ontable ?x) (handempty))
            :effect (and (not (ontable ?x)) (not (clear ?x)) (not (handempty)) (holding ?x)))
          (:action stack :parameters (?x ?y) :precondition (and (holding ?x) (clear ?y))
            :effect (and (not (holding ?x)) (not (clear ?y)) (clear ?x) (handempty) (on ?x ?y))))
        """
    static let problem = """
        (define (problem two) (:domain blocks) (:objects a b)
          (:init (clear a) (clear b) (ontable a) (ontable b) (handempty)) (:goal (on a b)))
        """

    static func model(_ factory: TestFactory) throws -> AppModel {
        var model = factory.model(width: 120, height: 40)
        let task = try LoadedTask(domainPath: "blocks/domain.pddl", problemPath: "blocks/two.pddl", domain: domain, problem: problem)
        factory.apply(.taskLoaded(task), to: &model)
        return model
    }

    static let plan = Plan(planner: "fd-lama-first", steps: ["(pick-up a)", "(stack a b)"], cost: 2,
                           stats: ["validation": ["result": "valid", "cost": 2], "expanded": 3, "exitName": "SUCCESS"])

    @Test func aTaskWithItsDerivedCapabilitiesAndRanking() throws {
        let factory = try TestFactory()
        try RendererSnapshotTests.check(try Self.model(factory), "task-120x40")
    }

    @Test func theTaskForm() throws {
        let factory = try TestFactory()
        var model = try Self.model(factory)
        factory.apply(.input(.key(.character("t"))), to: &model)
        try RendererSnapshotTests.check(model, "task-form-120x40")
    }

    @Test func aValidatedPlanWithStatistics() throws {
        let factory = try TestFactory()
        var model = try Self.model(factory)
        factory.apply(.planned(AppModel.PlanResult(planner: "fd-lama-first", objective: model.objective.text, plan: Self.plan, error: nil,
                                                   timings: [("plan", .milliseconds(300))], isTask: true)), to: &model)
        try RendererSnapshotTests.check(model, "task-plan-120x40")
    }

    @Test func aPortfolioWithEveryPlannersOutcome() throws {
        let factory = try TestFactory()
        var model = try Self.model(factory)
        let portfolio = PortfolioResult(winner: "fd-lama-first", plan: Self.plan, runs: [
            .init(planner: "fd-lama-first", outcome: "won", duration: .milliseconds(300)),
            .init(planner: "fd-optimal", outcome: "cancelled",
                  message: "The plan call into planner \"fd-optimal\" was cancelled; its worker (pid 4242) was ended.", duration: .milliseconds(300)),
            .init(planner: "pyperplan-gbf-hff", outcome: "unsupported", message: "pyperplan cannot read this task.", duration: .milliseconds(200)),
        ])
        factory.apply(.planned(AppModel.PlanResult(planner: AppModel.portfolioName, objective: model.objective.text, plan: Self.plan, error: nil,
                                                   timings: [("portfolio", .milliseconds(300))], isTask: true, portfolio: portfolio)), to: &model)
        try RendererSnapshotTests.check(model, "task-portfolio-120x40")
    }
}
