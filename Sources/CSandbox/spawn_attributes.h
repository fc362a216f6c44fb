/* spawn_attributes.h — what every child the sandbox spawns gets (internal to CSandbox). */
#ifndef CSANDBOX_SPAWN_ATTRIBUTES_H
#define CSANDBOX_SPAWN_ATTRIBUTES_H

#include <signal.h>
#include <spawn.h>

/* A session of its own (a terminal's Ctrl-C reaches the factory, not the child), no blocked
 * signals and every signal at its default disposition, whatever the spawning thread had. */
static inline void csandbox_init_spawn_attributes(posix_spawnattr_t *attributes) {
    posix_spawnattr_init(attributes);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(attributes, &none);
    posix_spawnattr_setsigdefault(attributes, &all);
    posix_spawnattr_setflags(attributes, POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
}

#endif
