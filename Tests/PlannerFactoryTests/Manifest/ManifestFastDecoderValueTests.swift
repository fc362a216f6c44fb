import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The fast decoder's own readings of values — numbers computed without the standard library's
/// parser, term lists kept as they are when already normal — give exactly what the full parser
/// gives.
@Suite struct ManifestFastDecoderValueTests {
    static func manifest(boost number: String) -> String {
        #"{"name": "p", "version": "1.0.0", "boosts": {"x": \#(number)}, "entry": {"kind": "dylib", "library": "l.so"}}"#
    }

    static func manifest(capabilities: [String]) -> String {
        let list = capabilities.map { "\"\($0)\"" }.joined(separator: ", ")
        return #"{"name": "p", "version": "1.0.0", "capabilities": [\#(list)], "entry": {"kind": "dylib", "library": "l.so"}}"#
    }

    /// Random decimal numbers of every shape (digits before and after the point, exponents,
    /// leading zeros in the fraction, 1 to 20 significant digits): the boost is the very `Double`
    /// the standard library reads from the same text, bit for bit, or the fast path gives up.
    @Test func numbersAreReadExactly() throws {
        var generator = SeededGenerator(seed: 2026)
        func digits(_ count: Int) -> String {
            String((0..<count).map { _ in Character(String(generator.next() % 10)) })
        }
        var decodedByTheFastPath = 0
        for _ in 0..<5000 {
            var integer = digits(Int(generator.next() % 7) + 1)
            while integer.count > 1, integer.hasPrefix("0") { integer.removeFirst() }
            var text = (generator.next() % 3 == 0 ? "-" : "") + integer
            if generator.next() % 2 == 0 { text += "." + digits(Int(generator.next() % 14) + 1) }
            if generator.next() % 3 == 0 {
                text += (generator.next() % 2 == 0 ? "e" : "E") + ["", "+", "-"][Int(generator.next() % 3)] + String(generator.next() % 8)
            }
            let expected = try #require(Double(text))
            let fast = ManifestFastDecoderTests.fast(Self.manifest(boost: text))
            if abs(expected) > 1_000_000 {
                #expect(fast == nil, "a boost beyond ±1,000,000 is left to the full parser: \(text)")
                continue
            }
            let value = try #require(fast?.descriptor.boosts["x"], "\(text)")
            #expect(value.bitPattern == expected.bitPattern, "\(text): \(value) is not \(expected)")
            #expect(fast == ManifestFastDecoderTests.full(Self.manifest(boost: text)))
            decodedByTheFastPath += 1
        }
        #expect(decodedByTheFastPath > 3000)
    }

    @Test(arguments: [
        ("0.1", 0.1), ("-0", -0.0), ("-0.0e5", -0.0), ("1e-7", 1e-7), ("123456.789012345", 123_456.789012345),
        ("0.30000000000000004", 0.30000000000000004), ("9.999999999999999e5", 999_999.9999999999),
        ("1.00000000000000000001", 1.0), ("0.000000000000000000000000001", 1e-27), ("1E+2", 100),
    ])
    func edgeNumbers(text: String, expected: Double) throws {
        let value = try #require(ManifestFastDecoderTests.fast(Self.manifest(boost: text))?.descriptor.boosts["x"])
        #expect(value.bitPattern == expected.bitPattern)
    }

    @Test(arguments: ["01", "1.", ".5", "1e", "1e+", "--1", "+1", "1e9999999999999999999", "0x10", "1_0"])
    func malformedNumbersAreLeftToTheFullParser(text: String) {
        #expect(ManifestFastDecoderTests.fast(Self.manifest(boost: text)) == nil)
    }

    /// Lists kept as they are and lists that need `CapabilityNormalizer` decode alike in both
    /// parsers: upper case, a repeated term, white space, more than 32 terms, non-ASCII terms
    /// (`K`, the Kelvin sign, lower-cases to `k`; `a\u{37E}b` is `a;b` to Swift).
    @Test(arguments: [
        (["grid", "route", "3d"], ["grid", "route", "3d"]),
        (["grid", "Grid", "route"], ["grid", "route"]),
        (["grid", "grid"], ["grid"]),
        ([" grid ", "route"], ["grid", "route"]),
        (["\u{212A}elvin", "kelvin"], ["kelvin"]),
        (["a;b", "a\u{37E}b"], ["a;b"]),
        (["grüne", "GRÜNE"], ["grüne"]),
        ((0..<40).map { "t\($0)" } + ["t3"], (0..<40).map { "t\($0)" }),
    ])
    func termListsAreNormalizedLikeTheFullParser(capabilities: [String], expected: [String]) throws {
        let text = Self.manifest(capabilities: capabilities)
        let fast = try #require(ManifestFastDecoderTests.fast(text))
        #expect(fast.descriptor.capabilities == expected)
        #expect(fast == ManifestFastDecoderTests.full(text))
    }

    @Test func boostKeysAreNormalizedLikeTheFullParser() throws {
        let text = #"{"name": "p", "version": "1.0.0", "boosts": {"Route": 1, "route ": 3, "grid": 2}, "entry": {"kind": "dylib", "library": "l.so"}}"#
        let fast = try #require(ManifestFastDecoderTests.fast(text))
        #expect(fast.descriptor.boosts == ["route": 3, "grid": 2])
        #expect(fast == ManifestFastDecoderTests.full(text))
    }

    @Test(arguments: [
        #"{"name": "p", "version": "1.0.0", "capabilities": [""], "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "boosts": {"": 1}, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "boosts": {"x": 1000001}, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "rank": 1000001, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "rank": -01, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylibs", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "sub/."}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "bibliothèque.so"}}"#,
    ])
    func givesUpWhereTheFullParserMustDecide(text: String) {
        #expect(ManifestFastDecoderTests.fast(text) == nil)
    }
}
