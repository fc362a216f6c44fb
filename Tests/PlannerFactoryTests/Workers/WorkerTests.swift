import Foundation
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// Every plugin call out of process: plans through `factory-host` workers, faults counted and
/// quarantined with their phase, deadlines, cancellation, restarts, and no process left behind.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "instrumented plugins and crash signals need the normal build"))
struct WorkerTests {
    @Test func aDylibPluginPlansInAWorkerAndTheCallIsRecorded() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["grid-greedy-c"], into: root)
        let factory = WorkerFixtures.factory(root)
        let instance = try factory.planner(named: "grid-greedy-c")
        #expect(instance.isolation == .process)
        let plan = try instance.plan(Objective(text: "route from 0,0 to 7,3"))
        #expect(plan.cost == 10)
        let workers = instance.workers
        #expect(workers.count == 1)
        let pid = try #require(workers.first?.pid)
        #expect(pid != getpid() && WorkerFixtures.isAlive(pid))
        let call = try #require(factory.telemetry.snapshot().recentPlanCalls.first)
        #expect(call.planner == "grid-greedy-c" && call.outcome == "success" && call.workerPID == pid)
        let created = factory.telemetry.snapshot().recentInstantiations.first { $0.outcome == .success }
        #expect(created?.phases.map(\.name) == ["probe", "start"])
    }

    @Test func aCrashInPlanFailsTheCallAndThreeSeparateRunsQuarantineIt() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["fault-crash-plan"], into: root)
        for run in 1...3 {
            // A new factory each time, like three `factory plan` commands.
            let factory = WorkerFixtures.factory(root)
            do {
                _ = try factory.plan(Objective(text: "anything"), using: "fault-crash-plan")
                Issue.record("a crashed plan must not succeed")
            } catch {
                #expect(error.code == .workerFailed)
                #expect(error.message.contains("crashed with SIGSEGV during plan"))
                #expect(error.message.contains("quarantined") == (run == 3))
            }
        }
        let factory = WorkerFixtures.factory(root)
        let record = try #require(factory.record(named: "fault-crash-plan"))
        #expect(record.status == .quarantined)
        #expect(record.reason == "crashed in plan with SIGSEGV, 3 times in a row")
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: root.path).isEmpty)
    }

    @Test func anAbortInCreateAndAnExitInPlanAreFaultsNamedByTheirCall() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["fault-abort-create", "fault-exit-plan"], into: root)
        let factory = WorkerFixtures.factory(root)
        #expect {
            _ = try factory.planner(named: "fault-abort-create")
        } throws: { error in
            (error as? FactoryError)?.message.contains("crashed with SIGABRT during create") == true
        }
        #expect {
            _ = try factory.plan(Objective(text: "x"), using: "fault-exit-plan")
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .workerFailed && error?.message.contains("exited with code 0 during plan") == true
        }
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: root.path).isEmpty)
    }

    @Test func aUserDeadlineEndsAHungPlanWithoutCountingAFault() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["fault-hang-plan"], into: root)
        let factory = WorkerFixtures.factory(root)
        for _ in 1...3 {
            #expect {
                _ = try factory.plan(Objective(text: "x", deadline: 0.2), using: "fault-hang-plan")
            } throws: { error in
                let error = error as? FactoryError
                return error?.code == .callTimeout && error?.message.contains("objective's deadline of 0.2 s") == true
            }
        }
        #expect(factory.record(named: "fault-hang-plan")?.status == .active, "a user's deadline is not a fault")
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: root.path).isEmpty)
    }

    @Test func theConfiguredPlanDeadlineCountsAndQuarantinesWithThePhase() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["fault-hang-plan"], into: root)
        let factory = WorkerFixtures.factory(root) { $0.planTimeout = .milliseconds(200) }
        for _ in 1...3 {
            #expect(throws: FactoryError(.callTimeout, "")) { _ = try factory.plan(Objective(text: "x"), using: "fault-hang-plan") }
        }
        let record = try #require(factory.record(named: "fault-hang-plan"))
        #expect(record.status == .quarantined)
        #expect(record.reason == "timed out after 0.2 s in plan, 3 times in a row")
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: root.path).isEmpty)
    }

    @Test func errorAnswersKeepTheirCodeAndAreNotFaults() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["grid-astar-py"], into: root)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 1 }
        for _ in 1...2 {
            #expect {
                _ = try factory.plan(Objective(text: "route from 0,0 to 2,2", parameters: ["map": "..#\n.#.\n#.."]), using: "grid-astar-py")
            } throws: { error in
                let error = error as? FactoryError
                return error?.code == .planningFailed && error?.context["code"] == "unsolvable"
            }
            #expect {
                _ = try factory.plan(Objective(text: "no route here"), using: "grid-astar-py")
            } throws: { error in
                (error as? FactoryError)?.context["code"] == "invalid-objective"
            }
        }
        #expect(factory.record(named: "grid-astar-py")?.status == .active)
    }

    @Test func aCancelledPlanEndsItsWorkerAtOnceAndIsNotAFault() async throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["fault-hang-plan"], into: root)
        let factory = WorkerFixtures.factory(root) { $0.maxFailures = 1 }
        let instance = try await factory.planner(named: "fault-hang-plan")
        let task = Task { try await instance.plan(Objective(text: "x")) }
        // Wait until the call is running in the worker.
        var busy: WorkerInfo?
        for _ in 0..<200 where busy == nil {
            try await Task.sleep(for: .milliseconds(10))
            busy = instance.workers.first { $0.call == "plan" }
        }
        let pid = try #require(busy?.pid)
        task.cancel()
        // (The plan would never end on its own: that it ends at all is the cancellation's doing.)
        let result = await task.result
        #expect(throws: FactoryError(.cancelled, "")) { try result.get() }
        #expect(!WorkerFixtures.isAlive(pid))
        #expect(factory.record(named: "fault-hang-plan")?.status == .active)
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: root.path).isEmpty)
    }

    @Test func aKilledWorkerIsStartedAgainAndItsInstanceCreatedAgain() throws {
        let root = try TemporaryFolder()
        try FixturePlugin.bundle(root.path + "/plugins/counter", name: "counter")
        let factory = WorkerFixtures.factory(root)
        let instance = try factory.planner(named: "counter")
        #expect(try instance.plan(Objective(text: "go")).steps == ["plan 1"])
        #expect(try instance.plan(Objective(text: "go")).steps == ["plan 2"])
        let pid = try #require(instance.workers.first?.pid)
        kill(pid, SIGKILL)
        for _ in 0..<100 where WorkerFixtures.isAlive(pid) { usleep(10_000) }
        // The next call starts a new worker and creates the instance again: its count restarts.
        #expect(try instance.plan(Objective(text: "go")).steps == ["plan 1"])
        let worker = try #require(instance.workers.first)
        #expect(worker.pid != pid)
        #expect(worker.restarts == 1)
    }

    @Test func anIdleWorkerOutlivesTheThreadThatStartedIt() throws {
        let root = try TemporaryFolder()
        try FixturePlugin.bundle(root.path + "/plugins/counter", name: "counter")
        let factory = WorkerFixtures.factory(root)
        let made = OneShot<Result<PlannerInstance, FactoryError>>()
        let thread = Thread { made.fulfill(Result { () throws(FactoryError) in try factory.planner(named: "counter") }) }
        thread.start()
        let instance = try #require(made.wait(until: .now + .seconds(10))).get()
        while !thread.isFinished { usleep(1000) }
        usleep(300_000)  // PR_SET_PDEATHSIG would have fired by now if the worker belonged to that thread
        let pid = try #require(instance.workers.first?.pid)
        #expect(WorkerFixtures.isAlive(pid))
        #expect(try instance.plan(Objective(text: "go")).steps == ["plan 1"])
        #expect(instance.workers.first?.restarts == 0)
    }

    @Test func healthOfAPlannerBusyInAPlanSaysSoInsteadOfHealthy() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["fault-hang-plan"], into: root)
        let factory = WorkerFixtures.factory(root)
        let instance = try factory.planner(named: "fault-hang-plan")
        Thread.detachNewThread { _ = try? instance.plan(Objective(text: "x")) }
        var check: HealthReport.Check?
        for _ in 0..<200 {
            usleep(10_000)
            guard instance.workers.first?.call == "plan" else { continue }
            check = factory.health().checks.first { $0.name == "fault-hang-plan" }
            break
        }
        #expect(check?.isBusy == true)
        #expect(check?.isHealthy == nil)
        #expect(check?.detail.hasPrefix("busy in plan for") == true)
        instance.cancel()
    }
}
