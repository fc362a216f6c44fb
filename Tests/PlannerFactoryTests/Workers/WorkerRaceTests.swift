import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// Calls that meet in one worker or compete for the places under `FACTORY_MAX_WORKERS`, with
/// real process plugins: nobody's fault but the plugin's may count, and nobody's deadline or
/// cancellation may be lost while another call starts a worker.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "worker processes are tested in the normal build"))
struct WorkerRaceTests {
    /// `create` takes `seconds`; `plan` answers at once, or after `"sleep"` seconds from the
    /// objective's parameters; each plan on a thread of its own when thread-safe.
    static func planner(createTakes seconds: Double) -> String {
        """
        def answer(request):
            time.sleep(float(request["body"].get("parameters", {}).get("sleep", "0")))
            send({"id": request["id"], "result": {"planner": "p", "steps": ["done"]}})
        for request in requests():
            if request["call"] == "create":
                time.sleep(\(seconds))
                send({"id": request["id"], "result": {"instance": "1"}})
            elif request["call"] == "plan":
                threading.Thread(target=answer, args=(request,)).start()
            else:
                send({"id": request["id"], "result": {"healthy": True}})
        """
    }

    @Test func callsQueuedForTheOnlyPlaceNeverStopAWorkerThatAnotherCallIsStarting() throws {
        let root = try TemporaryFolder()
        for name in ["busy", "q", "r"] {
            try WorkerFixtures.processBundle(root, name: name, body: Self.planner(createTakes: 0.3))
        }
        let factory = WorkerFixtures.factory(root) {
            $0.maxWorkers = 1
            $0.maxFailures = 1
        }
        let busy = try factory.planner(named: "busy")
        let busyDone = OneShot<Result<Plan, FactoryError>>()
        Thread.detachNewThread {
            busyDone.fulfill(Result { () throws(FactoryError) in try busy.plan(Objective(text: "x", parameters: ["sleep": "0.5"])) })
        }
        for _ in 0..<200 where busy.workers.first?.call != "plan" { usleep(5_000) }
        // Two calls wait for the one place; when the busy call ends, one of them starts its
        // worker (create takes 0.3 s) while the other waits on: it must not stop that worker.
        let results = (0..<2).map { _ in OneShot<Result<Plan, FactoryError>>() }
        for (name, result) in zip(["q", "r"], results) {
            Thread.detachNewThread {
                result.fulfill(Result { () throws(FactoryError) in try factory.plan(Objective(text: "x", deadline: 20), using: name) })
            }
        }
        #expect(try busyDone.wait(until: .now + .seconds(20))?.get().steps == ["done"])
        for result in results {
            #expect(try result.wait(until: .now + .seconds(30))?.get().steps == ["done"])
        }
        for name in ["busy", "q", "r"] {
            #expect(factory.record(named: name)?.status == .active, "\(name) was charged with a fault")
        }
    }

