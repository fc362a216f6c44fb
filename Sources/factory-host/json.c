/* json.c — see json.h. */
#include "json.h"

#include <string.h>

const char *json_skip_space(const char *p, const char *limit) {
    while (p < limit && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
    return p;
}

static int is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

static unsigned hex_value(char c) {
    if (c >= '0' && c <= '9') return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'f') return (unsigned)(c - 'a' + 10);
    return (unsigned)(c - 'A' + 10);
}

/* The length of the well-formed UTF-8 sequence at p (RFC 3629), or 0. */
static int utf8_sequence(const unsigned char *p, const unsigned char *limit) {
    unsigned char c = p[0];
    int length;
    unsigned char low = 0x80, high = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) length = 2;
    else if (c == 0xE0) { length = 3; low = 0xA0; }
    else if (c == 0xED) { length = 3; high = 0x9F; }
    else if (c >= 0xE1 && c <= 0xEF) length = 3;
    else if (c == 0xF0) { length = 4; low = 0x90; }
    else if (c == 0xF4) { length = 4; high = 0x8F; }
    else if (c >= 0xF1 && c <= 0xF3) length = 4;
    else return 0;
    if (limit - p < length) return 0;
    if (p[1] < low || p[1] > high) return 0;
    for (int i = 2; i < length; i++) if (p[i] < 0x80 || p[i] > 0xBF) return 0;
    return length;
}

const char *json_scan_string(const char *p, const char *limit, const char **end) {
    p++;
    while (p < limit) {
        unsigned char c = (unsigned char)*p;
        if (c == '"') { *end = p + 1; return NULL; }
        if (c == '\\') {
            if (p + 1 >= limit) break;
            switch (p[1]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't': p += 2; break;
            case 'u':
                if (limit - p < 6 || !is_hex(p[2]) || !is_hex(p[3]) || !is_hex(p[4]) || !is_hex(p[5])) {
                    *end = p;
                    return "a bad \\u escape";
                }
                p += 6;
                break;
            default: *end = p; return "a bad escape in a string";
            }
            continue;
        }
        if (c < 0x20) { *end = p; return c == '\n' ? "a raw newline in a string" : "a control character in a string"; }
        if (c < 0x80) { p++; continue; }
        int length = utf8_sequence((const unsigned char *)p, (const unsigned char *)limit);
        if (!length) { *end = p; return "invalid UTF-8"; }
        p += length;
    }
    *end = p;
    return "an unterminated string";
}

static const char *scan_number(const char *p, const char *limit, const char **end) {
    const char *start = p;
    if (p < limit && *p == '-') p++;
    if (p < limit && *p == '0') p++;
    else if (p < limit && *p >= '1' && *p <= '9') { while (p < limit && *p >= '0' && *p <= '9') p++; }
    else { *end = start; return "a bad number"; }
    if (p < limit && *p == '.') {
        p++;
        if (p >= limit || *p < '0' || *p > '9') { *end = start; return "a bad number"; }
        while (p < limit && *p >= '0' && *p <= '9') p++;
    }
    if (p < limit && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < limit && (*p == '+' || *p == '-')) p++;
        if (p >= limit || *p < '0' || *p > '9') { *end = start; return "a bad number"; }
        while (p < limit && *p >= '0' && *p <= '9') p++;
    }
    *end = p;
    return NULL;
}

static const char *scan_literal(const char *p, const char *limit, const char **end, const char *word) {
    size_t length = strlen(word);
    if ((size_t)(limit - p) < length || memcmp(p, word, length) != 0) { *end = p; return "an unexpected character"; }
    *end = p + length;
    return NULL;
}

const char *json_scan_value(const char *p, const char *limit, const char **end, int depth) {
    if (p >= limit) { *end = p; return "an unexpected end"; }
    const char *problem;
    switch (*p) {
    case '{':
    case '[': {
        char close = *p == '{' ? '}' : ']';
        int is_object = *p == '{';
        if (depth >= JSON_MAXIMUM_DEPTH) { *end = p; return "nesting deeper than 256 levels"; }
        p = json_skip_space(p + 1, limit);
        if (p < limit && *p == close) { *end = p + 1; return NULL; }
        for (;;) {
            if (is_object) {
                if (p >= limit || *p != '"') { *end = p; return p >= limit ? "an unexpected end" : "a member name that is not a string"; }
                if ((problem = json_scan_string(p, limit, &p))) { *end = p; return problem; }
                p = json_skip_space(p, limit);
                if (p >= limit || *p != ':') { *end = p; return "a missing ':'"; }
                p = json_skip_space(p + 1, limit);
            }
            if ((problem = json_scan_value(p, limit, &p, depth + 1))) { *end = p; return problem; }
            p = json_skip_space(p, limit);
            if (p < limit && *p == ',') { p = json_skip_space(p + 1, limit); continue; }
            if (p < limit && *p == close) { *end = p + 1; return NULL; }
            *end = p;
            return p >= limit ? "an unexpected end" : is_object ? "a missing ',' or '}'" : "a missing ',' or ']'";
        }
    }
    case '"': return json_scan_string(p, limit, end);
    case 't': return scan_literal(p, limit, end, "true");
    case 'f': return scan_literal(p, limit, end, "false");
    case 'n': return scan_literal(p, limit, end, "null");
    default:
        if (*p == '-' || (*p >= '0' && *p <= '9')) return scan_number(p, limit, end);
        *end = p;
        return "an unexpected character";
    }
}

