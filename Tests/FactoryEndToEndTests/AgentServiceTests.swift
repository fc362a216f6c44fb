import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// The example application `agent-service` watched as a user would: followed over its real live
/// socket with `factory telemetry --follow`, stopped with SIGTERM, and its arguments checked.
/// (A publisher killed with SIGKILL is `LiveCommandTests.aPublisherKilledMidStreamIsReportedAndItsSocketRemoved`.)
struct AgentServiceTests {
    /// The planners the service's cycle makes win: builtins in-process, example plugins in workers.
    static let winners: Set<String> = ["grid-astar", "blocks-world", "native-gbfs", "echo-py", "grid-greedy-c"]

    @Test func aFollowerGetsItsHelloSnapshotSelectionsAndPlansThenClosingWhenItIsStopped() throws {
        let state = try PluginFolder()
        // A gentle rate, so that the follower keeps up even under the thread sanitizer on a busy
        // machine (a subscriber far behind when the publisher stops may miss its `closing`).
        let service = try LiveProcess.agentService(["--rate", "20"], state: state.path)
        _ = try #require(try LivePublishersList.waitFor(service.pid, state: state.path))

        let follower = try LiveProcess.factory(["telemetry", "--follow", "\(service.pid)"], state: state.path)
        var winners: Set<String> = []
        var failures = 0
        var selections = 0
        var workerPlans = 0
        var nativePlans = 0
        let lines = follower.readJSON { line in
            switch line["type"]?.stringValue {
            case "selection":
                selections += 1
                if let winner = line["winner"]?.stringValue { winners.insert(winner) } else { failures += 1 }
            case "plan-end":
                if line["outcome"] == "success" && line["workerPid"]?.intValue ?? 0 > 0 { workerPlans += 1 }
                if line["outcome"] == "success" && line["planner"] == "native-gbfs" { nativePlans += 1 }
            default: break
            }
            // The cycle has ten requests: two rounds show everything (400 selections at most).
            return (winners == Self.winners && failures >= 2 && workerPlans >= 2 && nativePlans >= 1) || selections >= 400
        }
        let hello = try #require(lines.first)
        #expect(hello["type"] == "hello" && hello["pid"]?.intValue == Int(service.pid))
        let command = hello["command"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(command.first?.hasSuffix("/agent-service") == true && command.contains("--rate"), "\(command)")
        let snapshot = try #require(lines.dropFirst().first)
        #expect(snapshot["type"] == "snapshot")
        let planners = Set(snapshot["planners"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? [])
        #expect(planners.isSuperset(of: Self.winners), "\(planners)")
        #expect(winners == Self.winners, "every planner of the cycle wins some selections")
        #expect(failures >= 2, "requests no planner serves fail, and show")
        #expect(workerPlans >= 2, "plugins plan in their workers")
        #expect(nativePlans >= 1, "the PDDL task is planned by native-gbfs")

        // SIGTERM stops it cleanly: the follower is told (closing) and ends with 0, the service too.
        kill(service.pid, SIGTERM)
        // A safety net, not a measurement: a service that does not stop is killed and the test fails.
        let last = Deadline.run(within: 60) { () -> JSONValue? in
            var last: JSONValue?
            while let line = follower.readLine() { last = (try? JSONValue(parsing: line)) ?? last }
            return last
        }
        if last == nil { kill(service.pid, SIGKILL) }
        #expect(last??["type"] == "closing", "it stopped on SIGTERM and told its subscribers")
        let followed = follower.finish()
        #expect(followed.reason == .exit && followed.status == 0, "\(followed.standardError)")
        #expect(followed.standardError.contains("stopped publishing"))
        let ended = service.finish()
        #expect(ended.reason == .exit && ended.status == 0, "\(ended.standardError)")
        #expect(AgentServiceBinary.finalCounts(ended.standardError)?.selections ?? 0 >= selections)
        let left = try FileManager.default.contentsOfDirectory(atPath: state.path + "/live").filter { $0.hasPrefix("\(service.pid).") }
        #expect(left.isEmpty, "its socket and lock file are removed")
    }

    @Test func itStopsAfterCountAndRefusesBadArguments() throws {
        let state = try PluginFolder()
        let empty = try PluginFolder()
        let done = try #require(try AgentServiceBinary.run(["--rate", "1000", "--count", "30", "--state-dir", state.path, "--search-path", empty.path]))
        #expect(done.status == 0, "\(done.standardError)")
        let counts = AgentServiceBinary.finalCounts(done.standardError)
        #expect(counts?.selections == 30, "\(done.standardError)")
        // Without the example plugins, the cycle's requests for echo and grid+fast fail too.
        #expect(counts?.failures == 12, "\(done.standardError)")

        let refused: [([String], String)] = [
            (["--rate", "0"], "--rate must be a number of requests a second above 0 and at most 100000"),
            (["--rate", "100001"], "not \"100001\""),
            (["--rate", "1e3"], "not \"1e3\""),
            (["--rate", "-5"], "not \"-5\""),
            (["--count", "0"], "--count must be at least 1, not 0."),
            (["--metrics-interval", "2"], "--metrics-interval goes with --metrics-file."),
            (["--metrics-file", state.path + "/m.prom", "--metrics-interval", "0"], "--metrics-interval must be a number of seconds from 0.01 to 86400"),
            (["--metrics-file", state.path + "/missing/m.prom"], "The folder of --metrics-file does not exist"),
            (["--metrics-file", state.path], "--metrics-file names a folder"),
        ]
        for (arguments, message) in refused {
            let result = try #require(try AgentServiceBinary.run(arguments + ["--state-dir", state.path, "--search-path", empty.path]))
            #expect(result.status == 1 && result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
        let unwritable = try #require(try AgentServiceBinary.run(["--metrics-file", "/proc/m.prom", "--state-dir", state.path]))
        #expect(unwritable.status == 1 && unwritable.standardError.contains("The metrics file could not be written"), "\(unwritable.standardError)")
        let live = (try? FileManager.default.contentsOfDirectory(atPath: state.path + "/live")) ?? []
        #expect(live.isEmpty, "nothing is left of the runs in the live folder: \(live)")
    }
}
