#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static unsigned long long mix(unsigned long long lane, unsigned long long word, unsigned long long prime) {
    lane ^= word;
    lane *= prime;
    return lane ^ (lane >> 31);
}

static void absorb(unsigned long long hash[2], const unsigned char *bytes, size_t count) {
    size_t index = 0;
    for (; index + 8 <= count; index += 8) {
        unsigned long long word;
        memcpy(&word, bytes + index, 8);
        hash[0] = mix(hash[0], word, 0x9E3779B97F4A7C15ull);
        hash[1] = mix(hash[1], word ^ (hash[0] << 7), 0xC2B2AE3D27D4EB4Full);
    }
    unsigned long long tail = 0;
    memcpy(&tail, bytes + index, count - index);
    hash[0] = mix(hash[0], tail ^ (unsigned long long)count, 0x9E3779B97F4A7C15ull);
    hash[1] = mix(hash[1], tail + (unsigned long long)count, 0xC2B2AE3D27D4EB4Full);
}

static int write_all(int descriptor, const unsigned char *bytes, size_t count) {
    while (count > 0) {
        ssize_t written = write(descriptor, bytes, count);
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        bytes += written;
        count -= (size_t)written;
    }
    return 0;
}

int csandbox_copy_hashing(const char *from, const char *to, unsigned long long hash[2]) {
    int source = open(from, O_RDONLY | O_CLOEXEC);
    if (source < 0) return errno;
    int target = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
    if (target < 0) {
        int error = errno;
        close(source);
        return error;
    }
    static __thread unsigned char buffer[1 << 16];
    int error = 0;
    for (;;) {
        ssize_t count = read(source, buffer, sizeof buffer);
        if (count < 0) {
            if (errno == EINTR) continue;
            error = errno;
            break;
        }
        if (count == 0) break;
        absorb(hash, buffer, (size_t)count);
        error = write_all(target, buffer, (size_t)count);
        if (error != 0) break;
    }
    close(source);
    if (close(target) != 0 && error == 0) error = errno;
    if (error != 0) unlink(to);
    return error;
}
