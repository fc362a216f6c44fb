import Testing
@testable import PlannerFactory

/// JSON number text read as a whole number exactly.
@Suite struct WholeNumberTests {
    @Test(arguments: [
        ("0", 0), ("-0", 0), ("7", 7), ("-3", -3), ("1.0", 1), ("1.000", 1), ("2e3", 2000), ("2E+3", 2000),
        ("25e-1", nil), ("250e-1", 25), ("0.0e5", 0), ("1000000", 1_000_000), ("12.5e1", 125),
        ("0.5", nil), ("1.0000000000000001", nil), ("1e-300", nil), ("1e999999999999", nil),
        ("9007199254740993", nil), ("", nil), ("-", nil), ("1.2.3", nil), ("0x10", nil), ("1e", nil),
    ] as [(String, Int?)])
    func readsWholeNumbersExactly(text: String, expected: Int?) {
        #expect(WholeNumber.exact(text, limit: 1_000_000) == expected)
    }

    @Test func theLimitIsInclusiveBothWays() {
        #expect(WholeNumber.exact("-1000000", limit: 1_000_000) == -1_000_000)
        #expect(WholeNumber.exact("1000001", limit: 1_000_000) == nil)
        #expect(WholeNumber.exact("9007199254740993") == nil, "beyond the default limit of 10^15")
        #expect(WholeNumber.exact("900719925474099") == 900_719_925_474_099)
    }
}
