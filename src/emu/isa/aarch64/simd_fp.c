/* aarch64 Advanced SIMD floating point: vector and scalar-in-vector arithmetic, compares, conversions, pairwise and across-lane ops, by-element forms, with their table. */
#include "a64fp.h"
#include "simd.h"

/* Operand conventions: aux = format (F_S or F_D), rm = bytes processed (16, 8, or the element size for the
   scalar forms), imm = by-element index / fixed-point fraction bits / rounding mode. */

#define ES (o->aux == F_D ? 8u : 4u)
#define DBL (o->aux == F_D)

/* Element-wise: a, b, d = lanes of Vn, Vm, Vd. */
#define VF3(name, expr)                                                                                      \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0}, pa[16], pb[16], pd[16];                                                         \
        memcpy(pa, V(o->rs1), 16);                                                                           \
        memcpy(pb, V(o->rs2), 16);                                                                           \
        memcpy(pd, V(o->rd), 16);                                                                            \
        unsigned es = ES, f = o->aux;                                                                        \
        int dbl = DBL;                                                                                       \
        uint64_t sgn = a64_fsign((int)f), ones = es == 8 ? ~0ull : 0xffffffffull;                            \
        (void)sgn, (void)ones, (void)dbl;                                                                    \
        for (unsigned i = 0; i < o->rm / es; i++) {                                                          \
            uint64_t a = a64_ldl(pa + es * i, es), b = a64_ldl(pb + es * i, es), d = a64_ldl(pd + es * i, es); \
            (void)b, (void)d;                                                                                \
            a64_stl(r + es * i, es, (expr));                                                                 \
        }                                                                                                    \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
VF3(op_vf_add, a64_farith(c, FK_ADD, a, b, 0, dbl))
VF3(op_vf_sub, a64_farith(c, FK_SUB, a, b, 0, dbl))
VF3(op_vf_mul, a64_farith(c, FK_MUL, a, b, 0, dbl))
VF3(op_vf_div, a64_farith(c, FK_DIV, a, b, 0, dbl))
VF3(op_vf_mulx, a64_farith(c, FK_MULX, a, b, 0, dbl))
VF3(op_vf_abd, a64_farith(c, FK_SUB, a, b, 0, dbl) & ~sgn) /* FPAbs(FPSub()): NaNs lose their sign too */
VF3(op_vf_mla, a64_farith(c, FK_FMA, a, b, d, dbl))
VF3(op_vf_mls, a64_farith(c, FK_FMA, a ^ sgn, b, d, dbl))
VF3(op_vf_max, a64_fminmax(c, a, b, (int)f, 0))
VF3(op_vf_min, a64_fminmax(c, a, b, (int)f, 1))
VF3(op_vf_maxnm, a64_fminmax(c, a, b, (int)f, 2))
VF3(op_vf_minnm, a64_fminmax(c, a, b, (int)f, 3))
VF3(op_vf_cmeq, a64_fcmp_lane(c, a, b, (int)f, 0) ? ones : 0)
VF3(op_vf_cmge, a64_fcmp_lane(c, a, b, (int)f, 1) ? ones : 0)
VF3(op_vf_cmgt, a64_fcmp_lane(c, a, b, (int)f, 2) ? ones : 0)
VF3(op_vf_acge, a64_fcmp_lane(c, a & ~sgn, b & ~sgn, (int)f, 1) ? ones : 0)
VF3(op_vf_acgt, a64_fcmp_lane(c, a & ~sgn, b & ~sgn, (int)f, 2) ? ones : 0)

/* FRECPS / FRSQRTS: 2 - a*b and (3 - a*b) / 2, each rounded once. */
#define step(c, a, b, f, rsqrt) a64_fstep(c, a, b, f, rsqrt)
VF3(op_vf_recps, step(c, a, b, (int)f, 0))
VF3(op_vf_rsqrts, step(c, a, b, (int)f, 1))

/* Pairwise on Vm:Vn. */
#define VFP(name, expr)                                                                                      \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t cat[32], r[16] = {0};                                                                        \
        unsigned es = ES, n = o->rm, f = o->aux;                                                             \
        int dbl = DBL;                                                                                       \
        (void)dbl, (void)f;                                                                                  \
        memcpy(cat, V(o->rs1), n);                                                                           \
        memcpy(cat + n, V(o->rs2), n);                                                                       \
        for (unsigned i = 0; i < n / es; i++) {                                                              \
            uint64_t a = a64_ldl(cat + 2 * es * i, es), b = a64_ldl(cat + 2 * es * i + es, es);              \
            a64_stl(r + es * i, es, (expr));                                                                 \
        }                                                                                                    \
        a64_vput(c, o->rd, r, n);                                                                            \
        NEXT;                                                                                                \
    }
