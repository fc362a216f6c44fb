/* fault-stdout-constructor: a library constructor prints a line to stdout (and flushes it), as a
 * chatty library might on load; otherwise the plugin works normally. Whoever loads it must not
 * read its own protocol or report from the loaded code's stdout: a probe or worker that keeps its
 * report off descriptor 1 (or skips lines that are not its own) sees a good descriptor, and the
 * plugin is active. Loaded in-process, the line lands on the host's stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

__attribute__((constructor)) static void chatter(void) {
    printf("fault-stdout-constructor: hello from the constructor\n"); /* the fault */
    fflush(stdout);
}

struct planner_instance { int unused; };

static char *describe(void) {
    return strdup("{\"name\": \"fault-stdout-constructor\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}");
}

static planner_instance *create(const char *configuration_json, char **error_json) {
    (void)configuration_json;
    planner_instance *instance = calloc(1, sizeof *instance);
    if (!instance && error_json) *error_json = strdup("{\"message\": \"out of memory\"}");
    return instance;
}

static char *plan(planner_instance *instance, const char *objective_json, char **error_json) {
    (void)instance;
    (void)objective_json;
    (void)error_json;
    return strdup("{\"planner\": \"fault-stdout-constructor\", \"steps\": [\"nothing to do\"], \"cost\": 0, \"stats\": {}}");
}

static char *health(planner_instance *instance) {
    (void)instance;
    return strdup("{\"healthy\": true, \"detail\": \"ok\"}");
}

static void destroy(planner_instance *instance) { free(instance); }

static void free_string(char *string) { free(string); }

static const planner_plugin_table table = {
    PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table), describe, create, plan, health, destroy, free_string,
};

const planner_plugin_table *planner_plugin_entry(void) { return &table; }
