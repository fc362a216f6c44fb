/* fault-exit-plan: passes the probe and creates instances, then `plan` calls exit(0): no signal and
 * a "successful" exit status, yet the call never answers. In-process it ends the host; out of
 * process its worker exits with status 0 in the middle of the call. */
#define WORKING_NAME "fault-exit-plan"
#include "working_plugin.h"

static char *plan(planner_instance *instance, const char *objective_json, char **error_json) {
    (void)instance;
    (void)objective_json;
    (void)error_json;
    exit(0); /* the fault */
}

WORKING_ENTRY(working_create, plan)
