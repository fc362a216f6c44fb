#include "BenchmarkShims.h"

#include <dlfcn.h>

int benchmark_load_library(const char *path, const char *symbol) {
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (handle == NULL) return -1;
    const void *(*entry)(void) = (const void *(*)(void))dlsym(handle, symbol);
    if (entry == NULL) return -2;
    return entry() == NULL ? -3 : 0;  /* never dlclose: the factory does not either */
}