VFP(op_vf_addp, a64_farith(c, FK_ADD, a, b, 0, dbl))
VFP(op_vf_maxp, a64_fminmax(c, a, b, (int)f, 0))
VFP(op_vf_minp, a64_fminmax(c, a, b, (int)f, 1))
VFP(op_vf_maxnmp, a64_fminmax(c, a, b, (int)f, 2))
VFP(op_vf_minnmp, a64_fminmax(c, a, b, (int)f, 3))

/* Scalar pairwise (FADDP Sd, Vn.2S etc.): both lanes of the low 2*es bytes of Vn. */
#define VFPS(name, expr)                                                                                     \
    OP(name)                                                                                                 \
    {                                                                                                        \
        unsigned es = ES, f = o->aux;                                                                        \
        int dbl = DBL;                                                                                       \
        (void)dbl, (void)f;                                                                                  \
        uint64_t a = a64_ldl(V(o->rs1), es), b = a64_ldl(V(o->rs1) + es, es);                               \
        a64_set_scalar(c, o->rd, (expr), es);                                                                \
        NEXT;                                                                                                \
    }
VFPS(op_sf_addp, a64_farith(c, FK_ADD, a, b, 0, dbl))
VFPS(op_sf_maxp, a64_fminmax(c, a, b, (int)f, 0))
VFPS(op_sf_minp, a64_fminmax(c, a, b, (int)f, 1))
VFPS(op_sf_maxnmp, a64_fminmax(c, a, b, (int)f, 2))
VFPS(op_sf_minnmp, a64_fminmax(c, a, b, (int)f, 3))

/* Across lanes (4S only): Arm's recursive halving order, (e0 op e1) op (e2 op e3). imm = min/max kind. */
OP(op_vf_across)
{
    uint64_t e[4];
    for (int i = 0; i < 4; i++)
        e[i] = ld32(V(o->rs1) + 4 * i);
    int k = (int)o->imm;
    uint64_t lo = a64_fminmax(c, e[0], e[1], F_S, k), hi = a64_fminmax(c, e[2], e[3], F_S, k);
    a64_set_scalar(c, o->rd, a64_fminmax(c, lo, hi, F_S, k), 4);
    NEXT;
}

/* ---- two-register misc ---- */
#define VF2(name, expr)                                                                                      \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0}, pa[16];                                                                         \
        memcpy(pa, V(o->rs1), 16);                                                                           \
        unsigned es = ES, f = o->aux;                                                                        \
        int dbl = DBL;                                                                                       \
        uint64_t sgn = a64_fsign((int)f), ones = es == 8 ? ~0ull : 0xffffffffull, zero = 0;                  \
        (void)sgn, (void)ones, (void)dbl, (void)zero;                                                        \
        for (unsigned i = 0; i < o->rm / es; i++) {                                                          \
            uint64_t a = a64_ldl(pa + es * i, es);                                                           \
            a64_stl(r + es * i, es, (expr));                                                                 \
        }                                                                                                    \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
