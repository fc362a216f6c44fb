#define _GNU_SOURCE
#include "csandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
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

static long long monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

csandbox_copy_result csandbox_copy_hashing(int source, const char *to, unsigned long long hash[2], long long budget,
                                           long long timeout_ns) {
    csandbox_copy_result result = { CSANDBOX_COPY_DONE, 0, 0 };
    if (timeout_ns <= 0) {
        result.status = CSANDBOX_COPY_TIMED_OUT;
        return result;
    }
    long long deadline = monotonic_ns() + timeout_ns;
    int target = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0755);
    if (target < 0) {
        result.status = CSANDBOX_COPY_WRITE_FAILED;
        result.error = errno;
        return result;
    }
    static __thread unsigned char buffer[1 << 16];
    for (;;) {
        if (monotonic_ns() > deadline) {
            result.status = CSANDBOX_COPY_TIMED_OUT;
            break;
        }
        ssize_t count = read(source, buffer, sizeof buffer);
        if (count < 0) {
            if (errno == EINTR) continue;
            result.status = CSANDBOX_COPY_READ_FAILED;
            result.error = errno;
            break;
        }
        if (count == 0) break;
        if (result.copied + count > budget) {
            result.status = CSANDBOX_COPY_TOO_LARGE;
            break;
        }
        absorb(hash, buffer, (size_t)count);
        int error = write_all(target, buffer, (size_t)count);
        if (error != 0) {
            result.status = CSANDBOX_COPY_WRITE_FAILED;
            result.error = error;
            break;
        }
        result.copied += count;
    }
    if (close(target) != 0 && result.status == CSANDBOX_COPY_DONE) {
        result.status = CSANDBOX_COPY_WRITE_FAILED;
        result.error = errno;
    }
    if (result.status != CSANDBOX_COPY_DONE) unlink(to);
    return result;
}

int csandbox_sync_file_system(int descriptor) {
    return syncfs(descriptor);
}
