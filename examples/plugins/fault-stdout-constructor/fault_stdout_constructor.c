/* fault-stdout-constructor: a library constructor prints a line to stdout (and flushes it), as a
 * chatty library might on load; otherwise the plugin works normally. Whoever loads it must not
 * read its own protocol or report from the loaded code's stdout: the probe and factory-host keep
 * theirs on a descriptor of their own and point descriptor 1 at standard error, so the plugin is
 * active. Loaded in-process, the line lands on the host's stdout. */
#include <stdio.h>

#define WORKING_NAME "fault-stdout-constructor"
#include "working_plugin.h"

__attribute__((constructor)) static void chatter(void) {
    printf("fault-stdout-constructor: hello from the constructor\n"); /* the fault */
    fflush(stdout);
}

WORKING_ENTRY(working_create, working_plan)
