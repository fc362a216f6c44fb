/*
 * factory-host: runs one plugin out of the factory's process, under the sandbox launcher
 * (CLaunch: a PID namespace of its own, so nothing the plugin starts outlives it). C, no
 * Foundation, no Swift runtime.
 *
 *   factory-host serve [--memory BYTES] LIBRARY
 *       Loads a dylib plugin (ABI v1) and serves it over protocol v1 on stdin/stdout:
 *       a handshake line {"protocol":"planner-factory","version":1,"descriptor":{…}}, then one
 *       response line per request line:
 *         {"id":N,"call":"create","body":CONFIGURATION}          -> {"id":N,"result":{"instance":"i1"}}
 *         {"id":N,"call":"plan","instance":"i1","body":OBJECTIVE} -> {"id":N,"result":PLAN}
 *         {"id":N,"call":"health","instance":"i1","body":null}    -> {"id":N,"result":HEALTH}
 *         {"id":N,"call":"destroy","instance":"i1","body":null}   -> {"id":N,"result":null}
 *       or {"id":N,"error":{"message":"…","code":"…"}} with the plugin's own code (default
 *       "internal"), "unknown-instance", "unknown-call", "bad-request" (id null when none could
 *       be read) or "bad-result" (the plugin answered something that is not JSON).
 *       With "threadSafe": true in the descriptor, plan and health run on threads of their own.
 *   factory-host run [--memory BYTES] [--workdir DIR] -- PROGRAM [ARGS…]
 *       Runs a process plugin (which speaks the protocol itself) in DIR; DIR is removed after.
 *   factory-host --version      prints "factory-host 1" (the protocol version)
 *   factory-host --self-test    prints {"namespace": "user+pid" | "pid" | "none", "pid": N} from a worker
 *
 * Exit status: 0 at the end of the input; 2 the library could not be served (message on stderr);
 * 3 FACTORY_PROBE_PARENT is not the parent; 4 a request line over 64 MiB; 5 the output could not be
 * written; 6 out of memory; 64 usage; 125 the launcher failed; 127 PROGRAM could not be run; and a
 * plugin's crash is the worker's signal, which the launcher reproduces. A line
 * {"left-processes": N} on stderr says the launcher had to kill N processes the worker left.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "claunch.h"
#include "json.h"
#include "planner_plugin.h"

#define PROTOCOL_VERSION 1
#define MAXIMUM_LINE ((size_t)64 << 20)

extern char **environ;

/* ---------------------------------------------------------------- output buffers */

typedef struct {
    char *data;
    size_t length, capacity;
} buffer;

static _Noreturn void out_of_memory(void) {
    static const char message[] = "factory-host: out of memory\n";
    ssize_t ignored = write(2, message, sizeof message - 1);
    (void)ignored;
    _exit(6);
}

static void add_bytes(buffer *b, const char *bytes, size_t count) {
    if (b->length + count + 1 > b->capacity) {
        size_t capacity = b->capacity ? b->capacity : 256;
        while (capacity < b->length + count + 1) capacity *= 2;
        char *data = realloc(b->data, capacity);
        if (!data) out_of_memory();
        b->data = data;
        b->capacity = capacity;
    }
    memcpy(b->data + b->length, bytes, count);
    b->length += count;
    b->data[b->length] = 0;
}

static void add_text(buffer *b, const char *text) { add_bytes(b, text, strlen(text)); }

/* Appends validated JSON [start, end) on one line: a newline or carriage return can only be
 * whitespace between tokens in valid JSON (never inside a string), so it becomes a space. */
static void add_compact(buffer *b, const char *start, const char *end) {
    size_t offset = b->length;
    add_bytes(b, start, (size_t)(end - start));
    for (char *c = b->data + offset; c < b->data + b->length; c++)
        if (*c == '\n' || *c == '\r') *c = ' ';
}

