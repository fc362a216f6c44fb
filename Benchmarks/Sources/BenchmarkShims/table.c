#include "BenchmarkShims.h"

#include <dlfcn.h>
#include <time.h>

/* The part of planner_plugin.h this floor needs (the shims do not depend on the main package). */
typedef struct bench_instance bench_instance;
typedef struct {
    uint32_t abi_version, struct_size;
    char *(*describe)(void);
    bench_instance *(*create)(const char *configuration_json, char **error_json);
    char *(*plan)(bench_instance *instance, const char *objective_json, char **error_json);
    char *(*health)(bench_instance *instance);
    void (*destroy)(bench_instance *instance);
    void (*free_string)(char *string);
} bench_table;

int benchmark_table_plan_calls(const char *path, const char *configuration, const char *objective, int count,
                               int64_t *nanoseconds) {
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return -1;
    const bench_table *(*entry)(void) = (const bench_table *(*)(void))dlsym(handle, "planner_plugin_entry");
    if (entry == NULL) return -2;
    const bench_table *table = entry();
    char *error = NULL;
    bench_instance *instance = table ? table->create(configuration, &error) : NULL;
    if (error != NULL) table->free_string(error);
    if (instance == NULL) return -3;
    int result = 0;
    for (int index = 0; index < count; index++) {
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        char *plan = table->plan(instance, objective, &error);
        if (plan != NULL) table->free_string(plan);
        clock_gettime(CLOCK_MONOTONIC, &end);
        if (plan == NULL) {
            result = -4;
            break;
        }
        nanoseconds[index] = (int64_t)(end.tv_sec - start.tv_sec) * 1000000000 + (end.tv_nsec - start.tv_nsec);
    }
    table->destroy(instance);
    return result;  /* never dlclose: the factory does not either */
}
