/* VFP (VFPv4-D32) execution and decoding: loads/stores, register and scalar moves, FPSCR, scalar arithmetic
   (fused and chained multiply-add), compares and conversions, with FPSCR rounding, FZ, DN and cumulative
   flags applied through the shared Arm FP code (src/emu/armfp.c). */
#include <math.h>
#include <string.h>

#include "arm.h"

#define NEXT OP_NEXT(c, o)
#define OP(name) static OPFN(name)
#define A (ARM(c))
#define F(w, hi, lo) (((w) >> (lo)) & ((1u << ((hi) - (lo) + 1)) - 1))

static inline uint32_t sbits(struct emu_cpu *c, unsigned n) { return (uint32_t)(A->d[n >> 1] >> (32 * (n & 1))); }
static inline void set_sbits(struct emu_cpu *c, unsigned n, uint32_t v)
{
    unsigned sh = 32 * (n & 1);
    A->d[n >> 1] = (A->d[n >> 1] & ~(0xffffffffull << sh)) | ((uint64_t)v << sh);
}
static inline float gets(struct emu_cpu *c, unsigned n) { uint32_t v = sbits(c, n); float f; memcpy(&f, &v, 4); return f; }
static inline void sets(struct emu_cpu *c, unsigned n, float f) { uint32_t v; memcpy(&v, &f, 4); set_sbits(c, n, v); }
static inline double getd(struct emu_cpu *c, unsigned n) { double f; memcpy(&f, &A->d[n], 8); return f; }
static inline void setd(struct emu_cpu *c, unsigned n, double f) { memcpy(&A->d[n], &f, 8); }

#define FPSCR_FLAGS 0x0800009fu  /* QC, IDC, IXC, UFC, OFC, DZC, IOC */
#define FPSCR_CTRL 0x07c00000u   /* AHP, DN, FZ, RMode */
#define FPSCR_WMASK 0xffc0009fu  /* what a write keeps: no trap enables, Len/Stride read as zero */

void arm_fp_init(struct emu_cpu *c)
{
    A->mem_base = c->proc->mem->base;
    A->mem_limit = c->proc->mem->limit;
    memset(A->d, 0, sizeof A->d);
    armfp_init(&A->fp);
    armfp_init(&A->fpstd);
    armfp_cr_write(&A->fpstd, FPCR_FZ | FPCR_DN);
    A->fpscr = 0;
}

uint32_t arm_fpscr_read(struct emu_cpu *c)
{
    uint32_t fl = (armfp_sr_read(&A->fp) | A->fpstd.fpsr) & FPSCR_FLAGS;
    A->fpscr = (A->fpscr & 0xf0000000u) | (A->fp.fpcr & FPSCR_CTRL) | fl;
    return A->fpscr;
}

void arm_fpscr_write(struct emu_cpu *c, uint32_t v)
{
    v &= FPSCR_WMASK;
    A->fpscr = v;
    armfp_cr_write(&A->fp, v & FPSCR_CTRL);
    armfp_sr_write(&A->fp, v & FPSCR_FLAGS);
    A->fpstd.fpsr = 0;
}

/* VLDR/VSTR: rd register, rs1 Rn, imm offset, rm 1 double, rs3 1 store. */
OP(op_vldst)
{
    uint32_t ea = AR(c, o->rs1) + (uint32_t)o->imm;
    unsigned n = o->rm ? 8 : 4;
    uint8_t *p = arm_addr(c, o, ea, n);
    if (!p)
        return arm_fault(c, o, ea);
    if (o->rs3) {
        if (o->rm) { st32(p, (uint32_t)A->d[o->rd]); st32(p + 4, (uint32_t)(A->d[o->rd] >> 32)); }
        else st32(p, sbits(c, o->rd));
    } else {
        if (o->rm) A->d[o->rd] = ld32(p) | (uint64_t)ld32(p + 4) << 32;
        else set_sbits(c, o->rd, ld32(p));
    }
    NEXT;
}

/* VLDM/VSTM: rd first register, rs2 count (registers), rs1 Rn, rm bit0 double, bit1 DB, bit2 writeback, rs3 store;
   imm = words transferred. */