/* Appends `count` bytes of arbitrary text as a JSON string; bytes that are not UTF-8 become U+FFFD. */
static void add_string(buffer *b, const char *text, size_t count) {
    add_bytes(b, "\"", 1);
    const unsigned char *p = (const unsigned char *)text, *limit = p + count;
    while (p < limit) {
        unsigned char c = *p;
        char escape[8];
        if (c == '"' || c == '\\') { escape[0] = '\\'; escape[1] = (char)c; add_bytes(b, escape, 2); p++; continue; }
        if (c < 0x20) {
            const char *named = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
            if (named) add_text(b, named);
            else { snprintf(escape, sizeof escape, "\\u%04x", c); add_text(b, escape); }
            p++;
            continue;
        }
        if (c < 0x80) { add_bytes(b, (const char *)p, 1); p++; continue; }
        /* Let the scanner judge one multi-byte sequence: wrap it in quotes. */
        char probe[6] = {'"', 0, 0, 0, 0, '"'};
        size_t room = (size_t)(limit - p) < 4 ? (size_t)(limit - p) : 4;
        size_t length = 1;
        for (; length <= room; length++) {
            memcpy(probe + 1, p, length);
            probe[1 + length] = '"';
            const char *end;
            if (!json_scan_string(probe, probe + length + 2, &end) && end == probe + length + 2) break;
        }
        if (length <= room) { add_bytes(b, (const char *)p, length); p += length; }
        else { add_text(b, "\\ufffd"); p++; }
    }
    add_bytes(b, "\"", 1);
}

static void add_cstring(buffer *b, const char *text) { add_string(b, text, strlen(text)); }

/* ---------------------------------------------------------------- the protocol's output */

static int output_fd = -1;
static int threaded = 0;
static pthread_mutex_t output_lock = PTHREAD_MUTEX_INITIALIZER;

/* Writes one whole line (under the lock when calls run on threads); a write error ends the host. */
static void send_line(buffer *line) {
    add_bytes(line, "\n", 1);
    if (threaded) pthread_mutex_lock(&output_lock);
    const char *p = line->data;
    size_t left = line->length;
    while (left > 0) {
        ssize_t written = write(output_fd, p, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) {
            if (errno != EPIPE) dprintf(2, "factory-host: cannot write a response: %s\n", strerror(errno));
            _exit(5);
        }
        p += written;
        left -= (size_t)written;
    }
    if (threaded) pthread_mutex_unlock(&output_lock);
    line->length = 0;
}

/* {"id":ID,"result":<compact JSON>} */
static void send_result(const char *id, const char *json, const char *json_end) {
    buffer line = {0};
    add_text(&line, "{\"id\":");
    add_text(&line, id);
    add_text(&line, ",\"result\":");
    add_compact(&line, json, json_end);
    add_text(&line, "}");
    send_line(&line);
    free(line.data);
}

/* {"id":ID,"error":{"message":MESSAGE,"code":CODE}}; message and code are JSON string tokens. */
static void send_error_tokens(const char *id, const char *message, size_t message_length, const char *code, size_t code_length) {
    buffer line = {0};
    add_text(&line, "{\"id\":");
    add_text(&line, id);
    add_text(&line, ",\"error\":{\"message\":");
    add_bytes(&line, message, message_length);
    add_text(&line, ",\"code\":");
    add_bytes(&line, code, code_length);
    add_text(&line, "}}");
    send_line(&line);
    free(line.data);
}

static void send_error(const char *id, const char *code, const char *format, ...) __attribute__((format(printf, 3, 4)));
static void send_error(const char *id, const char *code, const char *format, ...) {
    char text[512];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(text, sizeof text, format, arguments);
    va_end(arguments);
    buffer message = {0}, code_token = {0};
    add_cstring(&message, text);
    add_cstring(&code_token, code);
    send_error_tokens(id, message.data, message.length, code_token.data, code_token.length);
    free(message.data);
    free(code_token.data);
}