const char *json_validate(const char *text, size_t length, const char **value_start, const char **value_end,
                          size_t *where) {
    const char *limit = text + length;
    const char *p = json_skip_space(text, limit);
    const char *end;
    const char *problem = json_scan_value(p, limit, &end, 0);
    if (!problem) {
        const char *after = json_skip_space(end, limit);
        if (after != limit) { problem = "text after the value"; end = after; }
    }
    if (problem) { *where = (size_t)(end - text); return problem; }
    *value_start = p;
    *value_end = end;
    return NULL;
}

int json_next_member(const char **cursor, const char *limit, const char **key, const char **key_end,
                     const char **value, const char **value_end) {
    const char *p = json_skip_space(*cursor, limit);
    if (p >= limit || *p == '}') return 0;
    if (*p == '{' || *p == ',') p = json_skip_space(p + 1, limit);
    if (p >= limit || *p == '}') return 0;
    *key = p;
    json_scan_string(p, limit, &p);
    *key_end = p;
    p = json_skip_space(p, limit);
    p = json_skip_space(p + 1, limit); /* ':' */
    *value = p;
    json_scan_value(p, limit, &p, 1);
    *value_end = p;
    *cursor = p;
    return 1;
}

/* Appends code point `code` as UTF-8; returns the bytes written or -1 when it does not fit. */
static int put_utf8(unsigned code, char *out, size_t room) {
    if (code < 0x80) { if (room < 1) return -1; out[0] = (char)code; return 1; }
    if (code < 0x800) {
        if (room < 2) return -1;
        out[0] = (char)(0xC0 | (code >> 6)); out[1] = (char)(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        if (room < 3) return -1;
        out[0] = (char)(0xE0 | (code >> 12)); out[1] = (char)(0x80 | ((code >> 6) & 0x3F));
        out[2] = (char)(0x80 | (code & 0x3F));
        return 3;
    }
    if (room < 4) return -1;
    out[0] = (char)(0xF0 | (code >> 18)); out[1] = (char)(0x80 | ((code >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((code >> 6) & 0x3F)); out[3] = (char)(0x80 | (code & 0x3F));
    return 4;
}

long json_decode_string(const char *start, const char *end, char *out, size_t capacity) {
    if (capacity == 0) return -1;
    size_t length = 0;
    size_t room = capacity - 1;
    const char *p = start + 1, *limit = end - 1;
    while (p < limit) {
        unsigned code;
        if (*p != '\\') {
            if (length >= room) return -1;
            out[length++] = *p++;
            continue;
        }
        char kind = p[1];
        p += 2;
        switch (kind) {
        case 'b': code = '\b'; break;
        case 'f': code = '\f'; break;
        case 'n': code = '\n'; break;
        case 'r': code = '\r'; break;
        case 't': code = '\t'; break;
        case 'u':
            code = hex_value(p[0]) << 12 | hex_value(p[1]) << 8 | hex_value(p[2]) << 4 | hex_value(p[3]);
            p += 4;
            if (code >= 0xD800 && code <= 0xDBFF && limit - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                unsigned low = hex_value(p[2]) << 12 | hex_value(p[3]) << 8 | hex_value(p[4]) << 4 | hex_value(p[5]);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    p += 6;
                }
            }
            if (code >= 0xD800 && code <= 0xDFFF) code = 0xFFFD; /* a lone surrogate */
            break;
        default: code = (unsigned char)kind; break; /* " \ / */
        }
        int written = put_utf8(code, out + length, room - length);
        if (written < 0) return -1;
        length += (size_t)written;
    }
    out[length] = 0;
    return (long)length;
}

int json_string_equals(const char *start, const char *end, const char *text) {
    char decoded[64];
    long length = json_decode_string(start, end, decoded, sizeof decoded);
    return length >= 0 && (size_t)length == strlen(text) && memcmp(decoded, text, (size_t)length) == 0;
}
