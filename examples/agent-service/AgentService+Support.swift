import ArgumentParser
import Foundation
import PlannerFactory

extension AgentService {
    /// A plain decimal: digits with at most one decimal point (`20`, `0.5`, `.5`), as the
    /// factory's configuration reads numbers; no sign, exponent, hexadecimal, `inf` or `nan`.
    static func decimal(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, text != ".", parts.count <= 2, text.utf8.count <= 32,
              parts.allSatisfy({ $0.utf8.allSatisfy { (48...57).contains($0) } }) else { return nil }
        return Double(text.hasPrefix(".") ? "0" + text : text)
    }

    /// `20` for a whole number, else as Swift prints it (`0.5`).
    static func text(_ number: Double) -> String {
        number == number.rounded() && number < 1e15 ? String(Int(number)) : String(number)
    }

    /// Refuses a metrics file that cannot be one: an empty path, a folder, or a path whose folder
    /// does not exist (the temporary file goes there too).
    static func checkMetricsPath(_ path: String) throws {
        var isFolder: ObjCBool = false
        guard !path.isEmpty, !path.hasSuffix("/") else { throw ValidationError("--metrics-file needs a file path, not \"\(TerminalText.escaped(path))\".") }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("--metrics-file names a folder: \(TerminalText.escaped(path)). Give a file path (the folder must exist).")
        }
        let folder = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("The folder of --metrics-file does not exist: \(TerminalText.escaped(folder)).")
        }
    }

    /// `24 planners: 9 active, 14 quarantined, 1 invalid (probed 23 plugins in 2.1 s)`.
    static func plannerSummary(_ statuses: [PlannerStatus], probes: ProbeSummary) -> String {
        let counts = PlannerStatus.all.compactMap { status -> String? in
            let count = statuses.filter { $0 == status }.count
            return count == 0 ? nil : "\(count) \(status)"
        }
        let probed = probes.probed == 0 ? "no plugin needed a probe"
            : "probed \(probes.probed) plugin(s) in \(String(format: "%.1f", ProgressLine.seconds(probes.duration))) s"
        return "\(statuses.count) planners: \(counts.joined(separator: ", ")) (\(probed))"
    }
}