/* An error naming what is wrong with a plugin's JSON, quoting its start. */
static void send_bad_result(const char *id, const char *what, const char *problem, size_t where, const char *text) {
    char head[200];
    snprintf(head, sizeof head, "the plugin's %s is not valid JSON (%s at byte %zu): ", what, problem, where);
    size_t length = strlen(text);
    buffer head_token = {0}, quoted = {0}, token = {0};
    add_cstring(&head_token, head);
    add_string(&quoted, text, length > 120 ? 120 : length);
    add_bytes(&token, head_token.data, head_token.length - 1);  /* without its closing quote */
    add_bytes(&token, quoted.data + 1, quoted.length - 2);      /* without its quotes */
    if (length > 120) add_text(&token, "\xe2\x80\xa6");        /* … */
    add_bytes(&token, "\"", 1);
    send_error_tokens(id, token.data, token.length, "\"bad-result\"", 12);
    free(head_token.data);
    free(quoted.data);
    free(token.data);
}

/* ---------------------------------------------------------------- the plugin and its instances */

static const planner_plugin_table *table;

typedef struct {
    unsigned long number;        /* "i<number>" */
    planner_instance *instance;
    int calls;                   /* calls in flight on threads */
    int destroyed;               /* destroy was asked: destroy when the last call ends */
} instance_slot;

static instance_slot **instances;
static size_t instance_count, instance_capacity;
static unsigned long next_instance = 1;
static pthread_mutex_t instances_lock = PTHREAD_MUTEX_INITIALIZER;

/* The slot of an instance id token ("i12"), or NULL. Call with instances_lock held. */
static instance_slot *find_instance(const char *token, const char *token_end) {
    char name[32];
    if (json_decode_string(token, token_end, name, sizeof name) < 2 || name[0] != 'i') return NULL;
    char *end;
    errno = 0;
    unsigned long number = strtoul(name + 1, &end, 10);
    if (*end || errno || name[1] < '1' || name[1] > '9') return NULL;
    for (size_t i = 0; i < instance_count; i++)
        if (instances[i]->number == number && !instances[i]->destroyed) return instances[i];
    return NULL;
}

static void remove_slot(instance_slot *slot) {
    for (size_t i = 0; i < instance_count; i++) {
        if (instances[i] == slot) {
            instances[i] = instances[--instance_count];
            break;
        }
    }
    free(slot);
}

/* Passes on the plugin's error JSON: its "message" and "code" when it is an object with them,
 * else its text as the message; the code defaults to "internal". */
static void send_plugin_error(const char *id, char *error, const char *missing) {
    if (!error) {
        send_error(id, "internal", "%s", missing);
        return;
    }
    const char *start, *end;
    size_t where;
    const char *message = NULL, *message_end = NULL, *code = NULL, *code_end = NULL;
    if (!json_validate(error, strlen(error), &start, &end, &where) && *start == '{') {
        const char *cursor = start, *key, *key_end, *value, *value_end;
        while (json_next_member(&cursor, end, &key, &key_end, &value, &value_end)) {
            if (*value != '"') continue;
            if (!message && json_string_equals(key, key_end, "message")) { message = value; message_end = value_end; }
            else if (!code && json_string_equals(key, key_end, "code")) { code = value; code_end = value_end; }
        }
    }
    buffer text = {0};
    if (!message) {
        add_cstring(&text, error);
        message = text.data;
        message_end = text.data + text.length;
    }
    if (!code) { code = "\"internal\""; code_end = code + 10; }
    send_error_tokens(id, message, (size_t)(message_end - message), code, (size_t)(code_end - code));
    free(text.data);
    table->free_string(error);
}

/* Sends a plan or health JSON the plugin returned (validated), then gives it back. */
static void send_plugin_json(const char *id, const char *what, char *json) {
    const char *start, *end;
    size_t where;
    const char *problem = json_validate(json, strlen(json), &start, &end, &where);
    if (problem) send_bad_result(id, what, problem, where, json);
    else send_result(id, start, end);
    table->free_string(json);
}

/* ---------------------------------------------------------------- calls */

enum call_kind { CALL_CREATE, CALL_PLAN, CALL_HEALTH, CALL_DESTROY };

