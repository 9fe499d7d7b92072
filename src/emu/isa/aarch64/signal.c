/* aarch64 signal frames: the kernel's rt_sigframe {siginfo, ucontext with sigcontext and an fpsimd record}, and rt_sigreturn. */
#include <string.h>
#include <sys/mman.h>

#include "a64.h"

/* Offsets of the arm64 ABI (glibc ucontext_t and the kernel's struct rt_sigframe, checked with
   aarch64-linux-gnu-gcc offsetof()): siginfo 128 bytes, then the ucontext. */
#define SI_SIZE 128
#define UC_STACK 16
#define UC_SIGMASK 40
#define UC_MCONTEXT 176
#define MC_FAULT 0
#define MC_REGS 8
#define MC_SP 256
#define MC_PC 264
#define MC_PSTATE 272
#define MC_RESERVED 288
#define RESERVED_SIZE 4096
#define UC_SIZE 4560
#define FRAME_SIZE (SI_SIZE + UC_SIZE) /* 4688, a multiple of 16 */
#define FPSIMD_MAGIC 0x46508001u
#define FPSIMD_SIZE 528
#define FRAME_RECORD 16 /* {fp, lr} the kernel places above the frame for unwinders */
#define NR_RT_SIGRETURN 139
#define G_SA_SIGINFO 0x00000004u
#define G_SA_RESTORER 0x04000000u

/* Guest page holding "mov x8, #139; svc #0": the return path when the handler has no SA_RESTORER
   (the kernel's vDSO sigtramp). */
static uint64_t trampoline(struct emu_proc *p)
{
    static uint64_t at;
    if (at)
        return at;
    uint64_t a = mem_find_free(p->mem, MEM_PAGE, 0);
    if (!a || mem_map(p->mem, a, MEM_PAGE, MEM_R | MEM_W, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, "[vdso]") < 0)
        return 0;
    st32(mem_host(p->mem, a), 0xd2800008u | (NR_RT_SIGRETURN << 5)); /* movz x8, #139 */
    st32(mem_host(p->mem, a + 4), 0xd4000001u);                     /* svc #0 */
    mem_protect(p->mem, a, MEM_PAGE, MEM_R | MEM_X);
    at = a;
    return at;
}

int a64_sig_setup(struct emu_cpu *c, int sig, const struct sig_info *info, const struct guest_sigaction *act,
                  uint64_t sp)
{
    struct a64_cpu *r = A64(c);
    struct mem *m = c->proc->mem;
    uint64_t ret = act->flags & G_SA_RESTORER ? act->restorer : trampoline(c->proc);
    uint64_t rec = (sp - FRAME_RECORD) & ~15ull;
    uint64_t f = (rec - FRAME_SIZE) & ~15ull;
    uint8_t *h = mem_ptr(m, f, rec + FRAME_RECORD - f, MEM_W);
    if (!ret || !h)
        return -14; /* EFAULT */
    memset(h, 0, FRAME_SIZE);
    st64(h + (rec - f), r->x[29]);
    st64(h + (rec - f) + 8, r->x[30]);
    /* siginfo */
    sig_fill_siginfo(h, 8, sig, info);
    /* ucontext */
    uint8_t *uc = h + SI_SIZE, *mc = uc + UC_MCONTEXT;
    uint64_t cur_sp = r->x[A64_SP];
    int on_alt = c->altstack_size && cur_sp > c->altstack_sp && cur_sp - c->altstack_sp <= c->altstack_size;
    st64(uc + UC_STACK, c->altstack_sp);
    st32(uc + UC_STACK + 8, on_alt ? 1 : c->altstack_size ? 0 : 2);
    st64(uc + UC_STACK + 16, c->altstack_size);
    st64(uc + UC_SIGMASK, c->sigmask);
    st64(mc + MC_FAULT, info->addr);
    for (int i = 0; i < 31; i++)
        st64(mc + MC_REGS + 8 * i, r->x[i]);
    st64(mc + MC_SP, cur_sp);
    st64(mc + MC_PC, c->pc);
    st64(mc + MC_PSTATE, (uint64_t)a64_nzcv(c) << 28);
    uint8_t *fp = mc + MC_RESERVED;
    st32(fp, FPSIMD_MAGIC);
    st32(fp + 4, FPSIMD_SIZE);
    st32(fp + 8, a64_fpsr_read(c));
    st32(fp + 12, r->fpcr);
    memcpy(fp + 16, r->v, 32 * 16); /* both little-endian 128-bit values */
    /* the terminator record {0, 0} is already zero */
    r->x[0] = (uint64_t)sig;
    if (act->flags & G_SA_SIGINFO) {
        r->x[1] = f;
        r->x[2] = f + SI_SIZE;
    }
    r->x[A64_SP] = f;
    r->x[29] = rec;
    r->x[30] = ret;
    c->pc = act->handler;
    return 0;
}

int64_t a64_sig_return(struct emu_cpu *c)
{
    struct a64_cpu *r = A64(c);
    uint64_t f = r->x[A64_SP];
    const uint8_t *h = (f & 15) ? NULL : mem_ptr(c->proc->mem, f, FRAME_SIZE, MEM_R);
    if (!h)
        return -14;
    const uint8_t *uc = h + SI_SIZE, *mc = uc + UC_MCONTEXT;
    c->sigmask = ld64(uc + UC_SIGMASK) & ~((1ull << 8) | (1ull << 18)); /* never block SIGKILL/SIGSTOP */
    for (int i = 0; i < 31; i++)
        r->x[i] = ld64(mc + MC_REGS + 8 * i);
    r->x[A64_SP] = ld64(mc + MC_SP);
    c->pc = ld64(mc + MC_PC);
    a64_set_nzcv(c, (unsigned)(ld64(mc + MC_PSTATE) >> 28) & 15);
    /* walk the records in __reserved for the fpsimd context */
    for (unsigned off = 0; off + 8 <= RESERVED_SIZE;) {
        const uint8_t *rec = mc + MC_RESERVED + off;
        uint32_t magic = ld32(rec), size = ld32(rec + 4);
        if (!magic || size < 8 || (size & 15) || off + size > RESERVED_SIZE)
            break;
        if (magic == FPSIMD_MAGIC && size >= FPSIMD_SIZE) {
            a64_fpsr_write(c, ld32(rec + 8));
            a64_fpcr_write(c, ld32(rec + 12));
            memcpy(r->v, rec + 16, 32 * 16);
        }
        off += size;
    }
    r->excl_size = 0;
    return (int64_t)r->x[0];
}