OP(op_vldstm)
{
    uint32_t base = AR(c, o->rs1), words = (uint32_t)o->imm;
    uint32_t ea = (o->rm & 2) ? base - 4 * words : base;
    uint8_t *p = arm_addr(c, o, ea, 4 * words);
    if (!p)
        return arm_fault(c, o, ea);
    for (unsigned i = 0; i < o->rs2; i++) {
        if (o->rm & 1) {
            unsigned r = (o->rd + i) & 31;
            if (o->rs3) { st32(p + 8 * i, (uint32_t)A->d[r]); st32(p + 8 * i + 4, (uint32_t)(A->d[r] >> 32)); }
            else A->d[r] = ld32(p + 8 * i) | (uint64_t)ld32(p + 8 * i + 4) << 32;
        } else {
            unsigned r = (o->rd + i) & 63;
            if (o->rs3) st32(p + 4 * i, sbits(c, r));
            else set_sbits(c, r, ld32(p + 4 * i));
        }
    }
    if (o->rm & 4)
        AR(c, o->rs1) = (o->rm & 2) ? base - 4 * words : base + 4 * words;
    NEXT;
}

/* VMOV core <-> single: rd core, rs1 single, rm 1 to core. */
OP(op_vmov_cs)
{
    if (o->rm) AR(c, o->rd) = sbits(c, o->rs1);
    else set_sbits(c, o->rs1, AR(c, o->rd));
    NEXT;
}

/* VMOV two core <-> double (rm bit0 double; else two singles rs1, rs1+1), rd Rt, rs2 Rt2, rm bit1 to core. */
OP(op_vmov_cd)
{
    if (o->rm & 1) {
        if (o->rm & 2) { AR(c, o->rd) = (uint32_t)A->d[o->rs1]; AR(c, o->rs2) = (uint32_t)(A->d[o->rs1] >> 32); }
        else A->d[o->rs1] = AR(c, o->rd) | (uint64_t)AR(c, o->rs2) << 32;
    } else {
        if (o->rm & 2) { AR(c, o->rd) = sbits(c, o->rs1); AR(c, o->rs2) = sbits(c, (o->rs1 + 1) & 63); }
        else { set_sbits(c, o->rs1, AR(c, o->rd)); set_sbits(c, (o->rs1 + 1) & 63, AR(c, o->rs2)); }
    }
    NEXT;
}

/* VMRS Rt, FPSCR (Rt 15: APSR_nzcv). FPSID, MVFR0/1 and FPEXC are not readable at PL0 (SIGILL, as on Linux). */
OP(op_vmrs)
{
    uint32_t v = arm_fpscr_read(c);
    if (o->rd == 15) {
        A->nf = v >> 31;
        A->zf = (v >> 30) & 1;
        A->cf = (v >> 29) & 1;
        A->vf = (v >> 28) & 1;
    } else {
        AR(c, o->rd) = v;
    }
    NEXT;
}
OP(op_vmsr) { arm_fpscr_write(c, AR(c, o->rd)); NEXT; }

static inline uint64_t fbits(struct emu_cpu *c, unsigned n, int dp) { return dp ? A->d[n] : sbits(c, n); }
static inline void set_fbits(struct emu_cpu *c, unsigned n, int dp, uint64_t v)
{
    if (dp) A->d[n] = v;
    else set_sbits(c, n, (uint32_t)v);
}

/* Arithmetic: rd, rs1 (n), rs2 (m), rm 1 double, rs3 operation: 0 add 1 sub 2 mul 3 div 4 nmul 5 mla 6 mls
   7 nmla 8 nmls 9 fma 10 fms 11 fnma 12 fnms. */
