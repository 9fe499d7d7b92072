/* aarch64 branches, exception generation and system instructions (hints, barriers, DC ZVA, MRS/MSR) with their table. */
#include <signal.h>
#include <time.h>

#include "a64.h"

#define X(r) XR(c, r)
#define NEXT OP_NEXT(c, o)
#define OP(name) static const struct op *name(struct emu_cpu *c, const struct op *o)
#define NPC (o->pc + 4)

/* ---- branches (always the last op of a block): imm = target ---- */
OP(op_b) { c->pc = (uint64_t)o->imm; return NULL; }
OP(op_bl) { X(30) = NPC; c->pc = (uint64_t)o->imm; return NULL; }
OP(op_bcond) { c->pc = a64_cond(c, o->aux) ? (uint64_t)o->imm : NPC; return NULL; }
OP(op_cbz64) { c->pc = !X(o->rd) ? (uint64_t)o->imm : NPC; return NULL; }
OP(op_cbnz64) { c->pc = X(o->rd) ? (uint64_t)o->imm : NPC; return NULL; }
OP(op_cbz32) { c->pc = !(uint32_t)X(o->rd) ? (uint64_t)o->imm : NPC; return NULL; }
OP(op_cbnz32) { c->pc = (uint32_t)X(o->rd) ? (uint64_t)o->imm : NPC; return NULL; }
OP(op_tbz) { c->pc = !((X(o->rd) >> o->rm) & 1) ? (uint64_t)o->imm : NPC; return NULL; }
OP(op_tbnz) { c->pc = ((X(o->rd) >> o->rm) & 1) ? (uint64_t)o->imm : NPC; return NULL; }
OP(op_br) { c->pc = X(o->rs1); return NULL; }
OP(op_blr) { uint64_t t = X(o->rs1); X(30) = NPC; c->pc = t; return NULL; }

/* ---- exceptions ---- */
OP(op_svc) { c->pc = NPC; c->cur = o; emu_syscall(c); return NULL; }
OP(op_brk) { c->pc = o->pc; emu_raise(c, SIGTRAP, TRAP_BRKPT, o->pc); return NULL; }

/* ---- hints and barriers ---- */
OP(op_nop) { NEXT; }
OP(op_fence) { __atomic_thread_fence(__ATOMIC_SEQ_CST); NEXT; }
OP(op_clrex) { A64(c)->excl_size = 0; NEXT; }

/* DC ZVA: zeroes the 64-byte block (DCZID_EL0.BS = 4) holding X[t]. */
#define ZVA_SIZE 64
OP(op_dc_zva)
{
    uint64_t a = X(o->rd) & ~(uint64_t)(ZVA_SIZE - 1);
    uint8_t *p = a64_addr(c, o, a, ZVA_SIZE);
    if (!p)
        return a64_fault(c, o, a);
    memset(p, 0, ZVA_SIZE);
    NEXT;
}

/* ---- system registers: aux = o0:op1:CRn:CRm:op2 (bits 19:5 of the MRS/MSR word) ---- */
#define SR(op0, op1, crn, crm, op2) (((op0) & 1) << 14 | (op1) << 11 | (crn) << 7 | (crm) << 3 | (op2))
enum {
    SR_NZCV = SR(3, 3, 4, 2, 0), SR_FPCR = SR(3, 3, 4, 4, 0), SR_FPSR = SR(3, 3, 4, 4, 1),
    SR_TPIDR = SR(3, 3, 13, 0, 2), SR_TPIDRRO = SR(3, 3, 13, 0, 3), SR_CTR = SR(3, 3, 0, 0, 1),
    SR_DCZID = SR(3, 3, 0, 0, 7), SR_CNTFRQ = SR(3, 3, 14, 0, 0), SR_CNTPCT = SR(3, 3, 14, 0, 1),
    SR_CNTVCT = SR(3, 3, 14, 0, 2), SR_MIDR = SR(3, 0, 0, 0, 0), SR_MPIDR = SR(3, 0, 0, 0, 5),
    SR_REVIDR = SR(3, 0, 0, 0, 6), SR_PFR0 = SR(3, 0, 0, 4, 0), SR_ISAR0 = SR(3, 0, 0, 6, 0),
};
#define CNT_FREQ 62500000ull /* generic timer frequency the guest sees (62.5 MHz) */

