/* fault-missing-capability: a working plugin whose manifest claims the capabilities fault and
 * teleport, while its descriptor has only fault: a manifest promising more than the code does. */
#include "fault_plugin.h"

FAULT_DESCRIBE(describe, "{\"name\": \"fault-missing-capability\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}") /* the fault: no "teleport" */
static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) { return &table; }