typedef struct {
    enum call_kind kind;
    char *id;            /* the id's exact JSON text */
    instance_slot *slot; /* plan, health: held (calls + 1) */
    char *body;          /* the body's exact JSON text */
} call;

static void release_slot(instance_slot *slot) {
    planner_instance *to_destroy = NULL;
    if (threaded) pthread_mutex_lock(&instances_lock);
    slot->calls--;
    if (slot->destroyed && slot->calls == 0) {
        to_destroy = slot->instance;
        remove_slot(slot);
    }
    if (threaded) pthread_mutex_unlock(&instances_lock);
    if (to_destroy) table->destroy(to_destroy);
}

static void run_call(call *work) {
    if (work->kind == CALL_PLAN) {
        char *error = NULL;
        char *plan = table->plan(work->slot->instance, work->body, &error);
        if (plan) {
            if (error) table->free_string(error);
            send_plugin_json(work->id, "plan", plan);
        } else {
            send_plugin_error(work->id, error, "plan returned no plan and no error");
        }
    } else {
        char *health = table->health(work->slot->instance);
        if (health) send_plugin_json(work->id, "health", health);
        else send_error(work->id, "internal", "health returned nothing");
    }
    release_slot(work->slot);
    free(work->id);
    free(work->body);
    free(work);
}

static void *call_thread(void *argument) {
    run_call(argument);
    return NULL;
}

static char *copy_span(const char *start, const char *end) {
    size_t length = (size_t)(end - start);
    char *copy = malloc(length + 1);
    if (!copy) out_of_memory();
    memcpy(copy, start, length);
    copy[length] = 0;
    return copy;
}

static void create_instance(const char *id, const char *body, const char *body_end) {
    char *configuration = copy_span(body, body_end);
    char *error = NULL;
    planner_instance *instance = table->create(configuration, &error);
    free(configuration);
    if (!instance) {
        send_plugin_error(id, error, "create returned no instance and no error");
        return;
    }
    if (error) table->free_string(error);
    instance_slot *slot = calloc(1, sizeof *slot);
    if (!slot) out_of_memory();
    slot->instance = instance;
    if (threaded) pthread_mutex_lock(&instances_lock);
    if (instance_count == instance_capacity) {
        size_t capacity = instance_capacity ? instance_capacity * 2 : 8;
        instance_slot **grown = realloc(instances, capacity * sizeof *grown);
        if (!grown) out_of_memory();
        instances = grown;
        instance_capacity = capacity;
    }
    slot->number = next_instance++;
    instances[instance_count++] = slot;
    if (threaded) pthread_mutex_unlock(&instances_lock);
    char result[64];
    int length = snprintf(result, sizeof result, "{\"instance\":\"i%lu\"}", slot->number);
    send_result(id, result, result + length);
}

