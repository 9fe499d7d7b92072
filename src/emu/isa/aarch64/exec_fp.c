/* aarch64 scalar floating point: arithmetic, fused multiply-add, compares, selects, moves, precision and integer conversions, with their table. */
#include "a64fp.h"

#define X(r) XR(c, r)
#define NEXT OP_NEXT(c, o)
#define OP(name) static const struct op *name(struct emu_cpu *c, const struct op *o)
#define SG(r) ld32(VR(c, r))
#define DG(r) ld64(VR(c, r))
#define HG(r) ld16(VR(c, r))
#define SPUT(r, v) a64_set_scalar(c, r, (uint32_t)(v), 4)
#define DPUT(r, v) a64_set_scalar(c, r, v, 8)

/* Bits of a scalar of format f from V[r], and the write-back (upper bits of V[r] cleared). */
static inline uint64_t fget(const struct emu_cpu *c, unsigned r, int f)
{
    return f == F_D ? DG(r) : f == F_S ? SG(r) : HG(r);
}
static inline void fput(struct emu_cpu *c, unsigned r, uint64_t v, int f)
{
    a64_set_scalar(c, r, v, f == F_D ? 8 : f == F_S ? 4 : 2);
}

/* ---- arithmetic: rd = rs1 op rs2 ---- */
#define F2(name, k)                                                                                          \
    OP(name##_s) { SPUT(o->rd, a64_farith(c, k, SG(o->rs1), SG(o->rs2), 0, 0)); NEXT; }                      \
    OP(name##_d) { DPUT(o->rd, a64_farith(c, k, DG(o->rs1), DG(o->rs2), 0, 1)); NEXT; }
F2(op_fadd, FK_ADD)
F2(op_fsub, FK_SUB)
F2(op_fmul, FK_MUL)
F2(op_fdiv, FK_DIV)
OP(op_fnmul_s) { SPUT(o->rd, a64_farith(c, FK_MUL, SG(o->rs1), SG(o->rs2), 0, 0) ^ S_SIGN); NEXT; }
OP(op_fnmul_d) { DPUT(o->rd, a64_farith(c, FK_MUL, DG(o->rs1), DG(o->rs2), 0, 1) ^ D_SIGN); NEXT; }
OP(op_fsqrt_s) { SPUT(o->rd, a64_farith(c, FK_SQRT, SG(o->rs1), 0, 0, 0)); NEXT; }
OP(op_fsqrt_d) { DPUT(o->rd, a64_farith(c, FK_SQRT, DG(o->rs1), 0, 0, 1)); NEXT; }

/* min/max: rm = kind (0 max, 1 min, 2 maxnm, 3 minnm), aux = format */
OP(op_fminmax) { fput(c, o->rd, a64_fminmax(c, fget(c, o->rs1, o->aux), fget(c, o->rs2, o->aux), o->aux, o->rm), o->aux); NEXT; }

/* fused: rd = (+-rs1) * rs2 + (+-rs3); the negations apply to the operands (NaNs included), per the Arm ARM */
#define F3(name, na, nd)                                                                                     \
    OP(name##_s) { SPUT(o->rd, a64_farith(c, FK_FMA, SG(o->rs1) ^ (na ? S_SIGN : 0), SG(o->rs2), SG(o->rs3) ^ (nd ? S_SIGN : 0), 0)); NEXT; } \
    OP(name##_d) { DPUT(o->rd, a64_farith(c, FK_FMA, DG(o->rs1) ^ (na ? D_SIGN : 0), DG(o->rs2), DG(o->rs3) ^ (nd ? D_SIGN : 0), 1)); NEXT; }
F3(op_fmadd, 0, 0)
F3(op_fmsub, 1, 0)
F3(op_fnmadd, 1, 1)
F3(op_fnmsub, 0, 1)

/* ---- one source: aux = format ---- */
OP(op_fmov_s) { SPUT(o->rd, SG(o->rs1)); NEXT; }
OP(op_fmov_d) { DPUT(o->rd, DG(o->rs1)); NEXT; }
OP(op_fabs_s) { SPUT(o->rd, SG(o->rs1) & ~S_SIGN); NEXT; }
OP(op_fabs_d) { DPUT(o->rd, DG(o->rs1) & ~D_SIGN); NEXT; }
OP(op_fneg_s) { SPUT(o->rd, SG(o->rs1) ^ S_SIGN); NEXT; }
OP(op_fneg_d) { DPUT(o->rd, DG(o->rs1) ^ D_SIGN); NEXT; }
/* FCVT: aux = source format, rm = destination format */
OP(op_fcvt) { fput(c, o->rd, a64_fcvt(c, fget(c, o->rs1, o->aux), o->aux, o->rm), o->rm); NEXT; }
/* FRINT*: rm = rounding (5 = FPCR), imm = exact (FRINTX) */
OP(op_frint)
{
    unsigned rm = o->rm == 5 ? a64_rmode(c) : o->rm;
    fput(c, o->rd, a64_frint(c, fget(c, o->rs1, o->aux), o->aux, rm, (int)o->imm), o->aux);
    NEXT;
}

/* ---- compares and selects: aux = format ---- */
/* FCMP/FCMPE: rs2 = Rm or 0xff for #0.0, rm = signal on any NaN */
OP(op_fcmp)
{
    uint64_t b = o->rs2 == 0xff ? 0 : fget(c, o->rs2, o->aux);
    a64_set_nzcv(c, a64_fcmp(c, fget(c, o->rs1, o->aux), b, o->aux, o->rm));
    NEXT;
}
/* FCCMP/FCCMPE: imm = condition, rm = signal, rs3 = nzcv when the condition fails */
OP(op_fccmp)
{
    if (a64_cond(c, (unsigned)o->imm))
        a64_set_nzcv(c, a64_fcmp(c, fget(c, o->rs1, o->aux), fget(c, o->rs2, o->aux), o->aux, o->rm));
    else
        a64_set_nzcv(c, o->rs3);
    NEXT;
}
OP(op_fcsel)
{
    unsigned r = a64_cond(c, (unsigned)o->imm) ? o->rs1 : o->rs2;
    fput(c, o->rd, fget(c, r, o->aux), o->aux);
    NEXT;
}
OP(op_fmov_imm) { fput(c, o->rd, (uint64_t)o->imm, o->aux); NEXT; }

/* ---- FP <-> integer: aux = format | uns << 2 | 64-bit << 3 | fbits << 4; rm = rounding (5 = FPCR) ---- */
#define CV_F(o) ((o)->aux & 3)
#define CV_UNS(o) (((o)->aux >> 2) & 1)
#define CV_W(o) ((o)->aux & 8 ? 64u : 32u)
#define CV_FB(o) ((unsigned)(o)->aux >> 4)
OP(op_f2i)
{
    X(o->rd) = a64_f2i(c, fget(c, o->rs1, CV_F(o)), CV_F(o), o->rm, CV_FB(o), CV_UNS(o), CV_W(o));
    NEXT;
}
OP(op_i2f)
{
    uint64_t v = X(o->rs1);
    if (CV_W(o) == 32)
        v = CV_UNS(o) ? (uint32_t)v : (uint64_t)(int64_t)(int32_t)v;
    unsigned rm = o->rm == 5 ? a64_rmode(c) : o->rm;
    fput(c, o->rd, a64_i2f(c, v, !CV_UNS(o), CV_FB(o), CV_F(o), rm), CV_F(o));
    NEXT;
}
OP(op_fmov_to_w) { X(o->rd) = SG(o->rs1); NEXT; }
OP(op_fmov_to_x) { X(o->rd) = DG(o->rs1); NEXT; }
OP(op_fmov_to_h) { X(o->rd) = HG(o->rs1); NEXT; }
OP(op_fmov_to_x1) { X(o->rd) = a64_vd(c, o->rs1, 1); NEXT; }
OP(op_fmov_from_w) { SPUT(o->rd, X(o->rs1)); NEXT; }
OP(op_fmov_from_x) { DPUT(o->rd, X(o->rs1)); NEXT; }
OP(op_fmov_from_h) { a64_set_scalar(c, o->rd, (uint16_t)X(o->rs1), 2); NEXT; }
OP(op_fmov_from_x1) { a64_set_vd(c, o->rd, 1, X(o->rs1)); NEXT; }

/* ---- formats ---- */
static int ftype_fmt(uint32_t w)
{
    switch (a64_bits(w, 23, 22)) {
    case 0: return F_S;
    case 1: return F_D;
    case 3: return F_H;
    default: return -1;
    }
}

/* Plain FP registers Rd, Rn, Rm, Ra; aux = format; rm = row arg. Half precision only where the row allows it. */
static int d_fp(struct op *o, uint32_t w, const struct a64_insn *r)
{
    int f = ftype_fmt(w);
    if (f < 0 || (f == F_H && !(r->arg & 0x100)))
        return -1;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    o->rs3 = (uint8_t)a64_bits(w, 14, 10);
    o->aux = (uint16_t)f;
    o->rm = (uint8_t)r->arg;
    if (r->fns)
        o->fn = r->fns[f == F_D];
    return 0;
}

static int d_fcvt(struct op *o, uint32_t w, const struct a64_insn *r)
{
    static const int to[4] = {F_S, F_D, -1, F_H};
    int from = ftype_fmt(w), t = to[a64_bits(w, 16, 15)];
    if (from < 0 || t < 0 || from == t)
        return -1;
    d_fp(o, w, &(struct a64_insn){0, 0, NULL, NULL, NULL, 0x100, 0, NULL});
    o->rm = (uint8_t)t;
    return 0;
}

/* FRINT*: arg = rounding mode (5 = FPCR), +8 = exact */
static int d_frint(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_fp(o, w, r) < 0)
        return -1;
    o->rm = (uint8_t)(r->arg & 7);
    o->imm = (r->arg >> 3) & 1;
    return 0;
}

static int d_fcmp(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_fp(o, w, r) < 0)
        return -1;
    if (w & 8)
        o->rs2 = 0xff;
    o->rm = (uint8_t)((w >> 4) & 1);
    return 0;
}

static int d_fccmp(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_fp(o, w, r) < 0)
        return -1;
    o->imm = a64_bits(w, 15, 12);
    o->rm = (uint8_t)((w >> 4) & 1);
    o->rs3 = (uint8_t)(w & 15);
    return 0;
}

static int d_fcsel(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_fp(o, w, r) < 0)
        return -1;
    o->imm = a64_bits(w, 15, 12);
    return 0;
}

