/* fault-hang-plan: passes the probe and creates instances, then `plan` spins forever on the CPU
 * (a volatile counter, so the compiler cannot drop the loop). In-process the calling thread is
 * lost for good; out of process the worker is killed at the call's deadline. */
#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

struct planner_instance { int unused; };

static char *describe(void) {
    return strdup("{\"name\": \"fault-hang-plan\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}");
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
    for (volatile unsigned long spins = 0;; spins++) {} /* the fault: a busy loop that never ends */
    if (error_json) *error_json = strdup("{\"message\": \"unreachable: the loop above never ends\"}");
    return NULL;
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
