/* Scrollback text for the TUI's panels: a ring of lines fed with raw bytes (newlines, CR, BS, tabs; escapes dropped). */
#ifndef XTRACE_UI_TEXT_H
#define XTRACE_UI_TEXT_H

#include <stddef.h>

#define UI_TEXT_LINES 2000

struct ui_text {
    char *line[UI_TEXT_LINES];   /* ring of lines (NUL-terminated), line[(first + i) % N] is line i */
    size_t len[UI_TEXT_LINES];   /* their lengths */
    int first;                   /* oldest line in the ring */
    int n;                       /* lines held (the last one may be unfinished) */
    size_t col;                  /* cursor column in the last line */
    int esc;                     /* inside an escape sequence: 1 after ESC, 2 in CSI, 3 in OSC */
    unsigned long total;         /* lines ever started (to notice news) */
};

/* Appends raw output. */
void ui_text_feed(struct ui_text *t, const char *s, size_t n);
/* Line i counted from the oldest (0 <= i < t->n), never NULL. */
const char *ui_text_line(const struct ui_text *t, int i);
/* Appends a formatted piece (may contain newlines). */
void ui_text_puts(struct ui_text *t, const char *s);

#endif
