import Foundation
import PlannerKit
import PlannerTestSupport

/// The example application `examples/agent-service`, built next to `factory`.
enum AgentServiceBinary {
    static var path: String { BuildProducts.path(of: "agent-service") }

    /// The environment of every run: no FACTORY_* variable from the test's own environment.
    static let environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent"]

    /// Runs it to its end with `arguments` (a safety deadline of 120 s: `nil` past it).
    static func run(_ arguments: [String]) throws -> Deadline.ProcessResult? {
        try Deadline.runProcess([path] + arguments, environment: environment)
    }

    /// The counts of its last line on standard error (`stopped: 1200 selections (240 failed), …`
    /// or `done: …`): selections and failed selections.
    static func finalCounts(_ standardError: String) -> (selections: Int, failures: Int)? {
        guard let line = standardError.split(separator: "\n").last(where: { $0.contains("stopped: ") || $0.contains("done: ") }),
              let colon = line.range(of: ": ", options: .backwards) else { return nil }
        let words = line[colon.upperBound...].split(whereSeparator: { $0 == " " || $0 == "(" })
        guard words.count >= 3, let selections = Int(words[0]), let failures = Int(words[2]) else { return nil }
        return (selections, failures)
    }
}

extension LiveProcess {
    /// `agent-service` in the background on the state folder `state`, with the example plugins of
    /// this build as its plugin path, and `arguments`. Killed when released.
    static func agentService(_ arguments: [String], state: String) throws -> LiveProcess {
        try LiveProcess([AgentServiceBinary.path, "--state-dir", state, "--plugin-path", ExamplePlugins.folder] + arguments,
                        environment: AgentServiceBinary.environment)
    }
}
