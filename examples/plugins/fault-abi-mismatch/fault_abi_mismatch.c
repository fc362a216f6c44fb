/* fault-abi-mismatch: a table built for a future ABI version, 99. The probe refuses it before
 * calling any of its functions (abi-mismatch). */
#include "fault_plugin.h"

FAULT_DESCRIBE(describe, "{\"name\": \"fault-abi-mismatch\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}")
static const planner_plugin_table table = FAULT_TABLE(99, describe); /* the fault */

const planner_plugin_table *planner_plugin_entry(void) { return &table; }
