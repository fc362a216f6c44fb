/* fault-hang-entry: planner_plugin_entry never returns. The probe is killed at the sandbox
 * deadline (FACTORY_SANDBOX_TIMEOUT) and the plugin is quarantined as timed out. */
#include <unistd.h>

#include "fault_plugin.h"

FAULT_DESCRIBE(describe, "{\"name\": \"fault-hang-entry\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}")
static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) {
    for (;;) pause(); /* the fault: wait for a signal that never comes */
    return &table;
}