/* VFPExpandImm */
uint64_t a64_fp_imm8(unsigned imm8, int f)
{
    uint64_t s = imm8 >> 7, b6 = (imm8 >> 6) & 1, rest = imm8 & 0x3f; /* exp low 2 bits and 4 fraction bits */
    switch (f) {
    case F_H: return s << 15 | (b6 ^ 1) << 14 | (b6 ? 3ull : 0) << 12 | rest << 6;
    case F_S: return s << 31 | (b6 ^ 1) << 30 | (b6 ? 0x1full : 0) << 25 | rest << 19;
    default: return s << 63 | (b6 ^ 1) << 62 | (b6 ? 0xffull : 0) << 54 | rest << 48;
    }
}
static int d_fmov_imm(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_fp(o, w, r) < 0)
        return -1;
    o->imm = (int64_t)a64_fp_imm8(a64_bits(w, 20, 13), o->aux);
    return 0;
}

/* FP <-> integer (and fixed point when arg & 0x200): rmode:opcode select the operation. */
static int d_fpint(struct op *o, uint32_t w, const struct a64_insn *r)
{
    int f = ftype_fmt(w), sf = (int)(w >> 31), fixed = (r->arg & 0x200) != 0;
    unsigned rmode = a64_bits(w, 20, 19), opc = a64_bits(w, 18, 16), fbits = 0;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    if (fixed) {
        unsigned scale = a64_bits(w, 15, 10);
        if (f < 0 || f == F_H || (!sf && scale < 32))
            return -1;
        fbits = 64 - scale;
    }
    if (opc == 6 || opc == 7) { /* FMOV between general and FP registers */
        if (fixed)
            return -1;
        int to_gen = opc == 6;
        if (rmode == 0 && ((f == F_S && !sf) || (f == F_D && sf) || f == F_H)) {
            o->fn = f == F_H ? (to_gen ? op_fmov_to_h : op_fmov_from_h)
                  : f == F_S ? (to_gen ? op_fmov_to_w : op_fmov_from_w) : (to_gen ? op_fmov_to_x : op_fmov_from_x);
        } else if (rmode == 1 && sf && a64_bits(w, 23, 22) == 2) {
            o->fn = to_gen ? op_fmov_to_x1 : op_fmov_from_x1;
        } else {
            return -1;
        }
        if (to_gen)
            o->rd = a64_rzd(w & 31);
        else
            o->rs1 = a64_rzs(a64_bits(w, 9, 5));
        return 0;
    }
    if (f < 0 || f == F_H)
        return -1; /* (half-precision conversions need FEAT_FP16) */
    o->aux = (uint16_t)(f | (opc & 1) << 2 | sf << 3 | fbits << 4);
    if (opc == 2 || opc == 3) { /* SCVTF/UCVTF */
        if (rmode != 0)
            return -1;
        o->fn = op_i2f;
        o->rm = 5;
        o->rs1 = a64_rzs(a64_bits(w, 9, 5));
        return 0;
    }
    if (opc == 4 || opc == 5) { /* FCVTAS/FCVTAU */
        if (rmode != 0 || fixed)
            return -1;
        o->rm = RM_RA;
    } else if (opc <= 1) {
        static const unsigned rms[4] = {RM_RN, RM_RP, RM_RM, RM_RZ};
        if (fixed && rmode != 3)
            return -1;
        o->rm = (uint8_t)rms[rmode];
    } else {
        return -1;
    }
    o->fn = op_f2i;
    o->rd = a64_rzd(w & 31);
    return 0;
}

