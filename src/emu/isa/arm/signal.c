/* arm signal frames: the kernel's sigframe {ucontext, retcode} and rt_sigframe {siginfo, sigframe} with the
   VFP record in uc_regspace, the [sigpage] return trampolines, and sigreturn / rt_sigreturn. */
#include <string.h>
#include <sys/mman.h>

#include "arm.h"

/* Offsets of the arm EABI layouts (glibc ucontext_t = the kernel's struct ucontext, struct sigcontext from
   asm/sigcontext.h, checked with arm-linux-gnueabihf-gcc offsetof()). */
#define SI_SIZE 128
#define UC_FLAGS 0
#define UC_STACK 8       /* stack_t: ss_sp, ss_flags, ss_size */
#define UC_MCONTEXT 20   /* struct sigcontext */
#define UC_SIGMASK 104   /* kernel sigset_t (64 bits), then padding to 128 bytes */
#define UC_REGSPACE 232  /* unsigned long uc_regspace[128], 8-aligned */
#define UC_SIZE 744
#define SIGFRAME_SIZE (UC_SIZE + 16) /* struct sigframe: ucontext, retcode[4] */
#define RT_SIGFRAME_SIZE (SI_SIZE + SIGFRAME_SIZE)
#define SC_TRAP_NO 0
#define SC_ERROR_CODE 4
#define SC_OLDMASK 8
#define SC_R0 12         /* arm_r0 .. arm_r10, fp, ip, sp, lr, pc: 16 words */
#define SC_CPSR 76
#define SC_FAULT 80
/* struct vfp_sigframe: magic, size, user_vfp {fpregs[32], fpscr} (8-aligned), user_vfp_exc {fpexc, fpinst,
   fpinst2}; the aux area ends with a zero end_magic word. */
#define VFP_MAGIC 0x56465001u
#define VFP_STORAGE_SIZE 288
#define VFP_REGS 8
#define VFP_FPSCR 264
#define VFP_FPEXC 272
#define FPEXC_EN 0x40000000u
#define UC_FLAGS_SIGFRAME 0x5ac3c35au /* the kernel's mark of a non-rt frame for debuggers */
#define NR_SIGRETURN 119
#define NR_RT_SIGRETURN 173
#define G_SA_SIGINFO 0x00000004u
#define G_SA_RESTORER 0x04000000u
#define CPSR_T (1u << 5)
#define CPSR_FLAGS 0xff00fc00u /* N Z C V Q, IT[1:0], J, IT[7:2]: cleared for the handler like the kernel does */

/* The [sigpage]: sigreturn and rt_sigreturn as ARM (mov r7, #nr; svc #0) and Thumb (movs r7, #nr; svc #0)
   code at the kernel's offsets 0 (ARM), 8 (Thumb), 12 (ARM rt), 20 (Thumb rt); used when the handler has no
   SA_RESTORER. Returns its address or 0. */
static uint32_t sigpage(struct emu_proc *p)
{
    static uint32_t at;
    if (at)
        return at;
    uint64_t a = mem_find_free(p->mem, MEM_PAGE, 0);
    if (!a || a + MEM_PAGE > 0x100000000ull ||
        mem_map(p->mem, a, MEM_PAGE, MEM_R | MEM_W, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0, "[sigpage]") < 0)
        return 0;
    uint8_t *h = mem_host(p->mem, a);
    st32(h + 0, 0xe3a07000u | NR_SIGRETURN);     /* mov r7, #119 */
    st32(h + 4, 0xef000000u);                    /* svc #0 */
    st16(h + 8, 0x2700u | NR_SIGRETURN);         /* movs r7, #119 */
    st16(h + 10, 0xdf00u);                       /* svc #0 */
    st32(h + 12, 0xe3a07000u | NR_RT_SIGRETURN); /* mov r7, #173 */
    st32(h + 16, 0xef000000u);                   /* svc #0 */
    st16(h + 20, 0x2700u | NR_RT_SIGRETURN);     /* movs r7, #173 */
    st16(h + 22, 0xdf00u);                       /* svc #0 */
    mem_protect(p->mem, a, MEM_PAGE, MEM_R | MEM_X);
    at = (uint32_t)a;
    return at;
}

static int is_fault(int sig) { return sig == 11 || sig == 7 || sig == 4 || sig == 8 || sig == 5; }

