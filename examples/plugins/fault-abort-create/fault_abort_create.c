/* fault-abort-create: loads, describes itself and agrees with its manifest, so the probe passes
 * and the plugin is active; then `create` gives up with abort(), as a failed assert() would. In
 * the factory's process that is a SIGABRT while being loaded (the loading marker records it); in a
 * worker the worker dies of SIGABRT during the create call. */
#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

struct planner_instance { int unused; };

static char *describe(void) {
    return strdup("{\"name\": \"fault-abort-create\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}");
}

static planner_instance *create(const char *configuration_json, char **error_json) {
    (void)configuration_json;
    (void)error_json;
    abort(); /* the fault */
}

static char *plan(planner_instance *instance, const char *objective_json, char **error_json) {
    (void)instance;
    (void)objective_json;
    (void)error_json;
    return strdup("{\"planner\": \"fault-abort-create\", \"steps\": [\"nothing to do\"], \"cost\": 0, \"stats\": {}}");
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
