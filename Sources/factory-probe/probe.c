/*
 * factory-probe: loads one plugin library in this throwaway process and reports on one JSON line
 * what happened, so that the factory never loads code that hangs or crashes. No Foundation, no
 * Swift runtime: it starts in a few milliseconds.
 *
 *   factory-probe [--smoke OBJECTIVE_JSON] LIBRARY
 *
 * Prints {"outcome": "...", "detail": "...", "descriptor": "...", "plan": "..."} and exits 0 when
 * the plugin loaded, its table matched the ABI and `describe` answered (and, with --smoke, `create`
 * with an empty configuration and `plan` for the objective succeeded); 1 for any reported failure;
 * 2 for a usage error. A crash or a hang is not reported here: the factory sees the signal or its
 * deadline passing.
 */
#include <dlfcn.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>
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
static int report_with_plan(const char *outcome, const char *detail, const char *descriptor, const char *plan) {
    fputs("{\"outcome\":", stdout);
    write_json_string(outcome);
    fputs(",\"abi\":", stdout);
    printf("%u", PLANNER_PLUGIN_ABI_VERSION);
    if (detail) { fputs(",\"detail\":", stdout); write_json_string(detail); }
    if (descriptor) { fputs(",\"descriptor\":", stdout); write_json_string(descriptor); }
    if (plan) { fputs(",\"plan\":", stdout); write_json_string(plan); }
    fputs("}\n", stdout);
    fflush(stdout);
    return strcmp(outcome, "ok") == 0 ? 0 : 1;
}

static int report(const char *outcome, const char *detail, const char *descriptor) {
    return report_with_plan(outcome, detail, descriptor, NULL);
}

/* --smoke: create an instance with an empty configuration and plan once. */
static int smoke(const planner_plugin_table *table, char *descriptor, const char *objective) {
    char *error = NULL;
    planner_instance *instance = table->create("{}", &error);
    if (!instance) {
        int status = report("create-failed", error ? error : "create returned no instance and no error", descriptor);
        if (error) table->free_string(error);
        return status;
    }
    char *plan = table->plan(instance, objective, &error);
    int status;
    if (!plan) {
        status = report("plan-failed", error ? error : "plan returned no plan and no error", descriptor);
        if (error) table->free_string(error);
    } else {
        status = report_with_plan("ok", NULL, descriptor, plan);
        table->free_string(plan);
    }
    table->destroy(instance);
    return status;
}

/* Sorts a dlopen failure into the outcomes the factory tells apart. */
static const char *classify_load_error(const char *message) {
    if (strstr(message, "undefined symbol")) return "undefined-dependency-symbol";
    if (strstr(message, "invalid ELF header") || strstr(message, "file too short") || strstr(message, "not an ELF"))
        return "not-a-shared-library";
    if (strstr(message, "No such file")) return "missing-file";
    return "load-error";
}

/* Dies with the process that started it: a factory killed while probing must not leave a probe
 * spinning in a plugin's hung constructor. FACTORY_PROBE_PARENT names that process, so a parent
 * that died before the prctl is noticed too. */
static void die_with_parent(void) {
    const char *expected = getenv("FACTORY_PROBE_PARENT");
    if (!expected) return;
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if ((long)getppid() != strtol(expected, NULL, 10)) _exit(3);
}

int main(int argc, char **argv) {
    die_with_parent();
    const char *objective = NULL;
    if (argc == 4 && strcmp(argv[1], "--smoke") == 0) {
        objective = argv[2];
    } else if (argc != 2) {
        fprintf(stderr, "usage: factory-probe [--smoke OBJECTIVE_JSON] LIBRARY\n");
        return 2;
    }
    const char *path = argv[argc - 1];
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
    int status = objective ? smoke(table, descriptor, objective) : report("ok", NULL, descriptor);
    table->free_string(descriptor);
    return status;
}
