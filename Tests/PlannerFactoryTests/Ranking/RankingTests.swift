import PlannerKit
import Testing
@testable import PlannerFactory

@Suite struct RankingTests {
    static func factory(minimumMatch: Double = 1, _ builtins: [PlannerDescriptor]) -> PlannerFactory {
        var configuration = FactoryConfiguration()
        configuration.minimumMatch = minimumMatch
        return PlannerFactory(configuration: configuration, builtins: builtins.map { descriptor in
            BuiltinPlanner(descriptor: descriptor, make: { try EchoPlanner(configuration: $0) })
        })
    }

    @Test func matchRatioDominatesEverything() {
        let factory = Self.factory(minimumMatch: 0, [
            PlannerDescriptor(name: "huge-rank", version: "1.0.0", capabilities: ["grid"], rank: 1000, boosts: ["grid": 500]),
            PlannerDescriptor(name: "full-match", version: "1.0.0", capabilities: ["grid", "optimal"]),
        ])
        let rows = factory.rank(objective: "", capabilities: ["grid", "optimal"]).candidates()
        #expect(rows.map(\.name) == ["full-match", "huge-rank"])
        #expect(rows.map(\.matchRatio) == [1, 0.5])
        #expect(rows[1].missing == ["optimal"])
        #expect(rows[1].isSelectable, "min match 0 makes partial matches selectable")
    }

    @Test func rankBoostsAndKeywordsBreakTiesThenNameInByteOrder() {
        let factory = Self.factory([
            PlannerDescriptor(name: "plain", version: "1.0.0", capabilities: ["grid"], rank: 3),
            PlannerDescriptor(name: "boosted", version: "1.0.0", capabilities: ["grid"], rank: 1, boosts: ["fast": 2.5]),
            PlannerDescriptor(name: "worded", version: "1.0.0", capabilities: ["grid"], keywords: ["route", "path"], rank: 2),
            PlannerDescriptor(name: "a_tie", version: "1.0.0", capabilities: ["grid"]),
            PlannerDescriptor(name: "a-tie", version: "1.0.0", capabilities: ["grid"]),
            PlannerDescriptor(name: "a.tie", version: "1.0.0", capabilities: ["grid"]),
        ])
        let rows = factory.rank(objective: "Fast ROUTE please", capabilities: ["GRID "]).candidates()
        // boosted: 1 + 2.5 (fast is a word) = 3.5; worded: 2 + 1 (route) = 3; plain: 3; ties by name bytes.
        #expect(rows.map(\.name) == ["boosted", "plain", "worded", "a-tie", "a.tie", "a_tie"])
        #expect(rows.map(\.score) == [3.5, 3, 3, 0, 0, 0])
    }

    @Test func boostAppliesForRequiredCapabilityOrObjectiveWordOnly() {
        let factory = Self.factory(minimumMatch: 0, [
            PlannerDescriptor(name: "p", version: "1.0.0", capabilities: ["grid", "optimal"], boosts: ["optimal": 5, "route": 2, "unused": 9]),
        ])
        let row = factory.rank(objective: "a route", capabilities: ["optimal"]).candidates(explain: true)[0]
        #expect(row.score == 7)
        let terms = row.terms ?? []
        #expect(terms.map(\.label) == ["match ratio", "rank hint", "boost optimal", "boost route"])
        #expect(terms.first { $0.label == "boost optimal" }?.detail == "required capability")
        #expect(terms.first { $0.label == "boost route" }?.detail == "word of the objective")
        #expect(terms.filter(\.isAdditive).reduce(0) { $0 + $1.value } == row.score, "the additive terms add up to the score")
    }

    @Test func emptyRequirementsMatchEverything() {
        let factory = Self.factory([PlannerDescriptor(name: "p", version: "1.0.0")])
        let row = factory.rank().candidates()[0]
        #expect(row.matchRatio == 1)
        #expect(row.isSelectable)
        #expect(row.terms == nil)
    }

    @Test func notSelectableRowsSayWhy() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/a", name: "broken", capabilities: ["grid"], createLibrary: false)
        try root.bundle("plugins/b", name: "partial", capabilities: ["grid"])
        let factory = root.factory(["plugins"])
        factory.discover()
        let rows = factory.rank(capabilities: ["grid", "optimal", "3d"]).candidates()
        let broken = try #require(rows.first { $0.name == "broken" })
        #expect(broken.whyNotSelectable?.hasPrefix("it is invalid: ") == true)
        let partial = try #require(rows.first { $0.name == "partial" })
        #expect(partial.missing == ["optimal", "3d"])
        #expect(partial.whyNotSelectable == "its match ratio 0.3333333333333333 is below the minimum 1 (missing: optimal, 3d)")
    }

    @Test func limitAndWinner() {
        let factory = Self.factory((0..<10).map { PlannerDescriptor(name: "p\($0)", version: "1.0.0", capabilities: ["x"], rank: $0) })
        let ranking = factory.rank(capabilities: ["x"])
        #expect(ranking.candidates(limit: 3).map(\.name) == ["p9", "p8", "p7"])
        #expect(ranking.winner?.name == "p9")
        #expect(ranking.selectableCount == 10)
        #expect(ranking.count == 10)
    }
}
