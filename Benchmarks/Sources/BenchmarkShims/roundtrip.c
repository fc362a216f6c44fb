#define _GNU_SOURCE
#include "BenchmarkShims.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int64_t now_nanoseconds(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000000000 + now.tv_nsec;
}

/* Reads until a newline; 0 at the end of the input, -1 on an error. Async-signal-safe (the child
 * of a multithreaded process runs it). */
static int read_line(int descriptor, char *buffer, size_t capacity) {
    for (;;) {
        ssize_t got = read(descriptor, buffer, capacity);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return got == 0 ? 0 : -1;
        if (memchr(buffer, '\n', (size_t)got)) return 1;
    }
}

static int write_all(int descriptor, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t sent = write(descriptor, bytes, length);
        if (sent < 0 && errno == EINTR) continue;
        if (sent <= 0) return -1;
        bytes += sent;
        length -= (size_t)sent;
    }
    return 0;
}

int benchmark_pipe_round_trips(int count, int request_bytes, int reply_bytes, int64_t *nanoseconds) {
    if (count < 1 || request_bytes < 1 || reply_bytes < 1 || request_bytes > 65536 || reply_bytes > 65536) return EINVAL;
    char *request = malloc((size_t)request_bytes), *reply = malloc((size_t)reply_bytes), *buffer = malloc(65536);
    if (!request || !reply || !buffer) {
        free(request); free(reply); free(buffer);
        return ENOMEM;
    }
    memset(request, 'q', (size_t)request_bytes);
    request[request_bytes - 1] = '\n';
    memset(reply, 'r', (size_t)reply_bytes);
    reply[reply_bytes - 1] = '\n';
    int requests[2], replies[2];
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, requests) != 0) {
        free(request); free(reply); free(buffer);
        return errno;
    }
    if (pipe2(replies, O_CLOEXEC) != 0) {
        int error = errno;
        close(requests[0]); close(requests[1]);
        free(request); free(reply); free(buffer);
        return error;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int error = errno;
        close(requests[0]); close(requests[1]); close(replies[0]); close(replies[1]);
        free(request); free(reply); free(buffer);
        return error;
    }
    if (pid == 0) {
        close(requests[0]);
        close(replies[0]);
        while (read_line(requests[1], buffer, 65536) == 1) {
            if (write_all(replies[1], reply, (size_t)reply_bytes) != 0) _exit(1);
        }
        _exit(0);
    }
    close(requests[1]);
    close(replies[1]);
    int error = 0;
    for (int index = 0; index < count; index++) {
        int64_t start = now_nanoseconds();
        if (send(requests[0], request, (size_t)request_bytes, MSG_NOSIGNAL) != request_bytes
            || read_line(replies[0], buffer, 65536) != 1) {
            error = EPIPE;
            break;
        }
        nanoseconds[index] = now_nanoseconds() - start;
    }
    close(requests[0]);
    close(replies[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    free(request); free(reply); free(buffer);
    return error;
}
