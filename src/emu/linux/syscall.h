/* Syscall layer interface: table entries, the dispatcher's helpers, host-to-guest errno. */
#ifndef XTRACE_SYSCALL_H
#define XTRACE_SYSCALL_H

#include <stdint.h>

struct emu_cpu;
struct trace_sig;

/* A handler gets the six raw argument registers and returns the result or a negative guest errno. */
typedef int64_t (*sys_fn)(struct emu_cpu *cpu, const uint64_t a[6]);

/* One row of an architecture's syscall table. */
struct sys_ent {
    int nr;                       /* number in the guest's numbering */
    const char *name;             /* kernel name ("openat") */
    sys_fn fn;                    /* generic handler, NULL when not implemented (ENOSYS) */
    const struct trace_sig *sig;  /* decoding signature for the log, NULL to print raw */
    int blocking;                 /* may wait: the emulator lock is released around it */
    uint8_t wide;                 /* 32-bit ABIs: bit i set when logical argument i is 64-bit (a register pair) */
};

/* Numbering row, generated from the cross toolchain's <asm/unistd.h>. */
struct sys_num {
    int nr;                       /* syscall number */
    const char *name;             /* name without __NR_ */
};

/* Builds an indexed table from a generated numbering (ilp32: a 32-bit ABI); *n receives its length. */
const struct sys_ent *const *sys_build_table(const struct sys_num *nums, unsigned count, int ilp32, unsigned *n);

/* Guest O_* flags to the host's and back (isa->open_flags lists the bits that differ). */
struct emu_isa;
uint32_t sys_oflags_in(const struct emu_isa *isa, uint32_t guest);
uint32_t sys_oflags_out(const struct emu_isa *isa, uint32_t host);

/* Host errno to the guest's errno number (identity for the generic numbering). */
int sys_errno(int host_errno);

#endif