#define RMODE_OF(o) ((o)->imm == 5 ? a64_rmode(c) : (unsigned)(o)->imm)
VF2(op_vf_abs, a & ~sgn)
VF2(op_vf_neg, a ^ sgn)
VF2(op_vf_sqrt, a64_farith(c, FK_SQRT, a, 0, 0, dbl))
VF2(op_vf_rint, a64_frint(c, a, (int)f, RMODE_OF(o) & 7, 0))
VF2(op_vf_rintx, a64_frint(c, a, (int)f, a64_rmode(c), 1))
VF2(op_vf_cvts, a64_f2i(c, a, (int)f, (unsigned)o->imm & 7, (unsigned)o->imm >> 8, 0, es * 8))
VF2(op_vf_cvtu, a64_f2i(c, a, (int)f, (unsigned)o->imm & 7, (unsigned)o->imm >> 8, 1, es * 8))
VF2(op_vf_scvtf, a64_i2f(c, es == 8 ? a : (uint64_t)(int64_t)(int32_t)a, 1, (unsigned)o->imm >> 8, (int)f, a64_rmode(c)))
VF2(op_vf_ucvtf, a64_i2f(c, a, 0, (unsigned)o->imm >> 8, (int)f, a64_rmode(c)))
VF2(op_vf_cmgt0, a64_fcmp_lane(c, a, zero, (int)f, 2) ? ones : 0)
VF2(op_vf_cmge0, a64_fcmp_lane(c, a, zero, (int)f, 1) ? ones : 0)
VF2(op_vf_cmeq0, a64_fcmp_lane(c, a, zero, (int)f, 0) ? ones : 0)
VF2(op_vf_cmle0, a64_fcmp_lane(c, zero, a, (int)f, 1) ? ones : 0)
VF2(op_vf_cmlt0, a64_fcmp_lane(c, zero, a, (int)f, 2) ? ones : 0)

/* FCVTN(2): narrow each source lane (aux = source format) into the low or high half; FCVTL(2): widen. */
OP(op_vf_cvtn)
{
    uint8_t r[16], src[16];
    memcpy(src, V(o->rs1), 16);
    memcpy(r, V(o->rd), 16);
    int from = o->aux, to = from == F_D ? F_S : F_H;
    unsigned es = from == F_D ? 8 : 4, ed = es / 2, off = o->rm == 16 ? 8 : 0;
    for (unsigned i = 0; i < 16 / es; i++)
        a64_stl(r + off + ed * i, ed, a64_fcvt(c, a64_ldl(src + es * i, es), from, to));
    if (!off)
        memset(r + 8, 0, 8);
    memcpy(V(o->rd), r, 16);
    NEXT;
}
OP(op_vf_cvtl)
{
    uint8_t r[16], src[16];
    memcpy(src, V(o->rs1), 16);
    int to = o->aux, from = to == F_D ? F_S : F_H;
    unsigned es = to == F_D ? 8 : 4, ed = es / 2, off = o->rm == 16 ? 8 : 0;
    for (unsigned i = 0; i < 16 / es; i++)
        a64_stl(r + es * i, es, a64_fcvt(c, a64_ldl(src + off + ed * i, ed), from, to));
    memcpy(V(o->rd), r, 16);
    NEXT;
}

/* ---- by element: rs2 = Vm, imm = index ---- */
#define VFE(name, expr)                                                                                      \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0}, pa[16], pd[16];                                                                 \
        memcpy(pa, V(o->rs1), 16);                                                                           \
        memcpy(pd, V(o->rd), 16);                                                                            \
        unsigned es = ES;                                                                                    \
        int dbl = DBL;                                                                                       \
        uint64_t sgn = a64_fsign(o->aux), b = a64_ldl(V(o->rs2) + es * (unsigned)o->imm, es);                \
        (void)sgn;                                                                                           \
        for (unsigned i = 0; i < o->rm / es; i++) {                                                          \
            uint64_t a = a64_ldl(pa + es * i, es), d = a64_ldl(pd + es * i, es);                             \
            (void)d;                                                                                         \
            a64_stl(r + es * i, es, (expr));                                                                 \
        }                                                                                                    \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
VFE(op_vf_mul_e, a64_farith(c, FK_MUL, a, b, 0, dbl))
VFE(op_vf_mulx_e, a64_farith(c, FK_MULX, a, b, 0, dbl))
VFE(op_vf_mla_e, a64_farith(c, FK_FMA, a, b, d, dbl))
VFE(op_vf_mls_e, a64_farith(c, FK_FMA, a ^ sgn, b, d, dbl))

/* ---------------------------------------------------------------- formats */

/* arg: SZ_SCALAR for the scalar forms; D needs Q in the vector forms; +0x100: single only (4S, Q=1). */
static int d_vf(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned sz = (w >> 22) & 1, q = (w >> 30) & 1;
    o->aux = (uint16_t)(sz ? F_D : F_S);
    if (r->arg & SZ_SCALAR) {
        o->rm = sz ? 8 : 4;
    } else {
        if (sz && !q)
            return -1;
        if ((r->arg & 0x100) && (sz || !q))
            return -1;
        o->rm = q ? 16 : 8;
    }
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    o->imm = r->arg & 0xff & ~SZ_SCALAR;
    return 0;
}

