import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// The commands that start workers: plain values of the configuration, so a closure that makes
/// them holds no factory (a factory's instances would otherwise keep it alive).
extension FactoryConfiguration {
    /// `SWIFT_BACKTRACE=enable=no`, in the environment of every probe and worker: a Swift
    /// plugin that crashes there then dies of its signal, which the factory reports ("crashed
    /// with SIGSEGV"), instead of the Swift runtime's backtracer printing a "Program crashed"
    /// banner and register dump that would reach the factory's own messages through the
    /// worker's standard error (and, for a `raise`d signal, letting the plugin carry on).
    static let noBacktrace = "SWIFT_BACKTRACE=enable=no"

    /// The command that serves a dylib plugin's probed copy in a worker: `factory-host serve`.
    func hostCommand(library: String) throws(WorkerFailure) -> WorkerCommand {
        let host = try locateHost()
        return WorkerCommand(
            executable: host,
            arguments: [host, "serve", "--memory", String(workerMemory), library],
            environment: ["PATH=/usr/bin:/bin", "LANG=C.UTF-8", "FACTORY_PROBE_PARENT=\(getpid())", Self.noBacktrace]
                + (forcesNoNamespace ? ["FACTORY_NO_NAMESPACE=1"] : []),
            workingFolder: nil)
    }

    /// The command that runs a process plugin from its bundle in a worker: `factory-host run`,
    /// in a fresh private working folder (removed when it ends), with a minimal environment:
    /// `PATH`, `HOME`, `LANG`, `TMPDIR` (that folder), `FACTORY_BUNDLE` and the manifest's own.
    func processCommand(for record: PlannerRecord) throws(WorkerFailure) -> WorkerCommand {
        guard let path = record.path, let first = record.command.first else {
            throw .unavailable("its manifest names no command")
        }
        // The worker runs in a folder of its own: every path it is given is absolute.
        let bundle = FileSystem.canonicalPath(path)
        let host = try locateHost()
        let environment = ProcessEnvironment.current()
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let program = try Self.resolveProgram(first, bundle: bundle, searchPath: searchPath)
        let temporary = environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        guard let folder = mkdtemp(temporary + "/planner-factory-worker-XXXXXX") else {
            throw .unavailable("no private working folder could be made in \(temporary) (\(String(cString: strerror(errno))))")
        }
        var variables: [String: String] = [
            "PATH": searchPath,
            "HOME": environment["HOME"] ?? folder,
            "LANG": environment["LANG"] ?? "C.UTF-8",
            "TMPDIR": folder,
            "FACTORY_BUNDLE": bundle,
        ]
        // FACTORY_* names are the factory's own: a manifest cannot set them (FACTORY_NO_NAMESPACE
        // would take the plugin out of its PID namespace).
        variables.merge(record.environment.filter { !$0.key.hasPrefix("FACTORY_") }) { _, own in own }
        variables["FACTORY_PROBE_PARENT"] = String(getpid())
        variables["SWIFT_BACKTRACE"] = String(Self.noBacktrace.dropFirst("SWIFT_BACKTRACE=".count))
        if forcesNoNamespace { variables["FACTORY_NO_NAMESPACE"] = "1" }
        return WorkerCommand(
            executable: host,
            arguments: [host, "run", "--memory", String(workerMemory), "--workdir", folder, "--", program]
                + record.command.dropFirst().map { Self.bundleArgument($0, bundle: bundle) },
            environment: variables.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
            workingFolder: folder)
    }

    /// An argument that names a file of the bundle (`planner.py` in `["python3", "planner.py"]`)
    /// as an absolute path, since the worker runs in its own folder; any other argument as it is.
    static func bundleArgument(_ argument: String, bundle: String) -> String {
        guard !argument.isEmpty, !argument.hasPrefix("/"), !argument.hasPrefix("-") else { return argument }
        var status = stat()
        return stat(bundle + "/" + argument, &status) == 0 ? bundle + "/" + argument : argument
    }

    private func locateHost() throws(WorkerFailure) -> String {
        do {
            return try ProbeLocator.locateHost(self)
        } catch {
            throw .unavailable(error.message)
        }
    }

    /// `command[0]` as an absolute path: relative to the bundle when it contains a `/`, as it
    /// is when absolute, else looked up on `searchPath`.
    static func resolveProgram(_ program: String, bundle: String, searchPath: String) throws(WorkerFailure) -> String {
        if program.hasPrefix("/") { return program }
        if program.contains("/") { return bundle + "/" + program }
        for folder in searchPath.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = folder + "/" + program
            var status = stat()
            if stat(candidate, &status) == 0, status.st_mode & S_IFMT == S_IFREG, access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        throw .unavailable("the program \"\(program)\" is not on the PATH (\(searchPath))")
    }
}
