/* aarch64 reciprocal and reciprocal-square-root estimates (FRECPE, FRSQRTE, FRECPX, URECPE, URSQRTE) and round-to-odd narrowing (FCVTXN), after the Arm ARM's pseudocode. */
#include "a64fp.h"
#include "simd.h"

/* Format geometry: exponent bits, fraction bits. */
#define EBITS(dbl) ((dbl) ? 11u : 8u)
#define FBITS(dbl) ((dbl) ? 52u : 23u)

static inline void fp_raise(struct emu_cpu *c, uint32_t fl) { A64(c)->fp.fpsr |= fl; }

/* RecipEstimate: a in [256, 512) (0.5 <= x < 1 in 1/512 steps) -> r in [256, 512) (1/x, 8 fraction bits). */
static unsigned recip_est(unsigned a)
{
    a = a * 2 + 1;                 /* midpoint of the input interval */
    unsigned b = (1u << 19) / a;
    return (b + 1) / 2;            /* rounded to nearest */
}

/* RecipSqrtEstimate: a in [128, 512) (0.25 <= x < 1) -> r in [256, 512) (1/sqrt(x), 8 fraction bits). */
static unsigned rsqrt_est(unsigned a)
{
    if (a < 256) {
        a = a * 2 + 1;             /* in 1/512 units, midpoint */
    } else {
        a = (a >> 1) << 1;         /* in 1/256 units: drop the bottom bit, then take the midpoint */
        a = (a + 1) * 2;
    }
    unsigned b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (b + 1) / 2;
}

/* FPUnpack's input flush (FPCR.FZ: a denormal operand reads as zero, IDC) and FPProcessNaN.
   Returns 1 with *res set when the operand is a NaN. */
static int est_in(struct emu_cpu *c, uint64_t *a, int dbl, uint64_t *res)
{
    unsigned fb = FBITS(dbl);
    uint64_t sgn = 1ull << (fb + EBITS(dbl)), emask = ((1ull << EBITS(dbl)) - 1) << fb, fmask = (1ull << fb) - 1;
    uint64_t v = *a;
    if (!(v & emask) && (v & fmask) && (A64(c)->fp.fpcr & FPCR_FZ)) {
        fp_raise(c, FPSR_IDC);
        *a = v & sgn;
        return 0;
    }
    if ((v & emask) == emask && (v & fmask)) {
        uint64_t q = 1ull << (fb - 1);
        if (!(v & q))
            fp_raise(c, FPSR_IOC);
        *res = (A64(c)->fp.fpcr & FPCR_DN) ? (emask | q) : (v | q);
        return 1;
    }
    return 0;
}

/* FPRecipEstimate on single (dbl 0) or double bits. */
static uint64_t frecpe(struct emu_cpu *c, uint64_t a, int dbl)
{
    unsigned fb = FBITS(dbl), eb = EBITS(dbl);
    uint64_t sgn = 1ull << (fb + eb), emask = ((1ull << eb) - 1) << fb, fmask = (1ull << fb) - 1, r;
    if (!dbl)
        a &= 0xffffffffu;
    if (est_in(c, &a, dbl, &r))
        return r;
    uint64_t s = a & sgn;
    int exp = (int)((a & emask) >> fb);
    uint64_t frac = a & fmask;
    if ((a & emask) == emask)                                 /* infinity */
        return s;
    if (!(a & ~sgn)) {                                        /* zero */
        fp_raise(c, FPSR_DZC);
        return s | emask;
    }
    /* |x| < 2^-(bias+1): the reciprocal overflows. That is exponent 0 with the top two fraction bits clear. */
    if (exp == 0 && !(frac >> (fb - 2))) {
        unsigned rm = a64_rmode(c);
        int to_inf = rm == RM_RN || (rm == RM_RP && !s) || (rm == RM_RM && s);
        fp_raise(c, FPSR_OFC | FPSR_IXC);
        return to_inf ? s | emask : s | (emask - (1ull << fb)) | fmask;
    }
    /* |x| >= 2^(bias-1) with FZ: the reciprocal would be denormal, flushed to zero. */
    if ((A64(c)->fp.fpcr & FPCR_FZ) && exp >= (int)(1u << eb) - 3) { /* 253 (single), 2045 (double) */
        fp_raise(c, FPSR_UFC);
        return s;
    }
    if (exp == 0) {                                           /* denormal: normalise by one or two places */
        if (!(frac >> (fb - 1))) {
            exp = -1;
            frac = (frac << 2) & fmask;
        } else {
            frac = (frac << 1) & fmask;
        }
    }
    unsigned scaled = 256 | (unsigned)(frac >> (fb - 8));
    int rexp = (int)(2 * ((1u << (eb - 1)) - 1)) - 1 - exp; /* 253 - exp (single), 2045 - exp (double) */
    uint64_t rfrac = (uint64_t)(recip_est(scaled) & 0xff) << (fb - 8);
    if (rexp == 0) {
        rfrac = (1ull << (fb - 1)) | (rfrac >> 1);
    } else if (rexp == -1) {
        rfrac = (1ull << (fb - 2)) | (rfrac >> 2);
        rexp = 0;
    }
    return s | (uint64_t)rexp << fb | rfrac;
}

