/*
 * working_plugin.h — a planner that works, for the fault gallery's plugins whose fault is not in
 * loading: each source names its planner, includes this header, and writes only the function (or
 * constructor) that shows its fault; everything else works.
 *
 *   #define WORKING_NAME "fault-crash-plan"
 *   #include "working_plugin.h"
 *   static char *plan(planner_instance *instance, const char *objective_json, char **error_json) { ...the fault... }
 *   WORKING_ENTRY(working_create, plan)
 *
 * describe gives WORKING_NAME, version 1.0.0 and the capability "fault" (as the manifests do);
 * create makes an instance; plan answers one step, "nothing to do"; health says ok.
 */
#ifndef WORKING_PLUGIN_H
#define WORKING_PLUGIN_H

#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

#ifndef WORKING_NAME
#error "define WORKING_NAME (the planner's name) before including working_plugin.h"
#endif

#define WORKING_UNUSED __attribute__((unused))

struct planner_instance { int plans; };

WORKING_UNUSED static char *working_describe(void) {
    return strdup("{\"name\": \"" WORKING_NAME "\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}");
}

WORKING_UNUSED static planner_instance *working_create(const char *configuration_json, char **error_json) {
    (void)configuration_json;
    planner_instance *instance = calloc(1, sizeof *instance);
    if (!instance && error_json) *error_json = strdup("{\"message\": \"out of memory\"}");
    return instance;
}

WORKING_UNUSED static char *working_plan(planner_instance *instance, const char *objective_json, char **error_json) {
    (void)objective_json;
    (void)error_json;
    instance->plans++;
    return strdup("{\"planner\": \"" WORKING_NAME "\", \"steps\": [\"nothing to do\"], \"cost\": 0, \"stats\": {}}");
}

WORKING_UNUSED static char *working_health(planner_instance *instance) {
    (void)instance;
    return strdup("{\"healthy\": true, \"detail\": \"ok\"}");
}

WORKING_UNUSED static void working_destroy(planner_instance *instance) { free(instance); }

WORKING_UNUSED static void working_free_string(char *string) { free(string); }

/* The table, with `create` and `plan` given (working_create and working_plan, or a fault), and
 * the entry function returning it. */
#define WORKING_ENTRY(create, plan)                                                                     \
    static const planner_plugin_table working_table = {                                                 \
        PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table), working_describe, (create), (plan), \
        working_health, working_destroy, working_free_string,                                          \
    };                                                                                                  \
    const planner_plugin_table *planner_plugin_entry(void) { return &working_table; }

#endif /* WORKING_PLUGIN_H */
