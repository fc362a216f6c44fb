import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// Rankings of registries large enough to be indexed and copied on several cores agree, row by
/// row, with the ranking rules applied plainly to the records (README "Ranking"), including terms
/// that are equal as strings but spelled differently, and shadowed planners.
@Suite struct RankingReferenceTests {
    static let words = ["grid", "Route", "fast", "optimal", "a;b", "a\u{37E}b", "\u{212A}", "k", "cafe\u{301}", "caf\u{E9}", " 3d "]

    static func factory(seed: UInt64, count: Int) -> PlannerFactory {
        var random = SeededGenerator(seed: seed)
        let words = Self.words
        let descriptors = (0..<count).map { index in
            PlannerDescriptor(
                // Some names repeat (later ones are shadowed), some are not ASCII.
                name: index % 97 == 0 ? "caf\u{E9}-\(index % 5)" : "p\(Int.random(in: 0..<(count * 2), using: &random))",
                version: "1.0.0",
                capabilities: words.filter { _ in Int.random(in: 0..<3, using: &random) == 0 },
                keywords: words.filter { _ in Int.random(in: 0..<5, using: &random) == 0 },
                rank: Int.random(in: -2...3, using: &random),
                boosts: Dictionary(
                    words.filter { _ in Int.random(in: 0..<6, using: &random) == 0 }.map { ($0, Double(Int.random(in: 1...4, using: &random)) / 4) },
                    uniquingKeysWith: max))
        }
        var configuration = FactoryConfiguration()
        configuration.minimumMatch = 0.5
        return PlannerFactory(configuration: configuration, builtins: descriptors.map { descriptor in
            BuiltinPlanner(descriptor: descriptor, make: { try EchoPlanner(configuration: $0) })
        })
    }

    /// The rows the rules give, in order: (name, score, match ratio, selectable).
    static func reference(_ records: [PlannerRecord], _ request: RankingRequest) -> [String] {
        let required = request.capabilities
        let words = Set(Objective.words(of: request.objective))
        let rows = records.enumerated().map { index, record in
            let matched = required.filter { record.capabilities.contains($0) }.count
            var score = Double(record.rank)
            for key in record.boosts.keys.sorted() where Set(required).contains(key) || words.contains(key) {
                score += record.boosts[key] ?? 0
            }
            for keyword in record.keywords where words.contains(keyword) { score += 1 }
            let ratio = required.isEmpty ? 1 : Double(matched) / Double(required.count)
            return (index: index, name: record.name, matched: matched, score: score, ratio: ratio,
                    selectable: record.isActive && ratio >= request.minimumMatch)
        }
        return rows.sorted { a, b in
            if a.matched != b.matched { return a.matched > b.matched }
            if a.score != b.score { return a.score > b.score }
            if a.name.utf8.elementsEqual(b.name.utf8) { return a.index < b.index }
            return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
        }.map { "\($0.name) \($0.score) \($0.ratio) \($0.selectable)" }
    }

    @Test(arguments: [
        (objective: "a fast route past \u{212A} and a\u{37E}b", capabilities: ["grid", "CAFE\u{301}"]),
        (objective: "optimal 3d caf\u{E9}", capabilities: ["a;b", "k", "route"]),
        (objective: "", capabilities: []),
    ])
    func rowsFollowTheRules(request: (objective: String, capabilities: [String])) throws {
        let factory = Self.factory(seed: 11, count: 2 * max(RankingIndex.partSize, RegistryAssembler.parallelCopyCount) + 3)
        let records = factory.planners()
        #expect(records.contains { $0.status == .shadowed }, "the registry has shadowed planners")
        let ranking = factory.rank(objective: request.objective, capabilities: request.capabilities)
        let rows = ranking.candidates().map { "\($0.name) \($0.score) \($0.matchRatio) \($0.isSelectable)" }
        let expected = Self.reference(records, ranking.request)
        #expect(rows.count == expected.count)
        let firstDifference = zip(rows, expected).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(firstDifference == nil, "row \(firstDifference?.offset ?? -1): \(firstDifference?.element.0 ?? "") instead of \(firstDifference?.element.1 ?? "")")
        let winner = try #require(ranking.winner)
        #expect("\(winner.name) \(winner.score) \(winner.matchRatio) true" == expected.first { $0.hasSuffix(" true") })
    }

    /// Shadowing in a registry copied on several cores: the first planner of a name is active,
    /// the later ones are shadowed and name the builtin that owns the name.
    @Test func shadowingOfALargeRegistry() {
        let factory = Self.factory(seed: 5, count: RegistryAssembler.parallelCopyCount + 10)
        var seen: [String: Int] = [:]
        var wrong: [String] = []
        for (index, record) in factory.planners().enumerated() {
            if seen[record.name] == nil {
                seen[record.name] = index
                if record.status != .active || record.reason != nil { wrong.append("\(index) \(record.name) \(record.status)") }
            } else if record.status != .shadowed || record.reason != "shadowed by the planner \"\(record.name)\" registered earlier (builtin)" {
                wrong.append("\(index) \(record.name) \(record.status) \(record.reason ?? "")")
            }
        }
        #expect(seen.count < factory.planners().count, "some names repeat")
        #expect(wrong.isEmpty, "\(wrong.count) records, the first: \(wrong.first ?? "")")
        for (name, index) in seen {
            #expect(factory.record(named: name) == factory.planners()[index])
        }
    }
}
