import Testing
@testable import PDDL

@Suite struct TaskFeaturesTests {
    /// A one-action domain around a precondition and an effect, with a problem for it.
    static func features(precondition: String = "(and)", effect: String = "(p)", requirements: String = ":strips") throws -> TaskFeatures {
        let domain = """
            (define (domain f) (:requirements \(requirements))
              (:predicates (p) (q) (r ?x))
              (:action a :parameters (?x) :precondition \(precondition) :effect \(effect)))
            """
        return TaskFeatures(try task(domain, "(define (problem f1) (:domain f) (:objects o) (:init) (:goal (p)))"))
    }

    @Test func blocksWorldNeedsStripsAndTypingWhenTyped() throws {
        #expect(TaskFeatures(try task(Fixtures.blocksTyped, Fixtures.blocksProblem)).capabilities == ["pddl", "pddl:strips", "pddl:typing"])
        #expect(TaskFeatures(try task(Fixtures.blocksUntyped, Fixtures.blocksProblemUntyped)).capabilities == ["pddl", "pddl:strips"])
    }

    @Test func declaredButUnusedFeaturesAreNotRequired() throws {
        let features = try Self.features(precondition: "(and (p) (r ?x))", requirements: ":adl")
        #expect(features.capabilities == ["pddl", "pddl:strips"])
        #expect(features.declaredButUnused.contains(.conditionalEffects))
        #expect(features.declaredButUnused.contains(.negativePreconditions))
        #expect(features.usedButUndeclared.isEmpty)
    }

    @Test func usedButUndeclaredFeaturesAreRequired() throws {
        let features = try Self.features(precondition: "(and (p) (not (q)))")
        #expect(features.capabilities == ["pddl", "pddl:negative-preconditions", "pddl:strips"])
        #expect(features.usedButUndeclared == [.negativePreconditions])
        #expect(features.declared == [.strips])
    }

    @Test(arguments: [
        ("(not (not (p)))", ["pddl:strips"]),
        ("(not (= ?x ?x))", ["pddl:equality", "pddl:strips"]),
        ("(imply (p) (q))", ["pddl:disjunctive-preconditions", "pddl:negative-preconditions", "pddl:strips"]),
        ("(or (p) (q))", ["pddl:disjunctive-preconditions", "pddl:strips"]),
        ("(not (and (p) (q)))", ["pddl:disjunctive-preconditions", "pddl:negative-preconditions", "pddl:strips"]),
        ("(exists (?y) (r ?y))", ["pddl:existential-preconditions", "pddl:strips"]),
        ("(forall (?y) (r ?y))", ["pddl:strips", "pddl:universal-preconditions"]),
        ("(not (exists (?y) (r ?y)))",
         ["pddl:existential-preconditions", "pddl:negative-preconditions", "pddl:strips", "pddl:universal-preconditions"]),
        ("(> (fuel) 1)", ["pddl:numeric-fluents", "pddl:strips"]),
    ])
    func conditionsFollowPolarity(precondition: String, expected: [String]) throws {
        #expect(try Self.features(precondition: precondition).capabilities == ["pddl"] + expected)
    }

    @Test(arguments: [
        ("(forall (?y) (r ?y))", ["pddl:conditional-effects", "pddl:strips"]),
        ("(when (not (q)) (p))", ["pddl:conditional-effects", "pddl:negative-preconditions", "pddl:strips"]),
        ("(assign (fuel) 3)", ["pddl:numeric-fluents", "pddl:strips"]),
    ])
    func effectsFeatures(effect: String, expected: [String]) throws {
        #expect(try Self.features(effect: effect).capabilities == ["pddl"] + expected)
    }

    @Test func briefcaseUsesAllOfADL() throws {
        let features = TaskFeatures(try task(Fixtures.briefcase, Fixtures.briefcaseProblem))
        #expect(features.used == [
            .strips, .typing, .negativePreconditions, .disjunctivePreconditions, .equality,
            .existentialPreconditions, .universalPreconditions, .conditionalEffects,
        ])
        #expect(features.declaredButUnused.isEmpty)
    }

    @Test func costsDerivedNumericAndTemporalTasks() throws {
        let roads = TaskFeatures(try task(Fixtures.roads, Fixtures.roadsProblem))
        #expect(roads.capabilities == ["pddl", "pddl:action-costs", "pddl:strips", "pddl:typing"])
        let derived = TaskFeatures(try task(Fixtures.derived, Fixtures.derivedProblem))
        #expect(derived.used == [.strips, .derivedPredicates, .disjunctivePreconditions, .existentialPreconditions, .negativePreconditions])
        let fuel = TaskFeatures(try task(Fixtures.fuel, Fixtures.fuelProblem))
        #expect(fuel.used == [.strips, .typing, .numericFluents])
        let temporal = TaskFeatures(try task(Fixtures.temporal, Fixtures.temporalProblem))
        #expect(temporal.used == [.strips, .typing, .durativeActions])
        #expect(temporal.description == "uses pddl:durative-actions, pddl:strips, pddl:typing")
    }

    @Test func requirementFlagsMapToFeatures() {
        #expect(Set(Feature.declared(by: ":adl")) == [
            .strips, .typing, .negativePreconditions, .disjunctivePreconditions, .equality,
            .existentialPreconditions, .universalPreconditions, .conditionalEffects,
        ])
        #expect(Feature.declared(by: ":quantified-preconditions") == [.existentialPreconditions, .universalPreconditions])
        #expect(Feature.declared(by: ":fluents") == [.numericFluents])
        #expect(Feature.declared(by: ":numeric-fluents") == [.numericFluents])
        #expect(Feature.declared(by: ":preferences").isEmpty)
        #expect(Feature.all.map(\.capability).allSatisfy { $0.hasPrefix("pddl:") })
        #expect(Feature.negativePreconditions.capability == "pddl:negative-preconditions")
    }
}
