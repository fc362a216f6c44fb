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

    /// Copies bundle folders (given by path) into `root/plugins`.
    static func copy(_ bundles: [String], into root: TemporaryFolder) throws {
        let plugins = try root.folder("plugins")
        for bundle in bundles {
            try FileManager.default.copyItem(atPath: bundle, toPath: plugins + "/" + URL(fileURLWithPath: bundle).lastPathComponent)
        }
    }

    /// A factory over `root/plugins` with process isolation and the sandbox on.
    static func factory(_ root: TemporaryFolder, configure: (inout FactoryConfiguration) -> Void = { _ in }) -> PlannerFactory {
        let factory = root.factory(["plugins"], sandbox: true, isolation: .process) { configuration in
            // A test thread starved for a minute (a loaded machine, a busy cooperative pool) must
            // not find its worker ended for idleness; tests of idleness set their own.
            configuration.workerIdle = .seconds(3600)
            configure(&configuration)
        }
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

extension WorkerFixtures {
    /// A bundle `root/plugins/<name>` whose plugin runs `body` (C statements with `instance`,
    /// `objective` and `error` in scope) as its `plan`; `steps("text")` makes a one-step plan.
    static func bundle(_ root: TemporaryFolder, name: String, threadSafe: Bool = false, plan body: String, prelude: String = "") throws {
        let folder = try root.folder("plugins/\(name)")
        let source = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            #include <unistd.h>
            #include <signal.h>
            #include "planner_plugin.h"
            \(prelude)
            struct planner_instance { int plans; };
            static char *describe(void) {
                return strdup("{\\"name\\": \\"\(name)\\", \\"version\\": \\"1.0.0\\", \\"capabilities\\": [\\"x\\"], \\"threadSafe\\": \(threadSafe)}");
            }
            static planner_instance *create(const char *configuration, char **error) { return calloc(1, sizeof(planner_instance)); }
            static char *steps(const char *step) {
                char *json = malloc(256);
                snprintf(json, 256, "{\\"planner\\": \\"\(name)\\", \\"steps\\": [\\"%s\\"]}", step);
                return json;
            }
            static char *plan(planner_instance *instance, const char *objective, char **error) { \(body) }
            static char *health(planner_instance *instance) { return strdup("{\\"healthy\\": true}"); }
            static void destroy(planner_instance *instance) { free(instance); }
            static void free_string(char *string) { free(string); }
            static const planner_plugin_table table = { PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table),
                describe, create, plan, health, destroy, free_string };
            const planner_plugin_table *planner_plugin_entry(void) { return &table; }
            """
        _ = try CCompiler.sharedLibrary(name, source: source, in: folder)
        try root.write("plugins/\(name)/planner.json", """
            {"name": "\(name)", "version": "1.0.0", "capabilities": ["x"], "threadSafe": \(threadSafe),
             "entry": {"kind": "dylib", "library": "lib\(name).so"}}
            """)
    }
}

extension WorkerFixtures {
    /// A process bundle `root/plugins/<name>` whose `planner.py` (Python 3, standard library)
    /// sends the handshake for `name` (capability `x`), then runs `body` with `send(object)` and
    /// `requests()` (the request objects, in order) in scope.
    static func processBundle(_ root: TemporaryFolder, name: String, threadSafe: Bool = false, body: String) throws {
        let folder = try root.folder("plugins/\(name)")
        let script = """
            #!/usr/bin/env python3
            import json, os, sys, threading, time
            lock = threading.Lock()
            def send(value):
                with lock:
                    sys.stdout.write(json.dumps(value) + "\\n")
                    sys.stdout.flush()
            def requests():
                for line in sys.stdin:
                    yield json.loads(line)
            send({"protocol": "planner-factory", "version": 1,
                  "descriptor": {"name": "\(name)", "version": "1.0.0", "capabilities": ["x"], "threadSafe": \(threadSafe ? "True" : "False")}})

            """ + body + "\n"
        try root.write("plugins/\(name)/planner.py", script)
        chmod(folder + "/planner.py", 0o755)
        try root.write("plugins/\(name)/planner.json", """
            {"name": "\(name)", "version": "1.0.0", "capabilities": ["x"], "threadSafe": \(threadSafe),
             "entry": {"kind": "process", "command": ["./planner.py"]}}
            """)
    }
}
