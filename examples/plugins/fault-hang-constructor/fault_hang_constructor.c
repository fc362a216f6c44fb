/* fault-hang-constructor: a constructor that never returns, so dlopen itself hangs before the
 * entry point can be looked up. The probe is killed at the sandbox deadline (timed out). */
#include <unistd.h>

#include "fault_plugin.h"

__attribute__((constructor)) static void stall(void) {
    for (;;) pause(); /* the fault */
}

FAULT_DESCRIBE(describe, "{\"name\": \"fault-hang-constructor\", \"version\": \"1.0.0\", \"capabilities\": [\"fault\"]}")
static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) { return &table; }
