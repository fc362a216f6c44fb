/* fault-sigsegv: the entry point writes through a null pointer; the probe dies of SIGSEGV. */
#include "fault_plugin.h"

FAULT_DESCRIBE(describe, "{\"name\": \"fault-sigsegv\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}")
static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) {
    volatile int *nowhere = NULL;
    *nowhere = 1; /* the fault */
    return &table;
}
