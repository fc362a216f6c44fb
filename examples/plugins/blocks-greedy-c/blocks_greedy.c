/* blocks-greedy-c: a placeholder until its planner is written against planner_plugin.h. It
 * exports no planner_plugin_entry, so a probe reports "missing-entry-symbol"; discovery lists and
 * ranks it from planner.json alone. */
const char *blocks_greedy_name(void) { return "blocks-greedy-c"; }
