/* fault-sigbus-truncated: a working plugin with 100 kB of initialized data, which
 * scripts/build-examples truncates to its first 8 KiB after linking, as a partial download or
 * copy would leave it. The ELF headers are intact, so dlopen maps the segments; touching the data
 * pages past the end of the file raises SIGBUS in the probe. */
#include "fault_plugin.h"

static char route_table[100000] = {1};

FAULT_DESCRIBE(describe, "{\"name\": \"fault-sigbus-truncated\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}")
static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) {
    route_table[0]++;
    return &table;
}
