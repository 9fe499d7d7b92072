/* TUI internals: the panel table, the layout and the state the panel renderers share. */
#ifndef XTRACE_UI_TUI_H
#define XTRACE_UI_TUI_H

#include <stdint.h>

#include "ui_int.h"
#include "ui_text.h"

enum { P_CODE, P_REGS, P_STACK, P_MEM, P_SYSCALLS, P_CONSOLE, P_THREADS, P_BREAKS, P_OUTPUT, P_COUNT };

/* Colour pairs (with monochrome attributes when the terminal has no colours). */
enum { C_TITLE = 1, C_CUR, C_CHANGED, C_BREAK, C_FAIL, C_STATUS, C_DIM, C_FOCUS, C_SOURCE };

struct tui;

/* A rectangle of the screen with a title row and a renderer. */
struct panel {
    const char *title;           /* shown in the title row */
    void (*draw)(struct tui *t, struct panel *p); /* fills rows y+1 .. y+h-1 */
    int y, x, h, w;              /* rectangle including the title row; h == 0 when hidden */
    int scroll;                  /* lines scrolled back from the default view */
    int focusable;               /* Tab stops here */
};

struct tui {
    struct ui *u;                /* the session */
    struct panel p[P_COUNT];     /* panels, indexed by P_* */
    int focus;                   /* focused panel, or -1 for the command line */
    int rows, cols;              /* screen size the layout was made for */
    int color;                   /* the terminal has colours */
    struct ui_text out;          /* command output */
    uint64_t cursor;             /* code panel cursor address (F9 target) */
    int mixed;                   /* code panel interleaves source lines */
    int help;                    /* the key map is shown */
    char status[256];            /* last stop, for the status line */
    unsigned long seen_sys;      /* syscall lines drawn */
};

/* Computes panel rectangles for the screen size. */
void tui_layout(struct tui *t, int rows, int cols);
/* Draws everything (panels, status line; the caller draws the prompt). */
void tui_draw(struct tui *t);
/* Draws the key map over the panels. */
void tui_draw_help(struct tui *t);
/* The attribute of colour pair c (or its monochrome stand-in). */
int tui_attr(struct tui *t, int c);
/* Registers the panel table into t. */
void tui_panels_init(struct tui *t);

#endif
