/*
 * factory-probe: loads one plugin library in this throwaway process and reports on one JSON line
 * what happened, so that the factory never loads code that hangs or crashes. No Foundation, no
 * Swift runtime: it starts in a few milliseconds.
 *
 *   factory-probe LIBRARY
 *
 * Prints {"outcome": "...", "detail": "...", "descriptor": "..."} and exits 0 when the plugin
 * loaded, its table matched the ABI and `describe` answered; 1 for any reported failure; 2 for a
 * usage error. A crash or a hang is not reported here: the factory sees the signal or its
 * deadline passing.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "planner_plugin.h"

/* Writes `text` as a JSON string (with quotes). */
static void write_json_string(const char *text) {
    putchar('"');
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        switch (*c) {
        case '"': fputs("\\\"", stdout); break;
        case '\\': fputs("\\\\", stdout); break;
        case '\n': fputs("\\n", stdout); break;
        case '\r': fputs("\\r", stdout); break;
        case '\t': fputs("\\t", stdout); break;
        default:
            if (*c < 0x20) printf("\\u%04x", *c); else putchar(*c);
        }
    }
    putchar('"');
}

/* Prints the report line and returns the exit status. */
static int report(const char *outcome, const char *detail, const char *descriptor) {
    fputs("{\"outcome\":", stdout);
    write_json_string(outcome);
    fputs(",\"abi\":", stdout);
    printf("%u", PLANNER_PLUGIN_ABI_VERSION);
    if (detail) { fputs(",\"detail\":", stdout); write_json_string(detail); }
    if (descriptor) { fputs(",\"descriptor\":", stdout); write_json_string(descriptor); }
    fputs("}\n", stdout);
    fflush(stdout);
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

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: factory-probe LIBRARY\n");
        return 2;
    }
    void *library = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
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
