#ifndef BENCHMARK_SHIMS_H
#define BENCHMARK_SHIMS_H

#include <stddef.h>
#include <stdint.h>

/// The syscall floor of discovery, single-threaded and without parsing: list `folder` with
/// opendir/readdir and, for every entry not starting with '.', stat `<folder>/<entry>/planner.json`
/// and open, read and close it.
///
/// Returns the number of manifests read, or -1 (errno set) when `folder` cannot be listed.
/// `*bytes` receives the number of manifest bytes read.
int64_t benchmark_floor_scan(const char *folder, int64_t *bytes);

/// The least a fast rediscovery must do, single-threaded: list `folder` and, for every entry not
/// starting with '.', `fstatat` `<entry>/planner.json` and `<entry>/<library>` relative to the
/// folder's descriptor.
///
/// Returns the number of bundles whose two files exist, or -1 (errno set) when `folder` cannot be
/// listed.
int64_t benchmark_stat_scan(const char *folder, const char *library);

/// Runs `argv[0]` (a path; PATH is not searched) with `argv`, the current environment plus the
/// `KEY=VALUE` entries of `extra_environment` (NULL-terminated; may be NULL), stdin and stderr on
/// /dev/null and stdout captured into `output` (at most `capacity - 1` bytes, NUL-terminated).
///
/// Returns 0 and fills `*exit_status` (the raw wait status), or an errno value when the child
/// could not be started.
int benchmark_run_capturing(const char *const argv[], const char *const extra_environment[],
                            char *output, size_t capacity, int *exit_status);

/// The floor of a sandbox probe: `posix_spawn` of `argv[0]` (a path; PATH is not searched) with
/// `argv` and exactly `environment` (NULL-terminated), no attributes and, unless `discard_output`
/// (stdout on /dev/null), no file actions; then `waitpid`. Nothing is read from the child.
///
/// Returns 0 and fills `*exit_status` (the raw wait status), or an errno value when the child
/// could not be started or waited for.
int benchmark_spawn_and_wait(const char *const argv[], const char *const environment[], int discard_output,
                             int *exit_status);

/// The floor of an in-process plugin load: `dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE)`,
/// `dlsym(symbol)` and a call of that function (it takes nothing and returns a pointer), as the
/// factory does; never `dlclose`. Returns 0, -1 (dlopen failed), -2 (no symbol) or -3 (NULL returned).
int benchmark_load_library(const char *path, const char *symbol);

/// The floor of a worker's start: `posix_spawn` of `argv[0]` with `argv` and exactly `environment`,
/// its stdin and stdout on pipes, stderr on /dev/null; reads its stdout until the first newline
/// (a worker's handshake line), then closes its stdin, reads to the end and waits for it.
///
/// Returns 0 and fills `*to_line_nanoseconds` (spawn to the newline read) and `*exit_status`, or an
/// errno value (EPROTO when its output ended before a newline).
int benchmark_spawn_until_line(const char *const argv[], const char *const environment[],
                               int64_t *to_line_nanoseconds, int *exit_status);

/// The floor of a call to a worker: forks a child that answers every line it reads with a line of
/// `reply_bytes` bytes (newline included), over a socket pair for the requests and a pipe for the
/// replies, as the factory's workers are wired; then times `count` round trips of a request of
/// `request_bytes` bytes (write the request, read until the reply's newline), each on its own.
///
/// Returns 0 and fills `nanoseconds[0..<count]`, or an errno value.
int benchmark_pipe_round_trips(int count, int request_bytes, int reply_bytes, int64_t *nanoseconds);

/// The floor of an in-process plan: `dlopen`s `path` (RTLD_NOW | RTLD_LOCAL), creates an instance
/// through its plugin table with `configuration`, then times `count` calls of `plan(instance,
/// objective)` each followed by `free_string` of the result; destroys the instance (never
/// `dlclose`s).
///
/// Returns 0 and fills `nanoseconds[0..<count]`, or -1 (dlopen), -2 (no entry), -3 (no table or
/// create failed), -4 (a plan returned NULL).
int benchmark_table_plan_calls(const char *path, const char *configuration, const char *objective, int count,
                               int64_t *nanoseconds);

/// The floor of a PDDL parse: one pass over `count` bytes counting the tokens of an S-expression
/// text (parentheses, and runs of other non-blank bytes; `;` comments skipped), nothing built.
int64_t benchmark_token_scan(const unsigned char *bytes, size_t count);

#endif
