#ifndef CSANDBOX_H
#define CSANDBOX_H

#include <stddef.h>
#include <sys/types.h>

/** How a sandboxed run ended. */
typedef struct csandbox_result {
    /** 0 when the child ran; otherwise the errno of what failed before it could (spawn, pipe). */
    int spawn_error;
    /** 1 when the deadline passed and the process group was killed. */
    int timed_out;
    /** 1 when the child exited normally, with `exit_code`. */
    int exited;
    int exit_code;
    /** 1 when a signal ended the child, `signal_number`. */
    int signaled;
    int signal_number;
    /** 1 when processes the child started were still running after it exited (they were killed). */
    int left_processes;
    /** Bytes of standard output kept (at most the buffer's capacity). */
    size_t output_length;
    /** How long the child took to end, in nanoseconds. */
    long long elapsed_ns;
} csandbox_result;

/**
 * Runs `path` with `argv` and `envp` in a new session (its own process group), standard input from
 * /dev/null, standard error discarded, and no descriptors but its standard output pipe. Waits for
 * its exit on a pidfd and reads its output without polling loops; at the deadline, and again after
 * it exits (a grandchild may hold the pipe), kills the whole process group with SIGKILL.
 */
csandbox_result csandbox_run(const char *path, char *const argv[], char *const envp[], long long timeout_ns,
                             char *output, size_t output_capacity);

/** How csandbox_copy_hashing ended. */
typedef enum csandbox_copy_status {
    /** Every byte was copied. */
    CSANDBOX_COPY_DONE = 0,
    /** Reading the source failed (`error`): the file's own fault. */
    CSANDBOX_COPY_READ_FAILED = 1,
    /** Creating, writing or closing the target failed (`error`, e.g. ENOSPC): the target folder's fault. */
    CSANDBOX_COPY_WRITE_FAILED = 2,
    /** The source had more than `budget` bytes (it grew since it was measured). */
    CSANDBOX_COPY_TOO_LARGE = 3,
    /** The deadline passed before the copy was done. */
    CSANDBOX_COPY_TIMED_OUT = 4,
} csandbox_copy_status;

typedef struct csandbox_copy_result {
    csandbox_copy_status status;
    /** The errno of the call that failed, for READ_FAILED and WRITE_FAILED. */
    int error;
    /** Bytes copied (all of them when DONE). */
    long long copied;
} csandbox_copy_result;

/**
 * Copies what can be read from the open descriptor `source` (a regular file) to the new file `to`
 * (mode 0755; it must not exist yet), mixing its length and bytes into `hash` (two 64-bit lanes,
 * not cryptographic: it names a content-addressed copy, it does not authenticate it). Stops at
 * more than `budget` bytes and when `timeout_ns` has passed (checked before each 64 KiB read);
 * a copy that did not finish is removed. Never closes `source`.
 */
csandbox_copy_result csandbox_copy_hashing(int source, const char *to, unsigned long long hash[2], long long budget,
                                           long long timeout_ns);

/** Flushes everything written to the file system holding the open `descriptor` (syncfs(2)): one
 *  call for a batch of writes. 0, or -1 with errno. */
int csandbox_sync_file_system(int descriptor);

/**
 * Arms crash recording for an in-process plugin load on the calling thread: until
 * csandbox_marker_disarm(), a SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE or SIGTRAP on this thread
 * appends "crashed-by-signal N" to `descriptor` (the load marker) before the previous handler runs.
 * The handlers are installed on first use and chain to what was installed before.
 */
void csandbox_marker_arm(int descriptor);
void csandbox_marker_disarm(void);

/**
 * Arms crash recording for one in-process call on the calling thread: a crash until
 * csandbox_marker_call_end() appends "crashed-by-signal N in PHASE" to `descriptor` (the marker the
 * instance holds). `phase` must be a string that lives forever ("create", "plan", "health").
 * Two thread-local stores: it costs nanoseconds. The handlers must have been installed by an
 * earlier csandbox_marker_arm() (the load of the same plugin).
 */
void csandbox_marker_call_begin(int descriptor, const char *phase);
void csandbox_marker_call_end(void);

/** A worker process started by csandbox_spawn_worker. */
typedef struct csandbox_worker {
    /** 0 when it started; otherwise the errno of what failed (socketpair, pipe, spawn). */
    int spawn_error;
    pid_t pid;
    /** A pidfd for the worker (readable when it exits), or -1 where the kernel has none. */
    int pidfd;
    /** Our end of its standard input: a stream socket, written with MSG_NOSIGNAL. */
    int input_fd;
    /** Our ends of its standard output and standard error (non-blocking pipes). */
    int output_fd;
    int error_fd;
} csandbox_worker;

/**
 * Starts `path` with `argv` and `envp` in a new session (its own process group), with default
 * signal handling and an empty signal mask, standard input a socket and standard output and
 * error pipes, and no other descriptors. All our ends are close-on-exec.
 */
csandbox_worker csandbox_spawn_worker(const char *path, char *const argv[], char *const envp[]);

/** Writes all of `length` bytes to a worker's input socket within `timeout_ms` (-1: no limit);
 *  0, ETIMEDOUT when the worker did not take them in time, or the errno (EPIPE when it is gone,
 *  or within 50 ms when its input was shut down meanwhile by another thread). */
int csandbox_send_all(int descriptor, const char *bytes, size_t length, int timeout_ms);

/** Waits up to `timeout_ms` (-1: forever) for the pidfd to be readable; 1 when it is, 0 on timeout. */
int csandbox_wait_readable(int descriptor, int timeout_ms);

/** Reaps `pid` without blocking: 1 with `*status` set when it ended, 0 when it still runs, -1 on error. */
int csandbox_reap(pid_t pid, int *status);

/** Decodes a wait status: 1 and `*code` when it exited, 2 and `*code` = the signal when one ended it. */
int csandbox_status_kind(int status, int *code);

/** Kills `pid`'s whole process group with `signal_number` (and `pid` itself). */
void csandbox_kill_group(pid_t pid, int signal_number);

#endif
