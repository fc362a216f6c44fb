/* fault-crash-plan: passes the probe (describe agrees with the manifest) and creates instances,
 * then `plan` writes through a null pointer: the calling process dies of SIGSEGV in the middle of
 * a plan call (in-process: the host; out of process: only its worker). */
#define WORKING_NAME "fault-crash-plan"
#include "working_plugin.h"

static char *plan(planner_instance *instance, const char *objective_json, char **error_json) {
    (void)instance;
    (void)objective_json;
    volatile int *nowhere = NULL;
    *nowhere = 1; /* the fault */
    if (error_json) *error_json = strdup("{\"message\": \"unreachable: the write above crashes\"}");
    return NULL;
}

WORKING_ENTRY(working_create, plan)
