import Foundation
import PlannerKit
import PlannerTestSupport
@testable import PlannerFactory

#if canImport(Glibc)
import Glibc
#endif

/// Real plugins in real workers: bundles copied from the built fault gallery and examples, or
/// C fixtures compiled for the test, each factory with its own state folder.
enum WorkerFixtures {
    /// Copies the example bundles `names` (from the build's examples/plugins) into `root/plugins`.
    static func copyExamples(_ names: [String], into root: TemporaryFolder) throws {
        let plugins = try root.folder("plugins")
        for name in names {
            try FileManager.default.copyItem(atPath: ExamplePlugins.folder + "/" + name, toPath: plugins + "/" + name)
        }
    }

    /// A factory over `root/plugins` with process isolation and the sandbox on.
    static func factory(_ root: TemporaryFolder, configure: (inout FactoryConfiguration) -> Void = { _ in }) -> PlannerFactory {
        let factory = root.factory(["plugins"], sandbox: true, isolation: .process, configure: configure)
        factory.discover()
        factory.probePending()
        return factory
    }

    /// The host pids of every process whose command line mentions `text` (the test's own folder
    /// appears in every worker's command line: the probed copy's path, or the bundle's).
    static func processes(mentioning text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), pid != getpid(),
                  let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"), !data.isEmpty else { return nil }
            // A zombie has an empty command line; a live process names its arguments.
            let line = String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self)
            return line.contains(text) ? pid : nil
        }
    }

    /// Waits up to `seconds` until no process mentions `text`; returns the ones left.
    static func waitForNoProcesses(mentioning text: String, seconds: Double = 3) -> [Int32] {
        let deadline = Date().addingTimeInterval(seconds)
        var left = processes(mentioning: text)
        while !left.isEmpty, Date() < deadline {
            usleep(20_000)
            left = processes(mentioning: text)
        }
        return left
    }

    /// Whether `pid` is a live (not zombie) process.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        return !status.contains("State:\tZ")
    }
}
