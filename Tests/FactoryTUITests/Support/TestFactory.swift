import ExamplePlanners
import Foundation
import PlannerFactory
import PlannerKit
@testable import FactoryTUI

/// A factory with every planner status for screens: the example builtins, a plugin made
/// quarantined by a stored probe record, an invalid bundle, one shadowed by a builtin, and a
/// pending one (its library is text; nothing is loaded).
final class TestFactory: @unchecked Sendable {  // immutable after init
    let folder: String
    let factory: PlannerFactory

    init() throws {
        var template = Array("/tmp/factory-tui-tests.XXXXXX".utf8CString)  // one prefix, so snapshots can mask it
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        folder = String(cString: made)
        let plugins = folder + "/plugins"
        func bundle(_ name: String, _ manifest: String) throws {
            try FileManager.default.createDirectory(atPath: plugins + "/" + name, withIntermediateDirectories: true)
            try manifest.write(toFile: plugins + "/\(name)/planner.json", atomically: false, encoding: .utf8)
            try "not code".write(toFile: plugins + "/\(name)/libp.so", atomically: false, encoding: .utf8)
        }
        func manifest(_ name: String, _ capabilities: String) -> String {
            #"{"name": "\#(name)", "version": "1.0.0", "capabilities": [\#(capabilities)], "rank": 2, "entry": {"kind": "dylib", "library": "libp.so"}}"#
        }
        try bundle("crashy", manifest("crashy", #""grid", "route""#))
        try bundle("waiting", manifest("waiting", #""grid""#))
        try bundle("copycat", manifest("grid-astar", #""grid""#))
        try bundle("broken", #"{"name": "broken", "version": "one"}"#)
        var configuration = FactoryConfiguration()
        configuration.pluginPath = [plugins]
        configuration.stateDirectory = folder + "/state"
        factory = PlannerFactory(configuration: configuration, builtins: ExamplePlanners.all.map { BuiltinPlanner($0) })
        factory.discover()
        guard let crashy = factory.record(named: "crashy"), let fingerprint = crashy.fingerprint else { throw CocoaError(.fileReadUnknown) }
        try ProbeStore(directory: configuration.stateDirectory).update(storing: [
            fingerprint: ProbeRecord(planner: "crashy", outcome: .crashed(signal: 11, name: "SIGSEGV"), timestamp: 1_800_000_000),
        ])
        factory.rediscover()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// A frozen model of this factory at a size, with the events of a start applied.
    func model(width: Int, height: Int) -> AppModel {
        var model = AppModel(width: width, height: height, configurationSummary: "sandbox on, 2.0s · fast fingerprints · plugins: plugins", isFrozen: true)
        model.telemetry = factory.telemetry.snapshot()
        apply(.planners(factory.planners()), to: &model)
        return model
    }

    /// Applies an event and, as the app loop does, the ranking it asks for.
    func apply(_ event: AppEvent, to model: inout AppModel) {
        for effect in AppUpdate.update(&model, event) {
            if case .rank(let objective, let capabilities) = effect {
                apply(.ranked(factory.rank(objective: objective, capabilities: capabilities)), to: &model)
            }
        }
    }

    func type(_ text: String, into model: inout AppModel) {
        for character in text { apply(.input(.key(.character(character))), to: &model) }
    }
}
