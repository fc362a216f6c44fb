// floor-scan FOLDER
//
// The whole-process floor of `factory rank --no-probe`: a C process that lists FOLDER and stats,
// opens, reads and closes every `<entry>/planner.json` (benchmark_floor_scan), then prints how
// many it read. No parsing, no ranking, no Swift runtime.
#include <stdio.h>

#include "BenchmarkShims.h"

int main(int argc, char *argv[]) {
    if (argc != 2) {
        fprintf(stderr, "usage: floor-scan FOLDER\n");
        return 2;
    }
    int64_t bytes = 0;
    int64_t count = benchmark_floor_scan(argv[1], &bytes);
    if (count < 0) {
        perror(argv[1]);
        return 1;
    }
    printf("%lld manifests, %lld bytes\n", (long long)count, (long long)bytes);
    return 0;
}
