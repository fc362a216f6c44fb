#define _GNU_SOURCE
#include "csandbox.h"
#include "spawn_attributes.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void close_pair(int pair[2]) {
    if (pair[0] >= 0) close(pair[0]);
    if (pair[1] >= 0) close(pair[1]);
}

csandbox_worker csandbox_spawn_worker(const char *path, char *const argv[], char *const envp[]) {
    csandbox_worker worker;
    memset(&worker, 0, sizeof worker);
    worker.pidfd = worker.input_fd = worker.output_fd = worker.error_fd = -1;
    int input[2] = {-1, -1}, output[2] = {-1, -1}, error[2] = {-1, -1};
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, input) != 0 || pipe2(output, O_CLOEXEC) != 0 ||
        pipe2(error, O_CLOEXEC) != 0) {
        worker.spawn_error = errno;
        close_pair(input); close_pair(output); close_pair(error);
        return worker;
    }
    /* The worker only reads its standard input. */
    shutdown(input[1], SHUT_WR);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, input[1], 0);
    posix_spawn_file_actions_adddup2(&actions, output[1], 1);
    posix_spawn_file_actions_adddup2(&actions, error[1], 2);
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    posix_spawn_file_actions_addclosefrom_np(&actions, 3);
#endif
    posix_spawnattr_t attributes;
    csandbox_init_spawn_attributes(&attributes);

    pid_t pid;
    int spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    close(input[1]);
    close(output[1]);
    close(error[1]);
    if (spawned != 0) {
        close(input[0]); close(output[0]); close(error[0]);
        worker.spawn_error = spawned;
        return worker;
    }
    shutdown(input[0], SHUT_RD);
    fcntl(output[0], F_SETFL, fcntl(output[0], F_GETFL) | O_NONBLOCK);
    fcntl(error[0], F_SETFL, fcntl(error[0], F_GETFL) | O_NONBLOCK);
    worker.pid = pid;
    worker.pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (worker.pidfd >= 0) fcntl(worker.pidfd, F_SETFD, FD_CLOEXEC);
    worker.input_fd = input[0];
    worker.output_fd = output[0];
    worker.error_fd = error[0];
    return worker;
}

static long long monotonic_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}

int csandbox_send_all(int descriptor, const char *bytes, size_t length, int timeout_ms) {
    long long deadline = timeout_ms < 0 ? -1 : monotonic_ms() + timeout_ms;
    while (length > 0) {
        ssize_t sent = send(descriptor, bytes, length, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent >= 0) {
            bytes += sent;
            length -= (size_t)sent;
            continue;
        }
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) return errno;
        /* Short waits: a shutdown of the socket by another thread does not wake a poll for
           POLLOUT, but the next send then fails with EPIPE. */
        int wait_ms = 50;
        if (deadline >= 0) {
            long long left = deadline - monotonic_ms();
            if (left <= 0) return ETIMEDOUT;
            if (left < wait_ms) wait_ms = (int)left;
        }
        struct pollfd entry = {.fd = descriptor, .events = POLLOUT};
        if (poll(&entry, 1, wait_ms) < 0 && errno != EINTR) return errno;
    }
    return 0;
}

int csandbox_wait_readable(int descriptor, int timeout_ms) {
    struct pollfd entry = {.fd = descriptor, .events = POLLIN};
    for (;;) {
        int ready = poll(&entry, 1, timeout_ms);
        if (ready < 0 && errno == EINTR) continue;
        return ready > 0 ? 1 : 0;
    }
}

int csandbox_reap(pid_t pid, int *status) {
    for (;;) {
        pid_t got = waitpid(pid, status, WNOHANG);
        if (got == pid) return 1;
        if (got == 0) return 0;
        if (errno == EINTR) continue;
        return -1;
    }
}

int csandbox_status_kind(int status, int *code) {
    if (WIFEXITED(status)) { *code = WEXITSTATUS(status); return 1; }
    if (WIFSIGNALED(status)) { *code = WTERMSIG(status); return 2; }
    *code = 0;
    return 0;
}

void csandbox_kill_group(pid_t pid, int signal_number) {
    if (pid <= 0) return;
    kill(-pid, signal_number);
    kill(pid, signal_number);
}
