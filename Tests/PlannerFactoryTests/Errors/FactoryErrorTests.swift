import Testing
@testable import PlannerFactory

@Suite struct FactoryErrorTests {
    @Test func notFoundSuggestsClosestNames() {
        let error = FactoryError.plannerNotFound("grid-astr", among: ["grid-astar", "blocks-world", "grid-greedy-c", "zzz"])
        #expect(error.code == .plannerNotFound)
        #expect(error.message == #"No planner named "grid-astr" is registered. Did you mean "grid-astar"?"#)
        let none = FactoryError.plannerNotFound("x", among: [])
        #expect(none.message.contains("No planners are registered at all"))
    }

    @Test func equalityIsByCode() {
        #expect(FactoryError(.selectionError, "a") == FactoryError(.selectionError, "b"))
        #expect(FactoryError(.selectionError, "a") != FactoryError(.instantiationError, "a"))
    }

    @Test func neverAnEmptyMessage() {
        #expect(!FactoryError(.sandboxTimeout, "").message.isEmpty)
        #expect(FactoryError.plannerQuarantined("p", reason: "crashed (SIGSEGV)", since: "2026-11-29T10:00:00Z").message
            == "Planner \"p\" is quarantined since 2026-11-29T10:00:00Z: crashed (SIGSEGV)")
    }

    @Test func everyCodeHasAStableName() {
        let codes: [FactoryError.Code] = [
            .plannerNotFound, .plannerQuarantined, .sandboxTimeout, .sandboxImportError, .noActivePlanners,
            .selectionError, .instantiationError, .invalidManifest, .invalidConfiguration, .planningFailed, .invalidArgument,
        ]
        #expect(Set(codes.map(\.description)).count == codes.count)
        #expect(FactoryError.Code.sandboxImportError.description == "sandbox-import-error")
    }

    @Test func editDistance() {
        #expect(NameSuggestions.editDistance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
        #expect(NameSuggestions.editDistance([], Array("abc".utf8)) == 3)
    }
}