OP(op_varith)
{
    int dp = o->rm;
    uint64_t n = fbits(c, o->rs1, dp), m = fbits(c, o->rs2, dp), d = fbits(c, o->rd, dp), r, sg = armfp_fsign(dp ? F_D : F_S);
    struct armfp *s = &A->fp;
    switch (o->rs3) {
    case 0: r = armfp_farith(s, FK_ADD, n, m, 0, dp); break;
    case 1: r = armfp_farith(s, FK_SUB, n, m, 0, dp); break;
    case 2: r = armfp_farith(s, FK_MUL, n, m, 0, dp); break;
    case 3: r = armfp_farith(s, FK_DIV, n, m, 0, dp); break;
    case 4: r = armfp_farith(s, FK_MUL, n, m, 0, dp) ^ sg; break;
    case 5: r = armfp_farith(s, FK_ADD, d, armfp_farith(s, FK_MUL, n, m, 0, dp), 0, dp); break;
    case 6: r = armfp_farith(s, FK_ADD, d, armfp_farith(s, FK_MUL, n, m, 0, dp) ^ sg, 0, dp); break;
    case 7: r = armfp_farith(s, FK_ADD, d ^ sg, armfp_farith(s, FK_MUL, n, m, 0, dp) ^ sg, 0, dp); break;
    case 8: r = armfp_farith(s, FK_ADD, d ^ sg, armfp_farith(s, FK_MUL, n, m, 0, dp), 0, dp); break;
    case 9: r = armfp_farith(s, FK_FMA, n, m, d, dp); break;
    case 10: r = armfp_farith(s, FK_FMA, n ^ sg, m, d, dp); break;
    case 11: r = armfp_farith(s, FK_FMA, n ^ sg, m, d ^ sg, dp); break;
    default: r = armfp_farith(s, FK_FMA, n, m, d ^ sg, dp); break;
    }
    set_fbits(c, o->rd, dp, r);
    NEXT;
}

/* Unary: rd, rs2 (m), rm 1 double, rs3 operation: 0 mov 1 abs 2 neg 3 sqrt 4 cmp 5 cmp-zero (imm 1: VCMPE)
   6 f32<->f64 7 int->fp (imm 1 signed) 8 fp->int (imm bit0 signed, bit1 round to zero, else FPSCR mode)
   9 fixed-point (imm: bit0 unsigned, bit1 to fixed, bits 15:8 size 16/32, bits 23:16 fraction bits)
   10 half->single (imm 1 top half) 11 single->half (imm 1 top half) 12 VRINTR/Z/X (imm 1 toward zero, 2 exact). */
OP(op_vunary)
{
    int dp = o->rm, f = dp ? F_D : F_S;
    struct armfp *s = &A->fp;
    switch (o->rs3) {
    case 0: set_fbits(c, o->rd, dp, fbits(c, o->rs2, dp)); break;
    case 1: set_fbits(c, o->rd, dp, fbits(c, o->rs2, dp) & ~armfp_fsign(f)); break;
    case 2: set_fbits(c, o->rd, dp, fbits(c, o->rs2, dp) ^ armfp_fsign(f)); break;
    case 3: set_fbits(c, o->rd, dp, armfp_farith(s, FK_SQRT, fbits(c, o->rs2, dp), 0, 0, dp)); break;
    case 4: case 5: {
        uint64_t a = fbits(c, o->rd, dp), b = o->rs3 == 5 ? 0 : fbits(c, o->rs2, dp);
        unsigned nzcv = armfp_fcmp(s, a, b, f, (int)o->imm);
        A->fpscr = (A->fpscr & 0x0fffffffu) | nzcv << 28;
        break;
    }
    case 6:
        if (dp) set_sbits(c, o->rd, (uint32_t)armfp_fcvt(s, A->d[o->rs2], F_D, F_S));
        else A->d[o->rd] = armfp_fcvt(s, sbits(c, o->rs2), F_S, F_D);
        break;
    case 7: {
        uint32_t v = sbits(c, o->rs2);
        uint64_t x = o->imm ? (uint64_t)(int64_t)(int32_t)v : v;
        set_fbits(c, o->rd, dp, armfp_i2f(s, x, (int)o->imm, 0, f, armfp_rmode(s)));
        break;
    }
    case 8: {
        unsigned rm = (o->imm & 2) ? RM_RZ : armfp_rmode(s);
        set_sbits(c, o->rd, (uint32_t)armfp_f2i(s, fbits(c, o->rs2, dp), f, rm, 0, !(o->imm & 1), 32));
        break;
    }
    case 9: {
        unsigned uns = o->imm & 1, size = (o->imm >> 8) & 0xff, fb = (o->imm >> 16) & 0xff;
        if (o->imm & 2) {
            uint64_t r = armfp_f2i(s, fbits(c, o->rd, dp), f, RM_RZ, fb, (int)uns, size);
            if (!uns) r = size == 16 ? (uint64_t)(int64_t)(int16_t)r : (uint64_t)(int64_t)(int32_t)r;
            set_fbits(c, o->rd, dp, dp ? r : (uint32_t)r);
        } else {
            uint64_t v = fbits(c, o->rd, dp) & (size == 16 ? 0xffffu : 0xffffffffu);
            if (!uns) v = size == 16 ? (uint64_t)(int64_t)(int16_t)v : (uint64_t)(int64_t)(int32_t)v;
            set_fbits(c, o->rd, dp, armfp_i2f(s, v, !uns, fb, f, RM_RN)); /* FixedToFP rounds to nearest */
        }
        break;
    }
    case 10: {
        uint32_t h = sbits(c, o->rs2) >> (o->imm ? 16 : 0) & 0xffff;
        set_fbits(c, o->rd, dp, armfp_fcvt(s, h, F_H, f));
        break;
    }
    case 11: {
        uint32_t h = (uint32_t)armfp_fcvt(s, fbits(c, o->rs2, dp), f, F_H) & 0xffff, old = sbits(c, o->rd);
        set_sbits(c, o->rd, o->imm ? (old & 0xffffu) | h << 16 : (old & 0xffff0000u) | h);
        break;
    }
    default:
        set_fbits(c, o->rd, dp, armfp_frint(s, fbits(c, o->rs2, dp), f, o->imm & 1 ? RM_RZ : armfp_rmode(s), (o->imm & 2) != 0));
        break;
    }
    NEXT;
}

