/* fault-hang-plan: passes the probe and creates instances, then `plan` spins forever on the CPU
 * (a volatile counter, so the compiler cannot drop the loop). In-process the calling thread is
 * lost for good; out of process the worker is killed at the call's deadline. */
#define WORKING_NAME "fault-hang-plan"
#include "working_plugin.h"

static char *plan(planner_instance *instance, const char *objective_json, char **error_json) {
    (void)instance;
    (void)objective_json;
    for (volatile unsigned long spins = 0;; spins++) {} /* the fault: a busy loop that never ends */
    if (error_json) *error_json = strdup("{\"message\": \"unreachable: the loop above never ends\"}");
    return NULL;
}

WORKING_ENTRY(working_create, plan)
