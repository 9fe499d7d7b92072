/* GDB remote serial protocol server over the debug target interface. */
#ifndef XTRACE_GDBSTUB_H
#define XTRACE_GDBSTUB_H

#include <stddef.h>

struct dbg;
struct gdbstub;

/* Listens on spec: "PORT" (127.0.0.1), "HOST:PORT" or "unix:PATH". Returns NULL with a one-line reason in err
   (e.g. the port is in use). */
struct gdbstub *gdbstub_listen(const char *spec, char *err, size_t errsz);
/* Accepts gdb connections and serves them until the target exits (the process then ends from the guest
   thread) or gdb detaches (returns; the guest runs on). A vanished gdb is waited for again. */
void gdbstub_serve(struct gdbstub *gs, struct dbg *d);

#endif
