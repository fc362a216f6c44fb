/* fault-setsid-child: a library constructor forks a child that calls setsid(), leaving the
 * loader's session and process group, and sleeps ten minutes (holding the descriptors it
 * inherited); the parent returns normally and the plugin works. Killing the probe's process group
 * does not reach the child, so the sandbox must find it some other way (a subreaper, a cgroup),
 * kill it and quarantine the plugin as left-process-behind. Loaded in-process, it leaves a
 * detached child of the host sleeping for ten minutes. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "planner_plugin.h"

__attribute__((constructor)) static void escape(void) {
    if (fork() == 0) { /* the fault: a child in a session of its own */
        setsid();
        sleep(600);
        _exit(0);
    }
}

struct planner_instance { int unused; };

static char *describe(void) {
    return strdup("{\"name\": \"fault-setsid-child\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}");
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
    return strdup("{\"planner\": \"fault-setsid-child\", \"steps\": [\"nothing to do\"], \"cost\": 0, \"stats\": {}}");
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
