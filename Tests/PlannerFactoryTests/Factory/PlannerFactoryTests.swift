import PlannerKit
import PlannerTestSupport
import Testing
@testable import PlannerFactory

@Suite struct PlannerFactoryTests {
    static func factory(_ builtins: [BuiltinPlanner] = [BuiltinPlanner(EchoPlanner.self)]) -> PlannerFactory {
        PlannerFactory(configuration: FactoryConfiguration(), builtins: builtins)
    }

    @Test func selectionIsRecordedPreviewsAreNot() throws {
        let factory = Self.factory()
        _ = factory.rank(objective: "say hi", capabilities: ["echo"])
        #expect(factory.telemetry.snapshot().selection.count == 0)
        let selection = try factory.selectBestPlanner(objective: "say hi", capabilities: ["echo"])
        #expect(selection.winner.name == "echo")
        #expect(selection.winner.terms?.isEmpty == false, "the winner comes explained")
        #expect(throws: FactoryError(.selectionError, "")) { try factory.selectBestPlanner(capabilities: ["fly"]) }
        let snapshot = factory.telemetry.snapshot()
        #expect(snapshot.selection.count == 2)
        #expect(snapshot.selection.failures == 1)
        #expect(snapshot.recentSelections.first?.error?.contains("fly") == true)
        #expect(snapshot.recentSelections.last?.winner == "echo")
    }

    @Test func noActivePlanners() {
        #expect(throws: FactoryError(.noActivePlanners, "")) { try Self.factory([]).selectBestPlanner() }
    }

    @Test func selectionErrorListsCandidatesAndWhatTheyLack() {
        let factory = Self.factory([.stub("a", capabilities: ["grid"]), .stub("b", capabilities: ["route"])])
        do {
            _ = try factory.selectBestPlanner(capabilities: ["grid", "route"])
            Issue.record("expected a selection error")
        } catch {
            #expect(error.code == .selectionError)
            #expect(error.message.contains("a (match 0.5)"))
            #expect(error.message.contains("missing: route"))
            #expect(error.message.contains("missing: grid"))
        }
    }

    @Test func instancesAreCachedPerConfiguration() throws {
        let factory = Self.factory()
        let first = try factory.planner(named: "echo")
        let second = try factory.planner(named: "echo")
        let other = try factory.planner(named: "echo", configuration: ["mode": "loud"])
        #expect(first === second)
        #expect(first !== other)
        let snapshot = factory.telemetry.snapshot()
        #expect(snapshot.instantiation.count == 3)
        #expect(snapshot.recentInstantiations.map(\.outcome).contains(.cached))
        #expect(snapshot.recentInstantiations.first { $0.outcome == .success }?.phases.map(\.name) == ["create"])
    }

    @Test func instantiationErrorsAreRecordedAndRemembered() {
        let factory = Self.factory()
        #expect(throws: FactoryError(.instantiationError, "")) { try factory.planner(named: "echo", configuration: ["fail": true]) }
        #expect(factory.telemetry.snapshot().instantiation.failures == 1)
        #expect(factory.diagnostics().recentErrors.first?.code == "instantiation-error")
    }

    @Test func notFoundSuggests() {
        do {
            _ = try Self.factory().planner(named: "ecko")
            Issue.record("expected not found")
        } catch {
            #expect(error.code == .plannerNotFound)
            #expect(error.message.contains("Did you mean \"echo\"?"))
        }
    }

    @Test func planWithTheBestOrANamedPlanner() throws {
        let factory = Self.factory()
        let plan = try factory.plan(Objective(text: "hello", capabilities: ["echo"]))
        #expect(plan.steps == ["hello"])
        #expect(throws: FactoryError(.planningFailed, "")) { try factory.plan(Objective(text: ""), using: "echo") }
    }

    @Test func aLibraryThatCannotLoadIsAnInstantiationErrorThenQuarantined() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/p", name: "plugin", capabilities: ["x"])  // its library is a text file
        let factory = root.factory(["plugins"])  // sandbox off: nothing stops the load attempt
        factory.discover()
        #expect(try factory.selectBestPlanner(capabilities: ["x"]).winner.name == "plugin")
        for _ in 1...3 {
            do {
                _ = try factory.planner(named: "plugin")
                Issue.record("expected an instantiation error")
            } catch {
                #expect(error.code == .instantiationError)
                #expect(error.message.contains("loading") && error.message.contains("failed"))
            }
        }
        #expect(factory.record(named: "plugin")?.status == .quarantined, "FACTORY_MAX_FAILURES holds with the sandbox off too")
    }

    @Test func healthAndDiagnostics() throws {
        let root = try TemporaryFolder()
        try root.bundle("plugins/p", name: "plugin")
        _ = try CCompiler.sharedLibrary("planner", source: FixturePlugin.working(name: "plugin"), in: root.path + "/plugins/p")
        try root.bundle("plugins/q", name: "broken", createLibrary: false)
        let factory = root.factory(["plugins", "missing"], builtins: [BuiltinPlanner(EchoPlanner.self)])
        factory.discover()
        var report = factory.health()
        #expect(report.isHealthy)
        #expect(report.checks.map(\.isHealthy) == [true, true, nil])
        #expect(report.checks[1].detail.contains("not probed (sandbox off), 1 instance(s) healthy"), "the plugin's own health was asked")
        _ = try CCompiler.sharedLibrary("planner", source: FixturePlugin.working(name: "plugin") + "\nint rebuilt = 1;\n", in: root.path + "/plugins/p")
        report = factory.health()
        #expect(!report.isHealthy)
        #expect(report.checks[1].detail.contains("changed since discovery"))
        factory.rediscover()
        #expect(factory.health().isHealthy)

        let diagnostics = factory.diagnostics()
        #expect(diagnostics.countsByStatus[.active] == 2)
        #expect(diagnostics.countsByStatus[.invalid] == 1)
        #expect(diagnostics.warnings.contains { $0.contains("/missing\" does not exist") })
        #expect(diagnostics.warnings.contains { $0.contains("FACTORY_SANDBOX is off") })
        #expect(diagnostics.json["configuration"]?["FACTORY_PLUGIN_PATH"] != nil)
    }

    @Test func asyncVariants() async throws {
        let factory = Self.factory()
        await factory.discover()
        let selection = try await factory.selectBestPlanner(objective: "x", capabilities: ["echo"])
        #expect(selection.winner.name == "echo")
        let plan = try await factory.plan(Objective(text: "async"), using: "echo")
        #expect(plan.steps == ["async"])
        #expect(await factory.health().isHealthy)
    }
}