    @Test func thePlanDeadlineStartsWhenTheRestartedWorkerIsReady() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.processBundle(root, name: "slow-create", body: Self.planner(createTakes: 1.5))
        let factory = WorkerFixtures.factory(root) {
            $0.maxFailures = 1
            $0.planTimeout = .seconds(1)
        }
        let instance = try factory.planner(named: "slow-create")
        let pid = try #require(instance.workers.first?.pid)
        kill(pid, SIGKILL)
        for _ in 0..<200 where WorkerFixtures.isAlive(pid) { usleep(10_000) }
        // The restart's create takes 1.5 s (FACTORY_CALL_TIMEOUT's), the plan itself no time.
        #expect(try instance.plan(Objective(text: "x")).steps == ["done"])
        #expect(try instance.plan(Objective(text: "x", deadline: 0.9)).steps == ["done"])
        #expect(factory.record(named: "slow-create")?.status == .active)
    }

    @Test func callsWaitingForAnotherCallsStartKeepTheirDeadlineAndCancellation() async throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.processBundle(root, name: "shared", threadSafe: true, body: Self.planner(createTakes: 0))
        let factory = WorkerFixtures.factory(root) {
            $0.maxFailures = 5
            $0.callTimeout = .seconds(30)
        }
        let instance = try await factory.planner(named: "shared")
        let pid = try #require(instance.workers.first?.pid)
        // From now on a new worker's create takes 8 s: long enough that the waiting calls below
        // end well before it, even when a loaded machine delays this test's tasks by seconds (3 s
        // was once not enough in a full run).
        try WorkerFixtures.processBundle(root, name: "shared", threadSafe: true, body: Self.planner(createTakes: 8))
        kill(pid, SIGKILL)
        for _ in 0..<200 where WorkerFixtures.isAlive(pid) { usleep(10_000) }
        let starterEnded = Locked(false)
        let starter = Task {
            defer { starterEnded.withLock { $0 = true } }
            return try await instance.plan(Objective(text: "x"))
        }
        try await Task.sleep(for: .milliseconds(300))  // the starter is in its create now
        let cancelled = Task { try await instance.plan(Objective(text: "x")) }
        await #expect {
            _ = try await instance.plan(Objective(text: "x", deadline: 0.5))
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .callTimeout && error?.message.contains("another call was still starting its worker") == true
        }
        cancelled.cancel()
        await #expect(throws: FactoryError(.cancelled, "")) { try await cancelled.value }
        #expect(!starterEnded.withLock { $0 }, "neither waited for the start (an 8 s create) to end")
        // The starter, never cancelled, is not hurt by the cancellation of a call that waited.
        #expect(try await starter.value.steps == ["done"])
        #expect(factory.record(named: "shared")?.status == .active)
    }

    @Test func aCallEndedBecauseAnotherCallsDeadlineEndedTheWorkerIsNotAFault() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.processBundle(root, name: "shared", threadSafe: true, body: Self.planner(createTakes: 0))
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 1 }
        let instance = try factory.planner(named: "shared")
        let long = OneShot<Result<Plan, FactoryError>>()
        Thread.detachNewThread {
            long.fulfill(Result { () throws(FactoryError) in try instance.plan(Objective(text: "x", parameters: ["sleep": "5"])) })
        }
        for _ in 0..<200 where instance.workers.first?.call != "plan" { usleep(5_000) }
        // This call's own deadline ends the shared worker …
        #expect(throws: FactoryError(.callTimeout, "")) {
            _ = try instance.plan(Objective(text: "x", parameters: ["sleep": "5"], deadline: 0.3))
        }
        // … which ends the long call too: not the planner's fault.
        let result = try #require(long.wait(until: .now + .seconds(10)))
        #expect {
            _ = try result.get()
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .workerFailed && error?.message.contains("was ended by the factory") == true
        }
        #expect(factory.record(named: "shared")?.status == .active)
        #expect(try instance.plan(Objective(text: "x")).steps == ["done"])
    }

    @Test func oneCrashWithThreeCallsInFlightIsOneFault() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.processBundle(root, name: "fragile", threadSafe: true, body: """
            import signal
            def crash(request):
                time.sleep(0.5)
                os.kill(os.getpid(), signal.SIGSEGV)
            for request in requests():
                if request["call"] == "create":
                    send({"id": request["id"], "result": {"instance": "1"}})
                else:
                    threading.Thread(target=crash, args=(request,)).start()
            """)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 2 }
        let instance = try factory.planner(named: "fragile")
        let results = (0..<3).map { _ in OneShot<Result<Plan, FactoryError>>() }
        for result in results {
            Thread.detachNewThread { result.fulfill(Result { () throws(FactoryError) in try instance.plan(Objective(text: "x")) }) }
        }
        for result in results {
            #expect(throws: FactoryError(.workerFailed, "")) { try result.wait(until: .now + .seconds(20))?.get() }
        }
        #expect(factory.record(named: "fragile")?.status == .active, "one crash counted more than once")
    }
}
