import Foundation
import ExamplePlanners
import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// Workers' limits and lifetimes, with real plugins: descendants that left their session, the
/// address-space limit, the cap on live workers, idle exits, concurrent calls into thread-safe
/// planners, and the Python process plugin against the builtin it ports.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "instrumented plugins need the normal build"))
struct WorkerLimitsTests {
    @Test func aSetsidGrandchildEndsWithItsWorker() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.bundle(root, name: "escaper", plan: """
            pid_t child = fork();
            if (child == 0) { setsid(); if (fork() == 0) { sleep(600); } _exit(0); }
            return steps("spawned");
            """)
        let factory = WorkerFixtures.factory(root)
        let instance = try factory.planner(named: "escaper")
        #expect(try instance.plan(Objective(text: "go")).steps == ["spawned"])
        usleep(100_000)
        // The double-forked, setsid() grandchild runs beside the idle worker …
        #expect(WorkerFixtures.processes(mentioning: root.path).count >= 2)
        // … and ends with it.
        let pid = try #require(instance.workers.first?.pid)
        kill(pid, SIGKILL)
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: root.path).isEmpty)
    }

    @Test func aRunawayAllocationFailsInTheWorkerNotTheHost() throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.bundle(root, name: "hungry", plan: """
            char *block = malloc((size_t)1 << 30);
            if (!block) { *error = strdup("{\\"message\\": \\"allocation failed\\", \\"code\\": \\"limit-reached\\"}"); return NULL; }
            free(block);
            return steps("allocated");
            """)
        let factory = WorkerFixtures.factory(root) { $0.workerMemory = 256 << 20 }
        #expect {
            _ = try factory.plan(Objective(text: "go"), using: "hungry")
        } throws: { error in
            let error = error as? FactoryError
            return error?.code == .planningFailed && error?.context["code"] == "limit-reached"
        }
        // In-process, the same gigabyte of address space is no problem: the limit is the worker's.
        let inProcess = root.factory(["plugins"], sandbox: true, isolation: .inProcess)
        inProcess.discover()
        #expect(try inProcess.plan(Objective(text: "go"), using: "hungry").steps == ["allocated"])
    }

    @Test func theLeastRecentlyUsedIdleWorkerMakesRoomAndIsStartedAgainLater() throws {
        let root = try TemporaryFolder()
        try FixturePlugin.bundle(root.path + "/plugins/first", name: "first")
        try FixturePlugin.bundle(root.path + "/plugins/second", name: "second")
        let factory = WorkerFixtures.factory(root) { $0.maxWorkers = 1 }
        let first = try factory.planner(named: "first")
        #expect(try first.plan(Objective(text: "go")).steps == ["plan 1"])
        let second = try factory.planner(named: "second")
        #expect(try second.plan(Objective(text: "go")).steps == ["plan 1"])
        #expect(factory.workers().map(\.planner) == ["second"], "first's idle worker was stopped to make room")
        // first's instance is created again in a new worker (its count starts over); not a restart.
        #expect(try first.plan(Objective(text: "go")).steps == ["plan 1"])
        #expect(factory.workers().map(\.planner) == ["first"])
        #expect(first.workers.first?.restarts == 0)
    }

    @Test func aReleasedFactoryEndsItsWorkers() throws {
        let root = try TemporaryFolder()
        try FixturePlugin.bundle(root.path + "/plugins/dropped", name: "dropped")
        var pid: Int32?
        do {
            let factory = WorkerFixtures.factory(root)
            pid = try factory.planner(named: "dropped").workers.first?.pid
        }
        let worker = try #require(pid)
        for _ in 0..<300 where WorkerFixtures.isAlive(worker) { usleep(10_000) }
        #expect(!WorkerFixtures.isAlive(worker), "the factory and its instance are gone, and so is their worker")
    }

    @Test func anIdleWorkerExitsAndTheNextCallStartsOne() throws {
        let root = try TemporaryFolder()
        try FixturePlugin.bundle(root.path + "/plugins/idler", name: "idler")
        let factory = WorkerFixtures.factory(root) { $0.workerIdle = .milliseconds(200) }
        let instance = try factory.planner(named: "idler")
        let pid = try #require(instance.workers.first?.pid)
        for _ in 0..<300 where WorkerFixtures.isAlive(pid) { usleep(10_000) }
        #expect(!WorkerFixtures.isAlive(pid), "it exited after being idle")
        #expect(try instance.plan(Objective(text: "go")).steps == ["plan 1"])
    }

    @Test func aThreadSafePlannerAnswersConcurrentCallsInOneWorker() async throws {
        let root = try TemporaryFolder()
        // Each call waits (up to 5 s) until two calls are inside plan at once.
        try WorkerFixtures.bundle(root, name: "together", threadSafe: true, plan: """
            __atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST);
            for (int i = 0; i < 500 && __atomic_load_n(&inside, __ATOMIC_SEQ_CST) < 2; i++) usleep(10000);
            int seen = __atomic_load_n(&inside, __ATOMIC_SEQ_CST);
            return steps(seen >= 2 ? "together" : "alone");
            """, prelude: "static int inside = 0;")
        let factory = WorkerFixtures.factory(root)
        let instance = try await factory.planner(named: "together")
        #expect(instance.isThreadSafe)
        async let a = instance.plan(Objective(text: "a"))
        async let b = instance.plan(Objective(text: "b"))
        let (first, second) = try await (a, b)
        #expect(first.steps == ["together"] && second.steps == ["together"])
        #expect(factory.workers().count == 1)
    }

    @Test(arguments: [
        ("route from 0,0 to 7,3", [String: String]()),
        ("route from 0,0 to 4,4", ["map": ".....\n.###.\n.#...\n.#.#.\n...#."]),
        ("route from 2,0 to 2,4", ["map": ".....\n####.\n.....\n.####\n....."]),
        ("route from 0,0 to 9,9", ["map": String(repeating: String(repeating: ".", count: 10) + "\n", count: 10)]),
    ])
    func thePythonPlannerMatchesTheBuiltinItPorts(text: String, parameters: [String: String]) throws {
        let root = try TemporaryFolder()
        try WorkerFixtures.copyExamples(["grid-astar-py"], into: root)
        let factory = WorkerFixtures.factory(root)
        let objective = Objective(text: text, parameters: parameters)
        let python = try factory.plan(objective, using: "grid-astar-py")
        let swift = try GridRoutePlanner(configuration: [:]).plan(objective)
        #expect(python.cost == swift.cost)
        #expect(python.steps == swift.steps)
    }
}
