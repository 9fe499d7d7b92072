/* arm backend table: ELF acceptance (EABI5, little-endian), registers, EABI syscall convention, thread set-up,
   the kernel user helper page and disassembly. */
#include <elf.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#include "arm.h"
#include "symtab.h"
#ifdef XTRACE_HAVE_CAPSTONE
#include <capstone/capstone.h>
#endif

/* The kuser helper page at 0xffff0000 (A32 code written for xtrace from the documented helper ABI):
   0xffff0f60 __kuser_cmpxchg64, 0xffff0fa0 __kuser_memory_barrier, 0xffff0fc0 __kuser_cmpxchg,
   0xffff0fe0 __kuser_get_tls, 0xffff0ffc __kuser_helper_version. */
#define KUSER_PAGE 0xffff0000u
static const uint32_t kuser_code[1024] = {
    [0xf60 / 4] = 0xe92d00f0, /* push {r4-r7} */
    [0xf64 / 4] = 0xe1c040d0, /* ldrd r4, r5, [r0] */
    [0xf68 / 4] = 0xe1c160d0, /* ldrd r6, r7, [r1] */
    [0xf6c / 4] = 0xe1b20f9f, /* 1: ldrexd r0, r1, [r2] */
    [0xf70 / 4] = 0xe0303004, /* eors r3, r0, r4 */
    [0xf74 / 4] = 0x00313005, /* eorseq r3, r1, r5 */
    [0xf78 / 4] = 0x01a23f96, /* strexdeq r3, r6, r7, [r2] */
    [0xf7c / 4] = 0x03330001, /* teqeq r3, #1 */
    [0xf80 / 4] = 0x0afffff9, /* beq 1b */
    [0xf84 / 4] = 0xe8bd00f0, /* pop {r4-r7} */
    [0xf88 / 4] = 0xe2730000, /* rsbs r0, r3, #0 */
    [0xf8c / 4] = 0xe12fff1e, /* bx lr */
    [0xfa0 / 4] = 0xf57ff05b, /* dmb ish */
    [0xfa4 / 4] = 0xe12fff1e, /* bx lr */
    [0xfc0 / 4] = 0xe1923f9f, /* 1: ldrex r3, [r2] */
    [0xfc4 / 4] = 0xe0533000, /* subs r3, r3, r0 */
    [0xfc8 / 4] = 0x01823f91, /* strexeq r3, r1, [r2] */
    [0xfcc / 4] = 0x03330001, /* teqeq r3, #1 */
    [0xfd0 / 4] = 0x0afffffa, /* beq 1b */
    [0xfd4 / 4] = 0xe2730000, /* rsbs r0, r3, #0 */
    [0xfd8 / 4] = 0xe12fff1e, /* bx lr */
    [0xfe0 / 4] = 0xee1d0f70, /* mrc p15, 0, r0, c13, c0, 3 */
    [0xfe4 / 4] = 0xe12fff1e, /* bx lr */
    [0xffc / 4] = 5,          /* helper version */
};

static void map_kuser(struct emu_proc *p)
{
    struct mem *m = p->mem;
    if (!mem_in_range(m, KUSER_PAGE, MEM_PAGE) || mem_vma(m, KUSER_PAGE))
        return;
    if (mem_map(m, KUSER_PAGE, MEM_PAGE, MEM_R | MEM_W, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0, "[vectors]") < 0)
        return;
    for (unsigned i = 0; i < 1024; i++)
        st32(mem_host(m, KUSER_PAGE + 4 * i), kuser_code[i]);
    mem_protect(m, KUSER_PAGE, MEM_PAGE, MEM_R | MEM_X);
}

static uint64_t get_sp(struct emu_cpu *c) { return AR(c, 13); }

static const char *check_elf(uint32_t flags)
{
    if ((flags & EF_ARM_EABIMASK) == 0)
        return "it is an old-ABI (OABI) arm binary; xtrace runs EABI binaries only";
    if ((flags & EF_ARM_EABIMASK) != EF_ARM_EABI_VER5)
        return "it uses an arm EABI version other than 5, which xtrace does not implement";
    if (flags & EF_ARM_BE8)
        return "it is big-endian (BE8) arm code, which xtrace does not implement";
    return NULL; /* hard-float (0x400) and soft-float (0x200) EABI both run */
}

