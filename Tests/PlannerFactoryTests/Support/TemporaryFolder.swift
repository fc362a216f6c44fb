import Foundation
import PlannerFactory

/// A fresh folder under the system temporary folder, removed when the value is released.
final class TemporaryFolder: @unchecked Sendable {  // immutable after init
    let path: String

    init() throws {
        let template = NSTemporaryDirectory() + "planner-factory-tests.XXXXXX"
        var bytes = Array(template.utf8CString)
        guard let result = mkdtemp(&bytes) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: result)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Creates a folder (and its parents) below this one and returns its path.
    @discardableResult
    func folder(_ relative: String) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Writes a file below this one, creating its folder, and returns its path.
    @discardableResult
    func write(_ relative: String, _ contents: String) throws -> String {
        try write(relative, bytes: Array(contents.utf8))
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) throws -> String {
        let full = path + "/" + relative
        let parent = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else { throw CocoaError(.fileWriteUnknown) }
        return full
    }

    /// Writes a bundle `relative` (e.g. `plugins/grid`) with a manifest and an empty library file.
    @discardableResult
    func bundle(
        _ relative: String, name: String, version: String = "1.0.0", capabilities: [String] = [],
        keywords: [String] = [], rank: Int = 0, boosts: [String: Double] = [:], library: String = "libplanner.so",
        createLibrary: Bool = true
    ) throws -> String {
        let caps = capabilities.map { "\"\($0)\"" }.joined(separator: ", ")
        let words = keywords.map { "\"\($0)\"" }.joined(separator: ", ")
        let boostText = boosts.keys.sorted().map { "\"\($0)\": \(boosts[$0] ?? 0)" }.joined(separator: ", ")
        try write("\(relative)/planner.json", """
            {"name": "\(name)", "version": "\(version)", "capabilities": [\(caps)], "keywords": [\(words)],
             "rank": \(rank), "boosts": {\(boostText)}, "entry": {"kind": "dylib", "library": "\(library)"}}
            """)
        if createLibrary { try write("\(relative)/\(library)", "not really a library") }
        return path + "/" + relative
    }

    /// A factory over the given plugin path (relative folders below this one), with its state in
    /// this folder. The sandbox is off unless asked for: these bundles' libraries are not real
    /// (discovery, manifests and ranking are under test); the sandbox has tests of its own.
    /// Plugins load in-process unless `isolation` says `.process` (the workers' own tests).
    func factory(
        _ folders: [String], deep: Bool = false, minimumMatch: Double = 1, builtins: [BuiltinPlanner] = [], sandbox: Bool = false,
        isolation: Isolation = .inProcess, configure: (inout FactoryConfiguration) -> Void = { _ in }
    ) -> PlannerFactory {
        var configuration = FactoryConfiguration()
        configuration.isSandboxEnabled = sandbox
        configuration.isolation = isolation
        configuration.hostPath = CFixture.host
        configuration.probePath = CFixture.probe
        configuration.pluginPath = folders.map { path + "/" + $0 }
        configuration.isDeepFingerprint = deep
        configuration.minimumMatch = minimumMatch
        configuration.stateDirectory = path + "/state"
        configure(&configuration)
        return PlannerFactory(configuration: configuration, builtins: builtins)
    }
}
