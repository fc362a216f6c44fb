/* fault-fork-constructor: a library constructor forks a plain child that lives on (it sleeps a
 * minute, holding the probe's output pipe), then the plugin works normally. The sandbox reads the
 * probe's report without waiting for the pipe to close and kills the probe's whole process group
 * when the probe exits, so the probe ends on time and no process is left behind. Forking is not a
 * fault the probe can see: the plugin passes and is active (were the child not killed, the probe
 * would overrun its deadline and the plugin be quarantined as timed out). Loaded in-process, it
 * forks the host once; the child only sleeps and exits. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "planner_plugin.h"

__attribute__((constructor)) static void spawn(void) {
    if (fork() == 0) { /* the fault: a child nobody waits for */
        sleep(60);
        _exit(0);
    }
}

struct planner_instance { int unused; };

static char *describe(void) {
    return strdup("{\"name\": \"fault-fork-constructor\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}");
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
    return strdup("{\"planner\": \"fault-fork-constructor\", \"steps\": [\"nothing to do\"], \"cost\": 0, \"stats\": {}}");
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
