#define _GNU_SOURCE
#include "csandbox.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>

/* The load marker of the load under way on this thread, or -1. Crash signals are delivered to the
 * thread that faulted (or called abort), so a thread-local descriptor names the right marker. */
static __thread int armed_descriptor = -1;
/* The call under way on this thread ("load", "create", "plan", "health"), a static string. */
static __thread const char *armed_phase = 0;

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE, SIGTRAP};
static struct sigaction previous_actions[NSIG];
static int installed = 0;

/* Appends "crashed-by-signal N" to the armed marker (write is async-signal-safe), puts the
 * previous handler back (the Swift runtime's backtracer, or the default) and raises the signal
 * again for it. */
static void on_crash(int signal_number) {
    int descriptor = armed_descriptor;
    if (descriptor >= 0) {
        char line[32] = "\ncrashed-by-signal ";
        size_t length = strlen(line);
        int value = signal_number;
        char digits[8];
        int count = 0;
        do { digits[count++] = (char)('0' + value % 10); value /= 10; } while (value > 0 && count < 8);
        while (count > 0) line[length++] = digits[--count];
        ssize_t ignored = write(descriptor, line, length);
        const char *phase = armed_phase;
        if (phase) {
            ignored = write(descriptor, " in ", 4);
            ignored = write(descriptor, phase, strlen(phase));
        }
        ignored = write(descriptor, "\n", 1);
        (void)ignored;
    }
    if (signal_number > 0 && signal_number < NSIG) sigaction(signal_number, &previous_actions[signal_number], NULL);
    raise(signal_number);
}

static void install_handlers(void) {
    if (!__atomic_exchange_n(&installed, 1, __ATOMIC_SEQ_CST)) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = on_crash;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_ONSTACK;
        for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++) {
            sigaction(crash_signals[i], &action, &previous_actions[crash_signals[i]]);
        }
    }
}

void csandbox_marker_arm(int descriptor) {
    install_handlers();
    armed_phase = "load";
    armed_descriptor = descriptor;
}

void csandbox_marker_disarm(void) {
    armed_descriptor = -1;
    armed_phase = 0;
}

void csandbox_marker_call_begin(int descriptor, const char *phase) {
    armed_phase = phase;
    armed_descriptor = descriptor;
}

void csandbox_marker_call_end(void) {
    armed_descriptor = -1;
}
