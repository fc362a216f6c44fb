#include "BenchmarkShims.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int64_t benchmark_floor_scan(const char *folder, int64_t *bytes) {
    DIR *directory = opendir(folder);
    if (directory == NULL) return -1;
    char path[4096];
    char buffer[4096];
    int64_t count = 0;
    int64_t total = 0;
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        int length = snprintf(path, sizeof path, "%s/%s/planner.json", folder, entry->d_name);
        if (length < 0 || (size_t)length >= sizeof path) continue;
        struct stat info;
        if (stat(path, &info) != 0) continue;
        int descriptor = open(path, O_RDONLY | O_CLOEXEC);
        if (descriptor < 0) continue;
        // Read to the end; a file no larger than the buffer that `stat` sized takes one read.
        int64_t read_here = 0;
        ssize_t got;
        while ((got = read(descriptor, buffer, sizeof buffer)) > 0) {
            read_here += got;
            if (read_here == (int64_t)info.st_size && got < (ssize_t)sizeof buffer) break;
        }
        close(descriptor);
        total += read_here;
        count += 1;
    }
    closedir(directory);
    if (bytes != NULL) *bytes = total;
    return count;
}

int64_t benchmark_stat_scan(const char *folder, const char *library) {
    DIR *directory = opendir(folder);
    if (directory == NULL) return -1;
    int folder_descriptor = dirfd(directory);
    char path[4096];
    int64_t count = 0;
    struct dirent *entry;
    while ((entry = readdir(directory)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        struct stat manifest, entry_file;
        int length = snprintf(path, sizeof path, "%s/planner.json", entry->d_name);
        if (length < 0 || (size_t)length >= sizeof path) continue;
        if (fstatat(folder_descriptor, path, &manifest, 0) != 0) continue;
        length = snprintf(path, sizeof path, "%s/%s", entry->d_name, library);
        if (length < 0 || (size_t)length >= sizeof path) continue;
        if (fstatat(folder_descriptor, path, &entry_file, 0) != 0) continue;
        count += 1;
    }
    closedir(directory);
    return count;
}
