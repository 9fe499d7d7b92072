/* Entry point of `xtrace attach` and `xtrace board` (board emulators: gdbstub, UART, QMP) for main.c. */
#ifndef XTRACE_REMOTE_ATTACH_H
#define XTRACE_REMOTE_ATTACH_H

/* argv[0] is "attach" or "board"; returns the exit status (the front end exits itself when it ends). */
int remote_main(int argc, char **argv);

#endif