/* VMOV immediate: rd, rm 1 double, imm bits. */
OP(op_vmovi)
{
    if (o->rm) A->d[o->rd] = (uint64_t)o->imm;
    else set_sbits(c, o->rd, (uint32_t)o->imm);
    NEXT;
}

/* VMOV scalar <-> core for 8/16/32-bit lanes: rd Rt, rs1 D register, rs2 lane, rm size in bytes,
   rs3 bit0 to core, bit1 unsigned. */
OP(op_vmov_lane)
{
    unsigned sh = o->rs2 * o->rm * 8;
    uint64_t mask = o->rm == 4 ? 0xffffffffull : (1ull << (o->rm * 8)) - 1;
    if (o->rs3 & 1) {
        uint32_t v = (uint32_t)((A->d[o->rs1] >> sh) & mask);
        if (!(o->rs3 & 2)) v = o->rm == 1 ? (uint32_t)(int8_t)v : o->rm == 2 ? (uint32_t)(int16_t)v : v;
        AR(c, o->rd) = v;
    } else {
        A->d[o->rs1] = (A->d[o->rs1] & ~(mask << sh)) | ((uint64_t)AR(c, o->rd) & mask) << sh;
    }
    NEXT;
}

/* VDUP from core: rd first D register, rs2 count (1 or 2), rm size in bytes, rs1 Rt. */
OP(op_vdup_core)
{
    uint64_t v = AR(c, o->rs1);
    if (o->rm == 1) v = (v & 0xff) * 0x0101010101010101ull;
    else if (o->rm == 2) v = (v & 0xffff) * 0x0001000100010001ull;
    else v = (v & 0xffffffffull) * 0x0000000100000001ull;
    for (unsigned i = 0; i < o->rs2; i++)
        A->d[(o->rd + i) & 31] = v;
    NEXT;
}

static uint64_t vfp_expand_imm(uint32_t imm8, int dp)
{
    uint32_t sign = imm8 >> 7, b6 = (imm8 >> 6) & 1, low = imm8 & 0x3f;
    if (dp) {
        uint64_t exp = ((uint64_t)!b6 << 10) | (b6 ? 0x3fcull : 0) | (low >> 4);
        return (uint64_t)sign << 63 | exp << 52 | (uint64_t)(low & 15) << 48;
    }
    uint32_t exp = ((uint32_t)!b6 << 7) | (b6 ? 0x7cu : 0) | (low >> 4);
    return (uint64_t)(sign << 31 | exp << 23 | (low & 15) << 19);
}

