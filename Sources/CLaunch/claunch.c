/*
 * claunch.c — the sandbox launcher (see include/claunch.h): outer → init (pid 1 of a new PID
 * namespace) → worker, so that nothing the worker starts outlives it, even a setsid() grandchild,
 * and even when the factory is SIGKILLed.
 */
#define _GNU_SOURCE
#include "claunch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <linux/capability.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define CLAUNCH_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define CLAUNCH_SANITIZER 1
#endif
#endif

enum { NAMESPACE_NONE = 0, NAMESPACE_PID = 1, NAMESPACE_USER_PID = 2 };

/* The signals the outer (and init) pass on to the process below them. They and SIGCHLD stay
 * blocked in the outer and init, which take them synchronously with sigwaitinfo(): no handlers
 * (so nothing is deferred, as ThreadSanitizer defers handlers), and a blocked signal reaches even
 * pid 1 of a namespace, which would drop one it has no handler for. */
static const int forwarded_signals[] = {SIGTERM, SIGINT, SIGHUP};
#define FORWARDED_COUNT ((int)(sizeof forwarded_signals / sizeof forwarded_signals[0]))

static int namespace_kind = NAMESPACE_NONE;

/* What the worker gets back: the caller's signal mask and SIGCHLD disposition. */
static sigset_t original_mask;
static struct sigaction original_sigchld;

int claunch_namespace_active(void) { return namespace_kind != NAMESPACE_NONE; }

const char *claunch_namespace_kind(void) {
    switch (namespace_kind) {
    case NAMESPACE_PID: return "pid";
    case NAMESPACE_USER_PID: return "user+pid";
    default: return "none";
    }
}

static _Noreturn void fail(const char *what) {
    dprintf(2, "claunch: %s: %s\n", what, strerror(errno));
    _exit(125);
}

/* Waits until `child` ends, passing forwarded signals on to it; reaps any other child that ends
 * meanwhile. Returns its wait status. */
static int wait_forwarding(pid_t child, const sigset_t *waited) {
    for (;;) {
        int status;
        pid_t ended;
        while ((ended = waitpid(-1, &status, WNOHANG)) > 0)
            if (ended == child) return status;
        if (ended < 0 && errno == ECHILD) return 125 << 8;
        int signal_number = sigwaitinfo(waited, NULL);
        if (signal_number > 0 && signal_number != SIGCHLD) kill(child, signal_number);
    }
}

/* In a new child: the caller's signal state back. */
static void restore_signals(void) {
    sigaction(SIGCHLD, &original_sigchld, NULL);
    sigprocmask(SIG_SETMASK, &original_mask, NULL);
}

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    size_t length = strlen(text);
    ssize_t written = write(fd, text, length);
    close(fd);
    return written == (ssize_t)length ? 0 : -1;
}

/* A PID namespace for the children of this process: as root (CAP_SYS_ADMIN) a plain one, else
 * one owned by a new user namespace that maps our uid and gid to themselves. */
static int make_namespace(void) {
    const char *off = getenv("FACTORY_NO_NAMESPACE");
    if (off && *off && strcmp(off, "0") != 0) return NAMESPACE_NONE;
    if (unshare(CLONE_NEWPID) == 0) return NAMESPACE_PID;
    uid_t uid = geteuid();
    gid_t gid = getegid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWPID) != 0) return NAMESPACE_NONE;
    char map[64];
    write_file("/proc/self/setgroups", "deny");  /* absent before Linux 3.19: then not needed */
    snprintf(map, sizeof map, "%u %u 1", (unsigned)uid, (unsigned)uid);
    if (write_file("/proc/self/uid_map", map) != 0) fail("cannot write /proc/self/uid_map");
    snprintf(map, sizeof map, "%u %u 1", (unsigned)gid, (unsigned)gid);
    if (write_file("/proc/self/gid_map", map) != 0) fail("cannot write /proc/self/gid_map");
    return NAMESPACE_USER_PID;
}

