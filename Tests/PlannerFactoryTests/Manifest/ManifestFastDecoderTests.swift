import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The fast path must agree with the full parser: whenever it decodes a manifest, the full parser
/// accepts the same bytes and produces the same manifest; and it never accepts what the full
/// parser rejects.
@Suite struct ManifestFastDecoderTests {
    static func fast(_ text: String) -> PlannerManifest? {
        Array(text.utf8).withUnsafeBufferPointer(ManifestFastDecoder.decode)
    }

    static func full(_ text: String) -> PlannerManifest? {
        try? ManifestParser.parseFully(Array(text.utf8), file: "planner.json").get()
    }

    @Test func decodesATypicalManifestLikeTheFullParser() throws {
        let text = """
            {"name": "grid-c", "version": "1.2.3-beta.1", "summary": "Grid planner – fast",
             "capabilities": [" Grid", "ROUTE", "grid"], "keywords": ["route"], "rank": -3,
             "boosts": {"Route": 2.5, "fast": 1e2}, "threadSafe": true, "schema": 1,
             "entry": {"library": "lib/libgrid.so", "kind": "dylib"}}
            """
        let manifest = try #require(Self.fast(text))
        #expect(manifest == Self.full(text))
        #expect(manifest.descriptor.capabilities == ["grid", "route"])
        #expect(manifest.descriptor.boosts == ["route": 2.5, "fast": 100])
        #expect(manifest.descriptor.rank == -3)
    }

    @Test(arguments: [
        #"{"name": "p", "version": "1.0.0", "author": "x", "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p\u0041", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "rank": 1.5, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "name": "q", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0", "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "../l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "capabilities": [" "], "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "boosts": {"a": 01}, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": "l.so"}} x"#,
        #"{"name": "p", "version": "1.0.0", "schema": 2, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        "\u{FEFF}{\"name\": \"p\", \"version\": \"1.0.0\", \"entry\": {\"kind\": \"dylib\", \"library\": \"l.so\"}}",
        #"{"name": "p", "version": "1.0.0", "rank": 1.0, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "rank": 1e2, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "rank": 9007199254740993, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "rank": 1.0000000000000001, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "schema": 1.0, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "boosts": {"a": 1, "a": 2}, "entry": {"kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "kind": "dylib", "library": "l.so"}}"#,
        #"{"name": "p", "version": "1.0.0", "entry": {"kind": "dylib", "library": ""}}"#,
    ])
    func givesUpOnAnythingUnusual(text: String) {
        #expect(Self.fast(text) == nil)
    }

    /// Random manifests and random one-byte corruptions of them: wherever the fast path decodes,
    /// the full parser agrees exactly.
    @Test func agreesWithTheFullParserOnRandomInputs() {
        var generator = SeededGenerator(seed: 42)
        let pieces = ["\"name\": \"p-1\"", "\"version\": \"2.0.0+b.1\"", "\"summary\": \"s\"",
                      "\"capabilities\": [\"A\", \"b\", \"a\"]", "\"keywords\": []", "\"rank\": 7",
                      "\"boosts\": {\"x\": -0.5}", "\"threadSafe\": false",
                      "\"entry\": {\"kind\": \"dylib\", \"library\": \"./l.so\"}"]
        var decoded = 0
        for _ in 0..<3000 {
            var chosen = pieces.filter { _ in generator.next() % 4 != 0 }
            chosen.shuffle(using: &generator)
            var bytes = Array(("{" + chosen.joined(separator: ", ") + "}").utf8)
            if generator.next() % 2 == 0, !bytes.isEmpty {
                let position = Int(generator.next() % UInt64(bytes.count))
                bytes[position] = UInt8(truncatingIfNeeded: generator.next() % 128)
            }
            let fast = bytes.withUnsafeBufferPointer(ManifestFastDecoder.decode)
            if let fast {
                decoded += 1
                #expect((try? ManifestParser.parseFully(bytes, file: "planner.json").get()) == fast)
            }
        }
        #expect(decoded > 300, "the fast path decodes the plain manifests")
    }

    /// Random manifests built from plain pieces and hostile ones (a field given twice, a key given
    /// twice inside a value, unknown fields, numbers a `Double` cannot hold exactly, escapes):
    /// whatever the fast path decodes, the full parser decodes the same; a manifest with a key
    /// given twice is refused by both; `parse` (what discovery calls) gives the fast result when
    /// there is one and the full parser's otherwise.
    @Test func agreesWithTheFullParserOnHostileInputs() {
        var generator = SeededGenerator(seed: 9)
        let plain = ["\"name\": \"p-1\"", "\"version\": \"2.0.0\"", "\"entry\": {\"kind\": \"dylib\", \"library\": \"./l.so\"}"]
        let pieces = ["\"rank\": 7", "\"rank\": 1.0",
                      "\"rank\": 9007199254740993", "\"rank\": 1.0000000000000001", "\"schema\": 1", "\"schema\": 1e0",
                      "\"boosts\": {\"x\": 1, \"x\": 2}", "\"boosts\": {\"y\": 1e300}", "\"summary\": \"a\\u001bb\"",
                      "\"extra\": [1, {\"k\": [], \"k\": 0}]", "\"extra2\": {\"deep\": [[[null]]]}", "\"threadSafe\": true",
                      "\"entry\": {\"kind\": \"dylib\", \"library\": \"\"}", "\"name\": \"q\""]
        var decoded = 0
        var refusedForRepetition = 0
        for _ in 0..<3000 {
            var chosen = plain + pieces.filter { _ in generator.next() % 4 == 0 }
            chosen.shuffle(using: &generator)
            let bytes = Array(("{" + chosen.joined(separator: ", ") + "}").utf8)
            let fast = bytes.withUnsafeBufferPointer(ManifestFastDecoder.decode)
            let full = ManifestParser.parseFully(bytes, file: "planner.json")
            if let fast {
                decoded += 1
                #expect((try? full.get()) == fast)
            }
            let keys = chosen.map { $0.prefix { $0 != ":" } }
            let isRepeated = Set(keys).count < keys.count || chosen.contains { $0.contains("\"x\": 1, \"x\"") || $0.contains("\"k\": [], \"k\"") }
            if isRepeated {
                refusedForRepetition += 1
                #expect(fast == nil)
                #expect((try? full.get()) == nil, "a key given twice makes the manifest invalid")
            }
            #expect(ManifestParser.parse(bytes, file: "planner.json") == (fast.map { .success($0) } ?? full))
        }
        #expect(decoded > 20, "the fast path decodes the plain manifests")
        #expect(refusedForRepetition > 300)
    }
}