/* Handles one request line (without its newline). */
static void handle_line(const char *line, size_t length) {
    const char *limit = line + length;
    const char *p = json_skip_space(line, limit);
    if (p == limit) return; /* a blank line */
    char id[128] = "null";
    if (*p != '{') {
        send_error(id, "bad-request", "a request must be a JSON object");
        return;
    }
    const char *call_token = NULL, *call_end = NULL, *instance = NULL, *instance_end = NULL, *body = NULL, *body_end = NULL;
    int has_id = 0;
    /* Walk the members, validating as we go, so that an id read before an error is answered. */
    p = json_skip_space(p + 1, limit);
    const char *problem = NULL;
    if (p < limit && *p == '}') p++;
    else for (;;) {
        const char *key = p, *key_end, *value, *value_end;
        if (p >= limit || *p != '"') { problem = "a member name that is not a string"; break; }
        if ((problem = json_scan_string(p, limit, &key_end))) break;
        p = json_skip_space(key_end, limit);
        if (p >= limit || *p != ':') { problem = "a missing ':'"; break; }
        value = json_skip_space(p + 1, limit);
        if ((problem = json_scan_value(value, limit, &value_end, 1))) break;
        if (json_string_equals(key, key_end, "id")) {
            if (has_id) { problem = "a second \"id\""; break; }
            if ((*value != '"' && *value != '-' && (*value < '0' || *value > '9')) || (size_t)(value_end - value) >= sizeof id) {
                problem = "an \"id\" that is not a number or a short string";
                break;
            }
            memcpy(id, value, (size_t)(value_end - value));
            id[value_end - value] = 0;
            has_id = 1;
        } else if (json_string_equals(key, key_end, "call")) {
            if (call_token) { problem = "a second \"call\""; break; }
            call_token = value; call_end = value_end;
        } else if (json_string_equals(key, key_end, "instance")) {
            if (instance) { problem = "a second \"instance\""; break; }
            instance = value; instance_end = value_end;
        } else if (json_string_equals(key, key_end, "body")) {
            if (body) { problem = "a second \"body\""; break; }
            body = value; body_end = value_end;
        }
        p = json_skip_space(value_end, limit);
        if (p < limit && *p == ',') { p = json_skip_space(p + 1, limit); continue; }
        if (p < limit && *p == '}') { p++; break; }
        problem = "a missing ',' or '}'";
        break;
    }
    if (!problem && json_skip_space(p, limit) != limit) problem = "text after the request";
    if (problem) {
        send_error(id, "bad-request", "the request is not valid JSON or not a request: %s", problem);
        return;
    }
    if (!has_id) { send_error(id, "bad-request", "the request has no \"id\""); return; }
    if (!call_token || *call_token != '"') { send_error(id, "bad-request", "the request has no \"call\" string"); return; }
    enum call_kind kind;
    if (json_string_equals(call_token, call_end, "create")) kind = CALL_CREATE;
    else if (json_string_equals(call_token, call_end, "plan")) kind = CALL_PLAN;
    else if (json_string_equals(call_token, call_end, "health")) kind = CALL_HEALTH;
    else if (json_string_equals(call_token, call_end, "destroy")) kind = CALL_DESTROY;
    else {
        char name[64];
        if (json_decode_string(call_token, call_end, name, sizeof name) < 0) strcpy(name, "…");
        send_error(id, "unknown-call", "unknown call \"%s\" (this host knows create, plan, health and destroy)", name);
        return;
    }
    if (kind == CALL_CREATE) {
        if (!body) { send_error(id, "bad-request", "a create request needs a \"body\" (the configuration)"); return; }
        create_instance(id, body, body_end);
        return;
    }
    if (kind == CALL_PLAN && !body) { send_error(id, "bad-request", "a plan request needs a \"body\" (the objective)"); return; }
    if (!instance || *instance != '"') { send_error(id, "bad-request", "the request has no \"instance\" string"); return; }

    if (threaded) pthread_mutex_lock(&instances_lock);
    instance_slot *slot = find_instance(instance, instance_end);
    planner_instance *to_destroy = NULL;
    if (slot && kind == CALL_DESTROY) {
        slot->destroyed = 1;
        if (slot->calls == 0) { to_destroy = slot->instance; remove_slot(slot); }
    } else if (slot) {
        slot->calls++;
    }
    if (threaded) pthread_mutex_unlock(&instances_lock);
    if (!slot) {
        char name[40];
        if (json_decode_string(instance, instance_end, name, sizeof name) < 0) strcpy(name, "…");
        send_error(id, "unknown-instance", "no instance \"%s\" (it was never created or is destroyed)", name);
        return;
    }
    if (kind == CALL_DESTROY) {
        if (to_destroy) table->destroy(to_destroy);
        static const char null_text[] = "null";
        send_result(id, null_text, null_text + 4);
        return;
    }
    call *work = malloc(sizeof *work);
    if (!work) out_of_memory();
    work->kind = kind;
    work->id = copy_span(id, id + strlen(id));
    work->slot = slot;
    work->body = body ? copy_span(body, body_end) : strdup("null");
    if (!work->body) out_of_memory();
    if (threaded) {
        pthread_t thread;
        pthread_attr_t attributes;
        pthread_attr_init(&attributes);
        pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
        int started = pthread_create(&thread, &attributes, call_thread, work);
        pthread_attr_destroy(&attributes);
        if (started == 0) return;
    }
    run_call(work);
}