/* Last steps in the worker: no capabilities from a user namespace, the memory limit. */
static void become_worker(const claunch_options *options) {
    (void)options;
    if (namespace_kind == NAMESPACE_USER_PID) {
        struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
        struct __user_cap_data_struct data[2];
        memset(data, 0, sizeof data);
        syscall(SYS_capset, &header, data);
    }
#ifndef CLAUNCH_SANITIZER
    if (options->memory_limit > 0) {
        struct rlimit limit;
        if (getrlimit(RLIMIT_AS, &limit) == 0) {
            rlim_t wanted = (rlim_t)options->memory_limit;
            if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted) wanted = limit.rlim_max;
            limit.rlim_cur = wanted;
            limit.rlim_max = wanted;
            setrlimit(RLIMIT_AS, &limit);
        }
    }
#endif
}

/* --- fallback (no namespace): the outer is a subreaper and kills its children itself --- */

/* Sends SIGKILL to every child of this (single-threaded) process; returns how many. */
static int kill_children(void) {
    int killed = 0;
    char path[64];
    snprintf(path, sizeof path, "/proc/self/task/%d/children", (int)getpid());
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char buffer[4096];
        char carry[16];
        size_t carried = 0;
        ssize_t got;
        while ((got = read(fd, buffer, sizeof buffer)) > 0 || (got < 0 && errno == EINTR)) {
            for (ssize_t i = 0; i < got; i++) {
                char c = buffer[i];
                if (c >= '0' && c <= '9') {
                    if (carried < sizeof carry - 1) carry[carried++] = c;
                } else if (carried) {
                    carry[carried] = 0;
                    if (kill((pid_t)atoi(carry), SIGKILL) == 0) killed++;
                    carried = 0;
                }
            }
        }
        if (carried) {
            carry[carried] = 0;
            if (kill((pid_t)atoi(carry), SIGKILL) == 0) killed++;
        }
        close(fd);
        return killed;
    }
    /* No CONFIG_PROC_CHILDREN: scan /proc/<pid>/stat for our children. */
    DIR *proc = opendir("/proc");
    if (!proc) return 0;
    pid_t self = getpid();
    struct dirent *entry;
    while ((entry = readdir(proc))) {
        if (entry->d_name[0] < '1' || entry->d_name[0] > '9') continue;
        char stat_path[300], text[512];
        snprintf(stat_path, sizeof stat_path, "/proc/%s/stat", entry->d_name);
        int stat_fd = open(stat_path, O_RDONLY | O_CLOEXEC);
        if (stat_fd < 0) continue;
        ssize_t got = read(stat_fd, text, sizeof text - 1);
        close(stat_fd);
        if (got <= 0) continue;
        text[got] = 0;
        char *end = strrchr(text, ')');
        char state;
        int parent;
        if (!end || sscanf(end + 1, " %c %d", &state, &parent) != 2) continue;
        if (parent == self && state != 'Z' && kill((pid_t)atoi(entry->d_name), SIGKILL) == 0) killed++;
    }
    closedir(proc);
    return killed;
}

/* Once the worker ended: kills and reaps every descendant left (orphans reparent to the
 * subreaper), until none is left. Returns how many it killed. */
static int sweep_descendants(void) {
    int killed = 0;
    for (;;) {
        while (waitpid(-1, NULL, WNOHANG) > 0) {}
        killed += kill_children();
        /* Blocks until one of them is gone: its own children are ours before it can be reaped. */
        pid_t ended = waitpid(-1, NULL, 0);
        if (ended < 0 && errno == ECHILD) break;
    }
    return killed;
}

/* --- the end of the outer --- */

static int remove_entry(const char *path, const struct stat *info, int kind, struct FTW *where) {
    (void)info;
    (void)where;
    if (kind == FTW_DP || kind == FTW_DNR) rmdir(path); else unlink(path);
    return 0;
}

