import Foundation
import PlannerFactory
import PlannerTestSupport
import Testing

/// The real `factory-tui --attach` in tmux, watching a real publisher: a `factory` process making
/// selections with FACTORY_PUBLISH=1, on its real socket.
@Suite(.enabled(if: Tmux.isAvailable, "tmux is not installed"))
struct FactoryTUIAttachEndToEndTests {
    /// A `factory` process making 200 selections a second for "route" (capability grid), publishing.
    final class Publisher: Sendable {
        let process: Process
        init(state: String) throws {
            process = Process()
            process.executableURL = URL(fileURLWithPath: BuildProducts.path(of: "factory"))
            process.arguments = ["telemetry", "--selections", "10000000", "--rate", "200", "--objective", "route", "--capabilities", "grid"]
            process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "FACTORY_STATE_DIR": state, "FACTORY_PUBLISH": "1"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
        }
        deinit {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        var pid: Int32 { process.processIdentifier }

        /// Waits until it publishes in `state` (its socket is listed).
        func waitUntilPublishing(_ state: String) async throws {
            let deadline = ContinuousClock.now + .seconds(30)
            while !LiveDirectory(stateDirectory: state).publishers().contains(where: { $0.pid == pid }) {
                guard ContinuousClock.now < deadline, process.isRunning else {
                    throw Tmux.Failure(description: "process \(pid) did not publish in \(state)")
                }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    static func stateFolder() throws -> String {
        var template = Array("/tmp/factory-tui-attach.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        return String(cString: made)
    }

    /// The selection count the telemetry pane shows.
    static func selections(_ screen: String) -> Int? {
        screen.firstMatch(of: #/selections (\d+) /#).flatMap { Int($0.1) }
    }

    @Test func attachedItShowsTheOtherProcessSelectionsScrollRefusesActingKeysAndReattaches() async throws {
        let state = try Self.stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        var publisher = try Publisher(state: state)
        try await publisher.waitUntilPublishing(state)
        let tmux = try Tmux(command: [BuildProducts.path(of: "factory-tui"), "--attach", "\(publisher.pid)"], width: 140, height: 40,
                            environment: ["FACTORY_STATE_DIR": state])
        let attached = try await tmux.waitFor(text: "⇄ pid \(publisher.pid)", timeout: .seconds(30))
        #expect(attached.contains("⇄ pid \(publisher.pid) factory telemetry --selections"), "the header names the command")
        // Its selections scroll by: the count grows, newest rows name the winner.
        let first = try await tmux.waitFor("selections counted") { (Self.selections($0) ?? 0) > 0 }
        let count = Self.selections(first) ?? 0
        let later = try await tmux.waitFor("more selections", timeout: .seconds(30)) { (Self.selections($0) ?? 0) > count + 200 }
        #expect(later.contains("select") && later.contains("grid-astar"))

        // Rankings are computed here, on its registry.
        try tmux.sendKeys("c")
        try tmux.sendKeys("grid, route", literal: true)
        try tmux.sendKeys("Escape")
        try await tmux.waitFor(text: "1   ● grid-astar")
        // Keys that would act on it are refused.
        try tmux.sendKeys("r")
        try await tmux.waitFor(text: "r (rediscover) is disabled: attached to process \(publisher.pid)")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(text: "Enter (run a plan) is disabled")

        // Killed: the TUI says so and waits; the same command publishing again is attached to.
        let gone = publisher.pid
        kill(gone, SIGKILL)
        try await tmux.waitFor(text: "Process \(gone) went away without a word", timeout: .seconds(30))
        publisher = try Publisher(state: state)
        try await tmux.waitFor(text: "Attached again to process \(publisher.pid)", timeout: .seconds(30))
        try await tmux.waitFor("selections from the new process", timeout: .seconds(30)) { (Self.selections($0) ?? 0) > 0 }

        try tmux.sendKeys("q")
        #expect(try await tmux.exitCode() == 0)
        #expect(try tmux.isAlternateScreenOn == false)
    }

    @Test func withNoPidItListsThePublishersToPickFrom() async throws {
        let state = try Self.stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let tmux = try Tmux(command: [BuildProducts.path(of: "factory-tui"), "--attach"], width: 140, height: 40,
                            environment: ["FACTORY_STATE_DIR": state, "FACTORY_TUI_FREEZE": "1"])
        try await tmux.waitFor(text: "None yet: this list refreshes every second.")
        let publishers = try [Publisher(state: state), Publisher(state: state)]
        for publisher in publishers { try await publisher.waitUntilPublishing(state) }
        let listed = try await tmux.waitFor("both publishers", timeout: .seconds(30)) { screen in
            publishers.allSatisfy { screen.contains("│ \($0.pid) ") }
        }
        #expect(listed.contains("Attach to a running factory"))
        let first = publishers.map(\.pid).min() ?? 0
        // The cursor stays on the publisher it was on when the list changes: if the second one
        // was listed first, the cursor is on it now. Up goes to the first row (the lowest pid).
        try tmux.sendKeys("k")
        try tmux.sendKeys("Enter")
        try await tmux.waitFor(text: "⇄ pid \(first)", timeout: .seconds(30))
        try tmux.sendKeys("q")
        #expect(try await tmux.exitCode() == 0)
    }

    @Test func aPidThatDoesNotPublishIsAnErrorBeforeTheScreenOpens() throws {
        let state = try Self.stateFolder()
        defer { try? FileManager.default.removeItem(atPath: state) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuildProducts.path(of: "factory-tui"))
        process.arguments = ["--attach", "999999", "--state-dir", state]
        let error = Pipe()
        process.standardError = error
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(message.contains("Process 999999 does not publish live events in \(state)/live (none publishes there)"))
    }
}
