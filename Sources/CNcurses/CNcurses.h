// ncursesw for Swift. Attributes, colour pairs, stdscr, LINES/COLS, getmaxyx and the ACS
// characters are macros or globals Swift cannot import (or that trip Swift 6's concurrency
// checks), so each is wrapped in a tiny function here.
#ifndef QUORUM_CNCURSES_H
#define QUORUM_CNCURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// Starts curses on stdin/stdout; false (instead of initscr's exit) when there is no terminal.
static inline bool quorum_start(void) {
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return false;
    set_term(screen);
    return true;
}

static inline WINDOW *quorum_stdscr(void) { return stdscr; }
static inline int quorum_lines(void) { return LINES; }
static inline int quorum_cols(void) { return COLS; }
static inline int quorum_colors(void) { return COLORS; }
static inline int quorum_color_pairs(void) { return COLOR_PAIRS; }

static inline void quorum_getmaxyx(int *rows, int *columns) {
    int y, x;
    getmaxyx(stdscr, y, x);
    *rows = y;
    *columns = x;
}

static inline attr_t quorum_a_normal(void) { return A_NORMAL; }
static inline attr_t quorum_a_bold(void) { return A_BOLD; }
static inline attr_t quorum_a_dim(void) { return A_DIM; }
static inline attr_t quorum_a_underline(void) { return A_UNDERLINE; }
static inline attr_t quorum_a_reverse(void) { return A_REVERSE; }
static inline attr_t quorum_a_italic(void) { return A_ITALIC; }

/// The line-drawing character for a VT100 code letter ('q' horizontal, 'x' vertical, ...).
static inline chtype quorum_acs(unsigned char code) { return NCURSES_ACS(code); }

static inline int quorum_key_f(int n) { return KEY_F(n); }

/// Reports clicks and the wheel as KEY_MOUSE; clicks at once, without waiting for a double.
static inline void quorum_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}

/// The mouse event behind a KEY_MOUSE: 1 a click, 4 the wheel up, 5 the wheel down, 0 anything
/// else, -1 none; its cell in *y, *x.
static inline int quorum_read_mouse(int *y, int *x) {
    MEVENT event;
    if (getmouse(&event) != OK) return -1;
    *y = event.y;
    *x = event.x;
    if (event.bstate & BUTTON1_PRESSED) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 4;
    if (event.bstate & BUTTON5_PRESSED) return 5;
    return 0;
}

// glibc declares wcwidth only under _XOPEN_SOURCE, which the system module was built without.
extern int wcwidth(wchar_t character);

/// Columns the C library (and so ncurses) gives a character: -1, 0, 1 or 2.
static inline int quorum_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }

/// Paints one cell: a spacing character followed by up to four combining ones.
static inline int quorum_put_wide(int y, int x, const wchar_t *text, attr_t attributes, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attributes, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

/// Paints one single-byte character (ASCII or an ACS line-drawing character).
static inline int quorum_put_narrow(int y, int x, chtype character, attr_t attributes, short pair) {
    return mvwaddch(stdscr, y, x, character | attributes | (chtype)COLOR_PAIR(pair));
}

static inline int quorum_read_wide(wint_t *value) { return wget_wch(stdscr, value); }
static inline int quorum_keypad(bool on) { return keypad(stdscr, on); }
static inline int quorum_nodelay(bool on) { return nodelay(stdscr, on); }
static inline int quorum_refresh(void) { return wrefresh(stdscr); }
static inline int quorum_clear(void) { return wclear(stdscr); }
static inline int quorum_move(int y, int x) { return wmove(stdscr, y, x); }

/// Whether the locale's character set is UTF-8 (after setlocale).
static inline bool quorum_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/// Installs `handler` for `signal_number` (on the alternate stack, when there is one) and
/// saves the action it replaces in `previous`.
static inline int quorum_set_signal_handler(int signal_number, void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    return sigaction(signal_number, &action, previous);
}

static inline int quorum_restore_signal_handler(int signal_number, const struct sigaction *previous) {
    return sigaction(signal_number, previous, NULL);
}

#endif
