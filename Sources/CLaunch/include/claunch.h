/*
 * claunch.h — the sandbox launcher of factory-probe and factory-host.
 *
 * claunch_enter(), called first in main, turns the calling process into a tree of three:
 *
 *   outer   the process the factory spawned (in the factory's PID namespace). It passes SIGTERM,
 *           SIGINT and SIGHUP on, waits until everything below it has ended, reports processes
 *           it had to kill, removes a working folder, and finally ends exactly as the worker did
 *           (its exit code, or its signal).
 *   init    pid 1 of a new PID namespace (user + PID namespace when not root). When the worker
 *           ends it kills whatever else lives in the namespace; when init dies (the outer was
 *           killed: PR_SET_PDEATHSIG) the kernel kills the whole namespace, setsid() or not.
 *   worker  the only process for which claunch_enter returns (0); it probes, serves or execs.
 *
 * Without a namespace (it could not be made, or FACTORY_NO_NAMESPACE=1) there is no init: the
 * outer is a child subreaper, forks the worker itself and, once the worker ended, kills and reaps
 * every descendant left (they reparent to it). That fallback cannot catch a setsid() descendant
 * when the outer itself is SIGKILLed; the namespace can.
 *
 * The outer and init die with their parent (PR_SET_PDEATHSIG = SIGKILL); FACTORY_PROBE_PARENT
 * (a decimal pid), when set, must be the outer's parent, else it exits 3 at once. It is removed
 * from the environment. A launcher failure (no fork) exits 125 with a message on stderr.
 */
#ifndef CLAUNCH_H
#define CLAUNCH_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct claunch_options {
    /** Where the outer writes `{"left-processes": N}\n` when it had to kill N > 0 processes
     *  after the worker ended; -1 for nowhere. */
    int leftover_fd;
    /** RLIMIT_AS of the worker alone, in bytes; 0 for none (ignored under ThreadSanitizer). */
    uint64_t memory_limit;
    /** A folder the outer removes recursively once everything ended; NULL for none. */
    const char *remove_directory;
} claunch_options;

/** Builds outer → init → worker; returns 0 in the worker only. */
int claunch_enter(const claunch_options *options);

/** In the worker: 1 when it runs in a PID namespace of its own, else 0. */
int claunch_namespace_active(void);

/** In the worker: "pid", "user+pid" or "none" (the kind of namespace made). */
const char *claunch_namespace_kind(void);

#ifdef __cplusplus
}
#endif

#endif /* CLAUNCH_H */
