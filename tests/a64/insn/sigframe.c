/* A64 signal frame: sigcontext registers, pc, pstate and the fpsimd record seen by a handler, and changes to them taken back by rt_sigreturn. */
/* qemu-cpu: cortex-a72 (qemu's default "max" CPU has SVE, whose signal record overrides the fpsimd one on return) */
#define _GNU_SOURCE
#include <asm/sigcontext.h>
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "check.h"

static volatile uint64_t seen_x19, seen_pc, seen_sp, seen_pstate, seen_v8, seen_fpsr_ok, seen_magic, seen_size;
static volatile uint64_t seen_uc_off, seen_x0, seen_x1, seen_x2;
static volatile uint64_t insn_after;

static void handler(int sig, siginfo_t *si, void *ucv)
{
    ucontext_t *uc = ucv;
    uint64_t sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    seen_sp = sp;
    seen_x0 = (uint64_t)sig;
    seen_x1 = (uint64_t)si;
    seen_x2 = (uint64_t)uc;
    seen_uc_off = (uint64_t)uc - (uint64_t)si;
    seen_x19 = uc->uc_mcontext.regs[19];
    seen_pc = uc->uc_mcontext.pc;
    seen_pstate = uc->uc_mcontext.pstate;
    struct fpsimd_context *f = (struct fpsimd_context *)uc->uc_mcontext.__reserved;
    seen_magic = f->head.magic;
    seen_size = f->head.size;
    memcpy((void *)&seen_v8, &f->vregs[8], 8);
    seen_fpsr_ok = f->fpsr == 0x10; /* IXC set before the signal */
    /* changes the handler makes are what the interrupted code continues with */
    uc->uc_mcontext.regs[19] = 0x1234;
    uint64_t nv[2] = {0xfeedfacecafebeefull, 0x0123456789abcdefull};
    memcpy(&f->vregs[9], nv, 16);
    uc->uc_mcontext.pstate = (uc->uc_mcontext.pstate & ~0xf0000000ull) | 0x60000000ull; /* Z and C */
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    uint64_t x19_after, v9lo, v9hi, flags, pc_svc;
    register uint64_t pid __asm__("x0") = (uint64_t)getpid();
    register uint64_t tid __asm__("x1") = (uint64_t)gettid();
    __asm__ volatile("mov x19, #0x5555\n\t"
                     "mov x9, #0x4321\n\tfmov d8, x9\n\t"
                     "mov x9, #0x10\n\tmsr fpsr, x9\n\t"
                     "msr nzcv, xzr\n\t"
                     "mov x2, #10\n\tmov x8, #131\n\t" /* tgkill(pid, tid, SIGUSR1) */
                     "adr %4, 1f\n\t"
                     "svc #0\n"
                     "1:\tmov %0, x19\n\tfmov %1, d9\n\tmov %2, v9.d[1]\n\tmrs %3, nzcv"
                     : "=r"(x19_after), "=r"(v9lo), "=r"(v9hi), "=r"(flags), "=&r"(pc_svc), "+r"(pid), "+r"(tid)
                     :
                     : "x2", "x8", "x9", "x19", "v8", "v9", "memory", "cc");
    EQ(seen_x0, SIGUSR1);
    EQ(seen_uc_off, 128);      /* the ucontext follows the siginfo */
    EQ(seen_x19, 0x5555);
    EQ(seen_pc, pc_svc);       /* the pc after the svc */
    EQ(seen_pstate >> 28, 0);
    EQ(seen_magic, FPSIMD_MAGIC);
    EQ(seen_size, sizeof(struct fpsimd_context));
    EQ(seen_v8, 0x4321);
    EQ(seen_fpsr_ok, 1);
    EQ(seen_sp & 15, 0);
    EQ(x19_after, 0x1234);
    EQ(v9lo, 0xfeedfacecafebeefull);
    EQ(v9hi, 0x0123456789abcdefull);
    EQ(flags >> 28, 6);
    return finish("sigframe");
}
