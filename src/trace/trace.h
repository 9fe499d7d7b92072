/* Syscall log: strace-format decoding of guest syscalls from signatures and xlat tables. */
#ifndef XTRACE_TRACE_H
#define XTRACE_TRACE_H

#include <stdint.h>
#include <stdio.h>

struct emu_cpu;
struct sys_ent;
struct trace_sig;
struct trace;

/* Options of the syscall log. */
struct trace_opts {
    FILE *out;           /* where lines go (stderr or -o FILE) */
    int strsize;         /* -s: longest string printed (default 32) */
    const char *abi;     /* guest ABI name selecting xlat tables ("riscv64") */
};

/* Creates the log state; the caller keeps opts->out open. */
struct trace *trace_new(const struct trace_opts *opts);
/* Signature of a syscall by kernel name, or NULL (then arguments print as raw hex). */
const struct trace_sig *trace_sig_find(const char *name);
/* Frees the log state (not opts->out). */
void trace_free(struct trace *t);
/* Selects the guest ABI for trace_errno_name/trace_signal_name without a log; 0, or -1 if unknown. */
int trace_set_abi(const char *abi);
/* Number of syscalls with signatures. */
unsigned trace_sig_count(void);
/* Called before the handler runs; prints syscalls that never return (exit, exit_group) at once.
   Other syscalls print at trace_leave with the arguments read here, so an emulated execve that
   succeeds must still call trace_leave (with 0) before the old image is gone for good. */
void trace_enter(struct trace *t, struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6]);
/* Called after the handler with its result (negative guest errno on failure); prints the line. */
void trace_leave(struct trace *t, struct emu_cpu *cpu, const struct sys_ent *e, const uint64_t a[6], int64_t ret);
/* "+++ exited with N +++" */
void trace_exited(struct trace *t, int status);
/* "+++ killed by SIGSEGV +++" (with " (core dumped)" when core is set) */
void trace_killed(struct trace *t, int sig, int core);
/* "--- SIGSEGV {si_signo=SIGSEGV, si_code=SEGV_MAPERR, si_addr=0x10} ---" */
void trace_signal(struct trace *t, int sig, int code, uint64_t addr);
/* "--- SIGABRT {si_signo=SIGABRT, si_code=SI_TKILL, si_pid=12, si_uid=1000} ---" for signals sent by a process */
void trace_signal_sent(struct trace *t, int sig, int code, int pid, unsigned uid);
/* Name of a guest errno ("ENOENT"), or NULL. */
const char *trace_errno_name(int guest_errno);
/* Name of a guest signal ("SIGSEGV"), or NULL. */
const char *trace_signal_name(int sig);

#endif
