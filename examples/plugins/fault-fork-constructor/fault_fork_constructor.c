/* fault-fork-constructor: a library constructor forks a plain child that lives on (it sleeps a
 * minute, holding the probe's output pipe), then the plugin works normally. The sandbox reads the
 * probe's report without waiting for the pipe to close, and its launcher kills what the probe left
 * when the probe ends, so the probe ends on time, no process is left behind, and the plugin is
 * quarantined as left-process-behind. Loaded in-process, it forks the host once; the child only
 * sleeps and exits. */
#include <unistd.h>

#define WORKING_NAME "fault-fork-constructor"
#include "working_plugin.h"

__attribute__((constructor)) static void spawn(void) {
    if (fork() == 0) { /* the fault: a child nobody waits for */
        sleep(60);
        _exit(0);
    }
}

WORKING_ENTRY(working_create, working_plan)
