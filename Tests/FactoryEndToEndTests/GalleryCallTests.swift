import Foundation
import PlannerKit
import PlannerTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The call-time faults of the gallery through the real `factory plan`: each fails with an error
/// that names the call and what happened (never an empty success, never the usage exit code), and
/// nothing the worker started lives on.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "crash signals are for the uninstrumented build"))
struct GalleryCallTests {
    static func plan(_ planner: String, _ extra: [String] = [], state: String) throws -> FactoryBinary.Result {
        try FactoryBinary.run(["plan", planner, "--objective", "route from 0,0 to 1,1", "--plugin-path", ExamplePlugins.folder] + extra,
                              environment: ["FACTORY_STATE_DIR": state])
    }

    @Test(arguments: [
        ("fault-abort-create", [], "crashed with SIGABRT during create"),
        ("fault-crash-plan", [], "crashed with SIGSEGV during plan"),
        ("fault-exit-plan", [], "exited with code 0 during plan"),
        ("fault-hang-plan", ["--deadline", "0.3"], "did not finish plan within the objective's deadline of 0.3 s"),
    ] as [(String, [String], String)])
    func aCallTimeFaultIsAnErrorNamingTheCall(planner: String, extra: [String], message: String) throws {
        let state = NSTemporaryDirectory() + "factory-calls-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let result = try Self.plan(planner, extra, state: state)
        #expect(result.status == 3, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        let left = LivingProcesses.matching { $0.contains("factory-host") && $0.contains(state) }
        #expect(left.isEmpty, "left running: \(left)")
    }

    @Test func aConstructorThatPrintsDoesNotBreakTheProtocol() throws {
        let state = NSTemporaryDirectory() + "factory-calls-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let result = try FactoryBinary.run(["plan", "fault-stdout-constructor", "--objective", "go", "--json", "--plugin-path", ExamplePlugins.folder],
                                           environment: ["FACTORY_STATE_DIR": state])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try result.json()["planner"] == "fault-stdout-constructor")
    }

    /// The factory killed with SIGKILL (or interrupted with Ctrl-C's SIGINT) in the middle of a
    /// plan: its worker and everything in it end too.
    @Test(arguments: [SIGKILL, SIGINT])
    func aKilledFactoryLeavesNoWorkerBehind(signal: Int32) throws {
        let state = NSTemporaryDirectory() + "factory-calls-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: state) }
        let process = Process()
        // Through env(1) with SIGINT set back to its default: a test runner may ignore it, and
        // an ignored signal stays ignored across exec.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["--default-signal=INT", FactoryBinary.path, "plan", "fault-hang-plan", "--objective", "x", "--plugin-path", ExamplePlugins.folder]
        process.environment = ["PATH": "/usr/bin:/bin", "FACTORY_STATE_DIR": state]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var workers: [String] = []
        for _ in 0..<500 where workers.isEmpty {
            usleep(10_000)
            workers = LivingProcesses.matching { $0.contains("factory-host") && $0.contains(state) }
        }
        #expect(!workers.isEmpty, "the plan's worker started")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
        var left = workers
        for _ in 0..<200 where !left.isEmpty {
            usleep(10_000)
            left = LivingProcesses.matching { $0.contains("factory-host") && $0.contains(state) }
        }
        #expect(left.isEmpty, "left running: \(left)")
    }
}
