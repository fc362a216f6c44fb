import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// The edges of a call into a worker, with real process plugins: a worker that stops reading
/// its input, very long lines, a cancellation that arrives while the worker is being started,
/// a wait for a free worker, and deadlines that make no sense.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "worker processes are tested in the normal build"))
struct WorkerEdgeTests {
    /// Answers `create`, then never reads again.
    static let deaf = """
        request = json.loads(sys.stdin.readline())
        send({"id": request["id"], "result": {"instance": "1"}})
        time.sleep(600)
        """

    @Test func aRequestToAWorkerThatStopsReadingEndsAtTheDeadline() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.processBundle(root, name: "deaf", body: Self.deaf)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 1 }
        // Far more than a socket buffer holds: the send itself must give up at the deadline.
        let objective = Objective(text: "go", parameters: ["map": String(repeating: "#", count: 8 << 20)], deadline: 0.5)
        #expect {
            _ = try factory.plan(objective, using: "deaf")
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .callTimeout && error?.message.contains("objective's deadline of 0.5 s") == true
        }
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: root.path).isEmpty)
        // A deadline the user chose is no fault of the planner.
        #expect(factory.record(named: "deaf")?.status == .active)
    }

    @Test func aSixtyMebibyteLineIsReadAndOneOverTheLimitIsAProtocolError() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.processBundle(root, name: "verbose", body: """
            for request in requests():
                if request["call"] == "create":
                    send({"id": request["id"], "result": {"instance": "1"}})
                else:
                    size = int(json.loads(request["body"]["text"])) << 20
                    send({"id": request["id"], "result": {"planner": "verbose", "steps": ["s" * size]}})
            """)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 5 }
        let plan = try factory.plan(Objective(text: "60"), using: "verbose")
        #expect(plan.steps.first?.count == 60 << 20)
        #expect {
            _ = try factory.plan(Objective(text: "65"), using: "verbose")
        } throws: { error in
            (error as? FactoryError)?.message.contains("a line longer than 64 MiB") == true
        }
    }

    @Test func aCancellationWhileTheWorkerStartsEndsTheStartAndIsNotAFault() async throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.processBundle(root, name: "slow-start", body: """
            if os.path.exists(os.path.join(os.environ["FACTORY_BUNDLE"], "slow")):
                time.sleep(600)
            for request in requests():
                if request["call"] == "create":
                    send({"id": request["id"], "result": {"instance": "1"}})
                else:
                    send({"id": request["id"], "result": {"planner": "slow-start", "steps": ["go"]}})
            """)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 1 }
        let instance = try await factory.planner(named: "slow-start")
        let first = try #require(instance.workers.first?.pid)
        // From now on a new worker hangs before its handshake.
        try root.write("plugins/slow-start/slow", "")
        kill(first, SIGKILL)
        for _ in 0..<200 where WorkerFixtures.isAlive(first) { usleep(10_000) }
        let task = Task { try await instance.plan(Objective(text: "x")) }
        // Wait until the new worker is being started (it hangs in its handshake).
        var starting: [Int32] = []
        for _ in 0..<300 where starting.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
            starting = WorkerFixtures.processes(mentioning: root.path)
        }
        #expect(!starting.isEmpty)
        task.cancel()
        let result = await task.result
        #expect(throws: FactoryError(.cancelled, "")) { try result.get() }
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: root.path).isEmpty)
        #expect(factory.record(named: "slow-start")?.status == .active)
    }

    @Test func aCallWaitingForAFreeWorkerGoesOnWhenABusyCallEnds() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.bundle(root, name: "sleepy", plan: #"usleep(700000); return steps("slept");"#)
        try WorkerFixtures.bundle(root, name: "quick", plan: #"return steps("quick");"#)
        // One worker for all; its idle worker would stay for a minute, which the waiting call
        // must not have to wait out.
        let factory = WorkerFixtures.factory(root) {
            $0.maxWorkers = 1
            $0.planTimeout = .seconds(20)
        }
        let sleepy = try factory.planner(named: "sleepy")
        let busy = OneShot<Result<Plan, FactoryError>>()
        Thread.detachNewThread { busy.fulfill(Result { () throws(FactoryError) in try sleepy.plan(Objective(text: "x")) }) }
        for _ in 0..<200 where sleepy.workers.first?.call != "plan" { usleep(5_000) }
        #expect(sleepy.workers.first?.call == "plan")
        let quick = try factory.plan(Objective(text: "x", deadline: 10), using: "quick")
        #expect(quick.steps == ["quick"])
        #expect(try busy.wait(until: .now + .seconds(10))?.get().steps == ["slept"])
        #expect(factory.workers().map(\.planner) == ["quick"])
    }

    @Test func aCallThatFindsEveryWorkerBusyUntilItsDeadlineFailsWithoutAFault() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["fault-hang-plan"], into: root)
        try WorkerFixtures.bundle(root, name: "quick", plan: #"return steps("quick");"#)
        let factory = WorkerFixtures.factory(root) {
            $0.maxWorkers = 1
            $0.maxFailures = 1
        }
        let hung = try factory.planner(named: "fault-hang-plan")
        Thread.detachNewThread { _ = try? hung.plan(Objective(text: "x")) }
        for _ in 0..<200 where hung.workers.first?.call != "plan" { usleep(5_000) }
        #expect {
            _ = try factory.plan(Objective(text: "x", deadline: 0.3), using: "quick")
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .callTimeout && error?.message.contains("FACTORY_MAX_WORKERS") == true
        }
        #expect(factory.record(named: "quick")?.status == .active)
        hung.cancel()
    }

    @Test(arguments: [-1.0, 0, -.infinity, .nan])
    func aDeadlineThatIsNotAPositiveNumberIsAnInvalidObjective(_ deadline: Double) throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.bundle(root, name: "quick", plan: #"return steps("quick");"#)
        let factory = WorkerFixtures.factory(root)
        #expect {
            _ = try factory.plan(Objective(text: "x", deadline: deadline), using: "quick")
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .planningFailed && error?.context["code"] == "invalid-objective"
        }
    }

    @Test func withoutANamespaceADescendantThatKeepsThePipesBusyDoesNotHoldTheWorkersPlace() throws {
        let root = try TemporaryFolder()
        // It ignores SIGTERM (so its group is SIGKILLed, the outer with it, and nothing sweeps)
        // and leaves a setsid() child that writes to the worker's standard error without end.
        try WorkerFixtures.bundle(root, name: "chatty", plan: """
            signal(SIGTERM, SIG_IGN);
            if (fork() == 0) { setsid(); for (;;) { fprintf(stderr, "chatter\\n"); usleep(2000); } }
            for (;;) pause();
            """)
        try WorkerFixtures.bundle(root, name: "quick", plan: #"return steps("quick");"#)
        let factory = WorkerFixtures.factory(root) {
            $0.maxWorkers = 1
            $0.forcesNoNamespace = true
        }
        defer {
            for pid in WorkerFixtures.processes(mentioning: root.path) { kill(pid, SIGKILL) }
        }
        #expect {
            _ = try factory.plan(Objective(text: "x", deadline: 0.5), using: "chatty")
        } throws: { error in
            (error as? FactoryError)?.code == .callTimeout
        }
        // The only place among the workers is free again although the child lives on.
        #expect(try factory.plan(Objective(text: "x", deadline: 10), using: "quick").steps == ["quick"])
    }
}