/* FRINT/FCVT* vector and scalar: arg low bits = rounding mode (5 = FPCR) | scalar flag. */
static int d_vf_rm(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_vf(o, w, r) < 0)
        return -1;
    o->imm = r->arg & 7;
    return 0;
}

static int d_vf_cvtn(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned sz = (w >> 22) & 1;
    o->aux = (uint16_t)(sz ? F_D : F_S);
    o->rm = (w >> 30) & 1 ? 16 : 8;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    return 0;
}

/* By element: size<1> = 1 for FP (sz = bit 22): S index H:L, D index H (L must be 0); Rm = M:Rm. */
static int d_vf_elem(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned sz = (w >> 22) & 1, h = (w >> 11) & 1, l = (w >> 21) & 1, q = (w >> 30) & 1;
    if (!((w >> 23) & 1))
        return -1; /* half precision (FEAT_FP16) */
    if (sz && l)
        return -1;
    if (!(r->arg & SZ_SCALAR) && sz && !q)
        return -1;
    o->aux = (uint16_t)(sz ? F_D : F_S);
    o->imm = sz ? h : (h << 1 | l);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    o->rm = r->arg & SZ_SCALAR ? (sz ? 8 : 4) : (q ? 16 : 8);
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    return 0;
}

/* Fixed-point conversions by immediate: immh = 01xx (S) or 1xxx (D); fbits = 2*esize - immh:immb. */
static int d_vf_fixed(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned immh = a64_bits(w, 22, 19), immhb = a64_bits(w, 22, 16), q = (w >> 30) & 1;
    unsigned eb;
    if (immh & 8)
        o->aux = F_D, eb = 64;
    else if (immh & 4)
        o->aux = F_S, eb = 32;
    else
        return -1;
    if (r->arg & SZ_SCALAR)
        o->rm = (uint8_t)(eb / 8);
    else if (eb == 64 && !q)
        return -1;
    else
        o->rm = q ? 16 : 8;
    o->imm = (int64_t)((2 * eb - immhb) << 8 | RM_RZ);
    if (o->fn == op_vf_scvtf || o->fn == op_vf_ucvtf)
        o->imm = (int64_t)((2 * eb - immhb) << 8);
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    return 0;
}

/* 4S across lanes: arg = kind. */
static int d_vf_across(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (((w >> 22) & 1) || !((w >> 30) & 1))
        return -1;
    o->imm = r->arg;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    return 0;
}

#define MF3 0xbfa0fc00u  /* Q and sz free */
#define MF2 0xbfbffc00u
#define SF3 0xffa0fc00u
#define SF2 0xffbffc00u
#define F3(u, a, opc) (0x0e200400u | (u) << 29 | (a) << 23 | (opc) << 11)
#define F2(u, a, opc) (0x0e200800u | (u) << 29 | (a) << 23 | (opc) << 12)
#define FS3(u, a, opc) (0x5e200400u | (u) << 29 | (a) << 23 | (opc) << 11)
#define FS2(u, a, opc) (0x5e200800u | (u) << 29 | (a) << 23 | (opc) << 12)
#define FE(u, opc) (0x0f800000u | (u) << 29 | (opc) << 12)
#define FSE(u, opc) (0x5f800000u | (u) << 29 | (opc) << 12)
#define ROW(m, t, dec, fn, arg, name) {m, t, dec, fn, NULL, arg, 0, name}
#define SC SZ_SCALAR
#define FIXED(n) ((n) << 8)

