/*
 * worker_bench.c: the plugin of the workers benchmarks (PlannerFactory ABI v1), compiled once per
 * planner with -DPLUGIN_NAME='"name"'. Its plan does nothing but spin: `"iterations": N` in the
 * create configuration (default 0) is the length of a xorshift chain it runs first, which the
 * benchmark calibrates to tens of milliseconds of CPU. With 0 it answers a constant one-step plan
 * at once: the least a plan call can cost.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

#ifndef PLUGIN_NAME
#define PLUGIN_NAME "worker-bench"
#endif

struct planner_instance { uint64_t iterations; };

static char *copy(const char *text) {
    size_t length = strlen(text) + 1;
    char *result = malloc(length);
    if (result) memcpy(result, text, length);
    return result;
}

static char *describe(void) {
    return copy("{\"name\": \"" PLUGIN_NAME "\", \"version\": \"0.1.0\","
                " \"summary\": \"A plan that spins for a configured number of iterations (workers benchmark)\","
                " \"capabilities\": [\"bench\"], \"keywords\": [\"bench\"], \"rank\": 1, \"threadSafe\": false}");
}

static planner_instance *create(const char *configuration_json, char **error_json) {
    planner_instance *instance = calloc(1, sizeof *instance);
    if (!instance) {
        if (error_json) *error_json = copy("{\"message\": \"out of memory\"}");
        return NULL;
    }
    const char *key = configuration_json ? strstr(configuration_json, "\"iterations\"") : NULL;
    const char *colon = key ? strchr(key, ':') : NULL;
    if (colon) instance->iterations = strtoull(colon + 1, NULL, 10);
    return instance;
}

/* A dependent chain the compiler cannot shorten: its result goes into the plan. */
static uint64_t spin(uint64_t iterations) {
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (uint64_t i = 0; i < iterations; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    return x;
}

static char *plan(planner_instance *instance, const char *objective_json, char **error_json) {
    (void)objective_json;
    (void)error_json;
    if (instance->iterations == 0) {
        return copy("{\"planner\": \"" PLUGIN_NAME "\", \"steps\": [\"done\"], \"cost\": 1, \"stats\": {}}");
    }
    char *json = malloc(160);
    if (!json) return NULL;
    snprintf(json, 160, "{\"planner\": \"" PLUGIN_NAME "\", \"steps\": [\"done\"], \"cost\": 1, \"stats\": {\"checksum\": %llu}}",
             (unsigned long long)(spin(instance->iterations) & 0xFFFFFu));
    return json;
}

static char *health(planner_instance *instance) {
    (void)instance;
    return copy("{\"healthy\": true, \"detail\": \"\"}");
}

static void destroy(planner_instance *instance) { free(instance); }

static void free_string(char *string) { free(string); }

static const planner_plugin_table table = {
    PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table),
    describe, create, plan, health, destroy, free_string,
};

const planner_plugin_table *planner_plugin_entry(void) { return &table; }