/* FPRSqrtEstimate. */
static uint64_t frsqrte(struct emu_cpu *c, uint64_t a, int dbl)
{
    unsigned fb = FBITS(dbl), eb = EBITS(dbl);
    uint64_t sgn = 1ull << (fb + eb), emask = ((1ull << eb) - 1) << fb, fmask = (1ull << fb) - 1, r;
    if (!dbl)
        a &= 0xffffffffu;
    if (est_in(c, &a, dbl, &r))
        return r;
    if (!(a & ~sgn)) {                                        /* zero */
        fp_raise(c, FPSR_DZC);
        return (a & sgn) | emask;
    }
    if (a & sgn) {                                            /* negative: invalid */
        fp_raise(c, FPSR_IOC);
        return emask | (1ull << (fb - 1));
    }
    if ((a & emask) == emask)                                 /* +infinity */
        return 0;
    int exp = (int)((a & emask) >> fb);
    uint64_t frac = a & fmask;
    if (exp == 0) {                                           /* denormal: normalise */
        while (!(frac >> (fb - 1))) {
            frac = (frac << 1) & fmask;
            exp--;
        }
        frac = (frac << 1) & fmask;
    }
    unsigned scaled = (exp & 1) ? 128 | (unsigned)(frac >> (fb - 7)) : 256 | (unsigned)(frac >> (fb - 8));
    int bias = (int)(1u << (eb - 1)) - 1;
    int rexp = (3 * bias - 1 - exp) / 2;                      /* (380 - exp) / 2, (3068 - exp) / 2; never negative */
    return (uint64_t)rexp << fb | (uint64_t)(rsqrt_est(scaled) & 0xff) << (fb - 8);
}

/* FPRecpX: the exponent complemented, fraction zero (zeros and denormals get the largest finite exponent). */
static uint64_t frecpx(struct emu_cpu *c, uint64_t a, int dbl)
{
    unsigned fb = FBITS(dbl), eb = EBITS(dbl);
    uint64_t sgn = 1ull << (fb + eb), emask = ((1ull << eb) - 1) << fb, r;
    if (!dbl)
        a &= 0xffffffffu;
    if (est_in(c, &a, dbl, &r))
        return r;
    uint64_t e = a & emask;
    return (a & sgn) | (e ? ~e & emask : emask - (1ull << fb));
}

/* URECPE / URSQRTE on a 32-bit lane: the estimates on the top 9 bits as an unsigned fraction. */
static uint32_t urecpe(uint32_t a) { return a >> 31 ? (uint32_t)recip_est(a >> 23) << 23 : 0xffffffffu; }
static uint32_t ursqrte(uint32_t a) { return a >> 30 ? (uint32_t)rsqrt_est(a >> 23) << 23 : 0xffffffffu; }

/* FPConvert double -> single with FPRounding_ODD (FCVTXN): truncate, then set the low bit when inexact. */
static uint32_t cvt_odd(struct emu_cpu *c, uint64_t a)
{
    uint64_t r;
    const uint64_t emask = 0x7ff0000000000000ull, fmask = (1ull << 52) - 1;
    if (est_in(c, &a, 1, &r)) {                               /* NaN: keep the sign and top payload bits */
        if (A64(c)->fp.fpcr & FPCR_DN)
            return S_DNAN;
        return (uint32_t)(r >> 32 & S_SIGN) | 0x7fc00000u | (uint32_t)((r & fmask) >> 29 & 0x3fffff);
    }
    uint32_t s = (uint32_t)(a >> 32) & S_SIGN;
    if ((a & emask) == emask)
        return s | 0x7f800000u;
    if (!(a & ~D_SIGN))
        return s;
    int e = (int)((a & emask) >> 52) - 1023;
    uint64_t sig = a & fmask;
    if (a & emask) {
        sig |= 1ull << 52;
    } else {                                                  /* double denormal: normalise */
        e = -1022;
        while (!(sig >> 52)) {
            sig <<= 1;
            e--;
        }
    }
    if (e < -126 && (A64(c)->fp.fpcr & FPCR_FZ)) {            /* the result would be denormal: flushed */
        fp_raise(c, FPSR_UFC);
        return s;
    }
    unsigned shift = 29 + (e < -126 ? (unsigned)(-126 - e) : 0);
    uint64_t mant = shift >= 64 ? 0 : sig >> shift;
    int inexact = shift >= 64 ? 1 : (sig & ((1ull << shift) - 1)) != 0;
    uint32_t bexp = e < -126 ? 0 : (uint32_t)(e + 127);
    if (inexact)
        mant |= 1;
    if (bexp == 0 && inexact)
        fp_raise(c, FPSR_UFC);
    if (bexp >= 255) {                                        /* overflow rounds to the largest finite value */
        fp_raise(c, FPSR_OFC | FPSR_IXC);
        return s | 0x7f7fffffu;
    }
    if (inexact)
        fp_raise(c, FPSR_IXC);
    return s | bexp << 23 | ((uint32_t)mant & 0x7fffffu);
}

