/* fault-wrong-name: a working plugin whose descriptor names another planner than its manifest
 * (as a library copied into the wrong bundle would), so it contradicts the manifest. */
#include "fault_plugin.h"

FAULT_DESCRIBE(describe, "{\"name\": \"another-planner\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}") /* the fault: the manifest says fault-wrong-name */
static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) { return &table; }
