/* fault-undefined-symbol: linked against the libroute_cache.so beside it (deps/route_cache.c),
 * as if built against a newer version of it: it calls route_cache_lookup, which the bundled
 * library does not define. Loading with RTLD_NOW fails with "undefined symbol:
 * route_cache_lookup" before any plugin code runs. */
#include "fault_plugin.h"

int route_cache_lookup(int from, int to); /* the fault: libroute_cache.so has no such function */

FAULT_DESCRIBE(describe, "{\"name\": \"fault-undefined-symbol\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}")
static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) {
    return route_cache_lookup(0, 1) >= 0 ? &table : NULL;
}
