/* fault-sigabrt: describe gives up with abort(), as a failed assert() would; the probe dies of
 * SIGABRT. */
#include "fault_plugin.h"

static char *describe(void) {
    abort(); /* the fault */
}

static const planner_plugin_table table = FAULT_TABLE(PLANNER_PLUGIN_ABI_VERSION, describe);

const planner_plugin_table *planner_plugin_entry(void) { return &table; }
