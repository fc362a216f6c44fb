import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// Unknown manifest fields cost bounded output and memory: `factory list` over 40 manifests of
/// 90,000 unknown keys each, or of one 500,000-element unknown array each, peaks at no more than
/// twice the memory of 40 plain manifests (peak resident set size of the process, measured by
/// GNU time; a ratio of memory, not a time).
@Suite(.serialized, .disabled(if: Sanitizer.isThreadSanitizerActive, "the sanitizer's shadow memory and allocator make resident sizes incomparable"))
struct ManifestMemoryTests {
    static let count = 40
    static let plain = #"{"name": "p%d", "version": "1.0.0", "entry": {"kind": "dylib", "library": "libplanner.so"}"#

    /// A plugin folder of `count` bundles whose manifests end with `extra` (after the plain fields).
    static func folder(extra: String) throws -> PluginFolder {
        let plugins = try PluginFolder()
        for index in 0..<count {
            let manifest = String(format: plain, index) + extra + "}"
            #expect(manifest.utf8.count < 1 << 20, "each manifest is under the 1 MiB limit")
            try plugins.bundle(String(format: "b%02d", index), manifest: manifest)
        }
        return plugins
    }

    /// Runs `factory list --no-probe` on `plugins` under GNU time; the output and the peak RSS in KiB.
    static func list(_ plugins: PluginFolder) throws -> (result: FactoryBinary.Result, peakKiB: Int) {
        let state = plugins.path + "/.state"
        let result = try FactoryBinary.run(
            ["list", "--no-probe", "--plugin-path", plugins.path, "--state-dir", state],
            prefix: ["/usr/bin/time", "-f", "peak-rss-kib %M"])
        let line = result.standardError.split(separator: "\n").last { $0.hasPrefix("peak-rss-kib ") }
        let peak = line.flatMap { Int($0.dropFirst("peak-rss-kib ".count)) }
        return (result, peak ?? 0)
    }

    @Test func unknownKeysAndHugeUnknownArraysCostAtMostTwiceThePlainMemory() throws {
        let (plainRun, plainPeak) = try Self.list(try Self.folder(extra: ""))
        #expect(plainRun.status == 0, "\(plainRun.standardError)")
        #expect(plainPeak > 0, "GNU time reported the peak: \(plainRun.standardError)")

        let keys = ", " + (0..<90_000).map { "\"k\($0)\":0" }.joined(separator: ",")
        let (keysRun, keysPeak) = try Self.list(try Self.folder(extra: keys))
        #expect(keysRun.status == 0)
        let warnings = keysRun.standardOutput.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == Self.count * 65, "64 named unknown fields and one count per manifest")
        #expect(warnings.filter { $0.hasSuffix("and 89,936 more unknown fields, neither listed nor kept") }.count == Self.count)
        #expect(keysRun.standardOutput.utf8.count < 1 << 20, "the output stays small: \(keysRun.standardOutput.utf8.count) bytes")
        #expect(Double(keysPeak) <= 2 * Double(plainPeak), "peak \(keysPeak) KiB against \(plainPeak) KiB for plain manifests")

        let array = #", "big": ["# + Array(repeating: "0", count: 500_000).joined(separator: ",") + "]"
        let (arrayRun, arrayPeak) = try Self.list(try Self.folder(extra: array))
        #expect(arrayRun.status == 0)
        #expect(arrayRun.standardOutput.contains("unknown field \"big\" is not used, and its value (1,000,001 bytes) is too large to keep"))
        #expect(Double(arrayPeak) <= 2 * Double(plainPeak), "peak \(arrayPeak) KiB against \(plainPeak) KiB for plain manifests")
    }
}