/* ---------------------------------------------------------------- serve */

static _Noreturn void cannot_serve(const char *library, const char *format, ...) __attribute__((format(printf, 2, 3)));
static _Noreturn void cannot_serve(const char *library, const char *format, ...) {
    char text[1024];
    va_list arguments;
    va_start(arguments, format);
    vsnprintf(text, sizeof text, format, arguments);
    va_end(arguments);
    dprintf(2, "factory-host: cannot serve %s: %s\n", library, text);
    _exit(2);
}

static int serve(const char *library_path) {
    signal(SIGPIPE, SIG_IGN);
    /* The protocol gets descriptors of its own before any plugin code runs: a plugin reading
     * stdin reads nothing, one printing to stdout prints to stderr. */
    int input_fd = fcntl(0, F_DUPFD_CLOEXEC, 10);
    output_fd = fcntl(1, F_DUPFD_CLOEXEC, 10);
    if (input_fd < 0 || output_fd < 0) cannot_serve(library_path, "no protocol descriptors (%s)", strerror(errno));
    int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null_fd >= 0 && null_fd != 0) { dup2(null_fd, 0); close(null_fd); }
    dup2(2, 1);

    void *library = dlopen(library_path, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *message = dlerror();
        cannot_serve(library_path, "%s", message ? message : "dlopen failed");
    }
    dlerror();
    planner_plugin_entry_function entry = (planner_plugin_entry_function)dlsym(library, PLANNER_PLUGIN_ENTRY_SYMBOL);
    if (!entry) cannot_serve(library_path, "the library does not export " PLANNER_PLUGIN_ENTRY_SYMBOL);
    table = entry();
    if (!table) cannot_serve(library_path, PLANNER_PLUGIN_ENTRY_SYMBOL " returned no table");
    if (table->abi_version != PLANNER_PLUGIN_ABI_VERSION || table->struct_size < sizeof(planner_plugin_table))
        cannot_serve(library_path, "the plugin speaks ABI version %u (table of %u bytes); this host speaks %u (%zu bytes)",
                     table->abi_version, table->struct_size, PLANNER_PLUGIN_ABI_VERSION, sizeof(planner_plugin_table));
    if (!table->describe || !table->create || !table->plan || !table->health || !table->destroy || !table->free_string)
        cannot_serve(library_path, "the table has a missing function");
    char *descriptor = table->describe();
    if (!descriptor) cannot_serve(library_path, "describe returned nothing");
    const char *start, *end;
    size_t where;
    const char *problem = json_validate(descriptor, strlen(descriptor), &start, &end, &where);
    if (problem) cannot_serve(library_path, "describe returned invalid JSON (%s at byte %zu)", problem, where);
    if (*start != '{') cannot_serve(library_path, "describe returned JSON that is not an object");
    const char *cursor = start, *key, *key_end, *value, *value_end;
    while (json_next_member(&cursor, end, &key, &key_end, &value, &value_end))
        if (json_string_equals(key, key_end, "threadSafe")) threaded = (value_end - value == 4 && memcmp(value, "true", 4) == 0);

    buffer line = {0};
    add_text(&line, "{\"protocol\":\"planner-factory\",\"version\":1,\"descriptor\":");
    add_compact(&line, start, end);
    add_text(&line, "}");
    send_line(&line);
    free(line.data);
    table->free_string(descriptor);

    /* The read loop: one request a line. */
    buffer input = {0};
    size_t start_of_line = 0; /* input[start_of_line, length) is not handled yet */
    size_t scanned = 0;       /* ... and holds no newline before `scanned` */
    for (;;) {
        char *newline = input.length > scanned ? memchr(input.data + scanned, '\n', input.length - scanned) : NULL;
        if (newline) {
            size_t end_of_line = (size_t)(newline - input.data);
            handle_line(input.data + start_of_line, end_of_line - start_of_line);
            start_of_line = scanned = end_of_line + 1;
            continue;
        }
        scanned = input.length;
        if (input.length - start_of_line > MAXIMUM_LINE) {
            dprintf(2, "factory-host: a request line is longer than 64 MiB: protocol error\n");
            _exit(4);
        }
        if (start_of_line > 0) { /* keep only the line being read */
            memmove(input.data, input.data + start_of_line, input.length - start_of_line);
            input.length -= start_of_line;
            scanned = input.length;
            start_of_line = 0;
        }
        if (input.capacity - input.length < 65536 + 1) {
            size_t capacity = input.capacity ? input.capacity * 2 : 1 << 16;
            while (capacity - input.length < 65536 + 1) capacity *= 2;
            char *grown = realloc(input.data, capacity);
            if (!grown) out_of_memory();
            input.data = grown;
            input.capacity = capacity;
        }
        ssize_t got = read(input_fd, input.data + input.length, input.capacity - input.length - 1);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        input.length += (size_t)got;
    }
    if (input.length > start_of_line) handle_line(input.data + start_of_line, input.length - start_of_line); /* a last line without newline */
    /* End of input: leave at once; instances are not destroyed and calls in flight are dropped. */
    if (!threaded) fflush(stdout);
    _exit(0);
}

