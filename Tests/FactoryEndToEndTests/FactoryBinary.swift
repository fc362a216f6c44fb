import Foundation
import PlannerKit
import PlannerTestSupport

/// Runs the built `factory` executable, which sits next to the test bundle in the build folder.
struct FactoryBinary {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String

        /// Standard output parsed as JSON.
        func json() throws -> JSONValue {
            try JSONValue(parsing: standardOutput)
        }
    }

    static var path: String { BuildProducts.path(of: "factory") }

    /// The state folder of runs that name none: one per test process, never the user's.
    static let defaultStateFolder = NSTemporaryDirectory() + "factory-e2e-state-\(getpid())"

    /// Runs `factory` with `arguments`, the given environment only (plus PATH, and a test state
    /// folder unless FACTORY_STATE_DIR is given), optionally
    /// through a command prefix such as `setpriv …`.
    static func run(_ arguments: [String], environment: [String: String] = [:], prefix: [String] = []) throws -> Result {
        let process = Process()
        let command = prefix + [path] + arguments
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = environment.merging(
            ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "FACTORY_STATE_DIR": defaultStateFolder]) { given, _ in given }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary plugin folder for end-to-end runs, readable by every user (for privilege-dropping tests).
final class PluginFolder: @unchecked Sendable {  // immutable after init
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "factory-e2e.XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        path = String(cString: made)
        chmod(path, 0o755)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func bundle(_ folder: String, manifest: String, library: String? = "libplanner.so") throws {
        let bundle = path + "/" + folder
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        try manifest.write(toFile: bundle + "/planner.json", atomically: false, encoding: .utf8)
        if let library { try "x".write(toFile: bundle + "/" + library, atomically: false, encoding: .utf8) }
    }

    func validBundle(_ folder: String, name: String, capabilities: [String]) throws {
        let caps = capabilities.map { "\"\($0)\"" }.joined(separator: ",")
        try bundle(folder, manifest: #"{"name": "\#(name)", "version": "1.0.0", "capabilities": [\#(caps)], "entry": {"kind": "dylib", "library": "libplanner.so"}}"#)
    }
}
