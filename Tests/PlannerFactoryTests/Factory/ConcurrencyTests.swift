import PlannerKit
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
}
