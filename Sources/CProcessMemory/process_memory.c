/*
 * The heap of the `factory` process: a short command that builds its whole registry at once
 * (10,000 bundles: ~17 MB in ~4,300 fresh 4 KiB pages, each a page fault for the kernel, ~3 µs on
 * a virtual machine). The heap grows in 64 MiB steps and the part grown at start is advised
 * MADV_HUGEPAGE, so ~1,100 faults and a few brk calls do what thousands did. Only the `factory`
 * executable calls this; the library, the TUI and applications keep the allocator's defaults.
 *
 * What a long command (`telemetry --follow`, `select --repeat`, a plan) keeps: blocks up to 32 MiB
 * come from the heap and up to 128 MiB free at its top stay mapped, which is where glibc's own
 * dynamic thresholds end up once a program frees a large block. A user's own malloc settings win:
 * with a `glibc.malloc.` tunable in GLIBC_TUNABLES or any MALLOC_ variable, nothing is changed.
 */
#define _GNU_SOURCE
#include "process_memory.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

extern char **environ;

enum { growth_step = 64 << 20, largest_from_heap = 32 << 20 };

static int user_tunes_malloc(void) {
    const char *tunables = getenv("GLIBC_TUNABLES");
    if (tunables != NULL && strstr(tunables, "glibc.malloc.") != NULL) return 1;
    for (char **entry = environ; entry != NULL && *entry != NULL; entry++) {
        if (strncmp(*entry, "MALLOC_", 7) == 0) return 1;
    }
    return 0;
}

void process_memory_prepare(void) {
    if (user_tunes_malloc()) return;
    /* Large arrays (a 10,000-bundle scan's results: a few MB) come from the heap too, not from
       mmap. The worker threads keep their own heaps (one shared heap was no faster: its lock). */
    mallopt(M_MMAP_THRESHOLD, largest_from_heap);
    mallopt(M_TRIM_THRESHOLD, 2 * growth_step);
    mallopt(M_TOP_PAD, growth_step);
    long page = sysconf(_SC_PAGESIZE);
    void *before = sbrk(0);
    if (page <= 0 || before == (void *)-1) return;
    /* More than the start-up heap has left: the heap grows by this and the step now, and the
       new part gets the advice. */
    void *volatile probe = malloc(1 << 20);  /* volatile: kept, not optimized away with its free */
    void *after = sbrk(0);
    if (after != (void *)-1) {
        uintptr_t start = ((uintptr_t)before + (uintptr_t)page - 1) / (uintptr_t)page * (uintptr_t)page;
        uintptr_t end = (uintptr_t)after / (uintptr_t)page * (uintptr_t)page;
        /* Advice only: where huge pages are off or scarce, small pages are used as before. */
        if (end > start) madvise((void *)start, end - start, MADV_HUGEPAGE);
    }
    free(probe);
}
