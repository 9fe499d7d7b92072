/* Starting a board emulator (qemu-system) halted with a gdbstub, a serial socket and QMP, and shutting it down. */
#ifndef XTRACE_REMOTE_BOARD_H
#define XTRACE_REMOTE_BOARD_H

#include <sys/types.h>

struct board {
    pid_t pid;                   /* the emulator, 0 when not running */
    int qmp;                     /* QMP connection, -1 when closed */
    char dir[128];               /* private temporary directory (QMP socket, emulator log) */
    char qmp_path[192];          /* DIR/qmp.sock */
    char log_path[192];          /* DIR/emulator.log: its stdout and stderr */
    char gdb[128];               /* where its gdbstub listens (HOST:PORT or unix:PATH) */
    char uart[128];              /* where its first serial port listens (tcp:HOST:PORT or unix:PATH) */
    char label[160];             /* "qemu-system-arm -M virt" for titles */
};

/* Starts argv (qemu-system-ARCH and its options) with -S, -gdb on a free port, the first serial port on a
   socket chardev (label ser0) on a free port and QMP on a unix socket; reads the real ports back with
   query-chardev. Returns 0, or -1 with a message (the emulator's own complaint when it exited). */
int board_start(struct board *b, char *const *argv, char *err, size_t errsz);
/* Shuts the emulator down: QMP quit, then SIGTERM by pid (SIGKILL if it still lingers); removes the
   temporary directory. Safe to call twice. */
void board_stop(struct board *b);

#endif
