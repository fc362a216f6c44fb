import Testing
@testable import PDDL

@Suite struct TaskSizeTests {
    @Test func blocksWorldCountsEveryParameterCombination() throws {
        let size = TaskSize(try task(Fixtures.blocksTyped, Fixtures.blocksProblem))
        #expect(size.objects == 3)
        #expect(size.actionSchemas == 4)
        #expect(size.groundActionEstimate == 3 + 3 + 9 + 9)
        #expect(size.description == "3 objects, 4 action schemas, at most 24 ground actions")
    }

    @Test func subtypesEitherAndConstantsCount() throws {
        let size = TaskSize(try task(Fixtures.logistics, Fixtures.logisticsProblem))
        #expect(size.objects == 9)  // 8 objects and the constant hub
        // load: 2 packages × (truck or airplane: 2) × 4 places; unload the same with vehicle;
        // drive: 1 truck × 2 locations × 2 locations × 1 city; fly-to-hub: 1 airplane × 2 airports.
        #expect(size.groundActionEstimate == 16 + 16 + 4 + 2)
    }

    @Test func aTypeWithoutObjectsMakesNoActions() throws {
        let domain = "(define (domain e) (:types a b) (:predicates (p ?x - a)) (:action go :parameters (?x - a ?y - b) :effect (p ?x)))"
        let size = TaskSize(try task(domain, "(define (problem e1) (:domain e) (:objects x - a) (:init) (:goal (p x)))"))
        #expect(size.groundActionEstimate == 0)
    }

    @Test func saturatesInsteadOfOverflowing() throws {
        let parameters = (0..<20).map { "?v\($0)" }.joined(separator: " ")
        let domain = """
            (define (domain wide) (:predicates (p))
              (:action one :parameters (\(parameters)) :effect (p))
              (:action two :parameters (\(parameters)) :effect (p)))
            """
        let objects = (0..<10).map { "o\($0)" }.joined(separator: " ")
        let size = TaskSize(try task(domain, "(define (problem w) (:domain wide) (:objects \(objects)) (:init) (:goal (p)))"))
        #expect(size.groundActionEstimate == Int.max)
        #expect(size.description.contains("more than"))
    }
}
