/* fault-setsid-child: a library constructor forks a child that calls setsid(), leaving the
 * loader's session and process group, and sleeps ten minutes (holding the descriptors it
 * inherited); the parent returns normally and the plugin works. Killing the probe's process group
 * does not reach the child: the sandbox's launcher (init of a PID namespace, or a subreaper) finds
 * it, kills it and reports it, and the plugin is quarantined as left-process-behind. Loaded
 * in-process, it leaves a detached child of the host sleeping for ten minutes. */
#include <unistd.h>

#define WORKING_NAME "fault-setsid-child"
#include "working_plugin.h"

__attribute__((constructor)) static void escape(void) {
    if (fork() == 0) { /* the fault: a child in a session of its own */
        setsid();
        sleep(600);
        _exit(0);
    }
}

WORKING_ENTRY(working_create, working_plan)
