import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Rankings order only as far as rows are asked for: every way of reading a ranking (winner,
/// a top k, a window, a row by name) agrees with the full order, before and after it is sorted.
@Suite struct PartialOrderTests {
    static func randomFactory(seed: UInt64, count: Int) -> PlannerFactory {
        var random = SeededGenerator(seed: seed)
        let words = ["grid", "route", "fast", "optimal", "3d", "blocks", "deliver", "parcel"]
        let descriptors = (0..<count).map { index in
            PlannerDescriptor(
                name: "p\(Int.random(in: 0..<(count * 4), using: &random))-\(index)", version: "1.0.0",
                capabilities: words.filter { _ in Bool.random(using: &random) },
                keywords: words.filter { _ in Int.random(in: 0..<4, using: &random) == 0 },
                rank: Int.random(in: -2...3, using: &random),
                boosts: Bool.random(using: &random) ? [words.randomElement(using: &random) ?? "grid": Double(Int.random(in: 1...3, using: &random))] : [:])
        }
        var configuration = FactoryConfiguration()
        configuration.minimumMatch = 0.5
        return PlannerFactory(configuration: configuration, builtins: descriptors.map { descriptor in
            BuiltinPlanner(descriptor: descriptor, make: { try EchoPlanner(configuration: $0) })
        })
    }

    @Test(arguments: [1, 2, 3])
    func everyReadingAgreesWithTheFullOrder(seed: UInt64) throws {
        let factory = Self.randomFactory(seed: seed, count: 300)
        let request = (objective: "deliver a parcel fast", capabilities: ["grid", "route", "optimal"])
        let full = factory.rank(objective: request.objective, capabilities: request.capabilities).candidates()
        #expect(full.map(\.position) == Array(1...300))
        #expect(Set(full.map(\.name)).count == 300)
        for limit in [0, 1, 10, 64, 65, 299, 300, 400] {
            let fresh = factory.rank(objective: request.objective, capabilities: request.capabilities)
            #expect(fresh.candidates(limit: limit) == Array(full.prefix(limit)), "top \(limit) of a fresh ranking")
        }
        let ranking = factory.rank(objective: request.objective, capabilities: request.capabilities)
        let winner = try #require(ranking.winner)
        #expect(winner == full.first { $0.isSelectable }, "the winner is the first selectable row, with its position")
        #expect(ranking.selectableCount == full.filter(\.isSelectable).count)
        let someone = full[137]
        #expect(ranking.candidate(named: someone.name, explain: false) == someone, "a row by name, unsorted")
        #expect(ranking.candidates(in: 120..<140) == Array(full[120..<140]), "a window sorts the ranking")
        #expect(ranking.candidate(named: someone.name, explain: false) == someone, "a row by name, sorted")
        #expect(ranking.winner == winner, "the winner, sorted")
        #expect(ranking.candidates(limit: 5) == Array(full.prefix(5)))
    }

    @Test func noSelectablePlannerMeansNoWinner() {
        let factory = Self.randomFactory(seed: 9, count: 50)
        let ranking = factory.rank(capabilities: ["no-such-capability"])
        #expect(ranking.winner == nil)
        #expect(ranking.selectableCount == 0)
        #expect(ranking.candidates(limit: 3).map(\.position) == [1, 2, 3])
    }
}
