#define _GNU_SOURCE
#include "clive.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

int clive_socket_path_max(void) {
    struct sockaddr_un address;
    return (int)sizeof(address.sun_path) - 1;
}

static int make_address(const char *path, struct sockaddr_un *address) {
    size_t length = strlen(path);
    if (length == 0 || length > (size_t)clive_socket_path_max()) return -ENAMETOOLONG;
    memset(address, 0, sizeof(*address));
    address->sun_family = AF_UNIX;
    memcpy(address->sun_path, path, length);
    return 0;
}

int clive_listen(const char *path, int backlog) {
    struct sockaddr_un address;
    int status = make_address(path, &address);
    if (status != 0) return status;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return -errno;
    // No umask change (it is process-wide): the folder is the caller's own (0700), so nobody
    // else can reach the socket before its mode is set.
    if (bind(fd, (struct sockaddr *)&address, sizeof(address)) != 0) {
        int error = errno;
        close(fd);
        return -error;
    }
    if (chmod(path, 0600) != 0 || listen(fd, backlog) != 0) {
        int error = errno;
        unlink(path);
        close(fd);
        return -error;
    }
    return fd;
}

int clive_connect(const char *path) {
    struct sockaddr_un address;
    int status = make_address(path, &address);
    if (status != 0) return status;
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return -errno;
    int result;
    do {
        result = connect(fd, (struct sockaddr *)&address, sizeof(address));
    } while (result != 0 && errno == EINTR);
    if (result != 0) {
        int error = errno;
        close(fd);
        return -error;
    }
    return fd;
}

int clive_accept(int listener, uid_t *uid, pid_t *pid) {
    int fd;
    do {
        fd = accept4(listener, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return -errno;
    struct ucred credentials;
    socklen_t size = sizeof(credentials);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) != 0 || size != sizeof(credentials)) {
        int error = errno ? errno : EPROTO;
        close(fd);
        return -error;
    }
    *uid = credentials.uid;
    *pid = credentials.pid;
    return fd;
}

long clive_send(int fd, const void *bytes, size_t count) {
    for (;;) {
        ssize_t sent = send(fd, bytes, count, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent >= 0) return (long)sent;
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
        return -errno;
    }
}

long clive_receive(int fd, void *bytes, size_t count) {
    for (;;) {
        ssize_t got = recv(fd, bytes, count, 0);
        if (got >= 0) return (long)got;
        if (errno == EINTR) continue;
        if (errno == EWOULDBLOCK) return -EAGAIN;
        return -errno;
    }
}

int clive_wait_readable(int fd, int milliseconds) {
    struct pollfd entry = {.fd = fd, .events = POLLIN};
    for (;;) {
        int ready = poll(&entry, 1, milliseconds);
        if (ready >= 0) return ready > 0 ? 1 : 0;
        if (errno != EINTR) return -errno;
    }
}

/// Whether the open file `fd` is still the file at `path`.
static int names_same_file(int fd, const char *path) {
    struct stat opened, named;
    if (fstat(fd, &opened) != 0 || lstat(path, &named) != 0) return 0;
    return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino;
}

int clive_lock(const char *path) {
    for (int attempt = 0; attempt < 8; attempt++) {
        int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0) return -errno;
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int error = errno;
            close(fd);
            return -error;
        }
        if (names_same_file(fd, path)) return fd;
        // A lister removed the file between open and flock: take the new one.
        close(fd);
    }
    return -EAGAIN;
}

int clive_probe_lock(const char *path, int *fd) {
    int opened = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (opened < 0) return -errno;
    if (flock(opened, LOCK_EX | LOCK_NB) != 0) {
        int error = errno;
        close(opened);
        return error == EWOULDBLOCK ? 1 : -error;
    }
    if (!names_same_file(opened, path)) {
        close(opened);
        return -ENOENT;
    }
    *fd = opened;
    return 0;
}

int clive_private_folder(const char *path) {
    if (mkdir(path, 0700) != 0 && errno != EEXIST) return -errno;
    struct stat info;
    if (lstat(path, &info) != 0) return -errno;
    if (!S_ISDIR(info.st_mode)) return -ENOTDIR;
    if (info.st_uid != geteuid()) return -EPERM;
    if ((info.st_mode & 077) != 0 && chmod(path, 0700) != 0) return -errno;
    return 0;
}

int clive_eventfd(void) {
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    return fd < 0 ? -errno : fd;
}

void clive_eventfd_signal(int fd) {
    uint64_t one = 1;
    ssize_t ignored = write(fd, &one, sizeof(one));
    (void)ignored;
}

void clive_eventfd_drain(int fd) {
    uint64_t value;
    ssize_t ignored = read(fd, &value, sizeof(value));
    (void)ignored;
}

long clive_read_file(const char *path, void *bytes, size_t capacity) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -errno;
    size_t total = 0;
    while (total < capacity) {
        ssize_t got = read(fd, (char *)bytes + total, capacity - total);
        if (got < 0) {
            if (errno == EINTR) continue;
            int error = errno;
            close(fd);
            return -error;
        }
        if (got == 0) break;
        total += (size_t)got;
    }
    close(fd);
    return (long)total;
}

int clive_is_own_socket(const char *path) {
    struct stat info;
    if (lstat(path, &info) != 0) return -errno;
    return S_ISSOCK(info.st_mode) && info.st_uid == geteuid();
}
