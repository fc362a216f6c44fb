/* fault-abort-create: loads, describes itself and agrees with its manifest, so the probe passes
 * and the plugin is active; then `create` gives up with abort(), as a failed assert() would. In
 * the factory's process that is a SIGABRT in create (the instance's marker records it); in a
 * worker the worker dies of SIGABRT during the create call. */
#define WORKING_NAME "fault-abort-create"
#include "working_plugin.h"

static planner_instance *create(const char *configuration_json, char **error_json) {
    (void)configuration_json;
    (void)error_json;
    abort(); /* the fault */
}

WORKING_ENTRY(create, working_plan)