static _Noreturn void finish(int status, int killed, const claunch_options *options) {
    signal(SIGPIPE, SIG_IGN);  /* a reader that went away must not change how we end */
    if (options->leftover_fd >= 0 && killed > 0) dprintf(options->leftover_fd, "{\"left-processes\": %d}\n", killed);
    if (options->remove_directory && *options->remove_directory)
        nftw(options->remove_directory, remove_entry, 32, FTW_DEPTH | FTW_PHYS);
    if (WIFEXITED(status)) _exit(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        int signal_number = WTERMSIG(status);
        struct rlimit no_core = {0, 0};
        setrlimit(RLIMIT_CORE, &no_core);  /* the worker dumped its own core, if any */
        signal(signal_number, SIG_DFL);
        sigset_t only;
        sigemptyset(&only);
        sigaddset(&only, signal_number);
        sigprocmask(SIG_UNBLOCK, &only, NULL);
        raise(signal_number);
        _exit(128 + signal_number);
    }
    _exit(125);
}

/* --- init: pid 1 of the namespace --- */

static void run_init(int status_fd, const sigset_t *waited, const claunch_options *options) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    /* The outer holds the only read end: POLLERR on our write end means it is already gone. */
    struct pollfd outer = {status_fd, POLLOUT, 0};
    if (poll(&outer, 1, 0) == 1 && (outer.revents & POLLERR)) _exit(125);
    pid_t worker = fork();
    if (worker < 0) fail("fork");
    if (worker == 0) {
        close(status_fd);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        restore_signals();
        become_worker(options);
        return;
    }
    int status = wait_forwarding(worker, waited);
    while (waitpid(-1, NULL, WNOHANG) > 0) {}  /* those that ended by themselves */
    int killed = 0;
    /* kill(-1) from pid 1 of a namespace reaches every other process of that namespace and
     * nothing outside it. Anywhere else it would reach every process we may signal: never. */
    if (getpid() == 1 && kill(-1, SIGKILL) == 0) {
        for (;;) {
            pid_t ended = waitpid(-1, NULL, 0);
            if (ended > 0) killed++;
            else if (errno != EINTR) break;
        }
    }
    int record[2] = {status, killed};
    ssize_t written;
    do written = write(status_fd, record, sizeof record); while (written < 0 && errno == EINTR);
    _exit(0);
}

/* --- the entry point --- */

int claunch_enter(const claunch_options *options) {
    static const claunch_options defaults = {-1, 0, NULL};
    if (!options) options = &defaults;

    /* Forwarded signals and SIGCHLD are taken with sigwaitinfo from now on (the worker gets the
     * caller's mask back); SIGCHLD must not be ignored, or children would not be waited for. */
    sigset_t waited;
    sigemptyset(&waited);
    for (int i = 0; i < FORWARDED_COUNT; i++) sigaddset(&waited, forwarded_signals[i]);
    sigaddset(&waited, SIGCHLD);
    sigprocmask(SIG_BLOCK, &waited, &original_mask);
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigaction(SIGCHLD, &default_action, &original_sigchld);

    namespace_kind = make_namespace();

    /* Die with the parent; a parent that died before the prctl is caught by the check. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    const char *expected = getenv("FACTORY_PROBE_PARENT");
    if (expected) {
        if ((long)getppid() != strtol(expected, NULL, 10)) _exit(3);
        unsetenv("FACTORY_PROBE_PARENT");
    }

    if (namespace_kind != NAMESPACE_NONE) {
        int status_pipe[2];
        if (pipe2(status_pipe, O_CLOEXEC) != 0) fail("pipe");
        pid_t init = fork();
        if (init < 0) fail("fork");
        if (init == 0) {
            close(status_pipe[0]);
            run_init(status_pipe[1], &waited, options);
            return 0;  /* the worker */
        }
        close(status_pipe[1]);
        int init_status = wait_forwarding(init, &waited);
        int record[2];
        ssize_t got;
        do got = read(status_pipe[0], record, sizeof record); while (got < 0 && errno == EINTR);
        if (got == (ssize_t)sizeof record) finish(record[0], record[1], options);
        finish(init_status, 0, options);  /* init died before it could tell (it was killed) */
    }

    /* No namespace: a subreaper that forks the worker itself. */
    prctl(PR_SET_CHILD_SUBREAPER, 1);
    pid_t outer = getpid();
    pid_t worker = fork();
    if (worker < 0) fail("fork");
    if (worker == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != outer) _exit(125);
        restore_signals();
        become_worker(options);
        return 0;
    }
    int status = wait_forwarding(worker, &waited);
    finish(status, sweep_descendants(), options);
}
