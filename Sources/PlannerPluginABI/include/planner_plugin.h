/*
 * planner_plugin.h — the PlannerFactory plugin ABI, version 1.
 *
 * A plugin is a shared library that exports one C function, `planner_plugin_entry`, returning a
 * table of function pointers. Everything crossing the boundary is a C type; structured data is
 * UTF-8 JSON text (NUL-terminated). Strings a plugin returns belong to the plugin and are given
 * back with `free_string`. Plugin authors may copy this header.
 *
 *   describe()                  -> descriptor JSON: the fields of planner.json without "entry"
 *   create(configuration, &err) -> an instance, or NULL with *err = {"message": "..."}
 *   plan(instance, objective, &err)
 *                               -> plan JSON {"planner", "steps", "cost", "stats"}, or NULL with *err
 *   health(instance)            -> {"healthy": true|false, "detail": "..."}
 *   destroy(instance)           -> releases the instance
 *   free_string(string)         -> releases a string the plugin returned
 */
#ifndef PLANNER_PLUGIN_H
#define PLANNER_PLUGIN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The ABI version this header describes. */
#define PLANNER_PLUGIN_ABI_VERSION 1u

/** The name of the function every plugin exports. */
#define PLANNER_PLUGIN_ENTRY_SYMBOL "planner_plugin_entry"

/** An instance of a planner; opaque to the host. */
typedef struct planner_instance planner_instance;

/** The table a plugin's entry function returns. Lives as long as the library. */
typedef struct planner_plugin_table {
    /** PLANNER_PLUGIN_ABI_VERSION of the header the plugin was built with. */
    uint32_t abi_version;
    /** sizeof(planner_plugin_table) as the plugin saw it. */
    uint32_t struct_size;
    char *(*describe)(void);
    planner_instance *(*create)(const char *configuration_json, char **error_json);
    char *(*plan)(planner_instance *instance, const char *objective_json, char **error_json);
    char *(*health)(planner_instance *instance);
    void (*destroy)(planner_instance *instance);
    void (*free_string)(char *string);
} planner_plugin_table;

/** The type of `planner_plugin_entry`. */
typedef const planner_plugin_table *(*planner_plugin_entry_function)(void);

#ifdef __cplusplus
}
#endif

#endif /* PLANNER_PLUGIN_H */
