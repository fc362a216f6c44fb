#define _GNU_SOURCE
#include "BenchmarkShims.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/// Whether `assignment` ("KEY=VALUE") sets the key of `entry`.
static int same_key(const char *entry, const char *assignment) {
    const char *equals = strchr(assignment, '=');
    size_t key = equals ? (size_t)(equals - assignment) : strlen(assignment);
    return strncmp(entry, assignment, key) == 0 && entry[key] == '=';
}

/// The current environment with `extra` added or replacing entries of the same key; free the array only.
static char **merged_environment(const char *const extra_environment[]) {
    size_t inherited = 0, extra = 0;
    while (environ[inherited] != NULL) inherited++;
    while (extra_environment != NULL && extra_environment[extra] != NULL) extra++;
    char **environment = calloc(inherited + extra + 1, sizeof(char *));
    if (environment == NULL) return NULL;
    size_t used = 0;
    for (size_t i = 0; i < inherited; i++) {
        int overridden = 0;
        for (size_t j = 0; j < extra; j++) overridden |= same_key(environ[i], extra_environment[j]);
        if (!overridden) environment[used++] = environ[i];
    }
    for (size_t j = 0; j < extra; j++) environment[used++] = (char *)extra_environment[j];
    environment[used] = NULL;
    return environment;
}

int benchmark_run_capturing(const char *const argv[], const char *const extra_environment[],
                            char *output, size_t capacity, int *exit_status) {
    int pipe_ends[2];
    if (pipe2(pipe_ends, O_CLOEXEC) != 0) return errno;
    char **environment = merged_environment(extra_environment);
    if (environment == NULL) {
        close(pipe_ends[0]);
        close(pipe_ends[1]);
        return ENOMEM;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid;
    int error = posix_spawn(&pid, argv[0], &actions, NULL, (char *const *)argv, environment);
    posix_spawn_file_actions_destroy(&actions);
    free(environment);
    close(pipe_ends[1]);
    if (error != 0) {
        close(pipe_ends[0]);
        return error;
    }
    size_t used = 0;
    for (;;) {
        char scratch[256];
        int room = used + 1 < capacity;
        ssize_t got = room ? read(pipe_ends[0], output + used, capacity - 1 - used) : read(pipe_ends[0], scratch, sizeof scratch);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        if (room) used += (size_t)got;
    }
    if (capacity > 0) output[used] = '\0';
    close(pipe_ends[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return errno;
    }
    *exit_status = status;
    return 0;
}