#define FP_S_D(name) static const op_fn name##_v[2] = {name##_s, name##_d};
FP_S_D(op_fadd)
FP_S_D(op_fsub)
FP_S_D(op_fmul)
FP_S_D(op_fdiv)
FP_S_D(op_fnmul)
FP_S_D(op_fsqrt)
FP_S_D(op_fmadd)
FP_S_D(op_fmsub)
FP_S_D(op_fnmadd)
FP_S_D(op_fnmsub)
FP_S_D(op_fmov)
FP_S_D(op_fabs)
FP_S_D(op_fneg)

const struct a64_insn a64_fp[] = {
    /* data-processing, 2 source (ftype free in the mask; d_fp rejects 10 and half) */
    {0xff20fc00, 0x1e200800, d_fp, NULL, op_fmul_v, 0, 0, "fmul"},
    {0xff20fc00, 0x1e201800, d_fp, NULL, op_fdiv_v, 0, 0, "fdiv"},
    {0xff20fc00, 0x1e202800, d_fp, NULL, op_fadd_v, 0, 0, "fadd"},
    {0xff20fc00, 0x1e203800, d_fp, NULL, op_fsub_v, 0, 0, "fsub"},
    {0xff20fc00, 0x1e204800, d_fp, op_fminmax, NULL, 0, 0, "fmax"},
    {0xff20fc00, 0x1e205800, d_fp, op_fminmax, NULL, 1, 0, "fmin"},
    {0xff20fc00, 0x1e206800, d_fp, op_fminmax, NULL, 2, 0, "fmaxnm"},
    {0xff20fc00, 0x1e207800, d_fp, op_fminmax, NULL, 3, 0, "fminnm"},
    {0xff20fc00, 0x1e208800, d_fp, NULL, op_fnmul_v, 0, 0, "fnmul"},
    /* data-processing, 3 source */
    {0xff208000, 0x1f000000, d_fp, NULL, op_fmadd_v, 0, 0, "fmadd"},
    {0xff208000, 0x1f008000, d_fp, NULL, op_fmsub_v, 0, 0, "fmsub"},
    {0xff208000, 0x1f200000, d_fp, NULL, op_fnmadd_v, 0, 0, "fnmadd"},
    {0xff208000, 0x1f208000, d_fp, NULL, op_fnmsub_v, 0, 0, "fnmsub"},
    /* data-processing, 1 source */
    {0xff3ffc00, 0x1e204000, d_fp, NULL, op_fmov_v, 0, 0, "fmov"},
    {0xff3ffc00, 0x1e20c000, d_fp, NULL, op_fabs_v, 0, 0, "fabs"},
    {0xff3ffc00, 0x1e214000, d_fp, NULL, op_fneg_v, 0, 0, "fneg"},
    {0xff3ffc00, 0x1e21c000, d_fp, NULL, op_fsqrt_v, 0, 0, "fsqrt"},
    {0xff3e7c00, 0x1e224000, d_fcvt, op_fcvt, NULL, 0, 0, "fcvt"},
    {0xff3ffc00, 0x1e244000, d_frint, op_frint, NULL, RM_RN, 0, "frintn"},
    {0xff3ffc00, 0x1e24c000, d_frint, op_frint, NULL, RM_RP, 0, "frintp"},
    {0xff3ffc00, 0x1e254000, d_frint, op_frint, NULL, RM_RM, 0, "frintm"},
    {0xff3ffc00, 0x1e25c000, d_frint, op_frint, NULL, RM_RZ, 0, "frintz"},
    {0xff3ffc00, 0x1e264000, d_frint, op_frint, NULL, RM_RA, 0, "frinta"},
    {0xff3ffc00, 0x1e274000, d_frint, op_frint, NULL, 5 | 8, 0, "frintx"},
    {0xff3ffc00, 0x1e27c000, d_frint, op_frint, NULL, 5, 0, "frinti"},
    /* compare, conditional compare, conditional select, immediate */
    {0xff20fc07, 0x1e202000, d_fcmp, op_fcmp, NULL, 0, 0, "fcmp"},
    {0xff200c00, 0x1e200400, d_fccmp, op_fccmp, NULL, 0, 0, "fccmp"},
    {0xff200c00, 0x1e200c00, d_fcsel, op_fcsel, NULL, 0, 0, "fcsel"},
    {0xff201fe0, 0x1e201000, d_fmov_imm, op_fmov_imm, NULL, 0, 0, "fmov"},
    /* conversions with general registers: integer, then fixed point */
    {0x7f20fc00, 0x1e200000, d_fpint, NULL, NULL, 0, 0, "fcvt/fmov (integer)"},
    {0x7f200000, 0x1e000000, d_fpint, NULL, NULL, 0x200, 0, "fcvt (fixed-point)"},
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