/* Values the Linux kernel shows EL0 for the ID registers it emulates (what xtrace implements). */
#define MIDR_VALUE 0x410fd034ull  /* an Arm Cortex-A53 r0p4: no glibc tuning keys on it */
#define PFR0_VALUE 0x0000000000000011ull /* EL0, EL1 AArch64; FP and AdvSIMD implemented (0), no FP16 */
#define ISAR0_VALUE 0x0000000000211120ull /* AES (2: with PMULL), SHA1 (1), SHA2 (1: SHA-256), CRC32 (1), Atomic (2: LSE) */

static uint64_t cntvct(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * CNT_FREQ + (uint64_t)ts.tv_nsec * (CNT_FREQ / 1000000) / 1000;
}

/* Returns 1 when the register is readable at EL0 and stores its value. */
static int sysreg_read(struct emu_cpu *c, unsigned sr, uint64_t *v)
{
    switch (sr) {
    case SR_NZCV: *v = (uint64_t)a64_nzcv(c) << 28; return 1;
    case SR_FPCR: *v = A64(c)->fpcr; return 1;
    case SR_FPSR: *v = a64_fpsr_read(c); return 1;
    case SR_TPIDR: *v = A64(c)->tpidr; return 1;
    case SR_TPIDRRO: *v = 0; return 1;
    case SR_CTR: *v = 0x8444c004ull; return 1; /* 64-byte lines, PIPT I-cache */
    case SR_DCZID: *v = 4; return 1;            /* DC ZVA allowed, 64-byte blocks */
    case SR_CNTFRQ: *v = CNT_FREQ; return 1;
    case SR_CNTPCT: case SR_CNTVCT: *v = cntvct(); return 1;
    case SR_MIDR: *v = MIDR_VALUE; return 1;
    case SR_MPIDR: *v = 0x80000000ull; return 1;
    case SR_REVIDR: *v = 0; return 1;
    case SR_PFR0: *v = PFR0_VALUE; return 1;
    case SR_ISAR0: *v = ISAR0_VALUE; return 1;
    default:
        /* the rest of the ID space (op0 3, op1 0, CRn 0, CRm 1-7) reads as zero at EL0 under Linux */
        if ((sr & ~(uint64_t)SR(0, 0, 0, 7, 7)) == SR(3, 0, 0, 0, 0) && (sr & SR(0, 0, 0, 7, 0))) {
            *v = 0;
            return 1;
        }
        return 0;
    }
}

static int sysreg_writable(unsigned sr)
{
    return sr == SR_NZCV || sr == SR_FPCR || sr == SR_FPSR || sr == SR_TPIDR;
}

OP(op_mrs)
{
    uint64_t v = 0;
    sysreg_read(c, o->aux, &v);
    X(o->rd) = v;
    NEXT;
}
OP(op_mrs_tpidr) { X(o->rd) = A64(c)->tpidr; NEXT; }
OP(op_msr)
{
    uint64_t v = X(o->rs1);
    switch (o->aux) {
    case SR_NZCV: a64_set_nzcv(c, (unsigned)(v >> 28) & 15); break;
    case SR_FPCR: a64_fpcr_write(c, (uint32_t)v); break;
    case SR_FPSR: a64_fpsr_write(c, (uint32_t)v); break;
    default: A64(c)->tpidr = v; break;
    }
    NEXT;
}

/* ---- formats ---- */
static int d_b(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->imm = (int64_t)o->pc + a64_sext(w & 0x3ffffff, 26) * 4;
    return 0;
}
static int d_bcond(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned cond = w & 15;
    o->imm = (int64_t)o->pc + a64_sext(a64_bits(w, 23, 5), 19) * 4;
    o->aux = (uint16_t)cond;
    if (cond >= 14)
        o->fn = op_b;
    return 0;
}
static int d_cb(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rd = a64_rzs(w & 31);
    o->imm = (int64_t)o->pc + a64_sext(a64_bits(w, 23, 5), 19) * 4;
    return 0;
}
static int d_tb(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rd = a64_rzs(w & 31);
    o->rm = (uint8_t)(a64_bits(w, 31, 31) << 5 | a64_bits(w, 23, 19));
    o->imm = (int64_t)o->pc + a64_sext(a64_bits(w, 18, 5), 14) * 4;
    return 0;
}
static int d_breg(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rs1 = a64_rzs(a64_bits(w, 9, 5));
    return 0;
}
static int d_rt(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rd = a64_rzs(w & 31);
    return 0;
}
static int d_mrs(struct op *o, uint32_t w, const struct a64_insn *r)
{
    uint64_t v;
    o->aux = (uint16_t)a64_bits(w, 19, 5);
    o->rd = a64_rzd(w & 31);
    if (!sysreg_writable(o->aux) && !sysreg_read(NULL, o->aux, &v)) /* (the CPU is only needed for those) */
        return -1;
    if (o->aux == SR_TPIDR)
        o->fn = op_mrs_tpidr;
    return 0;
}
static int d_msr(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->aux = (uint16_t)a64_bits(w, 19, 5);
    o->rs1 = a64_rzs(w & 31);
    return sysreg_writable(o->aux) ? 0 : -1;
}

