#ifndef CLIVE_H
#define CLIVE_H

#include <stddef.h>
#include <sys/types.h>

/// Unix-domain sockets, peer credentials, lock files and private folders for live publishing.
/// Every function returns a descriptor or 0 on success and -errno on failure (never sets a
/// signal handler; sends use MSG_NOSIGNAL).

/// The longest socket path that fits in sun_path (107 on Linux).
int clive_socket_path_max(void);

/// A listening socket bound at `path` (which must not exist), mode 0600, non-blocking,
/// close-on-exec. Returns the descriptor or -errno.
int clive_listen(const char *path, int backlog);

/// A connected, blocking, close-on-exec socket to `path`, or -errno (-ECONNREFUSED when nobody
/// listens, -ENOENT when there is no socket).
int clive_connect(const char *path);

/// Accepts one connection (non-blocking, close-on-exec) and reads its peer's credentials.
/// Returns the descriptor or -errno (-EAGAIN when none is waiting).
int clive_accept(int listener, uid_t *uid, pid_t *pid);

/// Sends what the socket takes now, without blocking. Returns the bytes sent (0 when it takes
/// nothing now) or -errno (-EPIPE when the peer is gone).
long clive_send(int fd, const void *bytes, size_t count);

/// Reads what is there. Returns the bytes read, 0 at the end, -EAGAIN when nothing is there
/// on a non-blocking socket, or -errno.
long clive_receive(int fd, void *bytes, size_t count);

/// Waits until `fd` is readable or `milliseconds` pass (-1: forever). Returns 1 readable (or
/// closed), 0 timed out, -errno.
int clive_wait_readable(int fd, int milliseconds);

/// Opens (creating, mode 0600) and locks `path` exclusively without waiting, and checks that the
/// path still names the locked file (not one a lister removed meanwhile). Returns the descriptor,
/// -EWOULDBLOCK when another holder has it, or -errno.
int clive_lock(const char *path);

/// Whether `path`'s lock is held by another descriptor: 1 held, 0 free (the file exists and
/// nobody holds it), -errno when it cannot be told (-ENOENT, -EACCES). When it returns 0 the lock
/// is held by the returned descriptor in `*fd` (the caller removes the files, then closes it).
int clive_probe_lock(const char *path, int *fd);

/// Makes `path` a folder only the caller can enter: creates it (0700) when missing; refuses a
/// link, a non-folder, or a folder of another owner (-EPERM); tightens a looser mode of one of
/// the caller's own to 0700. Returns 0 or -errno.
int clive_private_folder(const char *path);

/// An eventfd (non-blocking, close-on-exec) to wake a poll loop, or -errno.
int clive_eventfd(void);
/// Adds 1 to an eventfd (wakes its poller).
void clive_eventfd_signal(int fd);
/// Empties an eventfd.
void clive_eventfd_drain(int fd);

/// Reads up to `capacity` bytes of a file whose size the kernel does not report (/proc files).
/// Returns the bytes read or -errno.
long clive_read_file(const char *path, void *bytes, size_t capacity);

/// Whether `path` is a socket owned by the caller's uid: 1 yes, 0 no, -errno.
int clive_is_own_socket(const char *path);

#endif
