import Foundation
import PlannerTestSupport

/// Runs the built `factory` with arguments and environment given as bytes, which need not be
/// UTF-8 (Foundation's `Process` takes Strings, so it cannot pass `sp\xff`).
enum RawCommand {
    struct Result {
        var status: Int32
        var standardOutput: [UInt8]
        var standardError: [UInt8]

        /// Standard output as text (with U+FFFD for bytes that are not UTF-8, which text output never has).
        var output: String { String(decoding: standardOutput, as: UTF8.self) }
        var error: String { String(decoding: standardError, as: UTF8.self) }
    }

    /// `factory ARGUMENTS` with exactly `environment` (`NAME=value` byte strings) and PATH.
    static func factory(_ arguments: [[UInt8]], environment: [[UInt8]] = []) throws -> Result {
        let folder = NSTemporaryDirectory() + "factory-raw-\(getpid())-\(UInt64.random(in: .min ... .max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let status = try DirectSpawn.run(
            [Array(FactoryBinary.path.utf8)] + arguments, environment: [Array("PATH=/usr/bin:/bin".utf8)] + environment,
            output: folder + "/out", error: folder + "/err")
        // An exit code, or 128 + the signal that ended it.
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Result(
            status: code,
            standardOutput: Array((try? Data(contentsOf: URL(fileURLWithPath: folder + "/out"))) ?? Data()),
            standardError: Array((try? Data(contentsOf: URL(fileURLWithPath: folder + "/err"))) ?? Data()))
    }
}
