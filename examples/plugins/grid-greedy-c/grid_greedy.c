/*
 * grid-greedy-c: a planner plugin in plain C against planner_plugin.h (PlannerFactory ABI v1).
 * Greedy route on an open grid: "route from X,Y to X,Y" -> east/west moves, then north/south.
 * Fast, not optimal around walls (it knows none). Build: cc -shared -fPIC -I<header dir> ...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

struct planner_instance { int plans_made; };

static char *copy(const char *text) {
    size_t length = strlen(text) + 1;
    char *result = malloc(length);
    if (result) memcpy(result, text, length);
    return result;
}

static char *describe(void) {
    return copy("{\"name\": \"grid-greedy-c\", \"version\": \"0.1.0\","
                " \"summary\": \"Greedy best-first grid route planner written in plain C (fast, not optimal)\","
                " \"capabilities\": [\"grid\", \"route\", \"2d\", \"fast\"], \"keywords\": [\"route\", \"path\", \"grid\", \"quick\"],"
                " \"rank\": 4, \"boosts\": {\"fast\": 4, \"quick\": 2}, \"threadSafe\": false}");
}

static planner_instance *create(const char *configuration_json, char **error_json) {
    (void)configuration_json;
    planner_instance *instance = calloc(1, sizeof *instance);
    if (!instance && error_json) *error_json = copy("{\"message\": \"out of memory\"}");
    return instance;
}

/* Reads "from X,Y to X,Y" out of the objective JSON's text (no escapes expected in coordinates). */
static int read_route(const char *objective_json, int *x0, int *y0, int *x1, int *y1) {
    const char *from = strstr(objective_json, "from");
    return from && sscanf(from, "from %d,%d to %d,%d", x0, y0, x1, y1) == 4;
}

static char *plan(planner_instance *instance, const char *objective_json, char **error_json) {
    int x0, y0, x1, y1;
    if (!read_route(objective_json, &x0, &y0, &x1, &y1)) {
        if (error_json) *error_json = copy("{\"message\": \"the objective must read \\\"route from X,Y to X,Y\\\"\"}");
        return NULL;
    }
    instance->plans_made++;
    int moves = abs(x1 - x0) + abs(y1 - y0);
    size_t capacity = 128 + (size_t)moves * 40;
    char *json = malloc(capacity);
    if (!json) return NULL;
    size_t used = (size_t)snprintf(json, capacity, "{\"planner\": \"grid-greedy-c\", \"steps\": [");
    int x = x0, y = y0;
    for (int step = 0; step < moves; step++) {
        const char *direction;
        if (x != x1) { direction = x < x1 ? "east" : "west"; x += x < x1 ? 1 : -1; }
        else { direction = y < y1 ? "south" : "north"; y += y < y1 ? 1 : -1; }
        used += (size_t)snprintf(json + used, capacity - used, "%s\"move %s to %d,%d\"", step ? ", " : "", direction, x, y);
    }
    snprintf(json + used, capacity - used, "], \"cost\": %d, \"stats\": {\"optimal\": false}}", moves);
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
