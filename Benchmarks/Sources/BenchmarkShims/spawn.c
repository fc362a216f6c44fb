#include "BenchmarkShims.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stddef.h>
#include <sys/wait.h>

int benchmark_spawn_and_wait(const char *const argv[], const char *const environment[], int discard_output,
                             int *exit_status) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_t *used = NULL;
    if (discard_output) {
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        used = &actions;
    }
    pid_t pid;
    int error = posix_spawn(&pid, argv[0], used, NULL, (char *const *)argv, (char *const *)environment);
    if (used != NULL) posix_spawn_file_actions_destroy(used);
    if (error != 0) return error;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return errno;
    }
    *exit_status = status;
    return 0;
}