/* Fills the ucontext at uc (host pointer) with the interrupted state. */
static void save_uc(struct emu_cpu *c, uint8_t *uc, int sig, const struct sig_info *info, uint32_t flags)
{
    struct arm_cpu *a = ARM(c);
    uint8_t *mc = uc + UC_MCONTEXT, *vfp = uc + UC_REGSPACE;
    uint32_t sp = a->r[13];
    int on_alt = c->altstack_size && sp > c->altstack_sp && sp - c->altstack_sp <= c->altstack_size;
    st32(uc + UC_FLAGS, flags);
    st32(uc + UC_STACK, (uint32_t)c->altstack_sp);
    st32(uc + UC_STACK + 4, on_alt ? 1 : c->altstack_size ? 0 : 2);
    st32(uc + UC_STACK + 8, (uint32_t)c->altstack_size);
    if (is_fault(sig) && info->code > 0) {
        st32(mc + SC_TRAP_NO, sig == 11 || sig == 7 ? 14 : sig == 4 ? 6 : 0); /* data abort, undefined insn */
        st32(mc + SC_FAULT, (uint32_t)info->addr);
    }
    st32(mc + SC_OLDMASK, (uint32_t)c->sigmask);
    for (int i = 0; i < 15; i++)
        st32(mc + SC_R0 + 4 * i, a->r[i]);
    st32(mc + SC_R0 + 60, (uint32_t)c->pc & ~1u);
    st32(mc + SC_CPSR, (uint32_t)arm_get_cpsr(c));
    st64(uc + UC_SIGMASK, c->sigmask);
    st32(vfp, VFP_MAGIC);
    st32(vfp + 4, VFP_STORAGE_SIZE);
    for (int i = 0; i < 32; i++)
        st64(vfp + VFP_REGS + 8 * i, a->d[i]);
    st32(vfp + VFP_FPSCR, arm_fpscr_read(c));
    st32(vfp + VFP_FPEXC, FPEXC_EN);
    st32(vfp + VFP_STORAGE_SIZE, 0); /* end_magic */
}

int arm_sig_setup(struct emu_cpu *c, int sig, const struct sig_info *info, const struct guest_sigaction *act,
                  uint64_t sp)
{
    struct arm_cpu *a = ARM(c);
    int rt = (act->flags & G_SA_SIGINFO) != 0;
    uint32_t size = rt ? RT_SIGFRAME_SIZE : SIGFRAME_SIZE;
    uint32_t f = ((uint32_t)sp - size) & ~7u;
    uint8_t *h = mem_ptr(c->proc->mem, f, size, MEM_W);
    uint32_t thumb = (uint32_t)act->handler & 1, ret;
    if (act->flags & G_SA_RESTORER) {
        ret = (uint32_t)act->restorer;
    } else {
        uint32_t page = sigpage(c->proc);
        if (!page)
            return -14;
        ret = page + (thumb ? 8 : 0) + (rt ? 12 : 0) + thumb;
    }
    if (!h || (uint32_t)sp < size)
        return -14; /* EFAULT */
    memset(h, 0, size);
    uint8_t *uc = h;
    if (rt) {
        sig_fill_siginfo(h, 4, sig, info);
        uc = h + SI_SIZE;
    }
    save_uc(c, uc, sig, info, rt ? 0 : UC_FLAGS_SIGFRAME);
    uint32_t cpsr = ((uint32_t)arm_get_cpsr(c) & ~CPSR_FLAGS & ~CPSR_T) | (thumb ? CPSR_T : 0);
    a->r[0] = (uint32_t)sig;
    if (rt) {
        a->r[1] = f;
        a->r[2] = f + SI_SIZE;
    }
    a->r[13] = f;
    a->r[14] = ret;
    c->pc = (uint32_t)act->handler & ~1u;
    arm_set_cpsr(c, cpsr); /* flags cleared, T from the handler address (pc bit 0) */
    a->excl_valid = 0;
    return 0;
}

/* sigreturn (r7 = 119: the frame is a sigframe at sp) and rt_sigreturn (173: an rt_sigframe at sp). */
int64_t arm_sig_return(struct emu_cpu *c)
{
    struct arm_cpu *a = ARM(c);
    uint32_t f = a->r[13];
    int rt = a->r[7] != NR_SIGRETURN;
    uint32_t size = rt ? RT_SIGFRAME_SIZE : SIGFRAME_SIZE;
    const uint8_t *h = (f & 7) ? NULL : mem_ptr(c->proc->mem, f, size, MEM_R);
    const uint8_t *uc = h ? h + (rt ? SI_SIZE : 0) : NULL, *mc, *vfp;
    if (!uc || ld32(uc + UC_REGSPACE) != VFP_MAGIC || ld32(uc + UC_REGSPACE + 4) != VFP_STORAGE_SIZE) {
        /* a misaligned, unreadable or damaged frame (the VFP record is checked): the kernel forces SIGSEGV */
        emu_raise(c, 11, 0x80 /* SI_KERNEL */, 0);
        return -14;
    }
    mc = uc + UC_MCONTEXT;
    vfp = uc + UC_REGSPACE;
    c->sigmask = ld64(uc + UC_SIGMASK) & ~((1ull << 8) | (1ull << 18)); /* never block SIGKILL/SIGSTOP */
    for (int i = 0; i < 15; i++)
        a->r[i] = ld32(mc + SC_R0 + 4 * i);
    c->pc = ld32(mc + SC_R0 + 60) & ~1u;
    arm_set_cpsr(c, ld32(mc + SC_CPSR));
    if (!(c->pc & 1))
        c->pc &= ~3ull; /* A32 state: the pc is word-aligned */
    for (int i = 0; i < 32; i++)
        a->d[i] = ld64(vfp + VFP_REGS + 8 * i);
    arm_fpscr_write(c, ld32(vfp + VFP_FPSCR));
    a->excl_valid = 0;
    return (int64_t)(int32_t)a->r[0];
}
