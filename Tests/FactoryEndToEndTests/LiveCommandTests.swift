import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

/// `factory ps`, `factory telemetry --follow` and `--prometheus` against real publishing processes
/// over their real sockets.
struct LiveCommandTests {
    @Test func followPrintsHelloSnapshotThenSelectionsAndPsAndPrometheusShowThePublisher() throws {
        let state = try PluginFolder()
        let publisher = try LiveProcess.publisher(state: state.path)
        let entry = try #require(try LivePublishersList.waitFor(publisher.pid, state: state.path))
        #expect(entry["command"]?.arrayValue?.contains("--selections") == true)
        #expect(entry["startTime"]?.numberValue ?? 0 > 1_000_000_000)
        #expect(entry["planners"]?.intValue ?? 0 > 0)

        let follower = try LiveProcess.factory(["telemetry", "--follow", "\(publisher.pid)"], state: state.path)
        var selections = 0
        let lines = follower.readJSON { line in
            if line["type"] == "selection" { selections += 1 }
            return selections == 5
        }
        #expect(lines.first?["type"] == "hello" && lines.first?["pid"]?.intValue == Int(publisher.pid))
        #expect(lines.dropFirst().first?["type"] == "snapshot")
        #expect(lines.dropFirst().first?["planners"]?.arrayValue?.contains { $0["name"] == "grid-astar" } == true)
        let events = lines.filter { $0["type"] == "selection" }
        #expect(events.count == 5 && events.allSatisfy { $0["winner"] == "grid-astar" && $0["objective"] == "route" })
        let sequence = events.compactMap { $0["seq"]?.intValue }
        #expect(sequence == sequence.sorted() && Set(sequence).count == 5)

        let table = try FactoryBinary.run(["ps"], environment: ["FACTORY_STATE_DIR": state.path])
        #expect(table.status == 0)
        #expect(table.standardOutput.split(separator: "\n").first?.hasPrefix("PID") == true)
        #expect(table.standardOutput.contains("\(publisher.pid)") && table.standardOutput.contains("telemetry --selections 10000000"))

        let metrics = try FactoryBinary.run(["telemetry", "--prometheus", "\(publisher.pid)"], environment: ["FACTORY_STATE_DIR": state.path])
        #expect(metrics.status == 0, "\(metrics.standardError)")
        let samples = Self.samples(metrics.standardOutput)
        #expect(samples["planner_factory_selections_total{outcome=\"success\"}"] ?? 0 > 0)
        #expect(samples["planner_factory_selection_duration_seconds_count"] ?? 0 > 0)
        #expect(samples["planner_factory_planners{status=\"active\"}"] ?? 0 > 0)
        #expect(metrics.standardOutput.contains("# TYPE planner_factory_selection_duration_seconds summary"))
    }

    @Test func aPublisherKilledMidStreamIsReportedAndItsSocketRemoved() throws {
        let state = try PluginFolder()
        let publisher = try LiveProcess.publisher(state: state.path)
        _ = try LivePublishersList.waitFor(publisher.pid, state: state.path)
        let follower = try LiveProcess.factory(["telemetry", "--follow"], state: state.path)
        var selections = 0
        _ = follower.readJSON { line in
            if line["type"] == "selection" { selections += 1 }
            return selections == 3
        }
        #expect(selections == 3)
        kill(publisher.pid, SIGKILL)
        while follower.readLine() != nil {}
        let end = follower.finish()
        #expect(end.reason == .exit && end.status == 1, "the follower reports it and exits; it does not crash")
        #expect(end.standardError.contains("went away without closing"))
        let left = try FileManager.default.contentsOfDirectory(atPath: state.path + "/live").filter { $0.hasPrefix("\(publisher.pid).") }
        #expect(left.isEmpty, "the gone publisher's socket and lock file are removed")
        #expect(try LivePublishersList.poll(state: state.path) { _ in true }.isEmpty)
    }

    @Test func aSubscriberThatNeverReadsHasItsDropsCountedWhileSelectionsGoOn() throws {
        let state = try PluginFolder()
        let publisher = try LiveProcess.publisher(state: state.path)
        let socket = try #require(try LivePublishersList.waitFor(publisher.pid, state: state.path)?["socket"]?.stringValue)
        let script = """
            import json, socket, sys
            connection = socket.socket(socket.AF_UNIX)
            connection.connect(sys.argv[1])
            print("connected", flush=True)
            sys.stdin.readline()
            for line in connection.makefile("rb"):
                message = json.loads(line)
                if message.get("type") == "dropped":
                    print(json.dumps(message), flush=True)
                    break
            """
        let sleeper = try LiveProcess(["/usr/bin/python3", "-c", script, socket], environment: ["PATH": "/usr/bin:/bin"])
        #expect(sleeper.readLine() == "connected")
        // The publisher drops what the subscriber cannot take; it says so in its hello line …
        let dropping = try LivePublishersList.poll(state: state.path) { list in
            Self.subscriber(sleeper.pid, in: list)?["dropped"]?.intValue ?? 0 > 0
        }
        let before = try #require(dropping.first?["selections"]?.intValue)
        // … and its selections go on (none waits for the socket).
        let later = try LivePublishersList.poll(state: state.path) { $0.first?["selections"]?.intValue ?? 0 > before + 4_000 }
        #expect(later.first?["selections"]?.intValue ?? 0 > before + 4_000)
        #expect(Self.subscriber(sleeper.pid, in: later)?["dropped"]?.intValue ?? 0 > 0)
        sleeper.write("")
        let told = try #require(sleeper.readLine().flatMap { try? JSONValue(parsing: $0) })
        #expect(told["type"] == "dropped" && told["count"]?.intValue ?? 0 > 0, "the subscriber is told how many it lost")
    }

