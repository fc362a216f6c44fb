/*
 * fault_plugin.h — what the C plugins of the fault gallery (examples/plugins/fault-*) share, so
 * that each gallery source shows only its fault: a table whose functions work (create answers
 * with an error, since these plugins only demonstrate a fault) and a describe returning fixed JSON.
 *
 *   FAULT_DESCRIBE(describe, "{\"name\": \"fault-x\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}")
 *   static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);
 *   const planner_plugin_table *planner_plugin_entry(void) { ...the fault...; return &table; }
 */
#ifndef FAULT_PLUGIN_H
#define FAULT_PLUGIN_H

#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

static planner_instance *fault_create(const char *configuration_json, char **error_json) {
    (void)configuration_json;
    if (error_json) *error_json = strdup("{\"message\": \"a fault-gallery plugin only demonstrates its fault\"}");
    return NULL;
}

static char *fault_plan(planner_instance *instance, const char *objective_json, char **error_json) {
    (void)instance;
    (void)objective_json;
    if (error_json) *error_json = strdup("{\"message\": \"a fault-gallery plugin does not plan\"}");
    return NULL;
}

static char *fault_health(planner_instance *instance) {
    (void)instance;
    return strdup("{\"healthy\": false, \"detail\": \"a fault-gallery plugin\"}");
}

static void fault_destroy(planner_instance *instance) { (void)instance; }

static void fault_free_string(char *string) { free(string); }

/* A describe function named `function` that returns a copy of `json`. */
#define FAULT_DESCRIBE(function, json) \
    static char *function(void) { return strdup(json); }

/* The table of a gallery plugin that says it speaks ABI version `abi`. */
#define FAULT_TABLE(abi, describe) \
    { (abi), sizeof(planner_plugin_table), (describe), fault_create, fault_plan, fault_health, fault_destroy, fault_free_string }

#endif /* FAULT_PLUGIN_H */
