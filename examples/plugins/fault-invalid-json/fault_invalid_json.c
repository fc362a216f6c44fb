/* fault-invalid-json: describe returns a descriptor cut off in the middle, which is not JSON. */
#include "fault_plugin.h"

FAULT_DESCRIBE(describe, "{\"name\": \"fault-invalid-json\", \"version\": ") /* the fault */
static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) { return &table; }