    @Test func eightFollowersAtOnceEachGetTheStream() throws {
        let state = try PluginFolder()
        let publisher = try LiveProcess.publisher(state: state.path)
        _ = try LivePublishersList.waitFor(publisher.pid, state: state.path)
        let followers = try (0..<8).map { _ in try LiveProcess.factory(["telemetry", "--follow", "\(publisher.pid)"], state: state.path) }
        for follower in followers {
            var selections = 0
            let lines = follower.readJSON { line in
                if line["type"] == "selection" { selections += 1 }
                return selections == 5
            }
            #expect(lines.first?["type"] == "hello" && selections == 5)
        }
        let list = try LivePublishersList.poll(state: state.path) { _ in true }
        #expect(list.first?["subscribers"]?.arrayValue?.count ?? 0 >= 9, "eight followers and ps")
    }

    @Test func followWithoutAPidNeedsExactlyOnePublisher() throws {
        let state = try PluginFolder()
        let none = try FactoryBinary.run(["telemetry", "--follow"], environment: ["FACTORY_STATE_DIR": state.path])
        #expect(none.status == 1 && none.standardError.contains("No factory publishes live events"))
        #expect(try FactoryBinary.run(["ps"], environment: ["FACTORY_STATE_DIR": state.path]).standardOutput.contains("No live publishers"))

        let first = try LiveProcess.publisher(state: state.path)
        let second = try LiveProcess.publisher(state: state.path)
        _ = try LivePublishersList.waitFor(first.pid, state: state.path)
        _ = try LivePublishersList.waitFor(second.pid, state: state.path)
        let several = try FactoryBinary.run(["telemetry", "--follow"], environment: ["FACTORY_STATE_DIR": state.path])
        #expect(several.status == 1)
        #expect(several.standardError.contains("2 factories publish") && several.standardError.contains("\(first.pid)")
            && several.standardError.contains("\(second.pid)"))
        let wrong = try FactoryBinary.run(["telemetry", "--prometheus", "1"], environment: ["FACTORY_STATE_DIR": state.path])
        #expect(wrong.status == 1 && wrong.standardError.contains("Process 1 does not publish"))
        let misused = try FactoryBinary.run(["telemetry", "\(first.pid)"], environment: ["FACTORY_STATE_DIR": state.path])
        #expect(misused.status == 1 && misused.standardError.contains("A pid goes with --follow or --prometheus"))
    }

    /// The peer check itself: a publisher running as uid 65534 whose folder and socket are
    /// loosened to 0777 on purpose still refuses uid 65533, and accepts its own uid and root.
    @Test(.enabled(if: getuid() == 0, "dropping privileges with setpriv needs root"))
    func aPublisherRefusesAnotherUnprivilegedUidEvenThroughALooseSocket() throws {
        let folder = try PluginFolder()
        let state = folder.path + "/state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        chown(state, 65534, 65534)
        let publisher = try LiveProcess.publisher(state: state, prefix: Self.user(65534))
        let entry = try #require(try LivePublishersList.waitFor(publisher.pid, state: state))
        let socket = try #require(entry["socket"]?.stringValue)
        #expect(try Self.mode(state + "/live") == 0o700 && Self.mode(socket) == 0o600)
        for path in [state, state + "/live", socket] { chmod(path, 0o777) }

        let stranger = try FactoryBinary.run(["telemetry", "--prometheus", "\(publisher.pid)"], environment: ["FACTORY_STATE_DIR": state],
                                             prefix: Self.user(65533))
        #expect(stranger.status == 1)
        #expect(stranger.standardError.contains("refused the connection") && stranger.standardError.contains("uid 65533 may not subscribe"))
        #expect(!stranger.standardOutput.contains("planner_factory"))
        let owner = try FactoryBinary.run(["telemetry", "--prometheus", "\(publisher.pid)"], environment: ["FACTORY_STATE_DIR": state],
                                          prefix: Self.user(65534))
        #expect(owner.status == 0 && owner.standardOutput.contains("planner_factory_selections_total"), "\(owner.standardError)")
        let root = try FactoryBinary.run(["telemetry", "--prometheus", "\(publisher.pid)"], environment: ["FACTORY_STATE_DIR": state])
        #expect(root.status == 0 && root.standardOutput.contains("planner_factory_selections_total"), "\(root.standardError)")
    }

    static func user(_ uid: Int) -> [String] {
        ["/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups"]
    }

    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int ?? -1) & 0o777
    }

    /// The `ps` entry of the subscriber with process id `pid`, in any publisher.
    static func subscriber(_ pid: Int32, in list: [JSONValue]) -> JSONValue? {
        list.lazy.compactMap { $0["subscribers"]?.arrayValue }.joined().first { $0["pid"]?.intValue == Int(pid) }
    }

    /// Prometheus samples by name with labels: the lines that are not comments.
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
        return samples
    }
}
