/*
 * The heap of the `factory` process: a short command that builds its whole registry at once
 * (10,000 bundles: ~17 MB in ~4,700 fresh 4 KiB pages, each a page fault for the kernel). The
 * heap grows in 64 MiB steps and asks for transparent huge pages (2 MiB), so a few hundred
 * faults and a few brk calls do what thousands did. Only the `factory` executable calls this;
 * the library, the TUI and applications keep the allocator's defaults.
 */
#define _GNU_SOURCE
#include "process_memory.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

enum { growth_step = 64 << 20, largest_from_heap = 32 << 20 };

void process_memory_prepare(void) {
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
