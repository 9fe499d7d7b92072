/* Guest signal delivery entry points used by the run loop. */
#ifndef XTRACE_SIGDELIVER_H
#define XTRACE_SIGDELIVER_H

struct emu_cpu;
struct sig_info;

/* Delivers the synchronous signal in cpu->sig/sig_code/sig_addr; returns 0 to go on, -sig when the guest dies. */
int sig_deliver_sync(struct emu_cpu *cpu);
/* Delivers every pending unblocked signal; returns 0 or -sig when the guest dies. */
int sig_deliver_pending(struct emu_cpu *cpu);
/* Queues sig for cpu (discarded when ignored). */
void sig_queue(struct emu_cpu *cpu, int sig, const struct sig_info *info);

/* True when a deliverable pending signal has an SA_RESTART handler (an interrupted syscall is re-run). */
int sig_restartable(struct emu_cpu *cpu);

#endif
