/* A plain C planner plugin. Until the plugin ABI lands (see README, "Roadmap"), this library only
 * proves that the bundle's library is a real shared object built by a C compiler; PlannerFactory
 * discovers and ranks it from planner.json without running any of its code. */
#include <string.h>

const char *grid_greedy_name(void) { return "grid-greedy-c"; }

int grid_greedy_manhattan(int x0, int y0, int x1, int y1) {
    int dx = x1 > x0 ? x1 - x0 : x0 - x1;
    int dy = y1 > y0 ? y1 - y0 : y0 - y1;
    return dx + dy;
}
