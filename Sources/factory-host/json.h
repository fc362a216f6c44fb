/*
 * json.h — a small strict JSON scanner for factory-host (RFC 8259, UTF-8 only): validates text,
 * walks the members of an object and decodes short strings. It never builds a tree: values are
 * kept as spans of their exact text.
 */
#ifndef FACTORY_HOST_JSON_H
#define FACTORY_HOST_JSON_H

#include <stddef.h>

/** Containers may nest this deep (as PlannerKit's parser). */
#define JSON_MAXIMUM_DEPTH 256

/** Skips JSON whitespace (space, tab, newline, carriage return). */
const char *json_skip_space(const char *p, const char *limit);

/** Scans one value at `p` (no leading whitespace). Returns NULL and sets *end just after it, or
 *  returns a message saying what is wrong and sets *end where. `depth`: containers around it. */
const char *json_scan_value(const char *p, const char *limit, const char **end, int depth);

/** Scans one string token at `p` (which must be '"'), like json_scan_value. */
const char *json_scan_string(const char *p, const char *limit, const char **end);

/** Validates a whole document (one value, whitespace around it allowed). Returns NULL and sets
 *  the span of the value without the whitespace, or returns a message and sets *where to the
 *  offset of the problem. */
const char *json_validate(const char *text, size_t length, const char **value_start, const char **value_end,
                          size_t *where);

/** Iterates an already validated object: start with *cursor at '{'. Returns 1 with the key
 *  token (with quotes) and the value spans, or 0 after the last member. */
int json_next_member(const char **cursor, const char *limit, const char **key, const char **key_end,
                     const char **value, const char **value_end);

/** Decodes a valid string token [start, end) (with its quotes) into `out` as UTF-8 with a NUL.
 *  Returns the decoded length, or -1 when it does not fit in `capacity` (NUL included). */
long json_decode_string(const char *start, const char *end, char *out, size_t capacity);

/** Whether the string token [start, end) decodes to exactly `text`. */
int json_string_equals(const char *start, const char *end, const char *text);

#endif