/* ---------------------------------------------------------------- main */

static _Noreturn void usage(void) {
    fprintf(stderr,
            "usage: factory-host serve [--memory BYTES] LIBRARY\n"
            "       factory-host run [--memory BYTES] [--workdir DIR] -- PROGRAM [ARGS...]\n"
            "       factory-host --version | --self-test\n");
    exit(64);
}

static uint64_t parse_bytes(const char *text) {
    if (!text || !*text) usage();
    uint64_t value = 0;
    for (const char *c = text; *c; c++) {
        if (*c < '0' || *c > '9' || value > (UINT64_MAX - 9) / 10) usage();
        value = value * 10 + (uint64_t)(*c - '0');
    }
    return value;
}

int main(int argc, char **argv) {
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("factory-host %d\n", PROTOCOL_VERSION);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--self-test") == 0) {
        claunch_options options = {.leftover_fd = 2, .memory_limit = 0, .remove_directory = NULL};
        claunch_enter(&options);
        printf("{\"namespace\": \"%s\", \"pid\": %d}\n", claunch_namespace_kind(), (int)getpid());
        return 0;
    }
    if (argc < 2) usage();
    int is_serve = strcmp(argv[1], "serve") == 0;
    int is_run = strcmp(argv[1], "run") == 0;
    if (!is_serve && !is_run) usage();
    uint64_t memory = 0;
    const char *workdir = NULL;
    int index = 2;
    while (index < argc) {
        if (strcmp(argv[index], "--memory") == 0 && index + 1 < argc) { memory = parse_bytes(argv[index + 1]); index += 2; }
        else if (is_run && strcmp(argv[index], "--workdir") == 0 && index + 1 < argc) { workdir = argv[index + 1]; index += 2; }
        else if (strcmp(argv[index], "--") == 0) { index++; break; }
        else if (argv[index][0] == '-' && argv[index][1] == '-') usage();
        else break;
    }
    if (is_serve && index != argc - 1) usage();
    if (is_run && index >= argc) usage();

    claunch_options options = {.leftover_fd = 2, .memory_limit = memory, .remove_directory = workdir};
    claunch_enter(&options);
    /* The worker. */
    if (is_serve) return serve(argv[index]);
    if (workdir && chdir(workdir) != 0) {
        dprintf(2, "factory-host: cannot enter the working folder %s: %s\n", workdir, strerror(errno));
        return 127;
    }
    execve(argv[index], argv + index, environ);
    dprintf(2, "factory-host: cannot run %s: %s\n", argv[index], strerror(errno));
    return 127;
}
