/* route_cache: the dependency fault-undefined-symbol links against, in an older version that
 * has no route_cache_lookup yet. */
int route_cache_version(void) { return 1; }
