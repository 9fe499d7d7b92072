/* riscv64 signal frames: rt_sigframe {siginfo, ucontext} as the kernel lays it out, and rt_sigreturn. */
#include <string.h>
#include <sys/mman.h>

#include "rv.h"

/* Offsets measured from the riscv64 ABI (glibc ucontext_t, kernel struct rt_sigframe). */
#define SI_SIZE 128
#define UC_STACK 16
#define UC_SIGMASK 40
#define UC_MCONTEXT 176
#define UC_FPREGS (UC_MCONTEXT + 256)
#define UC_FCSR (UC_FPREGS + 256)
#define UC_SIZE 960
#define FRAME_SIZE (SI_SIZE + UC_SIZE)
#define NR_RT_SIGRETURN 139

/* Guest page holding "li a7, 139; ecall", the return path of every handler (the kernel's vDSO has the same). */
static uint64_t trampoline(struct emu_proc *p)
{
    static uint64_t at;
    if (at)
        return at;
    uint64_t a = mem_find_free(p->mem, MEM_PAGE, 0);
    if (!a || mem_map(p->mem, a, MEM_PAGE, MEM_R | MEM_W, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, "[vdso]") < 0)
        return 0;
    st32(mem_host(p->mem, a), 0x00000893u | (NR_RT_SIGRETURN << 20)); /* addi a7, zero, 139 */
    st32(mem_host(p->mem, a + 4), 0x00000073u);                        /* ecall */
    mem_protect(p->mem, a, MEM_PAGE, MEM_R | MEM_X);
    at = a;
    return at;
}

int rv_sig_setup(struct emu_cpu *c, int sig, const struct sig_info *info, const struct guest_sigaction *act, uint64_t sp)
{
    struct rv_cpu *r = RV(c);
    struct mem *m = c->proc->mem;
    uint64_t tr = trampoline(c->proc);
    uint64_t f = (sp - FRAME_SIZE) & ~15ull;
    uint8_t *h = mem_ptr(m, f, FRAME_SIZE, MEM_W);
    if (!tr || !h)
        return -14; /* EFAULT */
    memset(h, 0, FRAME_SIZE);
    sig_fill_siginfo(h, 8, sig, info);
    uint8_t *uc = h + SI_SIZE;
    uint64_t cur_sp = r->x[2];
    int on_alt = c->altstack_size && cur_sp > c->altstack_sp && cur_sp - c->altstack_sp <= c->altstack_size;
    st64(uc + UC_STACK, c->altstack_sp);
    st32(uc + UC_STACK + 8, on_alt ? 1 : c->altstack_size ? 0 : 2);
    st64(uc + UC_STACK + 16, c->altstack_size);
    st64(uc + UC_SIGMASK, c->sigmask);
    st64(uc + UC_MCONTEXT, c->pc);
    for (int i = 1; i < 32; i++)
        st64(uc + UC_MCONTEXT + 8 * i, r->x[i]);
    for (int i = 0; i < 32; i++)
        st64(uc + UC_FPREGS + 8 * i, r->f[i]);
    uint64_t fcsr = 0;
    rv_fcsr_read(c, 3, &fcsr);
    st32(uc + UC_FCSR, (uint32_t)fcsr);
    r->x[10] = (uint64_t)sig;
    r->x[11] = f;
    r->x[12] = f + SI_SIZE;
    r->x[2] = f;
    r->x[1] = tr;
    c->pc = act->handler;
    return 0;
}

int64_t rv_sig_return(struct emu_cpu *c)
{
    struct rv_cpu *r = RV(c);
    uint64_t f = r->x[2];
    const uint8_t *h = mem_ptr(c->proc->mem, f, FRAME_SIZE, MEM_R);
    if (!h)
        return -14;
    const uint8_t *uc = h + SI_SIZE;
    c->sigmask = ld64(uc + UC_SIGMASK) & ~((1ull << 8) | (1ull << 18)); /* never block SIGKILL/SIGSTOP */
    c->pc = ld64(uc + UC_MCONTEXT);
    for (int i = 1; i < 32; i++)
        r->x[i] = ld64(uc + UC_MCONTEXT + 8 * i);
    for (int i = 0; i < 32; i++)
        r->f[i] = ld64(uc + UC_FPREGS + 8 * i);
    rv_fcsr_write(c, 3, ld32(uc + UC_FCSR));
    r->res_addr = ~0ull;
    return (int64_t)r->x[10];
}
