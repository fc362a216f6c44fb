import Testing
@testable import PlannerFactory

/// `TermTable` gives the ids a `[String: Int32]` would: one per term under `String` equality
/// (canonical equivalence), in the order terms first appear, whatever their bytes.
@Suite struct TermTableTests {
    /// The ids of `spellings` as a dictionary keyed by `String` assigns them.
    static func referenceIDs(_ spellings: [String]) -> [Int32] {
        var ids: [String: Int32] = [:]
        return spellings.map { spelling in
            if let id = ids[spelling] { return id }
            let id = Int32(ids.count)
            ids[spelling] = id
            return id
        }
    }

    static let tricky: [String] = [
        "grid", "a;b", "a\u{37E}b",                  // GREEK QUESTION MARK is canonically ";"
        "K", "\u{212A}", "k",                           // KELVIN SIGN is canonically "K", not "k"
        "caf\u{E9}", "cafe\u{301}",                     // precomposed and decomposed é
        "", "a", "a\u{0}", "a\u{0}\u{0}",               // equal heads, other lengths
        "abcdefg", "abcdefgh", "abcdefghi",             // around the 8-byte words
        "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq",
        "abcdefghijklmnopqrstuvwxyz-0123456789-x", "abcdefghijklmnopqrstuvwxyz-0123456789-y",
        "abcdefghijklmnopqrstuvwxyz-0123456789-x",      // a long spelling again, after its near twin
        "\u{212A}elvin-and-a-long-tail-past-sixteen", "Kelvin-and-a-long-tail-past-sixteen",
        "a\u{37E}b", "grid", "k", "", "cafe\u{301}",
    ]

    @Test func idsFollowStringEquality() {
        var table = TermTable()
        let ids = Self.tricky.map { table.intern($0) }
        #expect(ids == Self.referenceIDs(Self.tricky))
        #expect(ids[1] == ids[2], "\"a;b\" and \"a\\u{37E}b\" are one term")
        #expect(ids[3] == ids[4] && ids[3] != ids[5], "the Kelvin sign is \"K\", not \"k\"")
        #expect(ids[6] == ids[7])
        #expect(Set([ids[9], ids[10], ids[11]]).count == 3)
        #expect(ids[18] != ids[19])
        #expect(table.count == Set(Self.tricky).count)
        #expect(table.terms.count == table.count)
        for (spelling, id) in zip(Self.tricky, ids) {
            #expect(table.id(of: spelling) == id, "\(spelling.unicodeScalars.map(\.value))")
        }
        #expect(table.id(of: "not-there") == nil)
    }

    /// Thousands of terms (the table grows many times), each spelled twice in two ways.
    @Test func manyTermsKeepTheirIDs() {
        var table = TermTable()
        let terms = (0..<5_000).map { "term-\($0)" + ($0 % 7 == 0 ? "-with-a-long-tail" : "") }
        let first = terms.map { table.intern($0) }
        #expect(first == (0..<5_000).map { Int32($0) })
        let again = terms.reversed().map { table.intern($0) }
        #expect(again == first.reversed())
        #expect(table.intern("a;b") == 5_000)
        #expect(table.intern("a\u{37E}b") == 5_000)
    }
}