static void cpu_init(struct emu_cpu *c, uint64_t entry, uint64_t sp)
{
    map_kuser(c->proc);
    c->pc = entry & 0xffffffffu; /* bit 0 set: Thumb entry, as interworking addresses say */
    AR(c, 13) = (uint32_t)sp;
    arm_fp_init(c);
}

static void sys_args(struct emu_cpu *c, uint64_t *nr, uint64_t a[6])
{
    *nr = AR(c, 7);
    for (int i = 0; i < 6; i++)
        a[i] = AR(c, i);
}

static void sys_ret(struct emu_cpu *c, int64_t ret) { AR(c, 0) = (uint32_t)ret; }

static void clone_child(struct emu_cpu *c, uint64_t stack, uint64_t tls, int set_tls)
{
    AR(c, 0) = 0;
    if (stack)
        AR(c, 13) = (uint32_t)stack;
    if (set_tls)
        ARM(c)->tpidruro = (uint32_t)tls;
    ARM(c)->excl_valid = 0;
}

/* Thumb or ARM at an even address: bit 0 set says Thumb; else the function symbol containing it (its value's
   bit 0), else a thread stopped there, else the state the first thread is in (stripped Debian armhf code is
   Thumb-2 throughout). */
static int thumb_at(struct emu_proc *p, uint64_t pc)
{
    if (pc & 1)
        return 1;
    int t = symtab_thumb(p->syms, pc);
    if (t >= 0)
        return t;
    for (struct emu_cpu *c = p->threads; c; c = c->next_thread)
        if ((c->pc & ~1ull) == pc)
            return (int)(c->pc & 1);
    return p->threads ? (int)(p->threads->pc & 1) : 0;
}

static int disasm(struct emu_proc *p, uint64_t pc, char *out, size_t n)
{
    int thumb = thumb_at(p, pc);
    uint64_t a = pc & ~1ull;
    if (!mem_check(p->mem, a, 2, MEM_R))
        return 0;
    unsigned len = 4;
    if (thumb) {
        uint32_t h = ld16(mem_host(p->mem, a));
        len = (h >> 11) >= 0x1d ? 4 : 2;
    }
    if (!mem_check(p->mem, a, len, MEM_R))
        return 0;
#ifdef XTRACE_HAVE_CAPSTONE
    csh cs;
    if (cs_open(CS_ARCH_ARM, thumb ? CS_MODE_THUMB : CS_MODE_ARM, &cs) == CS_ERR_OK) {
        cs_insn *insn;
        size_t cnt = cs_disasm(cs, mem_host(p->mem, a), len, a, 1, &insn);
        if (cnt) {
            snprintf(out, n, "%s %s", insn[0].mnemonic, insn[0].op_str);
            cs_free(insn, cnt);
            cs_close(&cs);
            return (int)len;
        }
        cs_close(&cs);
    }
#endif
    if (len == 2)
        snprintf(out, n, ".inst.n 0x%04x", ld16(mem_host(p->mem, a)));
    else if (thumb)
        snprintf(out, n, ".inst.w 0x%04x%04x", ld16(mem_host(p->mem, a)), ld16(mem_host(p->mem, a + 2)));
    else
        snprintf(out, n, ".inst 0x%08x", ld32(mem_host(p->mem, a)));
    return (int)len;
}

/* CPSR as the guest sees it: NZCVQ, GE, IT[1:0] in 26:25 and IT[7:2] in 15:10 (the IT state at the pc:
   itstate.c), T from pc bit 0, user mode. */