const struct a64_insn a64_simd_fp[] = {
    /* three same (vector) */
    ROW(MF3, F3(0, 0, 0x1a), d_vf, op_vf_add, 0, "fadd"),
    ROW(MF3, F3(0, 1, 0x1a), d_vf, op_vf_sub, 0, "fsub"),
    ROW(MF3, F3(1, 0, 0x1b), d_vf, op_vf_mul, 0, "fmul"),
    ROW(MF3, F3(1, 0, 0x1f), d_vf, op_vf_div, 0, "fdiv"),
    ROW(MF3, F3(0, 0, 0x1b), d_vf, op_vf_mulx, 0, "fmulx"),
    ROW(MF3, F3(1, 1, 0x1a), d_vf, op_vf_abd, 0, "fabd"),
    ROW(MF3, F3(0, 0, 0x19), d_vf, op_vf_mla, 0, "fmla"),
    ROW(MF3, F3(0, 1, 0x19), d_vf, op_vf_mls, 0, "fmls"),
    ROW(MF3, F3(0, 0, 0x1e), d_vf, op_vf_max, 0, "fmax"),
    ROW(MF3, F3(0, 1, 0x1e), d_vf, op_vf_min, 0, "fmin"),
    ROW(MF3, F3(0, 0, 0x18), d_vf, op_vf_maxnm, 0, "fmaxnm"),
    ROW(MF3, F3(0, 1, 0x18), d_vf, op_vf_minnm, 0, "fminnm"),
    ROW(MF3, F3(0, 0, 0x1c), d_vf, op_vf_cmeq, 0, "fcmeq"),
    ROW(MF3, F3(1, 0, 0x1c), d_vf, op_vf_cmge, 0, "fcmge"),
    ROW(MF3, F3(1, 1, 0x1c), d_vf, op_vf_cmgt, 0, "fcmgt"),
    ROW(MF3, F3(1, 0, 0x1d), d_vf, op_vf_acge, 0, "facge"),
    ROW(MF3, F3(1, 1, 0x1d), d_vf, op_vf_acgt, 0, "facgt"),
    ROW(MF3, F3(0, 0, 0x1f), d_vf, op_vf_recps, 0, "frecps"),
    ROW(MF3, F3(0, 1, 0x1f), d_vf, op_vf_rsqrts, 0, "frsqrts"),
    ROW(MF3, F3(1, 0, 0x1a), d_vf, op_vf_addp, 0, "faddp"),
    ROW(MF3, F3(1, 0, 0x1e), d_vf, op_vf_maxp, 0, "fmaxp"),
    ROW(MF3, F3(1, 1, 0x1e), d_vf, op_vf_minp, 0, "fminp"),
    ROW(MF3, F3(1, 0, 0x18), d_vf, op_vf_maxnmp, 0, "fmaxnmp"),
    ROW(MF3, F3(1, 1, 0x18), d_vf, op_vf_minnmp, 0, "fminnmp"),
    /* three same (scalar) */
    ROW(SF3, FS3(1, 1, 0x1a), d_vf, op_vf_abd, SC, "fabd"),
    ROW(SF3, FS3(0, 0, 0x1b), d_vf, op_vf_mulx, SC, "fmulx"),
    ROW(SF3, FS3(0, 0, 0x1c), d_vf, op_vf_cmeq, SC, "fcmeq"),
    ROW(SF3, FS3(1, 0, 0x1c), d_vf, op_vf_cmge, SC, "fcmge"),
    ROW(SF3, FS3(1, 1, 0x1c), d_vf, op_vf_cmgt, SC, "fcmgt"),
    ROW(SF3, FS3(1, 0, 0x1d), d_vf, op_vf_acge, SC, "facge"),
    ROW(SF3, FS3(1, 1, 0x1d), d_vf, op_vf_acgt, SC, "facgt"),
    ROW(SF3, FS3(0, 0, 0x1f), d_vf, op_vf_recps, SC, "frecps"),
    ROW(SF3, FS3(0, 1, 0x1f), d_vf, op_vf_rsqrts, SC, "frsqrts"),
    /* scalar pairwise */
    ROW(0xffbffc00u, 0x7e30d800u, d_vf, op_sf_addp, SC, "faddp"),
    ROW(0xffbffc00u, 0x7e30f800u, d_vf, op_sf_maxp, SC, "fmaxp"),
    ROW(0xffbffc00u, 0x7eb0f800u, d_vf, op_sf_minp, SC, "fminp"),
    ROW(0xffbffc00u, 0x7e30c800u, d_vf, op_sf_maxnmp, SC, "fmaxnmp"),
    ROW(0xffbffc00u, 0x7eb0c800u, d_vf, op_sf_minnmp, SC, "fminnmp"),
    /* across lanes */
    ROW(0xbfbffc00u, 0x2e30c800u, d_vf_across, op_vf_across, 2, "fmaxnmv"),
    ROW(0xbfbffc00u, 0x2eb0c800u, d_vf_across, op_vf_across, 3, "fminnmv"),
    ROW(0xbfbffc00u, 0x2e30f800u, d_vf_across, op_vf_across, 0, "fmaxv"),
    ROW(0xbfbffc00u, 0x2eb0f800u, d_vf_across, op_vf_across, 1, "fminv"),
    /* two-register misc (vector) */
    ROW(MF2, F2(0, 1, 0x0f), d_vf, op_vf_abs, 0, "fabs"),
    ROW(MF2, F2(1, 1, 0x0f), d_vf, op_vf_neg, 0, "fneg"),
    ROW(MF2, F2(1, 1, 0x1f), d_vf, op_vf_sqrt, 0, "fsqrt"),
    ROW(MF2, F2(0, 0, 0x18), d_vf_rm, op_vf_rint, RM_RN, "frintn"),
    ROW(MF2, F2(0, 0, 0x19), d_vf_rm, op_vf_rint, RM_RM, "frintm"),
    ROW(MF2, F2(0, 1, 0x18), d_vf_rm, op_vf_rint, RM_RP, "frintp"),
    ROW(MF2, F2(0, 1, 0x19), d_vf_rm, op_vf_rint, RM_RZ, "frintz"),
    ROW(MF2, F2(1, 0, 0x18), d_vf_rm, op_vf_rint, RM_RA, "frinta"),
    ROW(MF2, F2(1, 0, 0x19), d_vf_rm, op_vf_rintx, 5, "frintx"),
    ROW(MF2, F2(1, 1, 0x19), d_vf_rm, op_vf_rint, 5, "frinti"),
    ROW(MF2, F2(0, 0, 0x1a), d_vf_rm, op_vf_cvts, RM_RN, "fcvtns"),
    ROW(MF2, F2(0, 0, 0x1b), d_vf_rm, op_vf_cvts, RM_RM, "fcvtms"),
    ROW(MF2, F2(0, 0, 0x1c), d_vf_rm, op_vf_cvts, RM_RA, "fcvtas"),
    ROW(MF2, F2(0, 1, 0x1a), d_vf_rm, op_vf_cvts, RM_RP, "fcvtps"),
    ROW(MF2, F2(0, 1, 0x1b), d_vf_rm, op_vf_cvts, RM_RZ, "fcvtzs"),
    ROW(MF2, F2(1, 0, 0x1a), d_vf_rm, op_vf_cvtu, RM_RN, "fcvtnu"),
    ROW(MF2, F2(1, 0, 0x1b), d_vf_rm, op_vf_cvtu, RM_RM, "fcvtmu"),
    ROW(MF2, F2(1, 0, 0x1c), d_vf_rm, op_vf_cvtu, RM_RA, "fcvtau"),
    ROW(MF2, F2(1, 1, 0x1a), d_vf_rm, op_vf_cvtu, RM_RP, "fcvtpu"),
    ROW(MF2, F2(1, 1, 0x1b), d_vf_rm, op_vf_cvtu, RM_RZ, "fcvtzu"),
    ROW(MF2, F2(0, 0, 0x1d), d_vf_rm, op_vf_scvtf, 0, "scvtf"),
    ROW(MF2, F2(1, 0, 0x1d), d_vf_rm, op_vf_ucvtf, 0, "ucvtf"),
    ROW(MF2, F2(0, 1, 0x0c), d_vf, op_vf_cmgt0, 0, "fcmgt"),
    ROW(MF2, F2(1, 1, 0x0c), d_vf, op_vf_cmge0, 0, "fcmge"),
    ROW(MF2, F2(0, 1, 0x0d), d_vf, op_vf_cmeq0, 0, "fcmeq"),
    ROW(MF2, F2(1, 1, 0x0d), d_vf, op_vf_cmle0, 0, "fcmle"),
    ROW(MF2, F2(0, 1, 0x0e), d_vf, op_vf_cmlt0, 0, "fcmlt"),
    ROW(MF2, F2(0, 0, 0x16), d_vf_cvtn, op_vf_cvtn, 0, "fcvtn"),
    ROW(MF2, F2(0, 0, 0x17), d_vf_cvtn, op_vf_cvtl, 0, "fcvtl"),
    /* two-register misc (scalar) */
    ROW(SF2, FS2(0, 0, 0x1a), d_vf_rm, op_vf_cvts, RM_RN | SC, "fcvtns"),
    ROW(SF2, FS2(0, 0, 0x1b), d_vf_rm, op_vf_cvts, RM_RM | SC, "fcvtms"),
    ROW(SF2, FS2(0, 0, 0x1c), d_vf_rm, op_vf_cvts, RM_RA | SC, "fcvtas"),
    ROW(SF2, FS2(0, 1, 0x1a), d_vf_rm, op_vf_cvts, RM_RP | SC, "fcvtps"),
    ROW(SF2, FS2(0, 1, 0x1b), d_vf_rm, op_vf_cvts, RM_RZ | SC, "fcvtzs"),
    ROW(SF2, FS2(1, 0, 0x1a), d_vf_rm, op_vf_cvtu, RM_RN | SC, "fcvtnu"),
    ROW(SF2, FS2(1, 0, 0x1b), d_vf_rm, op_vf_cvtu, RM_RM | SC, "fcvtmu"),
    ROW(SF2, FS2(1, 0, 0x1c), d_vf_rm, op_vf_cvtu, RM_RA | SC, "fcvtau"),
    ROW(SF2, FS2(1, 1, 0x1a), d_vf_rm, op_vf_cvtu, RM_RP | SC, "fcvtpu"),
    ROW(SF2, FS2(1, 1, 0x1b), d_vf_rm, op_vf_cvtu, RM_RZ | SC, "fcvtzu"),
    ROW(SF2, FS2(0, 0, 0x1d), d_vf_rm, op_vf_scvtf, SC, "scvtf"),
    ROW(SF2, FS2(1, 0, 0x1d), d_vf_rm, op_vf_ucvtf, SC, "ucvtf"),
    ROW(SF2, FS2(0, 1, 0x0c), d_vf, op_vf_cmgt0, SC, "fcmgt"),
    ROW(SF2, FS2(1, 1, 0x0c), d_vf, op_vf_cmge0, SC, "fcmge"),
    ROW(SF2, FS2(0, 1, 0x0d), d_vf, op_vf_cmeq0, SC, "fcmeq"),
    ROW(SF2, FS2(1, 1, 0x0d), d_vf, op_vf_cmle0, SC, "fcmle"),
    ROW(SF2, FS2(0, 1, 0x0e), d_vf, op_vf_cmlt0, SC, "fcmlt"),
    /* by element */
    ROW(0xbf80f400u, FE(0, 0x9), d_vf_elem, op_vf_mul_e, 0, "fmul"),
    ROW(0xbf80f400u, FE(1, 0x9), d_vf_elem, op_vf_mulx_e, 0, "fmulx"),
    ROW(0xbf80f400u, FE(0, 0x1), d_vf_elem, op_vf_mla_e, 0, "fmla"),
    ROW(0xbf80f400u, FE(0, 0x5), d_vf_elem, op_vf_mls_e, 0, "fmls"),
    ROW(0xff80f400u, FSE(0, 0x9), d_vf_elem, op_vf_mul_e, SC, "fmul"),
    ROW(0xff80f400u, FSE(1, 0x9), d_vf_elem, op_vf_mulx_e, SC, "fmulx"),
    ROW(0xff80f400u, FSE(0, 0x1), d_vf_elem, op_vf_mla_e, SC, "fmla"),
    ROW(0xff80f400u, FSE(0, 0x5), d_vf_elem, op_vf_mls_e, SC, "fmls"),
    /* fixed-point conversions (shift by immediate) */
    ROW(0xbf80fc00u, 0x0f00e400u, d_vf_fixed, op_vf_scvtf, 0, "scvtf"),
    ROW(0xbf80fc00u, 0x2f00e400u, d_vf_fixed, op_vf_ucvtf, 0, "ucvtf"),
    ROW(0xbf80fc00u, 0x0f00fc00u, d_vf_fixed, op_vf_cvts, 0, "fcvtzs"),
    ROW(0xbf80fc00u, 0x2f00fc00u, d_vf_fixed, op_vf_cvtu, 0, "fcvtzu"),
    ROW(0xff80fc00u, 0x5f00e400u, d_vf_fixed, op_vf_scvtf, SC, "scvtf"),
    ROW(0xff80fc00u, 0x7f00e400u, d_vf_fixed, op_vf_ucvtf, SC, "ucvtf"),
    ROW(0xff80fc00u, 0x5f00fc00u, d_vf_fixed, op_vf_cvts, SC, "fcvtzs"),
    ROW(0xff80fc00u, 0x7f00fc00u, d_vf_fixed, op_vf_cvtu, SC, "fcvtzu"),
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
