#define _GNU_SOURCE
#include "csandbox.h"
#include "spawn_attributes.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_ns(void) {
    struct timespec spec;
    clock_gettime(CLOCK_MONOTONIC, &spec);
    return (long long)spec.tv_sec * 1000000000LL + spec.tv_nsec;
}

static int remaining_ms(long long deadline) {
    long long left = deadline - now_ns();
    if (left <= 0) return 0;
    long long ms = (left + 999999) / 1000000;
    return ms > 0x7fffffff ? 0x7fffffff : (int)ms;
}

csandbox_result csandbox_run(const char *path, char *const argv[], char *const envp[], long long timeout_ns,
                             char *output, size_t output_capacity) {
    csandbox_result result;
    memset(&result, 0, sizeof result);
    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) { result.spawn_error = errno; return result; }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);  /* no descriptor leaks in, CLOEXEC or not */
#endif
    posix_spawnattr_t attributes;
    csandbox_init_spawn_attributes(&attributes);

    long long start = now_ns();
    long long deadline = start + timeout_ns;
    pid_t pid;
    int spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(pipe_fds[1]);
    if (spawned != 0) { close(pipe_fds[0]); result.spawn_error = spawned; return result; }

    int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    int status = 0;
    int reaped = 0;
    int exited = 0;
    int open_pipe = 1;
    while (!exited || open_pipe) {
        struct pollfd fds[2];
        int count = 0;
        if (open_pipe) { fds[count].fd = pipe_fds[0]; fds[count].events = POLLIN; count++; }
        if (!exited && pidfd >= 0) { fds[count].fd = pidfd; fds[count].events = POLLIN; count++; }
        int ready = poll(fds, (nfds_t)count, remaining_ms(deadline));
        if (ready < 0 && errno == EINTR) continue;
        if (ready <= 0) {  /* the deadline passed */
            if (!exited) result.timed_out = 1;
            kill(-pid, SIGKILL);
            break;
        }
        for (int i = 0; i < count; i++) {
            if (!fds[i].revents) continue;
            if (fds[i].fd == pidfd) {
                exited = 1;
                /* Reap the child, then see whether anything it started is still in its group. */
                while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
                reaped = 1;
                if (kill(-pid, 0) == 0) result.left_processes = 1;
                kill(-pid, SIGKILL);  /* a grandchild holding the pipe must not stall the read */
            } else {
                char scratch[4096];
                char *target = result.output_length < output_capacity ? output + result.output_length : scratch;
                size_t room = result.output_length < output_capacity ? output_capacity - result.output_length : sizeof scratch;
                ssize_t got = read(pipe_fds[0], target, room);
                if (got > 0 && target != scratch) result.output_length += (size_t)got;
                if (got == 0 || (got < 0 && errno != EINTR && errno != EAGAIN)) open_pipe = 0;
            }
        }
        if (pidfd < 0 && !open_pipe) break;  /* no pidfd: the pipe closing is the best sign of exit */
    }
    close(pipe_fds[0]);
    if (pidfd >= 0) close(pidfd);
    if (!reaped) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    }
    kill(-pid, SIGKILL);
    result.elapsed_ns = now_ns() - start;
    if (WIFEXITED(status)) { result.exited = 1; result.exit_code = WEXITSTATUS(status); }
    if (WIFSIGNALED(status)) { result.signaled = 1; result.signal_number = WTERMSIG(status); }
    return result;
}
