/* Guest signal delivery entry points used by the run loop, and what signal.c and sys_sigfd.c share. */
#ifndef XTRACE_SIGDELIVER_H
#define XTRACE_SIGDELIVER_H

struct emu_cpu;
struct sig_info;

#include <stdint.h>

/* Delivers the synchronous signal in cpu->sig/sig_code/sig_addr; returns 0 to go on, -sig when the guest dies. */
int sig_deliver_sync(struct emu_cpu *cpu);
/* Delivers every pending unblocked signal; returns 0 or -sig when the guest dies. */
int sig_deliver_pending(struct emu_cpu *cpu);
/* Queues sig for cpu (discarded when ignored). */
void sig_queue(struct emu_cpu *cpu, int sig, const struct sig_info *info);

/* True when a deliverable pending signal has an SA_RESTART handler (an interrupted syscall is re-run). */
int sig_restartable(struct emu_cpu *cpu);

/* True for the signals whose guest mask the host thread mirrors (classic ones but faults, SIGKILL, SIGSTOP). */
int sig_host_maskable(int sig);
/* Makes the calling host thread block exactly the mirrored signals the guest mask blocks. */
void sig_host_mask(uint64_t guest_mask);

/* Takes over the blocked mask the host thread inherited through execve (once per process). */
void sig_adopt_host_mask(struct emu_cpu *c);

/* Signal waiting syscalls (sys_sigfd.c), bound through signal.c's table. */
int64_t sys_rt_sigtimedwait(struct emu_cpu *c, const uint64_t a[6]);
int64_t sys_rt_sigtimedwait_time64(struct emu_cpu *c, const uint64_t a[6]);
int64_t sys_signalfd4(struct emu_cpu *c, const uint64_t a[6]);
int64_t sys_signalfd(struct emu_cpu *c, const uint64_t a[6]);

#endif
