/* riscv64 backend table: ELF acceptance, registers, syscall ABI, thread set-up and disassembly hooks. */
#include <elf.h>
#include <stddef.h>

#include "disasm.h"
#include "rv.h"

int rv_decode(struct emu_proc *p, uint64_t pc, struct blk_builder *b);
int rv_sig_setup(struct emu_cpu *c, int sig, const struct sig_info *info, const struct guest_sigaction *act, uint64_t sp);
int64_t rv_sig_return(struct emu_cpu *c);
extern const struct isa_reg rv_gdb_regs[];
extern const char *const rv_gdb_xml[];
int rv_mem_ref(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len);

static uint64_t get_sp(struct emu_cpu *c)
{
    return XR(c, 2);
}

static const char *check_elf(uint32_t flags)
{
    if (flags & EF_RISCV_RVE)
        return "it uses the RV32E/RV64E base (16 registers), which xtrace does not implement";
    if ((flags & EF_RISCV_FLOAT_ABI) == EF_RISCV_FLOAT_ABI_QUAD)
        return "it uses the quad-float ABI (Q extension), which xtrace does not implement";
    return NULL;
}

static void cpu_init(struct emu_cpu *c, uint64_t entry, uint64_t sp)
{
    c->pc = entry;
    RV(c)->x[2] = sp;
    RV(c)->res_addr = ~0ull;
    rv_fp_init(c);
}

static void sys_args(struct emu_cpu *c, uint64_t *nr, uint64_t a[6])
{
    *nr = XR(c, 17);
    for (int i = 0; i < 6; i++)
        a[i] = XR(c, 10 + i);
}

static void sys_ret(struct emu_cpu *c, int64_t ret)
{
    XR(c, 10) = (uint64_t)ret;
}

static void clone_child(struct emu_cpu *c, uint64_t stack, uint64_t tls, int set_tls)
{
    uint64_t fcsr;
    rv_fcsr_read(c, 3, &fcsr); /* the child inherits fcsr; merge the host's sticky flags first */
    XR(c, 10) = 0;
    if (stack)
        XR(c, 2) = stack;
    if (set_tls)
        XR(c, 4) = tls;
    RV(c)->res_addr = ~0ull;
    rv_fcsr_write(c, 3, fcsr);
}

/* pc, then ra, then the frame-pointer chain (s0 points past {ra, caller s0}) while it stays on the stack. */
static int unwind(struct emu_cpu *c, uint64_t *pcs, int max)
{
    struct mem *m = c->proc->mem;
    int n = 0;
    if (max > 0)
        pcs[n++] = c->pc;
    uint64_t ra = XR(c, 1), fp = XR(c, 8), sp = XR(c, 2);
    if (n < max && ra)
        pcs[n++] = ra;
    while (n < max && fp > sp && (fp & 7) == 0 && mem_check(m, fp - 16, 16, MEM_R)) {
        uint64_t r = ld64(mem_host(m, fp - 8)), prev = ld64(mem_host(m, fp - 16));
        if (!r || prev <= fp)
            break;
        if (r != pcs[n - 1]) /* the innermost record repeats ra */
            pcs[n++] = r;
        sp = fp;
        fp = prev;
    }
    return n;
}

static int disasm(struct emu_proc *p, uint64_t pc, char *out, size_t n)
{
    if (!mem_check(p->mem, pc, 2, MEM_R))
        return 0;
    uint32_t w = ld16(mem_host(p->mem, pc));
    if ((w & 3) == 3) {
        if (!mem_check(p->mem, pc + 2, 2, MEM_R))
            return 0;
        w |= (uint32_t)ld16(mem_host(p->mem, pc + 2)) << 16;
    }
    return rv_disasm(pc, w, out, n);
}

#define XREG(n, i) {.name = n, .bits = 64, .offset = offsetof(struct rv_cpu, x) + 8 * (i)}
static const struct isa_reg regs[] = {
    {.name = "pc", .bits = 64, .offset = offsetof(struct emu_cpu, pc)},
    XREG("ra", 1), XREG("sp", 2), XREG("gp", 3), XREG("tp", 4), XREG("t0", 5), XREG("t1", 6), XREG("t2", 7),
    XREG("s0", 8), XREG("s1", 9), XREG("a0", 10), XREG("a1", 11), XREG("a2", 12), XREG("a3", 13), XREG("a4", 14),
    XREG("a5", 15), XREG("a6", 16), XREG("a7", 17), XREG("s2", 18), XREG("s3", 19), XREG("s4", 20), XREG("s5", 21),
    XREG("s6", 22), XREG("s7", 23), XREG("s8", 24), XREG("s9", 25), XREG("s10", 26), XREG("s11", 27),
    XREG("t3", 28), XREG("t4", 29), XREG("t5", 30), XREG("t6", 31),
    {.name = NULL},
};

/* COMPAT_HWCAP_ISA_x bits: 1 << (letter - 'A') for I, M, A, F, D, C. */
#define HW(ch) (1ull << ((ch) - 'A'))

struct emu_isa isa_riscv64 = {
    .name = "riscv64",
    .elf_machine = EM_RISCV,
    .elf_class = ELFCLASS64,
    .uname_machine = "riscv64",
    .cpuinfo = "processor\t: %d\nhart\t\t: %d\nisa\t\t: rv64imafdc\nmmu\t\t: sv39\nuarch\t\t: xtrace,riscv64\n\n",
    .platform = NULL,
    .addr_bits = 38, /* Sv39 user half, as a riscv64 board's kernel gives */
    .cpu_size = sizeof(struct rv_cpu),
    .regs = regs,
    .gdb_regs = rv_gdb_regs,
    .gdb_xml = rv_gdb_xml,
    .mem_ref = rv_mem_ref,
    .check_elf = check_elf,
    .cpu_init = cpu_init,
    .decode = rv_decode,
    .sys_args = sys_args,
    .sys_ret = sys_ret,
    .disasm = disasm,
    .sig_setup = rv_sig_setup,
    .sig_return = rv_sig_return,
    .get_sp = get_sp,
    .unwind = unwind,
    .clone_child = clone_child,
    .clone_tls_arg = 3,
    .clone_ctid_arg = 4,
    .hwcap = HW('I') | HW('M') | HW('A') | HW('F') | HW('D') | HW('C'),
};
