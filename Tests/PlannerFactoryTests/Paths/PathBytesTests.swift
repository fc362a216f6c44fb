import PlannerTestSupport
import Testing
@testable import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// Bytes to String and back without losing one (`PathBytes`).
@Suite struct PathBytesTests {
    @Test(arguments: ["", "plugins/grid", "café/Ωμέγα", "emoji 🚀 folder", "tab\there"])
    func utf8TextDecodesToItselfAndBack(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(PathBytes.string(decoding: bytes) == text)
        #expect(PathBytes.bytes(of: text) == bytes)
        #expect(!PathBytes.holdsRawBytes(text))
        #expect(PathBytes.replacingRawBytes(text) == text)
    }

    @Test func anInvalidByteBecomesItsEscapeScalar() {
        let bytes: [UInt8] = Array("sp".utf8) + [0xFF]
        let text = PathBytes.string(decoding: bytes)
        #expect(text == "sp\u{EFFF}")
        #expect(PathBytes.holdsRawBytes(text))
        #expect(PathBytes.bytes(of: text) == bytes)
        #expect(PathBytes.replacingRawBytes(text) == "sp\u{FFFD}")
        #expect(PathBytes.rawByte(of: "\u{EFFF}") == 0xFF)
        #expect(PathBytes.rawByte(of: "\u{EF80}") == 0x80)
        #expect(PathBytes.rawByte(of: "\u{EF7F}") == nil)
        #expect(PathBytes.rawByte(of: "\u{F000}") == nil)
    }

    /// Every kind of ill-formed UTF-8 (Unicode table 3-7): each of its bytes is escaped on its
    /// own, and the valid text around it is kept.
    @Test(arguments: [
        [0x80],                    // a lone continuation byte
        [0xC0, 0x80],              // an overlong NUL
        [0xE0, 0x80, 0xAF],        // an overlong "/"
        [0xED, 0xA0, 0x80],        // a surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xF5, 0x80, 0x80, 0x80],  // a lead byte that never occurs
        [0xE2, 0x82],              // a sequence cut short
        [0xFE, 0xFF],
    ] as [[UInt8]])
    func illFormedSequencesRoundTrip(_ bad: [UInt8]) {
        let bytes = Array("a/".utf8) + bad + Array("/é".utf8)
        let text = PathBytes.string(decoding: bytes)
        #expect(text.hasPrefix("a/") && text.hasSuffix("/é"))
        #expect(text.unicodeScalars.filter { PathBytes.rawByte(of: $0) != nil }.count == bad.count)
        #expect(PathBytes.bytes(of: text) == bytes)
        #expect(PathBytes.replacingRawBytes(text) == String(decoding: bytes, as: UTF8.self))
    }

    /// A real name spelling one of the 128 escape scalars in UTF-8 is escaped byte by byte, so it
    /// cannot be taken for a raw byte: it still names its own file, and JSON shows it as it is.
    @Test func aValidNameSpellingAnEscapeScalarKeepsItsBytes() {
        let bytes: [UInt8] = Array("x".utf8) + [0xEE, 0xBE, 0x80] + [0xEE, 0xBF, 0xBF]  // U+EF80 U+EFFF
        let text = PathBytes.string(decoding: bytes)
        #expect(text.unicodeScalars.count == 7)
        #expect(PathBytes.bytes(of: text) == bytes)
        #expect(PathBytes.replacingRawBytes(text) == "x\u{EF80}\u{EFFF}")
        #expect(TerminalText.escaped(text) == #"x\xee\xbe\x80\xee\xbf\xbf"#)
        // The private-use scalars next to the range are text like any other.
        let neighbours: [UInt8] = [0xEE, 0xBD, 0xBF, 0xEF, 0x80, 0x80]  // U+EF7F U+F000
        #expect(PathBytes.string(decoding: neighbours) == "\u{EF7F}\u{F000}")
    }

    @Test func randomBytesRoundTrip() {
        var generator = SeededGenerator(seed: 0x5EED_B17E)
        for _ in 0..<2000 {
            let count = Int.random(in: 0...24, using: &generator)
            // Bytes biased to the interesting ones: lead and continuation bytes, 0xEE above all.
            let pool: [UInt8] = [0x2F, 0x61, 0x80, 0xBE, 0xBF, 0xC3, 0xE0, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xFF]
            let bytes = (0..<count).map { _ in
                Bool.random(using: &generator) ? pool.randomElement(using: &generator) ?? 0 : UInt8.random(in: 1...255, using: &generator)
            }
            let text = PathBytes.string(decoding: bytes)
            #expect(PathBytes.bytes(of: text) == bytes, "\(bytes)")
            // Plain: valid UTF-8 that spells no escape scalar. Exactly those decode to themselves.
            let valid = String(validating: bytes, as: UTF8.self)
            let isPlain = valid.map { !$0.unicodeScalars.contains { (0xEF80...0xEFFF).contains($0.value) } } ?? false
            #expect(PathBytes.holdsRawBytes(text) == !isPlain, "\(bytes)")
            if isPlain { #expect(text == valid) }
        }
    }

    @Test func cStringsPassTheExactBytes() {
        let bytes: [UInt8] = Array("/tmp/state".utf8) + [0xFF, 0xC3]
        let text = PathBytes.string(decoding: bytes)
        let passed = PathBytes.withCString(text) { pointer in
            Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer)))
        }
        #expect(passed == bytes)
        let plain = PathBytes.withCString("/tmp/plain") { String(cString: $0) }
        #expect(plain == "/tmp/plain")
        let copy = PathBytes.duplicate(text)
        defer { free(copy) }
        #expect(copy.map { PathBytes.string(cString: $0) } == text)
    }

    @Test func rawBytesAreShownEscapedInText() {
        let text = PathBytes.string(decoding: Array("sp".utf8) + [0xFF] + Array("/g".utf8) + [0xFE])
        #expect(TerminalText.escaped(text) == #"sp\xff/g\xfe"#)
        #expect(TerminalText.escapedLines("a\n" + text) == "a\n" + #"sp\xff/g\xfe"#)
    }
}
