/* Debugger front ends over the debug target interface: a scriptable line mode and a curses TUI. */
#ifndef XTRACE_UI_H
#define XTRACE_UI_H

#include <stddef.h>
#include <stdint.h>
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

/* Before ui_run (and ui_prepare_console): this xtrace was re-executed by an exec of a foreign program under a
   front end, which left its state in fd (--ui-resume FD): read it (the console's terminal fds are taken over).
   Returns 0, or -1 with a message on stderr. */
int ui_resume_from(int fd);

/* A board attached through src/remote (xtrace attach/board): its UART and its emulator's monitor. */
struct ui_board {
    void *ctx;                   /* argument of the functions below */
    const char *uart_name;       /* where the UART is, for messages; NULL when there is none */
    int wake_fd;                 /* readable when UART bytes arrived (-1 without a UART) */
    int echoes;                  /* line mode: UART bytes are printed as they arrive */
    /* Copies UART bytes from stream offset *pos into buf, advancing *pos; returns how many. */
    size_t (*uart_read)(void *ctx, uint64_t *pos, char *buf, size_t n);
    /* Waits up to timeout_ms for bytes past pos: 1, 0 on timeout, -1 when the UART closed. */
    int (*uart_wait)(void *ctx, uint64_t pos, int timeout_ms);
    int (*uart_send)(void *ctx, const char *s, size_t n);   /* 0 or -1 */
    uint64_t (*uart_total)(void *ctx);                       /* bytes received so far */
    long (*uart_idle_ms)(void *ctx);                         /* since the last byte */
    void (*uart_drain)(void *ctx);                           /* empties wake_fd */
    /* Runs a command of the emulator's monitor (qRcmd); 0 with *out malloc'd, or -errno. */
    int (*monitor)(void *ctx, const char *cmd, char **out);
};
/* Before ui_run: the console panel shows the board's UART (its keys go there) instead of a guest pty, the
   TUI keeps the real terminal, and the uart/monitor commands work. */
void ui_set_board(const struct ui_board *b);
const struct ui_board *ui_get_board(void);
/* A line for the user from outside the command interpreter (a lost connection): the running front end's
   output, or stderr before it runs. */
void ui_notify(const char *text);

#endif