#define END A64F_END
const struct a64_insn a64_br_sys[] = {
    {0xfc000000, 0x14000000, d_b, op_b, NULL, 0, END, "b"},
    {0xfc000000, 0x94000000, d_b, op_bl, NULL, 0, END, "bl"},
    {0xff000010, 0x54000000, d_bcond, op_bcond, NULL, 0, END, "b.cond"},
    {0xff000000, 0xb4000000, d_cb, op_cbz64, NULL, 0, END, "cbz"},
    {0xff000000, 0xb5000000, d_cb, op_cbnz64, NULL, 0, END, "cbnz"},
    {0xff000000, 0x34000000, d_cb, op_cbz32, NULL, 0, END, "cbz"},
    {0xff000000, 0x35000000, d_cb, op_cbnz32, NULL, 0, END, "cbnz"},
    {0x7f000000, 0x36000000, d_tb, op_tbz, NULL, 0, END, "tbz"},
    {0x7f000000, 0x37000000, d_tb, op_tbnz, NULL, 0, END, "tbnz"},
    {0xfffffc1f, 0xd61f0000, d_breg, op_br, NULL, 0, END, "br"},
    {0xfffffc1f, 0xd63f0000, d_breg, op_blr, NULL, 0, END, "blr"},
    {0xfffffc1f, 0xd65f0000, d_breg, op_br, NULL, 0, END, "ret"},
    {0xffe0001f, 0xd4000001, a64_d_none, op_svc, NULL, 0, END, "svc"},
    {0xffe0001f, 0xd4200000, a64_d_none, op_brk, NULL, 0, END, "brk"},
    {0xfffff01f, 0xd503201f, a64_d_none, op_nop, NULL, 0, 0, "hint"},
    {0xfffff0ff, 0xd503305f, a64_d_none, op_clrex, NULL, 0, 0, "clrex"},
    {0xfffff0ff, 0xd503309f, a64_d_none, op_fence, NULL, 0, 0, "dsb"},
    {0xfffff0ff, 0xd50330bf, a64_d_none, op_fence, NULL, 0, 0, "dmb"},
    {0xfffff0ff, 0xd50330df, a64_d_none, op_nop, NULL, 0, 0, "isb"},
    {0xfffff0ff, 0xd50330ff, a64_d_none, op_nop, NULL, 0, 0, "sb"},
    {0xffffffe0, 0xd50b7420, d_rt, op_dc_zva, NULL, 0, 0, "dc zva"},
    {0xffffffe0, 0xd50b7a20, a64_d_none, op_nop, NULL, 0, 0, "dc cvac"},
    {0xffffffe0, 0xd50b7b20, a64_d_none, op_nop, NULL, 0, 0, "dc cvau"},
    {0xffffffe0, 0xd50b7c20, a64_d_none, op_nop, NULL, 0, 0, "dc cvap"},
    {0xffffffe0, 0xd50b7d20, a64_d_none, op_nop, NULL, 0, 0, "dc cvadp"},
    {0xffffffe0, 0xd50b7e20, a64_d_none, op_nop, NULL, 0, 0, "dc civac"},
    {0xffffffe0, 0xd50b7520, a64_d_none, op_nop, NULL, 0, 0, "ic ivau"},
    {0xfff00000, 0xd5300000, d_mrs, op_mrs, NULL, 0, 0, "mrs"},
    {0xfff00000, 0xd5100000, d_msr, op_msr, NULL, 0, 0, "msr"},
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
