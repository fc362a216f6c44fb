import Foundation
import PlannerTestSupport

/// Plugin libraries built by the C compiler for tests, and the built `factory-probe`.
enum CFixture {
    /// `factory-probe`, built beside the test bundle.
    static var probe: String { BuildProducts.path(of: "factory-probe") }
    /// `factory-host`, built beside the test bundle.
    static var host: String { BuildProducts.path(of: "factory-host") }

    /// Compiles `source` into `lib<name>.so` in `folder` and returns its path.
    static func library(_ name: String, source: String, in folder: TemporaryFolder) throws -> String {
        try CCompiler.sharedLibrary(name, source: source, in: folder.path)
    }

    /// A plugin whose entry function runs `body` (C statements) before returning a valid table.
    static func plugin(entry body: String, prelude: String = "") -> String {
        """
        #include <signal.h>
        #include <stdlib.h>
        #include <string.h>
        #include <unistd.h>
        #include "planner_plugin.h"
        \(prelude)
        static char *describe(void) { return strdup("{\\"name\\": \\"fixture\\", \\"version\\": \\"1.0.0\\"}"); }
        static planner_instance *create(const char *c, char **e) { return NULL; }
        static char *plan(planner_instance *i, const char *o, char **e) { return NULL; }
        static char *health(planner_instance *i) { return NULL; }
        static void destroy(planner_instance *i) {}
        static void free_string(char *s) { free(s); }
        static const planner_plugin_table table = { PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table),
            describe, create, plan, health, destroy, free_string };
        const planner_plugin_table *planner_plugin_entry(void) { \(body) return &table; }
        """
    }
}
