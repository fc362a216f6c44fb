/* blocks-greedy-c: the fault gallery's missing-entry-symbol example (see the blocks-world-swift
 * bundle for a blocks planner that works). A library with code in it but no planner_plugin_entry,
 * as one built before its author wrote the entry point would be: the probe loads it, finds no
 * entry symbol, and the plugin is quarantined (missing-entry-symbol). */
const char *blocks_greedy_name(void) { return "blocks-greedy-c"; }
