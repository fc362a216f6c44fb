#define _GNU_SOURCE
#include "BenchmarkShims.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t now_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

int benchmark_spawn_until_line(const char *const argv[], const char *const environment[],
                               int64_t *to_line_nanoseconds, int *exit_status) {
    int input[2], output[2];
    if (pipe2(input, O_CLOEXEC) != 0) return errno;
    if (pipe2(output, O_CLOEXEC) != 0) {
        int error = errno;
        close(input[0]);
        close(input[1]);
        return error;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input[0], 0);
    posix_spawn_file_actions_adddup2(&actions, output[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    int64_t start = now_nanoseconds();
    pid_t pid;
    int error = posix_spawn(&pid, argv[0], &actions, NULL, (char *const *)argv, (char *const *)environment);
    posix_spawn_file_actions_destroy(&actions);
    close(input[0]);
    close(output[1]);
    if (error != 0) {
        close(input[1]);
        close(output[0]);
        return error;
    }
    char chunk[4096];
    int found = 0;
    for (;;) {
        ssize_t got = read(output[0], chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        if (memchr(chunk, '\n', (size_t)got)) {
            found = 1;
            break;
        }
    }
    *to_line_nanoseconds = now_nanoseconds() - start;
    close(input[1]);  /* end of its input: a worker exits */
    for (;;) {
        ssize_t got = read(output[0], chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
    }
    close(output[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) return errno;
    }
    *exit_status = status;
    return found ? 0 : EPROTO;
}