/* Element-wise over o->rm bytes of Vn; aux = F_S / F_D (o->rm = element size for the scalar forms). */
#define EST(name, expr)                                                                                      \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0}, pa[16];                                                                         \
        memcpy(pa, V(o->rs1), 16);                                                                           \
        int dbl = o->aux == F_D;                                                                             \
        unsigned es = dbl ? 8u : 4u;                                                                         \
        for (unsigned i = 0; i < o->rm / es; i++) {                                                          \
            uint64_t a = a64_ldl(pa + es * i, es);                                                           \
            a64_stl(r + es * i, es, (expr));                                                                 \
        }                                                                                                    \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
EST(op_frecpe, frecpe(c, a, dbl))
EST(op_frsqrte, frsqrte(c, a, dbl))
EST(op_frecpx, frecpx(c, a, dbl))
EST(op_urecpe, urecpe((uint32_t)a))
EST(op_ursqrte, ursqrte((uint32_t)a))

/* FCVTXN Sd, Dn (rm 4), FCVTXN Vd.2S (rm 8: upper half zeroed), FCVTXN2 Vd.4S (rm 16: lower half kept). */
OP(op_fcvtxn)
{
    uint8_t src[16], r[16];
    memcpy(src, V(o->rs1), 16);
    memcpy(r, V(o->rd), 16);
    if (o->rm == 4) {
        memset(r, 0, 16);
        st32(r, cvt_odd(c, ld64(src)));
    } else {
        unsigned off = o->rm == 16 ? 8 : 0;
        for (unsigned i = 0; i < 2; i++)
            st32(r + off + 4 * i, cvt_odd(c, ld64(src + 8 * i)));
        if (!off)
            memset(r + 8, 0, 8);
    }
    memcpy(V(o->rd), r, 16);
    NEXT;
}

/* arg: SZ_SCALAR for the scalar forms; 0x100: single only (URECPE/URSQRTE); 0x200: double only (FCVTXN). */
static int d_est(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned sz = (w >> 22) & 1, q = (w >> 30) & 1;
    if (((r->arg & 0x100) && sz) || ((r->arg & 0x200) && !sz))
        return -1;
    o->aux = (uint16_t)(sz ? F_D : F_S);
    if (r->arg & 0x200)
        o->rm = r->arg & SZ_SCALAR ? 4 : (q ? 16 : 8);
    else if (r->arg & SZ_SCALAR)
        o->rm = sz ? 8 : 4;
    else if (sz && !q)
        return -1;
    else
        o->rm = q ? 16 : 8;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    return 0;
}

#define MV2 0xbfbffc00u /* vector two-register misc: Q and sz free */
#define MS2 0xffbffc00u /* scalar: sz free */
#define V2(u, a, opc) (0x0e200800u | (u) << 29 | (a) << 23 | (opc) << 12)
#define S2(u, a, opc) (0x5e200800u | (u) << 29 | (a) << 23 | (opc) << 12)
#define ROW(m, t, fn, arg, name) {m, t, d_est, fn, NULL, arg, 0, name}

const struct a64_insn a64_simd_est[] = {
    ROW(MV2, V2(0, 1, 0x1d), op_frecpe, 0, "frecpe"),
    ROW(MV2, V2(1, 1, 0x1d), op_frsqrte, 0, "frsqrte"),
    ROW(MS2, S2(0, 1, 0x1d), op_frecpe, SZ_SCALAR, "frecpe"),
    ROW(MS2, S2(1, 1, 0x1d), op_frsqrte, SZ_SCALAR, "frsqrte"),
    ROW(MS2, S2(0, 1, 0x1f), op_frecpx, SZ_SCALAR, "frecpx"),
    ROW(MV2, V2(0, 1, 0x1c), op_urecpe, 0x100, "urecpe"),
    ROW(MV2, V2(1, 1, 0x1c), op_ursqrte, 0x100, "ursqrte"),
    ROW(MV2, V2(1, 0, 0x16), op_fcvtxn, 0x200, "fcvtxn"),
    ROW(MS2, S2(1, 0, 0x16), op_fcvtxn, 0x200 | SZ_SCALAR, "fcvtxn"),
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