uint64_t arm_get_cpsr(struct emu_cpu *c)
{
    struct arm_cpu *a = ARM(c);
    unsigned it = arm_it_current(c);
    return a->nf << 31 | a->zf << 30 | a->cf << 29 | a->vf << 28 | a->qf << 27 | (it & 3u) << 25 | a->ge << 16 |
           (it >> 2) << 10 | ((c->pc & 1) ? 1u << 5 : 0) | 0x10;
}
void arm_set_cpsr(struct emu_cpu *c, uint64_t v)
{
    struct arm_cpu *a = ARM(c);
    a->nf = (v >> 31) & 1;
    a->zf = (v >> 30) & 1;
    a->cf = (v >> 29) & 1;
    a->vf = (v >> 28) & 1;
    a->qf = (v >> 27) & 1;
    a->ge = (v >> 16) & 15;
    c->pc = (c->pc & ~1ull) | ((v >> 5) & 1);
    arm_it_set(c, (unsigned)((v >> 25) & 3) | (unsigned)((v >> 10) & 0x3f) << 2);
}
static uint64_t get_fpscr(struct emu_cpu *c) { return arm_fpscr_read(c); }
static void set_fpscr(struct emu_cpu *c, uint64_t v) { arm_fpscr_write(c, (uint32_t)v); }
static uint64_t get_pc(struct emu_cpu *c) { return c->pc & ~1ull; }
static void set_pc(struct emu_cpu *c, uint64_t v) { c->pc = (v & ~1ull) | (c->pc & 1); }

#define RREG(n, i) {.name = n, .bits = 32, .offset = offsetof(struct arm_cpu, r) + 4 * (i)}
static const struct isa_reg regs[] = {
    {.name = "pc", .bits = 32, .offset = offsetof(struct emu_cpu, pc), .get = get_pc, .set = set_pc},
    RREG("r0", 0), RREG("r1", 1), RREG("r2", 2), RREG("r3", 3), RREG("r4", 4), RREG("r5", 5), RREG("r6", 6),
    RREG("r7", 7), RREG("r8", 8), RREG("r9", 9), RREG("r10", 10), RREG("fp", 11), RREG("ip", 12),
    RREG("sp", 13), RREG("lr", 14),
    {.name = "cpsr", .bits = 32, .get = arm_get_cpsr, .set = arm_set_cpsr},
    {.name = "fpscr", .bits = 32, .get = get_fpscr, .set = set_fpscr},
    {.name = "tpidruro", .bits = 32, .offset = offsetof(struct arm_cpu, tpidruro)},
    {.name = NULL},
};

/* HWCAP_ARM_*: SWP HALF THUMB FAST_MULT VFP EDSP NEON VFPv3 TLS VFPv4 IDIVA IDIVT VFPD32 (the cpuinfo Features
   line below names the same bits, in the kernel's hwcap_str order). No HWCAP2 bit: the ARMv8 AES/PMULL/SHA/CRC32
   instructions are not implemented; the v8 FP additions (VRINT*, VCVTA.., VSEL, VMAXNM) have no hwcap bit. */
#define HWCAP_ARM (1u << 0 | 1u << 1 | 1u << 2 | 1u << 4 | 1u << 6 | 1u << 7 | 1u << 12 | 1u << 13 | 1u << 15 | \
                   1u << 16 | 1u << 17 | 1u << 18 | 1u << 19)

struct emu_isa isa_arm = {
    .name = "arm",
    .elf_machine = EM_ARM,
    .elf_class = ELFCLASS32,
    .uname_machine = "armv7l",
    .platform = "v7l",
    .cpuinfo = "processor\t: %d\nmodel name\t: ARMv7 Processor rev 0 (v7l)\nBogoMIPS\t: 100.00\n"
               "Features\t: swp half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt vfpd32\nCPU implementer\t: 0x41\n"
               "CPU architecture: 7\nCPU variant\t: 0x0\nCPU part\t: 0xc0f\nCPU revision\t: 0\n\n",
    .addr_bits = 32,
    .cpu_size = sizeof(struct arm_cpu),
    .regs = regs,
    .gdb_regs = arm_gdb_regs,
    .gdb_xml = arm_gdb_xml,
    .mem_ref = arm_mem_ref,
    .check_elf = check_elf,
    .cpu_init = cpu_init,
    .decode = arm_decode,
    .sys_args = sys_args,
    .sys_ret = sys_ret,
    .disasm = disasm,
    .has_sa_restorer = 1,
    .sig_setup = arm_sig_setup,
    .sig_return = arm_sig_return,
    .get_sp = get_sp,
    .unwind = arm_unwind,
    .clone_child = clone_child,
    .clone_tls_arg = 3,
    .clone_ctid_arg = 4,
    .hwcap = HWCAP_ARM,
};
