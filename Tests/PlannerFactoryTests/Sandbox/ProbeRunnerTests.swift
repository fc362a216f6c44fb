import Foundation
import PlannerTestSupport
import Testing
@testable import PlannerFactory

/// The probe run in its own session with a deadline, on real libraries built by the C compiler:
/// hangs end at the deadline, crashes are named, and nothing the plugin started lives on.
@Suite(.disabled(if: Sanitizer.isThreadSanitizerActive, "crash outcomes are for the uninstrumented build"))
struct ProbeRunnerTests {
    static func runner(timeout: Duration = .seconds(2)) -> ProbeRunner {
        ProbeRunner(probePath: CFixture.probe, timeout: timeout)
    }

    @Test func aGoodPluginPasses() throws {
        let folder = try TemporaryFolder()
        let library = try CFixture.library("good", source: CFixture.plugin(entry: ""), in: folder)
        let outcome = Self.runner().probe(library)
        guard case .passed(let descriptor) = outcome else { Issue.record("\(outcome)"); return }
        #expect(descriptor.contains("\"fixture\""))
    }

    @Test(arguments: [
        ("hang-entry", CFixture.plugin(entry: "for (;;) pause();")),
        ("hang-constructor", CFixture.plugin(entry: "", prelude: "__attribute__((constructor)) static void stall(void) { for (;;) pause(); }")),
    ])
    func aHangEndsAtTheDeadline(name: String, source: String) throws {
        let folder = try TemporaryFolder()
        let library = try CFixture.library(name, source: source, in: folder)
        let start = ContinuousClock.now
        let outcome = Self.runner(timeout: .milliseconds(300)).probe(library)
        #expect(outcome == .timedOut(after: .milliseconds(300)))
        #expect(ContinuousClock.now - start < .seconds(10), "the probe was killed, not waited for")
    }

    @Test(arguments: [
        ("segv", "volatile int *p = 0; *p = 1;", "SIGSEGV"),
        ("ill", "__builtin_trap();", "SIGILL"),
        ("abort", "abort();", "SIGABRT"),
    ])
    func aCrashIsNamed(name: String, body: String, signal: String) throws {
        let folder = try TemporaryFolder()
        let library = try CFixture.library(name, source: CFixture.plugin(entry: body), in: folder)
        let outcome = Self.runner().probe(library)
        guard case .crashed(_, let seen) = outcome else { Issue.record("\(outcome)"); return }
        #expect(seen == signal)
        #expect(outcome.reason.contains(signal))
    }

    @Test func aTruncatedLibraryDoesNotLoad() throws {
        let folder = try TemporaryFolder()
        let library = try CFixture.library("whole", source: CFixture.plugin(entry: ""), in: folder)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: library))
        let truncated = folder.path + "/libtruncated.so"
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        let outcome = Self.runner().probe(truncated)
        switch outcome {
        case .crashed(_, let name): #expect(name == "SIGBUS" || name == "SIGSEGV")
        case .failed(let kind, _): #expect(kind == "not-a-shared-library" || kind == "load-error")
        default: Issue.record("a truncated library must not pass: \(outcome)")
        }
    }

    /// A constructor forks a child that lives on holding the output pipe: the probe still ends on
    /// time, no process of its group is left, and the plugin fails for it (left-process-behind).
    @Test func aForkingConstructorLeavesNothingBehind() throws {
        let folder = try TemporaryFolder()
        let marker = folder.path + "/child.pid"
        let source = CFixture.plugin(entry: "", prelude: """
            #include <stdio.h>
            __attribute__((constructor)) static void spawn(void) {
                pid_t child = fork();
                if (child == 0) { for (;;) pause(); }
                FILE *file = fopen("\(marker)", "w"); if (file) { fprintf(file, "%d", child); fclose(file); }
            }
            """)
        let library = try CFixture.library("forker", source: source, in: folder)
        let start = ContinuousClock.now
        let outcome = Self.runner(timeout: .seconds(5)).probe(library)
        #expect(outcome == .failed(kind: "left-process-behind",
                                   detail: "the library started a process (a fork in a constructor or a function) that outlived the probe; it was killed"))
        #expect(ContinuousClock.now - start < .seconds(4), "the grandchild holding the pipe did not stall the read")
        #expect(FileManager.default.fileExists(atPath: marker), "the constructor forked")
        // The child may live in a PID namespace of its own (its pid there differs): find it by
        // its command line, which names the library, among this host's processes.
        #expect(WorkerFixtures.waitForNoProcesses(mentioning: folder.path).isEmpty, "the forked child was killed")
    }

    /// The probe inherits no descriptor but its pipe, which it keeps on a close-on-exec descriptor
    /// of its own (descriptor 1 points at its standard error, for the plugin's output), and
    /// none of the caller's environment: the fixture aborts if it sees either.
    @Test func theProbeGetsNoDescriptorsAndAMinimalEnvironment() throws {
        let folder = try TemporaryFolder()
        let library = try CFixture.library("inspect", source: CFixture.plugin(entry: """
            int open_descriptors = 0;
            for (int fd = 3; fd < 1024; fd++) {
                int flags = fcntl(fd, F_GETFD);
                if (flags == -1) continue;
                if (!(flags & FD_CLOEXEC)) abort();  /* only the probe's own report, close-on-exec */
                open_descriptors++;
            }
            if (open_descriptors > 1) abort();
            if (getenv("HOME") || getenv("FACTORY_PLUGIN_PATH")) abort();
            """, prelude: "#include <fcntl.h>"), in: folder)
        let leaked = open("/dev/null", O_RDONLY)  // deliberately without O_CLOEXEC
        defer { close(leaked) }
        let outcome = Self.runner().probe(library)
        #expect(outcome.isPassed, "\(outcome)")
    }

    @Test func aMissingProbeIsReportedClearly() {
        let outcome = ProbeRunner(probePath: "/nonexistent/factory-probe", timeout: .seconds(1)).probe("/tmp/x.so")
        guard case .probeUnavailable(let detail) = outcome else { Issue.record("\(outcome)"); return }
        #expect(detail.contains("/nonexistent/factory-probe"))
    }
}

@Suite struct ProbeLocatorTests {
    @Test func aConfiguredPathIsUsedAndCheckedAndTheErrorSaysHowToFixIt() throws {
        var configuration = FactoryConfiguration()
        configuration.probePath = CFixture.probe
        #expect(try ProbeLocator.locate(configuration) == CFixture.probe)
        configuration.probePath = "/nonexistent/factory-probe"
        do {
            _ = try ProbeLocator.locate(configuration)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .sandboxImportError)
            #expect(error.message.contains("/nonexistent/factory-probe"))
            #expect(error.message.contains("FACTORY_PROBE_PATH"))
        }
    }

    @Test func theDefaultIsBesideTheRunningExecutable() throws {
        let executable = try #require(ProbeLocator.currentExecutable())
        var configuration = FactoryConfiguration()
        configuration.probePath = nil
        let located = Result { () throws(FactoryError) in try ProbeLocator.locate(configuration) }
        let folder = String(executable[..<(executable.lastIndex(of: "/") ?? executable.startIndex)])
        switch located {
        case .success(let path): #expect(path == folder + "/factory-probe")
        case .failure(let error): #expect(error.message.contains(folder + "/factory-probe"))
        }
    }

    @Test func theEnvironmentKeyIsRead() throws {
        let configuration = try FactoryConfiguration(environment: ["FACTORY_PROBE_PATH": "/opt/pf/factory-probe"])
        #expect(configuration.probePath == "/opt/pf/factory-probe")
        #expect(configuration.source(of: .probePath) == .environment)
    }
}
