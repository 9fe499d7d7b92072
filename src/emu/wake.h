/* Waking guest threads out of blocking host calls: debugger interrupts and guest signals that arrive while a
   thread is about to block or blocked. */
#ifndef XTRACE_WAKE_H
#define XTRACE_WAKE_H

#include <signal.h>

struct emu_cpu;

/* Host signal that interrupts a blocking host call (its handler does nothing; installed without SA_RESTART). */
#define EMU_WAKE_SIG (SIGRTMAX - 2)

/* Starts the waker in this process if it has none yet (at the first guest thread's start, so its fds are taken
   before the guest opens any; a forked child starts its own at its first blocking call). */
void emu_wake_init(void);
/* The guest thread c is about to make a blocking host call on this host thread. Returns 1 when it must not
   (a deliverable guest signal or a debugger interrupt is already waiting): the caller then reports -EINTR
   without calling. Otherwise the call is made and emu_block_end follows it. */
int emu_block_begin(struct emu_cpu *c);
/* The blocking host call of c returned. */
void emu_block_end(struct emu_cpu *c);
/* Makes sure c leaves a blocking host call it is in or about to enter (async-signal-safe: a request to the
   waker thread). Call after making the reason (pending signal, interrupt) visible. */
void emu_wake(struct emu_cpu *c);

#endif
