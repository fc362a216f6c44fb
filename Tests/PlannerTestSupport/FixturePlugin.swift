import Foundation

/// C sources of plugins for tests, built with `CCompiler`.
public enum FixturePlugin {
    /// Makes the bundle folder `bundle` (and its parents) holding `lib<folder name>.so` built from
    /// `source` (the working plugin named `name` by default) and a manifest naming `name` with the
    /// capability "x".
    public static func bundle(_ bundle: String, name: String, source: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: bundle, withIntermediateDirectories: true)
        let folderName = URL(fileURLWithPath: bundle).lastPathComponent
        _ = try CCompiler.sharedLibrary(folderName, source: source ?? working(name: name), in: bundle)
        try #"{"name": "\#(name)", "version": "1.0.0", "capabilities": ["x"], "entry": {"kind": "dylib", "library": "lib\#(folderName).so"}}"#
            .write(toFile: bundle + "/planner.json", atomically: false, encoding: .utf8)
    }

    /// A plugin that works: `create` fails (error JSON) when the configuration mentions "fail" and
    /// aborts the host when FIXTURE_CRASH_ON_CREATE is set, and sleeps 30 s when
    /// FIXTURE_SLOW_CREATE is (the probe's minimal environment never has either); `plan` hangs for an objective mentioning "hang", fails for "impossible", else returns
    /// one step numbering the instance's plans; `health` reports on the instance; `destroy` counts destroyed instances in a file
    /// named by FIXTURE_DESTROY_LOG, when set.
    public static func working(name: String, threadSafe: Bool = false) -> String {
        """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        #include "planner_plugin.h"
        struct planner_instance { int plans; };
        static char *describe(void) {
            return strdup("{\\"name\\": \\"\(name)\\", \\"version\\": \\"1.0.0\\", \\"capabilities\\": [\\"x\\"], \\"threadSafe\\": \(threadSafe)}");
        }
        static planner_instance *create(const char *configuration, char **error) {
            if (getenv("FIXTURE_CRASH_ON_CREATE")) abort();
            if (getenv("FIXTURE_SLOW_CREATE")) sleep(30);
            if (strstr(configuration, "fail")) { *error = strdup("{\\"message\\": \\"the configuration asked to fail\\"}"); return NULL; }
            return calloc(1, sizeof(planner_instance));
        }
        static char *plan(planner_instance *instance, const char *objective, char **error) {
            if (strstr(objective, "hang")) for (;;) pause();
            if (strstr(objective, "impossible")) { *error = strdup("{\\"message\\": \\"no plan for that\\"}"); return NULL; }
            int made = ++instance->plans;
            char *json = malloc(64);
            snprintf(json, 64, "{\\"planner\\": \\"\(name)\\", \\"steps\\": [\\"plan %d\\"]}", made);
            return json;
        }
        static char *health(planner_instance *instance) {
            return strdup(instance->plans >= 0 ? "{\\"healthy\\": true, \\"detail\\": \\"fixture ok\\"}" : "{}");
        }
        static void destroy(planner_instance *instance) {
            const char *log = getenv("FIXTURE_DESTROY_LOG");
            if (log) { FILE *file = fopen(log, "a"); if (file) { fputs("destroyed\\n", file); fclose(file); } }
            free(instance);
        }
        static void free_string(char *string) { free(string); }
        static const planner_plugin_table table = { PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table),
            describe, create, plan, health, destroy, free_string };
        const planner_plugin_table *planner_plugin_entry(void) { return &table; }
        """
    }
}
