import CSandbox
import PlannerKit

#if canImport(Glibc)
import Glibc
#endif

/// Runs `factory-probe` on one library in its own session with a deadline, and reads its report.
/// The child gets a minimal environment and no descriptors but its output pipe; the whole process
/// group is killed at the deadline and again after the probe exits, so nothing it started lives on.
public struct ProbeRunner: Sendable {
    /// The `factory-probe` executable.
    public var probePath: String
    /// The deadline of one probe.
    public var timeout: Duration

    public init(probePath: String, timeout: Duration) {
        self.probePath = probePath
        self.timeout = timeout
    }

    /// The environment the probe runs with: nothing of the caller's, and this process's id, so
    /// the probe dies with it (PR_SET_PDEATHSIG; see probe.c); and the Swift runtime's crash
    /// backtracer off (`FactoryConfiguration.noBacktrace`).
    static let environment = ["PATH=/usr/bin:/bin", "LC_ALL=C", "FACTORY_PROBE_PARENT=\(getpid())", FactoryConfiguration.noBacktrace]

    /// Probes `library`. Never throws: every way it can go wrong is an outcome.
    public func probe(_ library: String) -> ProbeOutcome {
        run([probePath, library])
    }

    private func run(_ arguments: [String], capacity: Int = 1 << 16) -> ProbeOutcome {
        var output = [CChar](repeating: 0, count: capacity)
        let nanoseconds = max(1, Int64(timeout.seconds * 1e9))
        let result = withCStrings(arguments) { argv in
            withCStrings(Self.environment) { envp in
                output.withUnsafeMutableBufferPointer { buffer in
                    csandbox_run(probePath, argv, envp, nanoseconds, buffer.baseAddress, buffer.count)
                }
            }
        }
        if result.spawn_error != 0 {
            return .probeUnavailable("\(probePath) could not be started (\(String(cString: strerror(result.spawn_error))))")
        }
        if result.timed_out != 0 { return .timedOut(after: timeout) }
        if result.signaled != 0 {
            return .crashed(signal: result.signal_number, name: SignalName.of(result.signal_number))
        }
        if result.output_length >= capacity {
            return .failed(kind: "report-too-large", detail: "the probe's report was larger than \(capacity >> 20 > 0 ? "\(capacity >> 20) MiB" : "\(capacity >> 10) KiB")")
        }
        let text = String(decoding: output.prefix(result.output_length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let reported = Self.outcome(fromReport: text, exitCode: result.exit_code)
        // The launcher reports what it had to kill after the probe ended, on a line of its own;
        // the process group catches the rest where no PID namespace could be made.
        let leftBehind = text.split(separator: "\n").contains { line in
            line.contains("\"left-processes\"") && ((try? JSONValue(parsing: String(line)))?["left-processes"]?.intValue ?? 0) > 0
        }
        if result.left_processes != 0 || leftBehind, reported.isPassed {
            return .failed(kind: "left-process-behind",
                           detail: "the library started a process (a fork in a constructor or a function) that outlived the probe; it was killed")
        }
        return reported
    }

    /// Reads the probe's report line; an error JSON in the detail is reduced to its message.
    /// Without one, the line the probe writes before it loads the library says whose fault it
    /// is: after it, the library ended the probe (`exited-without-report`, e.g. `exit()` in a
    /// constructor); without it, the helper never got that far (it is not factory-probe, or broken).
    static func outcome(fromReport text: String, exitCode: Int32) -> ProbeOutcome {
        let lines = text.split(separator: "\n").compactMap { try? JSONValue(parsing: String($0)) }
        guard let report = lines.first(where: { $0["outcome"] != nil }), let kind = report["outcome"]?.stringValue else {
            if lines.first?["started"] != nil {
                return .failed(kind: "exited-without-report",
                               detail: "the library ended the probe with exit code \(exitCode) before describe answered (an exit() while loading, in its entry point or in describe)")
            }
            return .probeUnavailable("the probe exited with code \(exitCode) without a report")
        }
        if kind == "ok", let descriptor = report["descriptor"]?.stringValue {
            guard (try? JSONValue(parsing: descriptor))?.objectValue != nil else {
                return .failed(kind: "invalid-descriptor", detail: "describe returned text that is not a JSON object: \(descriptor.prefix(120))")
            }
            return .passed(descriptor: descriptor)
        }
        let detail = report["detail"]?.stringValue ?? "no detail"
        let message = (try? JSONValue(parsing: detail))?["message"]?.stringValue ?? detail
        return .failed(kind: kind, detail: message)
    }
}

/// Runs `body` with a NULL-terminated C array of the strings.
private func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> T) -> T {
    let copies = strings.map { strdup($0) } + [nil]
    defer { copies.forEach { free($0) } }
    return copies.withUnsafeBufferPointer { buffer in
        body(buffer.baseAddress!)
    }
}
