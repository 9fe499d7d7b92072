/* aarch64 backend table: ELF acceptance, registers, syscall ABI, thread set-up, HWCAP and disassembly hooks. */
#include <elf.h>
#include <stddef.h>

#include "a64.h"

#ifndef EM_AARCH64
#define EM_AARCH64 183
#endif

int a64_decode(struct emu_proc *p, uint64_t pc, struct blk_builder *b);
int a64_sig_setup(struct emu_cpu *c, int sig, const struct sig_info *info, const struct guest_sigaction *act,
                  uint64_t sp);
int64_t a64_sig_return(struct emu_cpu *c);
int a64_disasm(uint64_t pc, uint32_t insn, char *out, size_t outsz);
int a64_mem_ref(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len);
extern const struct isa_reg a64_gdb_regs[];
extern const char *const a64_gdb_xml[];

static uint64_t get_sp(struct emu_cpu *c)
{
    return XR(c, A64_SP);
}

static const char *check_elf(uint32_t flags)
{
    (void)flags; /* arm64 defines no e_flags */
    return NULL;
}

static void cpu_init(struct emu_cpu *c, uint64_t entry, uint64_t sp)
{
    c->pc = entry;
    XR(c, A64_SP) = sp;
    A64(c)->mem_base = c->proc->mem->base;
    A64(c)->mem_limit = c->proc->mem->limit;
    A64(c)->excl_size = 0;
    a64_fp_init(c);
}

static void sys_args(struct emu_cpu *c, uint64_t *nr, uint64_t a[6])
{
    *nr = XR(c, 8);
    for (int i = 0; i < 6; i++)
        a[i] = XR(c, i);
}

static void sys_ret(struct emu_cpu *c, int64_t ret)
{
    XR(c, 0) = (uint64_t)ret;
}

static void clone_child(struct emu_cpu *c, uint64_t stack, uint64_t tls, int set_tls)
{
    uint32_t fpsr = a64_fpsr_read(c); /* the child inherits FPSR; merge the host's sticky flags first */
    XR(c, 0) = 0;
    if (stack)
        XR(c, A64_SP) = stack;
    if (set_tls)
        A64(c)->tpidr = tls;
    A64(c)->excl_size = 0;
    a64_fpsr_write(c, fpsr);
}

/* pc, then lr, then the frame-record chain (x29 points at {caller's x29, return address}) while it stays on
   the stack and moves up. */
static int unwind(struct emu_cpu *c, uint64_t *pcs, int max)
{
    struct mem *m = c->proc->mem;
    int n = 0;
    if (max > 0)
        pcs[n++] = c->pc;
    uint64_t lr = XR(c, 30), fp = XR(c, 29), sp = XR(c, A64_SP);
    if (n < max && lr)
        pcs[n++] = lr;
    /* frames only move up the stack, so the walk ends */
    for (int first = 1; n < max && fp >= sp && (fp & 7) == 0 && mem_check(m, fp, 16, MEM_R); first = 0) {
        uint64_t prev = ld64(mem_host(m, fp)), r = ld64(mem_host(m, fp + 8));
        if (!r || prev <= fp)
            break;
        if (!first || r != lr) /* the innermost record usually repeats lr */
            pcs[n++] = r;
        sp = fp;
        fp = prev;
    }
    return n;
}

static int disasm(struct emu_proc *p, uint64_t pc, char *out, size_t n)
{
    if ((pc & 3) || !mem_check(p->mem, pc, 4, MEM_R))
        return 0;
    return a64_disasm(pc, ld32(mem_host(p->mem, pc)), out, n);
}

#define XREG(n, i) {.name = n, .bits = 64, .offset = offsetof(struct a64_cpu, x) + 8 * (i)}
static const struct isa_reg regs[] = {
    {.name = "pc", .bits = 64, .offset = offsetof(struct emu_cpu, pc)},
    XREG("x0", 0), XREG("x1", 1), XREG("x2", 2), XREG("x3", 3), XREG("x4", 4), XREG("x5", 5), XREG("x6", 6),
    XREG("x7", 7), XREG("x8", 8), XREG("x9", 9), XREG("x10", 10), XREG("x11", 11), XREG("x12", 12),
    XREG("x13", 13), XREG("x14", 14), XREG("x15", 15), XREG("x16", 16), XREG("x17", 17), XREG("x18", 18),
    XREG("x19", 19), XREG("x20", 20), XREG("x21", 21), XREG("x22", 22), XREG("x23", 23), XREG("x24", 24),
    XREG("x25", 25), XREG("x26", 26), XREG("x27", 27), XREG("x28", 28), XREG("fp", 29), XREG("lr", 30),
    XREG("sp", 31),
    {.name = NULL},
};

/* Linux arm64 AT_HWCAP bits for what this backend executes. */
#define HWCAP_FP (1ull << 0)
#define HWCAP_ASIMD (1ull << 1)
#define HWCAP_AES (1ull << 3)
#define HWCAP_PMULL (1ull << 4)
#define HWCAP_SHA1 (1ull << 5)
#define HWCAP_SHA2 (1ull << 6)
#define HWCAP_CRC32 (1ull << 7)
#define HWCAP_ATOMICS (1ull << 8)
#define HWCAP_CPUID (1ull << 11)

struct emu_isa isa_aarch64 = {
    .name = "aarch64",
    .elf_machine = EM_AARCH64,
    .elf_class = ELFCLASS64,
    .uname_machine = "aarch64",
    .platform = "aarch64",
    .addr_bits = 40,
    .cpu_size = sizeof(struct a64_cpu),
    .regs = regs,
    .gdb_regs = a64_gdb_regs,
    .gdb_xml = a64_gdb_xml,
    .mem_ref = a64_mem_ref,
    .check_elf = check_elf,
    .cpu_init = cpu_init,
    .decode = a64_decode,
    .sys_args = sys_args,
    .sys_ret = sys_ret,
    .disasm = disasm,
    .has_sa_restorer = 1,
    .cpuinfo = "processor\t: %d\nBogoMIPS\t: 125.00\nFeatures\t: fp asimd aes pmull sha1 sha2 crc32 atomics cpuid\n"
               "CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd03\n"
               "CPU revision\t: 4\n\n",
    .sig_setup = a64_sig_setup,
    .sig_return = a64_sig_return,
    .unwind = unwind,
    .get_sp = get_sp,
    .clone_child = clone_child,
    .clone_tls_arg = 3,
    .clone_ctid_arg = 4,
    .hwcap = HWCAP_FP | HWCAP_ASIMD | HWCAP_AES | HWCAP_PMULL | HWCAP_SHA1 | HWCAP_SHA2 | HWCAP_CRC32 | HWCAP_ATOMICS |
             HWCAP_CPUID,
};
