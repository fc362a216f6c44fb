/*
 * factory-probe: loads one plugin library in this throwaway process and reports on one JSON line
 * what happened, so that the factory never loads code that hangs or crashes. No Foundation, no
 * Swift runtime: it starts in a few milliseconds.
 *
 *   factory-probe LIBRARY
 *
 * Prints {"started": 1} before it loads the library, then {"outcome": "...", "detail": "...",
 * "descriptor": "..."}, and exits 0 when the plugin
 * loaded, its table matched the ABI and `describe` answered; 1 for any reported failure; 2 for a
 * usage error (`create` and `plan` are tried by `factory validate` in a worker, factory-host).
 * A crash or a hang is not reported here: the factory sees the signal or its
 * deadline passing. The first line tells the plugin's faults from the helper's: a probe that
 * ends after it without a report was ended by the library (an exit() in a constructor or in
 * describe); one that ends without it never got to load the library.
 *
 * It runs under the sandbox launcher (CLaunch): the library is loaded in a worker process, alone in
 * a PID namespace of its own when one can be made, so that whatever the plugin starts is killed
 * when the worker ends; the launcher then adds a line {"left-processes": N} when it had to kill N
 * processes, and ends with the worker's exit code or signal. The report goes to a private
 * descriptor (a copy of the standard output taken before the library is loaded), and descriptor 1
 * is pointed at standard error, so a plugin printing to stdout cannot corrupt the report.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claunch.h"
#include "planner_plugin.h"

/* The report's own stream (a private copy of the standard output). */
static FILE *report_file;

#define putc_report(c) putc((c), report_file)

/* Writes `text` as a JSON string (with quotes). */
static void write_json_string(const char *text) {
    putc_report('"');
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        switch (*c) {
        case '"': fputs("\\\"", report_file); break;
        case '\\': fputs("\\\\", report_file); break;
        case '\n': fputs("\\n", report_file); break;
        case '\r': fputs("\\r", report_file); break;
        case '\t': fputs("\\t", report_file); break;
        default:
            if (*c < 0x20) fprintf(report_file, "\\u%04x", *c); else putc_report(*c);
        }
    }
    putc_report('"');
}

/* Prints the report line and returns the exit status. */
static int report(const char *outcome, const char *detail, const char *descriptor) {
    fputs("{\"outcome\":", report_file);
    write_json_string(outcome);
    fputs(",\"abi\":", report_file);
    fprintf(report_file, "%u", PLANNER_PLUGIN_ABI_VERSION);
    if (detail) { fputs(",\"detail\":", report_file); write_json_string(detail); }
    if (descriptor) { fputs(",\"descriptor\":", report_file); write_json_string(descriptor); }
    fputs("}\n", report_file);
    fflush(report_file);
    return strcmp(outcome, "ok") == 0 ? 0 : 1;
}


/* Sorts a dlopen failure into the outcomes the factory tells apart. */
static const char *classify_load_error(const char *message) {
    if (strstr(message, "undefined symbol")) return "undefined-dependency-symbol";
    if (strstr(message, "invalid ELF header") || strstr(message, "file too short") || strstr(message, "not an ELF"))
        return "not-a-shared-library";
    if (strstr(message, "No such file")) return "missing-file";
    return "load-error";
}

/* Moves the report to a private descriptor and points descriptor 1 at standard error. */
static int private_report(void) {
    int report_fd = fcntl(1, F_DUPFD_CLOEXEC, 10);
    if (report_fd < 0) return -1;
    if (dup2(2, 1) < 0) return -1;
    report_file = fdopen(report_fd, "w");
    return report_file ? 0 : -1;
}

int main(int argc, char **argv) {
    /* Outer and init never return; a factory killed while probing takes the whole tree with it
     * (the launcher checks FACTORY_PROBE_PARENT and dies with its parent). */
    claunch_options launch = {.leftover_fd = 1, .memory_limit = 0, .remove_directory = NULL};
    claunch_enter(&launch);
    if (argc != 2) {
        fprintf(stderr, "usage: factory-probe LIBRARY\n");
        return 2;
    }
    const char *path = argv[1];
    if (private_report() != 0) {
        perror("factory-probe: cannot set up the report descriptor");
        return 2;
    }
    fputs("{\"started\": 1}\n", report_file);
    fflush(report_file);
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *message = dlerror();
        if (!message) message = "dlopen failed";
        return report(classify_load_error(message), message, NULL);
    }
    dlerror();
    planner_plugin_entry_function entry = (planner_plugin_entry_function)dlsym(library, PLANNER_PLUGIN_ENTRY_SYMBOL);
    if (!entry) {
        return report("missing-entry-symbol", "the library does not export " PLANNER_PLUGIN_ENTRY_SYMBOL, NULL);
    }
    const planner_plugin_table *table = entry();
    if (!table) return report("abi-mismatch", PLANNER_PLUGIN_ENTRY_SYMBOL " returned no table", NULL);
    if (table->abi_version != PLANNER_PLUGIN_ABI_VERSION || table->struct_size < sizeof(planner_plugin_table)) {
        char detail[160];
        snprintf(detail, sizeof detail, "the plugin speaks ABI version %u (table of %u bytes); this factory speaks %u (%zu bytes)",
                 table->abi_version, table->struct_size, PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table));
        return report("abi-mismatch", detail, NULL);
    }
    if (!table->describe || !table->create || !table->plan || !table->health || !table->destroy || !table->free_string) {
        return report("abi-mismatch", "the table has a missing function", NULL);
    }
    char *descriptor = table->describe();
    if (!descriptor) return report("invalid-descriptor", "describe returned nothing", NULL);
    int status = report("ok", NULL, descriptor);
    table->free_string(descriptor);
    return status;
}
