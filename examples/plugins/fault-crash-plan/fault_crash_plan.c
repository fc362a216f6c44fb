/* fault-crash-plan: passes the probe (describe agrees with the manifest) and creates instances,
 * then `plan` writes through a null pointer: the calling process dies of SIGSEGV in the middle of
 * a plan call (in-process: the host; out of process: only its worker). */
#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

struct planner_instance { int unused; };

static char *describe(void) {
    return strdup("{\"name\": \"fault-crash-plan\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}");
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
    volatile int *nowhere = NULL;
    *nowhere = 1; /* the fault */
    if (error_json) *error_json = strdup("{\"message\": \"unreachable: the write above crashes\"}");
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
