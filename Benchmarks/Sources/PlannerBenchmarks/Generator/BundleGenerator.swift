#if canImport(Glibc)
import Glibc
#endif

/// Writes plugin bundles for the benchmarks: `<root>/pNNNNN/planner.json` (~300 bytes, 5–8
/// capabilities of 200, 1–3 keywords, 1–2 boosts, a rank hint) and the `libplanner.so` it names
/// (bytes only: discovery never loads it). Deterministic: the same count gives the same bundles.
struct BundleGenerator {
    /// A folder that holds one plugin-path folder per size.
    let root: String
    /// The library file every bundle names.
    static let libraryName = "libplanner.so"

    /// Makes a fresh temporary root under `$TMPDIR` (default `/tmp`).
    static func makeTemporaryRoot() throws(BenchmarkFailure) -> BundleGenerator {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/planner-benchmarks-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BenchmarkFailure("cannot create a temporary folder under \(base): \(SystemError.message())")
        }
        return BundleGenerator(root: String(cString: made))
    }

    /// Generates `count` bundles into a new plugin-path folder and returns its path.
    func generate(count: Int) throws(BenchmarkFailure) -> String {
        let folder = "\(root)/plugins-\(count)"
        try SystemError.check(mkdir(folder, 0o755), "mkdir \(folder)")
        var random = SplitMix64(seed: 0x5eed_0000 &+ UInt64(count))
        let library = [UInt8]("\u{7f}ELF benchmark placeholder, never loaded\n".utf8)
        for index in 0..<count {
            let name = "p" + String(repeating: "0", count: max(0, 5 - String(index).count)) + String(index)
            let bundle = "\(folder)/\(name)"
            try SystemError.check(mkdir(bundle, 0o755), "mkdir \(bundle)")
            try write(Array(Self.manifest(name: name, using: &random).utf8), to: "\(bundle)/planner.json")
            try write(library, to: "\(bundle)/\(Self.libraryName)")
        }
        return folder
    }

    /// Removes everything `generate` made under the root, then the root.
    func removeAll() {
        SystemError.removeTree(root)
    }

    /// One manifest: realistic field order and sizes.
    static func manifest(name: String, using random: inout SplitMix64) -> String {
        let capabilities = Array(Vocabulary.capabilities.shuffled(using: &random).prefix(Int.random(in: 5...8, using: &random)))
        let keywords = Array(Vocabulary.keywords.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)))
        let boosted = capabilities.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random))
        let boosts = boosted.map { "\"\($0)\": \(Double(Int.random(in: 2...20, using: &random)) / 4)" }
        let quoted = { (words: [String]) in words.map { "\"\($0)\"" }.joined(separator: ", ") }
        return """
            {"name": "\(name)", "version": "1.\(Int.random(in: 0...9, using: &random)).0", \
            "summary": "A \(name) planner", "capabilities": [\(quoted(capabilities))], \
            "keywords": [\(quoted(keywords))], "rank": \(Int.random(in: 0...5, using: &random)), \
            "boosts": {\(boosts.joined(separator: ", "))}, "entry": {"kind": "dylib", "library": "\(libraryName)"}}

            """
    }

    private func write(_ bytes: [UInt8], to path: String) throws(BenchmarkFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BenchmarkFailure("cannot create \(path): \(SystemError.message())") }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw BenchmarkFailure("cannot write \(path): \(SystemError.message())") }
    }
}
