/* The plugin ABI is a header; this file gives the target something to compile. */
#include "planner_plugin.h"
