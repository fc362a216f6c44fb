import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The ranking index gathered in parts on several cores is the one a single pass builds, and both
/// say what the records say, with terms compared as `String`s (canonical equivalence).
@Suite struct RankingIndexTests {
    /// Spellings that are equal as strings but differ in bytes sit far apart, so the parts meet
    /// both spellings of a term, each part another one first.
    static let vocabulary = [
        "grid", "route", "fast", "optimal", "3d", "a;b", "a\u{37E}b", "K", "\u{212A}", "k", "caf\u{E9}", "cafe\u{301}",
        "a-capability-longer-than-sixteen-bytes", "a-capability-longer-than-sixteen-bytez", "", "x",
    ]

    static func record(_ index: Int, using random: inout SeededGenerator) -> PlannerRecord {
        let vocabulary = Self.vocabulary
        // The first records use the first spellings, the last ones the second spellings, so
        // each part meets a term first in another spelling.
        let pick = { (random: inout SeededGenerator) -> String in
            let word = vocabulary[Int.random(in: 0..<vocabulary.count, using: &random)]
            return index < 3_000 ? word : (word == "a;b" ? "a\u{37E}b" : word == "K" ? "\u{212A}" : word == "caf\u{E9}" ? "cafe\u{301}" : word)
        }
        var capabilities: [String] = []
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            let word = pick(&random)
            if !capabilities.contains(word) { capabilities.append(word) }
        }
        var boosts: [String: Double] = [:]
        for _ in 0..<Int.random(in: 0...3, using: &random) { boosts[pick(&random)] = Double(Int.random(in: -2...5, using: &random)) }
        return PlannerRecord(
            name: "p\(Int.random(in: 0..<2_000, using: &random))", version: "1.0.0", kind: .builtin,
            status: Int.random(in: 0..<10, using: &random) == 0 ? .pending : .active, reason: nil, summary: "",
            capabilities: capabilities, keywords: (0..<Int.random(in: 0...3, using: &random)).map { _ in pick(&random) },
            rank: Int.random(in: -3...3, using: &random), boosts: boosts, path: nil, library: nil, fingerprint: nil,
            warnings: [], unknownFields: [:], isThreadSafe: false)
    }

    static func records(seed: UInt64, count: Int) -> [PlannerRecord] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { record($0, using: &random) }
    }

    /// Every observable part of an index, for comparing two.
    static func contents(_ index: RankingIndex) -> [String] {
        var lines = ["terms \(index.termCount)"]
        for term in 0..<index.termCount {
            lines.append("term \(term): \(Array(index.postings[term])) \(Array(index.keywordPostings[term])) \(Array(index.boostPostings[term]))")
        }
        for (position, entry) in index.entries.enumerated() {
            let boosts = index.boosts(of: Int32(position)).map { "\($0.term)=\($0.value)" }
            lines.append("entry \(position): \(entry.rank) \(entry.isActive) \(entry.nameOrder) \(boosts)")
        }
        lines.append("by name \(index.entryByNameOrder)")
        lines.append("ids \(Self.vocabulary.map { index.id(of: $0).map(String.init) ?? "-" })")
        return lines
    }

    @Test(arguments: [1, 2])
    func partsBuildTheIndexOfOnePass(seed: UInt64) {
        let records = Self.records(seed: seed, count: 3 * RankingIndex.partSize + 17)
        let single = Self.contents(RankingIndex(records: records, cores: 1))
        for cores in [2, 3, 5] {
            let parts = Self.contents(RankingIndex(records: records, cores: cores))
            #expect(parts.count == single.count)
            for (line, expected) in zip(parts, single) where line != expected {
                Issue.record("\(cores) cores: \(line), one pass: \(expected)")
                break
            }
        }
    }

    /// The lists say what the records say, term by term, with `String` equality.
    @Test func listsFollowTheRecords() throws {
        let records = Self.records(seed: 7, count: 2 * RankingIndex.partSize + 5)
        let index = RankingIndex(records: records, cores: 2)
        #expect(index.termCount == Set(records.flatMap { $0.capabilities + $0.keywords + $0.boosts.keys }).count)
        for word in Self.vocabulary {
            let id = try #require(index.id(of: word), "\(word.unicodeScalars.map(\.value))")
            let term = Int(id)
            #expect(Array(index.postings[term]) == records.indices.filter { records[$0].capabilities.contains(word) }.map { Int32($0) })
            #expect(Array(index.keywordPostings[term])
                == records.indices.flatMap { index in records[index].keywords.filter { $0 == word }.map { _ in Int32(index) } })
            #expect(Array(index.boostPostings[term]) == records.indices.filter { records[$0].boosts[word] != nil }.map { Int32($0) })
        }
        let wrongBoosts = records.indices.filter { position in
            let record = records[position], boosts = index.boosts(of: Int32(position))
            return boosts.map(\.value) != record.boosts.keys.sorted().compactMap { record.boosts[$0] }
                || boosts.map(\.term) != record.boosts.keys.sorted().compactMap { index.id(of: $0) }
        }
        #expect(wrongBoosts.isEmpty, "the boosts of \(wrongBoosts.count) planners, the first: \(wrongBoosts.first ?? -1)")
        let byName = records.indices.sorted { records[$0].name.utf8.lexicographicallyPrecedes(records[$1].name.utf8) || (records[$0].name == records[$1].name && $0 < $1) }
        #expect(index.entryByNameOrder == byName.map { Int32($0) })
        var positions = [Int32](repeating: -1, count: records.count)
        for (position, entry) in byName.enumerated() { positions[entry] = Int32(position) }
        #expect(index.entries.map(\.nameOrder) == positions)
    }

    @Test func emptyAndSmallRegistries() {
        #expect(RankingIndex(records: [], cores: 4).termCount == 0)
        let records = Self.records(seed: 3, count: 5)
        #expect(Self.contents(RankingIndex(records: records, cores: 4)) == Self.contents(RankingIndex(records: records, cores: 1)))
    }
}
