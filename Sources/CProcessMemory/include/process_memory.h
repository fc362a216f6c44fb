#ifndef PROCESS_MEMORY_H
#define PROCESS_MEMORY_H

/* The heap of the `factory` process (see process_memory.c). */
void process_memory_prepare(void);

#endif
