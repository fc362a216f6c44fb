#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H

/* The wide-character API (cchar_t, get_wch, add_wch); SwiftPM drops pkg-config's -D flags. */
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <ncurses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <wchar.h>

/* What Swift 6 cannot read (mutable globals) or import (function-like macros). */

static inline WINDOW *cncurses_stdscr(void) { return stdscr; }
static inline int cncurses_colors(void) { return COLORS; }
static inline int cncurses_color_pairs(void) { return COLOR_PAIRS; }
static inline int cncurses_width(void) { return getmaxx(stdscr); }
static inline int cncurses_height(void) { return getmaxy(stdscr); }

static inline attr_t cncurses_bold(void) { return A_BOLD; }
static inline attr_t cncurses_reverse(void) { return A_REVERSE; }
static inline attr_t cncurses_dim(void) { return A_DIM; }
static inline attr_t cncurses_underline(void) { return A_UNDERLINE; }

/** Opens the terminal named by TERM on standard input and output; NULL when it cannot (unlike
 *  initscr, which prints and exits). */
static inline SCREEN *cncurses_open(void) { return newterm(NULL, stdout, stdin); }

/**
 * Puts one grapheme (UTF-8: a spacing character and up to CCHARW_MAX - 1 combining ones; more are
 * dropped) at row y, column x of stdscr with the given attributes and colour pair. A grapheme the
 * locale cannot convert becomes "?".
 * Returns the columns ncurses gives it (wcwidth of its first character: 1 or 2).
 */
static inline int cncurses_put(int y, int x, const char *utf8, attr_t attributes, short pair) {
    wchar_t text[CCHARW_MAX + 1] = {0};
    size_t count = mbstowcs(text, utf8, CCHARW_MAX);
    int width = count == (size_t)-1 || count == 0 ? -1 : wcwidth(text[0]);
    if (width < 1) {
        text[0] = L'?';
        text[1] = 0;
        width = 1;
    }
    cchar_t cell;
    setcchar(&cell, text, attributes, pair, NULL);
    mvwadd_wch(stdscr, y, x, &cell);
    return width > 2 ? 2 : width;
}

/* SIGTERM, SIGHUP, SIGQUIT: restore the terminal, then exit as the signal would (128 + number).
 * endwin is not async-signal-safe; ncurses' own SIGTERM handler does the same, and a terminal left
 * in the alternate screen with echo off is the worse outcome. (SIGINT never comes: the backend runs
 * in raw mode, where Ctrl-C is a key.) */
static inline void cncurses_exit_on_signal(int signal_number) {
    if (!isendwin()) endwin();
    _exit(128 + signal_number);
}

static inline void cncurses_restore_at_exit(void) {
    if (!isendwin()) endwin();
}

/* The handlers that were in place before cncurses_restore_on_exit, for the crash signals (a
 * function's static: a header-level static array is not emitted when Swift imports the header). */
static inline struct sigaction *cncurses_previous_crash_actions(void) {
    static struct sigaction actions[NSIG];
    return actions;
}

/* SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE (a crash in the TUI, or in a plugin it loaded): restore
 * the terminal, put the previous handler back (the Swift runtime's backtracer, or the default) and
 * raise the signal again for it, so the crash is still reported and still kills the process. */
static inline void cncurses_restore_on_crash(int signal_number) {
    if (!isendwin()) endwin();
    if (signal_number > 0 && signal_number < NSIG) sigaction(signal_number, &cncurses_previous_crash_actions()[signal_number], NULL);
    raise(signal_number);
}

/** Restores the terminal on exit(), on the signals above and on crashes. */
static inline void cncurses_restore_on_exit(void) {
    atexit(cncurses_restore_at_exit);
    struct sigaction action = {0};
    action.sa_handler = cncurses_exit_on_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
    struct sigaction crash = {0};
    crash.sa_handler = cncurses_restore_on_crash;
    sigemptyset(&crash.sa_mask);
    crash.sa_flags = SA_ONSTACK;
    const int signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGABRT, SIGFPE};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        sigaction(signals[i], &crash, &cncurses_previous_crash_actions()[signals[i]]);
    }
}

#endif