/* w is the A32 form (cond in 31:28, which the caller gives separately). */
int arm_decode_vfp(uint64_t pc, unsigned len, uint32_t w, unsigned cond, struct blk_builder *b, uint32_t pcval)
{
    struct op t;
    memset(&t, 0, sizeof t);
    t.pc = pc;
    t.len = (uint8_t)len;
    unsigned flags = 0;
    unsigned dp = F(w, 8, 8), vd = F(w, 15, 12), D = F(w, 22, 22), vn = F(w, 19, 16), N = F(w, 7, 7),
             vm = F(w, 3, 0), M = F(w, 5, 5);
    unsigned rd = dp ? (D << 4 | vd) : (vd << 1 | D), rn = dp ? (N << 4 | vn) : (vn << 1 | N),
             rmr = dp ? (M << 4 | vm) : (vm << 1 | M);
    if ((w & 0x0f200e00) == 0x0d000a00) { /* VLDR/VSTR */
        t.fn = op_vldst;
        t.rd = (uint8_t)rd;
        t.rs1 = (uint8_t)vn;
        t.rm = (uint8_t)dp;
        t.rs3 = !F(w, 20, 20);
        t.imm = (F(w, 23, 23) ? 1 : -1) * (int64_t)(4 * (w & 0xff));
        if (vn == 15)
            flags |= EMIT_PC;
    } else if ((w & 0x0e000e00) == 0x0c000a00 && (F(w, 24, 21) & 0xd) != 0 && F(w, 24, 23) != 3 &&
               !(F(w, 24, 24) && !F(w, 21, 21))) { /* VLDM/VSTM (P U W: 010, 011, 101) */
        unsigned p = F(w, 24, 24), u = F(w, 23, 23), wb = F(w, 21, 21), imm = w & 0xff;
        if (p == u || vn == 15)
            return 0;
        t.fn = op_vldstm;
        t.rd = (uint8_t)rd;
        t.rs1 = (uint8_t)vn;
        t.rs3 = !F(w, 20, 20);
        t.rs2 = (uint8_t)(dp ? imm / 2 : imm);
        t.imm = imm;
        t.rm = (uint8_t)(dp | (p ? 2 : 0) | (wb ? 4 : 0));
        if (!t.rs2 || (dp && t.rs2 > 16))
            return 0;
    } else if ((w & 0x0fe00fd0) == 0x0c400a10 || (w & 0x0fe00fd0) == 0x0c400b10) { /* VMOV 2 core <-> 2 S / D */
        t.fn = op_vmov_cd;
        t.rd = (uint8_t)vd;
        t.rs2 = (uint8_t)vn;
        t.rs1 = (uint8_t)(dp ? (M << 4 | vm) : (vm << 1 | M));
        t.rm = (uint8_t)(dp | (F(w, 20, 20) << 1));
    } else if ((w & 0x0fe00f7f) == 0x0e000a10) { /* VMOV core <-> single */
        t.fn = op_vmov_cs;
        t.rd = (uint8_t)vd;
        t.rs1 = (uint8_t)(vn << 1 | N);
        t.rm = (uint8_t)F(w, 20, 20);
    } else if ((w & 0x0f900f5f) == 0x0e800b10) { /* VDUP Dd/Qd, Rt */
        unsigned be = F(w, 22, 22) << 1 | F(w, 5, 5), q = F(w, 21, 21);
        if (be == 3 || (q && (F(w, 16, 16))) || vd == 15)
            return 0;
        t.fn = op_vdup_core;
        t.rs1 = (uint8_t)F(w, 15, 12);
        t.rd = (uint8_t)(F(w, 7, 7) << 4 | F(w, 19, 16));
        t.rs2 = (uint8_t)(q ? 2 : 1);
        t.rm = (uint8_t)(be == 0 ? 4 : be == 1 ? 2 : 1);
    } else if ((w & 0x0f000f1f) == 0x0e000b10) { /* VMOV Dn[x] <-> Rt, 8/16/32-bit lanes */
        unsigned opc1 = F(w, 22, 21), opc2 = F(w, 6, 5), l = F(w, 20, 20), u = F(w, 23, 23);
        t.fn = op_vmov_lane;
        t.rd = (uint8_t)vd;
        t.rs1 = (uint8_t)(N << 4 | vn);
        if (opc1 & 2) { t.rm = 1; t.rs2 = (uint8_t)((opc1 & 1) << 2 | opc2); }
        else if (opc2 & 1) { t.rm = 2; t.rs2 = (uint8_t)((opc1 & 1) << 1 | opc2 >> 1); }
        else if (!(opc2 & 2)) { t.rm = 4; t.rs2 = (uint8_t)(opc1 & 1); if (u) return 0; }
        else return 0;
        if (!l && u)
            return 0;
        t.rs3 = (uint8_t)(l | u << 1);
        if (vd == 15)
            return 0;
    } else if ((w & 0x0fff0fff) == 0x0ef10a10) { /* VMRS Rt, FPSCR */
        t.fn = op_vmrs;
        t.rd = (uint8_t)vd;
    } else if ((w & 0x0fff0fff) == 0x0ee10a10) { /* VMSR FPSCR, Rt */
        t.fn = op_vmsr;
        t.rd = (uint8_t)vd;
        if (vd == 15)
            return 0;
    } else if ((w & 0x0f000e10) == 0x0e000a00) { /* data processing */
        unsigned opc1 = F(w, 23, 20) & 0xb, op6 = F(w, 6, 6);
        t.rd = (uint8_t)rd;
        t.rs1 = (uint8_t)rn;
        t.rs2 = (uint8_t)rmr;
        t.rm = (uint8_t)dp;
        t.fn = op_varith;
        switch (opc1) {
        case 0: t.rs3 = op6 ? 6 : 5; break;      /* VMLA, VMLS */
        case 1: t.rs3 = op6 ? 7 : 8; break;      /* VNMLA, VNMLS */
        case 2: t.rs3 = op6 ? 4 : 2; break;      /* VNMUL, VMUL */
        case 3: t.rs3 = op6 ? 1 : 0; break;      /* VSUB, VADD */
        case 8: if (op6) return 0; t.rs3 = 3; break; /* VDIV */
        case 9: t.rs3 = op6 ? 11 : 12; break;    /* VFNMA, VFNMS */
        case 10: t.rs3 = op6 ? 10 : 9; break;    /* VFMS, VFMA */
        case 11: {
            unsigned opc2 = vn, op7 = N;
            t.fn = op_vunary;
            if (!op6) { /* VMOV immediate */
                if (F(w, 7, 4) & 0xb) /* bits 7, 5, 4 must be zero */
                    return 0;
                t.fn = op_vmovi;
                t.imm = (int64_t)vfp_expand_imm(vn << 4 | vm, dp);
                break;
            }
            switch (opc2) {
            case 0: t.rs3 = op7 ? 1 : 0; break;
            case 1: t.rs3 = op7 ? 3 : 2; break;
            case 2: case 3: /* VCVTB/VCVTT half <-> single/double */
                t.imm = op7;
                if (opc2 == 2) { t.rs3 = 10; t.rs2 = (uint8_t)(vm << 1 | M); }
                else { t.rs3 = 11; t.rd = (uint8_t)(vd << 1 | D); }
                break;
            case 4: t.rs3 = 4; t.imm = op7; break;
            case 5: t.rs3 = 5; t.imm = op7; if (vm || M) return 0; break;
            case 6: t.rs3 = 12; t.imm = op7; break;          /* VRINTR, VRINTZ */
            case 7:
                if (!op7) { t.rs3 = 12; t.imm = 2; break; }  /* VRINTX */
                t.rs3 = 6;
                t.rd = (uint8_t)(dp ? (vd << 1 | D) : (D << 4 | vd)); /* the destination has the other size */
                break;
            case 8: /* VCVT to fp from int in a single */
                t.rs3 = 7;
                t.imm = op7;
                t.rs2 = (uint8_t)(vm << 1 | M);
                break;
            case 10: case 11: case 14: case 15: { /* VCVT fixed point, in place */
                unsigned size = op7 ? 32 : 16, imm5 = vm << 1 | M;
                if (imm5 > size)
                    return 0;
                t.rs3 = 9;
                t.imm = (opc2 & 1) | ((opc2 >> 2) & 1) << 1 | size << 8 | (size - imm5) << 16;
                break;
            }
            case 12: case 13: /* VCVT to int into a single */
                t.rs3 = 8;
                t.imm = (opc2 & 1) | (op7 ? 2 : 0);
                t.rd = (uint8_t)(vd << 1 | D);
                break;
            default: return 0;
            }
            break;
        }
        default: return 0;
        }
    } else {
        return 0;
    }
    arm_emit(b, &t, cond, flags, pcval);
    return 1;
}
