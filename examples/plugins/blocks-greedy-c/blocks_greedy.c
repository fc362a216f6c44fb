/* A plain C planner plugin; see grid-greedy-c/grid_greedy.c for what it does today. */
const char *blocks_greedy_name(void) { return "blocks-greedy-c"; }
