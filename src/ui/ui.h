/* Debugger front ends over the debug target interface: a scriptable line mode and a curses TUI. */
#ifndef XTRACE_UI_H
#define XTRACE_UI_H

#include <stdio.h>

struct dbg;

enum { UI_CLI = 1, UI_TUI = 2 };

/* Moves the guest's fds 0/1/2 onto a new pseudo-terminal (the TUI's console panel) and keeps the real
   terminal for curses. Call before the guest runs its first instruction; returns 0 or -errno. */
int ui_prepare_console(void);
/* A FILE for the syscall log (trace_opts.out) that feeds the TUI's syscalls panel and copies every line
   to tee when tee is not NULL; NULL on failure. */
FILE *ui_trace_file(FILE *tee);
/* Runs the front end on the calling thread after dbg_new() and emu_start_thread(): reads commands from
   script (-x FILE) first, then from stdin (UI_CLI) or the terminal (UI_TUI). Returns the exit status
   xtrace should end with when the user quits before the guest has finished; when the guest has exited
   it lets the guest thread end the process with the guest's status and does not return. */
int ui_run(struct dbg *d, int mode, FILE *script);

#endif
