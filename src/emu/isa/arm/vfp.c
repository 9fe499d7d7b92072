/* VFP (VFPv3-D32) execution and decoding: loads/stores, register moves, FPSCR, scalar arithmetic,
   compares and conversions. Rounding follows the host's default (round to nearest); FPSCR.RMode, FZ and
   DN are stored but not yet applied, and cumulative exception flags are not raised. */
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

void arm_fp_init(struct emu_cpu *c)
{
    memset(A->d, 0, sizeof A->d);
    A->fpscr = 0;
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

OP(op_vmrs)
{
    if (o->rd == 15) {
        A->nf = A->fpscr >> 31;
        A->zf = (A->fpscr >> 30) & 1;
        A->cf = (A->fpscr >> 29) & 1;
        A->vf = (A->fpscr >> 28) & 1;
    } else {
        AR(c, o->rd) = A->fpscr;
    }
    NEXT;
}
OP(op_vmsr) { A->fpscr = AR(c, o->rd) & 0xffc09f9fu; NEXT; }

/* Arithmetic: rd, rs1 (n), rs2 (m), rm 1 double, rs3 operation. */
OP(op_varith)
{
    if (o->rm) {
        double n = getd(c, o->rs1), m = getd(c, o->rs2), d = getd(c, o->rd), r;
        switch (o->rs3) {
        case 0: r = n + m; break;
        case 1: r = n - m; break;
        case 2: r = n * m; break;
        case 3: r = n / m; break;
        case 4: r = -(n * m); break;
        case 5: r = d + n * m; break;
        case 6: r = d - n * m; break;
        case 7: r = -d - n * m; break;
        default: r = -d + n * m; break;
        }
        setd(c, o->rd, r);
    } else {
        float n = gets(c, o->rs1), m = gets(c, o->rs2), d = gets(c, o->rd), r;
        switch (o->rs3) {
        case 0: r = n + m; break;
        case 1: r = n - m; break;
        case 2: r = n * m; break;
        case 3: r = n / m; break;
        case 4: r = -(n * m); break;
        case 5: r = d + n * m; break;
        case 6: r = d - n * m; break;
        case 7: r = -d - n * m; break;
        default: r = -d + n * m; break;
        }
        sets(c, o->rd, r);
    }
    NEXT;
}

static void set_fcmp(struct emu_cpu *c, int lt, int eq, int un)
{
    uint32_t f = un ? 0x3 : eq ? 0x6 : lt ? 0x8 : 0x2;
    A->fpscr = (A->fpscr & 0x0fffffffu) | f << 28;
}

static int32_t cvt_s32(double v, int tz)
{
    if (v != v) return 0;
    v = tz ? trunc(v) : nearbyint(v);
    return v >= 2147483647.0 ? INT32_MAX : v <= -2147483648.0 ? INT32_MIN : (int32_t)v;
}

static uint32_t cvt_u32(double v, int tz)
{
    if (v != v) return 0;
    v = tz ? trunc(v) : nearbyint(v);
    return v >= 4294967295.0 ? UINT32_MAX : v <= 0 ? 0 : (uint32_t)v;
}

/* Unary: rd, rs2 (m), rm 1 double, rs3 operation: 0 mov 1 abs 2 neg 3 sqrt 4 cmp 5 cmp-zero 6 f32<->f64
   7 int->fp (imm 1 signed) 8 fp->int (imm bit0 signed, bit1 round to zero). */
OP(op_vunary)
{
    int dp = o->rm;
    switch (o->rs3) {
    case 0: if (dp) A->d[o->rd] = A->d[o->rs2]; else set_sbits(c, o->rd, sbits(c, o->rs2)); break;
    case 1: if (dp) A->d[o->rd] = A->d[o->rs2] & ~(1ull << 63); else set_sbits(c, o->rd, sbits(c, o->rs2) & 0x7fffffffu); break;
    case 2: if (dp) A->d[o->rd] = A->d[o->rs2] ^ (1ull << 63); else set_sbits(c, o->rd, sbits(c, o->rs2) ^ 0x80000000u); break;
    case 3: if (dp) setd(c, o->rd, sqrt(getd(c, o->rs2))); else sets(c, o->rd, sqrtf(gets(c, o->rs2))); break;
    case 4: case 5: {
        double a = dp ? getd(c, o->rd) : gets(c, o->rd);
        double b = o->rs3 == 5 ? 0.0 : dp ? getd(c, o->rs2) : gets(c, o->rs2);
        set_fcmp(c, a < b, a == b, a != a || b != b);
        break;
    }
    case 6: if (dp) sets(c, o->rd, (float)getd(c, o->rs2)); else setd(c, o->rd, (double)gets(c, o->rs2)); break;
    case 7: {
        uint32_t v = sbits(c, o->rs2);
        double x = o->imm ? (double)(int32_t)v : (double)v;
        if (dp) setd(c, o->rd, x); else sets(c, o->rd, (float)x);
        break;
    }
    default: {
        double x = dp ? getd(c, o->rs2) : gets(c, o->rs2);
        set_sbits(c, o->rd, (o->imm & 1) ? (uint32_t)cvt_s32(x, o->imm & 2) : cvt_u32(x, o->imm & 2));
        break;
    }
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
    } else if ((w & 0x0fe00f7f) == 0x0c400a10 || (w & 0x0fe00fd0) == 0x0c400b10) { /* VMOV 2 core <-> 2 S / D */
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
    } else if ((w & 0x0ff00f7f) == 0x0e000b10 || (w & 0x0ff00f7f) == 0x0e100b10) { /* VMOV Dn[x] <-> core (32-bit) */
        t.fn = op_vmov_cs;
        t.rd = (uint8_t)vd;
        t.rs1 = (uint8_t)(((N << 4 | vn) << 1) | F(w, 21, 21));
        t.rm = (uint8_t)F(w, 20, 20);
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
        case 1: t.rs3 = op6 ? 8 : 7; break;      /* VNMLS, VNMLA */
        case 2: t.rs3 = op6 ? 4 : 2; break;      /* VNMUL, VMUL */
        case 3: t.rs3 = op6 ? 1 : 0; break;      /* VSUB, VADD */
        case 8: if (op6) return 0; t.rs3 = 3; break; /* VDIV */
        case 11: {
            unsigned opc2 = vn, op7 = N;
            t.fn = op_vunary;
            if (!op6) { /* VMOV immediate */
                t.fn = op_vmovi;
                t.imm = (int64_t)vfp_expand_imm(vn << 4 | vm, dp);
                break;
            }
            switch (opc2) {
            case 0: t.rs3 = op7 ? 1 : 0; break;
            case 1: t.rs3 = op7 ? 3 : 2; break;
            case 4: t.rs3 = 4; break;
            case 5: t.rs3 = 5; if (vm || M) return 0; break;
            case 7:
                if (!op7) return 0;
                t.rs3 = 6;
                t.rd = (uint8_t)(dp ? (vd << 1 | D) : (D << 4 | vd)); /* the destination has the other size */
                break;
            case 8: /* VCVT to fp from int in a single */
                t.rs3 = 7;
                t.imm = op7;
                t.rs2 = (uint8_t)(vm << 1 | M);
                break;
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
