import Foundation
import Testing
@testable import PlannerFactory

@Suite struct ShadowingTests {
    @Test func builtinsFirstThenPluginPathInOrder() throws {
        let root = try TemporaryFolder()
        try root.bundle("first/a", name: "echo")
        try root.bundle("first/b", name: "shared", rank: 1)
        try root.bundle("second/c", name: "shared", rank: 2)
        let factory = root.factory(["first", "second"], builtins: [BuiltinPlanner(EchoPlanner.self)])
        factory.discover()
        let records = factory.planners()
        #expect(records.map(\.name) == ["echo", "echo", "shared", "shared"])
        #expect(records[0].kind == .builtin && records[0].status == .active && records[0].path == nil)
        #expect(records[1].status == .shadowed)
        #expect(records[1].reason?.contains("(builtin)") == true)
        #expect(records[2].status == .active)
        #expect(records[3].status == .shadowed)
        #expect(records[3].reason?.contains(root.path + "/first/b") == true)
        #expect(factory.record(named: "shared")?.rank == 1)
    }

    @Test func invalidBundlesClaimNoName() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/a", name: "p", createLibrary: false)
        try root.bundle("plugins/b", name: "p")
        let factory = root.factory(["plugins"])
        factory.discover()
        #expect(factory.planners().map(\.status) == [.invalid, .active])
        #expect(factory.record(named: "p")?.path == root.path + "/plugins/b")
    }

    /// The same bundles created in another order (so `readdir` lists them in another order) give
    /// the same registry and the same ranking.
    @Test func orderIndependentOfCreationOrder() throws {
        let names = (0..<40).map { "planner-\($0)" }
        func build(_ order: [String]) throws -> (TemporaryFolder, [String], [String]) {
            let root = try TemporaryFolder()
            for name in order {
                try root.bundle("plugins/\(name)", name: name, capabilities: ["grid"], rank: name.count % 3)
            }
            try root.bundle("plugins/zz-dup", name: "planner-7")
            let factory = root.factory(["plugins"])
            factory.discover()
            let listed = factory.planners().map { "\($0.name):\($0.status)" }
            let ranked = factory.rank(capabilities: ["grid"]).candidates().map(\.name)
            return (root, listed, ranked)
        }
        let forward = try build(names)
        let backward = try build(names.reversed())
        let shuffled = try build(names.shuffled())
        #expect(forward.1 == backward.1)
        #expect(forward.1 == shuffled.1)
        #expect(forward.2 == backward.2)
        #expect(forward.2 == shuffled.2)
    }
}
