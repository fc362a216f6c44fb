import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

@Suite struct ConcurrencyTests {
    /// 8 tasks select, rediscover, instantiate, plan and read telemetry at once: no crash, no
    /// deadlock, and every selection is counted.
    @Test func concurrentSelectRediscoverTelemetry() async throws {
        let root = try TemporaryFolder()
        for index in 0..<30 { try root.bundle("plugins/p\(index)", name: "p\(index)", capabilities: ["grid"], rank: index % 4) }
        let factory = root.factory(["plugins"], builtins: [BuiltinPlanner(EchoPlanner.self)])
        await factory.discover()
        let iterations = 200
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for iteration in 0..<iterations {
                        switch (task + iteration) % 4 {
                        case 0: _ = try? factory.selectBestPlanner(objective: "route", capabilities: ["grid"])
                        case 1: _ = try? factory.selectBestPlanner(capabilities: ["echo"])
                        case 2: _ = try? factory.plan(Objective(text: "go"), using: "echo")
                        default: _ = factory.telemetry.snapshot()
                        }
                        if task == 0 && iteration % 20 == 0 {
                            _ = try? root.write("plugins/p\(iteration % 30)/planner.json",
                                #"{"name": "p\#(iteration % 30)", "version": "1.0.\#(iteration)", "capabilities": ["grid"], "entry": {"kind": "dylib", "library": "libplanner.so"}}"#)
                            _ = factory.rediscover()
                        }
                    }
                }
            }
        }
        let snapshot = factory.telemetry.snapshot()
        // Each task runs cases 0 and 1 (selections) on half of its iterations.
        #expect(snapshot.selection.count == 8 * iterations / 2)
        #expect(factory.planners().count == 31)
        #expect(factory.rank(capabilities: ["grid"]).winner != nil)
    }

    /// 8 tasks ask for a plugin's instances (3 configurations) and plan with them at once, under
    /// the thread sanitizer in CI: the first asks probe, load and create concurrently; every plan
    /// is made, and calls into one instance (not thread-safe) are serialized, so no count is lost.
    @Test func concurrentPlannerAndPlanOnALoadedPlugin() async throws {
        let root = try TemporaryFolder()
        try FixturePlugin.bundle(root.path + "/plugins/serial", name: "serial")
        let factory = root.factory(["plugins"], sandbox: true)
        await factory.discover()
        let plansPerTask = 60
        let steps = await withTaskGroup(of: [String].self) { group in
            for task in 0..<8 {
                group.addTask {
                    var steps: [String] = []
                    for _ in 0..<plansPerTask {
                        let configuration: PlannerConfiguration = ["instance": .number(Double(task % 3))]
                        if let plan = try? factory.planner(named: "serial", configuration: configuration).plan(Objective(text: "go")) {
                            steps.append("\(task % 3) \(plan.steps.joined())")
                        }
                    }
                    return steps
                }
            }
            return await group.reduce(into: []) { $0 += $1 }
        }
        #expect(steps.count == 8 * plansPerTask)
        #expect(Set(steps).count == steps.count, "each instance numbers its plans; a lost update would repeat a number")
        let instantiations = factory.telemetry.snapshot().instantiation
        #expect(instantiations.count == 8 * plansPerTask)
    }
}
