/* Advanced SIMD floating-point 3-same ops, the 2-register miscellaneous group (reverses, counts, compares with
   zero, permutes, narrowing moves, estimates, conversions), VEXT, VTBL/VTBX and VDUP (scalar). */
#include "neon.h"

#define NEXT OP_NEXT(c, o)
#define D (NA(c)->d)

static uint64_t fabs32(uint64_t x) { return x & 0x7fffffffu; }

/* VRECPS (2 - a*b) and VRSQRTS ((3 - a*b) / 2): AArch32's FPRecipStep/FPRSqrtStep round the product first
   (unlike AArch64's fused FRECPS); infinity times zero (or a denormal, flushed) gives 2.0 / 1.5. */
static uint64_t step(struct armfp *s, uint64_t a, uint64_t b, int rsqrt)
{
    int ai = (a & 0x7fffffffu) == 0x7f800000u, bi = (b & 0x7fffffffu) == 0x7f800000u;
    int az = !(a & 0x7f800000u), bz = !(b & 0x7f800000u);
    if ((ai && bz) || (bi && az)) {
        if ((a & 0x7fffffffu && az) || (b & 0x7fffffffu && bz))
            s->fpsr |= FPSR_IDC;
        return rsqrt ? 0x3fc00000u : 0x40000000u;
    }
    uint64_t p = armfp_farith(s, FK_MUL, a, b, 0, 0);
    if (!rsqrt)
        return armfp_farith(s, FK_SUB, 0x40000000u, p, 0, 0);
    return armfp_farith(s, FK_DIV, armfp_farith(s, FK_SUB, 0x40400000u, p, 0, 0), 0x40000000u, 0, 0);
}

OPFN(neon_op_3samef)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned a = NF(w, 11, 8), bb = NF(w, 4, 4), u = NF(w, 24, 24), op = NF(w, 21, 21);
    unsigned vd = n_vd(w), vn = n_vn(w), vm = n_vm(w), regs = NF(w, 6, 6) ? 2 : 1;
    struct armfp *s = &NA(c)->fpstd;
    uint64_t r[2];
    if ((a == 13 && !bb && u && !op) || (a == 15 && !bb && u)) { /* VPADD, VPMAX, VPMIN (D only) */
        uint64_t x = D[vn], y = D[vm], v = 0;
        for (unsigned i = 0; i < 2; i++) {
            uint64_t src = i ? y : x, e0 = n_el(src, 0, 32), e1 = n_el(src, 1, 32);
            v = n_put(v, i, 32, a == 13 ? armfp_farith(s, FK_ADD, e0, e1, 0, 0) : armfp_fminmax(s, e0, e1, F_S, (int)op));
        }
        D[vd] = v;
        NEXT;
    }
    for (unsigned k = 0; k < regs; k++) {
        uint64_t xv = D[vn + k], yv = D[vm + k], dv = D[vd + k], v = 0;
        for (unsigned i = 0; i < 2; i++) {
            uint64_t x = n_el(xv, i, 32), y = n_el(yv, i, 32), d = n_el(dv, i, 32), res;
            switch (a << 2 | bb << 1 | u) {
            case 12 << 2 | 2: res = armfp_farith(s, FK_FMA, op ? x ^ S_SIGN : x, y, d, 0); break;
            case 13 << 2 | 0: res = armfp_farith(s, op ? FK_SUB : FK_ADD, x, y, 0, 0); break;
            case 13 << 2 | 1: res = armfp_farith(s, FK_ABD, x, y, 0, 0); break;
            case 13 << 2 | 2: {
                uint64_t p = armfp_farith(s, FK_MUL, x, y, 0, 0);
                res = armfp_farith(s, FK_ADD, d, op ? p ^ S_SIGN : p, 0, 0);
                break;
            }
            case 13 << 2 | 3: res = armfp_farith(s, FK_MUL, x, y, 0, 0); break;
            case 14 << 2 | 0: res = armfp_fcmp_lane(s, x, y, F_S, 0) ? 0xffffffffu : 0; break;
            case 14 << 2 | 1: res = armfp_fcmp_lane(s, x, y, F_S, op ? 2 : 1) ? 0xffffffffu : 0; break;
            case 14 << 2 | 3: res = armfp_fcmp_lane(s, fabs32(x), fabs32(y), F_S, op ? 2 : 1) ? 0xffffffffu : 0; break;
            case 15 << 2 | 0: res = armfp_fminmax(s, x, y, F_S, (int)op); break;
            default: res = step(s, x, y, (int)op); break; /* VRECPS, VRSQRTS */
            }
            v = n_put(v, i, 32, res);
        }
        r[k] = v;
    }
    for (unsigned k = 0; k < regs; k++)
        D[vd + k] = r[k];
    NEXT;
}

/* 9-bit reciprocal estimate (256..511 in, 256..511 out), as Arm's RecipEstimate. */
static unsigned recip_est(unsigned a)
{
    unsigned b = (1u << 19) / (2 * a + 1);
    return (b + 1) / 2;
}
/* Reciprocal square root estimate (Arm's RecipSqrtEstimate): a is 128..255 for an input in [0.25, 0.5)
   (units of 1/512) or 256..511 for one in [0.5, 1) (units of 1/256, bottom bit dropped); 256..511 out. */
static unsigned rsqrt_est(unsigned a)
{
    if (a < 256)
        a = a * 2 + 1;
    else
        a = (((a >> 1) << 1) + 1) * 2;
    unsigned b = 512;
    while ((uint64_t)a * (b + 1) * (b + 1) < (1ull << 28))
        b++;
    return (b + 1) / 2;
}

static uint64_t frecpe(struct emu_cpu *c, uint32_t x)
{
    struct armfp *s = &NA(c)->fpstd;
    uint32_t sg = x & S_SIGN, e = (x >> 23) & 0xff;
    if (armfp_nan_s(x)) {
        if (!(x & 0x00400000u)) s->fpsr |= FPSR_IOC;
        return S_DNAN;
    }
    if (e == 0xff) return sg;                                   /* infinity -> zero */
    if (e == 0) {                                               /* zero or flushed denormal */
        if (x & 0x7fffffu) s->fpsr |= FPSR_IDC;
        s->fpsr |= FPSR_DZC;
        return sg | 0x7f800000u;
    }
    if (e >= 253) { s->fpsr |= FPSR_UFC; return sg; }           /* result would be denormal: flushed */
    unsigned est = recip_est(256 | ((x >> 15) & 0xff));
    return sg | (253 - e) << 23 | (est & 0xff) << 15;
}

static uint64_t frsqrte(struct emu_cpu *c, uint32_t x)
{
    struct armfp *s = &NA(c)->fpstd;
    uint32_t sg = x & S_SIGN, e = (x >> 23) & 0xff;
    if (armfp_nan_s(x)) {
        if (!(x & 0x00400000u)) s->fpsr |= FPSR_IOC;
        return S_DNAN;
    }
    if (e == 0) {
        if (x & 0x7fffffu) s->fpsr |= FPSR_IDC;
        s->fpsr |= FPSR_DZC;
        return sg | 0x7f800000u;
    }
    if (sg) { s->fpsr |= FPSR_IOC; return S_DNAN; }
    if (e == 0xff) return 0;
    unsigned est = (e & 1) ? rsqrt_est(128 | ((x >> 16) & 0x7f)) : rsqrt_est(256 | ((x >> 15) & 0xff));
    return (uint64_t)((380 - e) / 2) << 23 | (est & 0xff) << 15;
}

static uint64_t urecpe(uint32_t x)
{
    if (!(x >> 31)) return 0xffffffffu;
    return (uint64_t)recip_est(x >> 23) << 23;
}
static uint64_t ursqrte(uint32_t x)
{
    if (!(x >> 30)) return 0xffffffffu;
    unsigned est = (x >> 31) ? rsqrt_est(256 | (x >> 23 & 0xff)) : rsqrt_est(128 | (x >> 23 & 0x7f));
    return (uint64_t)est << 23;
}

static unsigned clz_es(uint64_t x, unsigned es)
{
    unsigned n = 0;
    for (int b = (int)es - 1; b >= 0 && !((x >> b) & 1); b--)
        n++;
    return n;
}

/* Element arrays over 1-2 D registers (up to 16 bytes). */
static void get_els(struct emu_cpu *c, unsigned r, unsigned regs, unsigned es, uint64_t *e)
{
    unsigned lanes = 64 / es;
    for (unsigned k = 0; k < regs; k++)
        for (unsigned i = 0; i < lanes; i++)
            e[k * lanes + i] = n_el(D[r + k], i, es);
}
static void put_els(struct emu_cpu *c, unsigned r, unsigned regs, unsigned es, const uint64_t *e)
{
    unsigned lanes = 64 / es;
    for (unsigned k = 0; k < regs; k++) {
        uint64_t v = 0;
        for (unsigned i = 0; i < lanes; i++)
            v = n_put(v, i, es, e[k * lanes + i]);
        D[r + k] = v;
    }
}

static const struct op *permute(struct emu_cpu *c, const struct op *o, unsigned op, unsigned vd, unsigned vm, unsigned regs, unsigned es)
{
    uint64_t x[16], y[16], t[32];
    unsigned n = regs * (64 / es);
    get_els(c, vd, regs, es, x);
    get_els(c, vm, regs, es, y);
    switch (op) {
    case 0: /* VSWP */
        put_els(c, vd, regs, es, y);
        put_els(c, vm, regs, es, x);
        NEXT;
    case 1: /* VTRN */
        for (unsigned i = 0; i + 1 < n; i += 2) {
            uint64_t tmp = x[i + 1];
            x[i + 1] = y[i];
            y[i] = tmp;
        }
        break;
    case 2: /* VUZP */
        for (unsigned i = 0; i < n; i++) { t[i] = x[i]; t[n + i] = y[i]; }
        for (unsigned i = 0; i < n; i++) { x[i] = t[2 * i]; y[i] = t[2 * i + 1]; }
        break;
    default: /* VZIP */
        for (unsigned i = 0; i < n; i++) { t[2 * i] = x[i]; t[2 * i + 1] = y[i]; }
        for (unsigned i = 0; i < n; i++) { x[i] = t[i]; y[i] = t[n + i]; }
        break;
    }
    put_els(c, vd, regs, es, x);
    put_els(c, vm, regs, es, y);
    NEXT;
}

OPFN(neon_op_2misc)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned sz = NF(w, 19, 18), es = 8u << sz, a = NF(w, 17, 16), b = NF(w, 10, 7), q = NF(w, 6, 6);
    unsigned vd = n_vd(w), vm = n_vm(w), regs = q ? 2 : 1, lanes = 64 / es;
    uint64_t mk = n_mask(es), r[2];
    struct armfp *s = &NA(c)->fpstd;
    if (a == 2) {
        if (b <= 3)
            return permute(c, o, b, vd, vm, regs, es);
        if (b == 4 || b == 5) { /* VMOVN, VQMOVUN, VQMOVN: Qm -> Dd */
            unsigned ws = 2 * es, op = (b & 1) << 1 | q;
            uint64_t out = 0;
            for (unsigned i = 0; i < lanes; i++) {
                uint64_t x = n_el(D[vm + i / (lanes / 2)], i % (lanes / 2), ws), v;
                if (op == 0) v = x & mk;
                else if (op == 1) v = n_satu(c, n_sext(x, ws), es);           /* VQMOVUN */
                else if (op == 2) v = n_sats(c, n_sext(x, ws), es);           /* VQMOVN.S */
                else v = x > mk ? (n_qc(c), mk) : x;                          /* VQMOVN.U */
                out = n_put(out, i, es, v);
            }
            D[vd] = out;
            NEXT;
        }
        if (b == 6) { /* VSHLL #esize: Dm -> Qd */
            uint64_t src = D[vm];
            for (unsigned k = 0; k < 2; k++) {
                uint64_t v = 0;
                for (unsigned i = 0; i < lanes / 2; i++)
                    v = n_put(v, i, 2 * es, n_el(src, k * (lanes / 2) + i, es) << es);
                r[k] = v;
            }
            D[vd] = r[0];
            D[vd + 1] = r[1];
            NEXT;
        }
        if (b == 12) { /* VCVT.F16.F32 Qm -> Dd */
            uint64_t out = 0;
            for (unsigned i = 0; i < 4; i++)
                out = n_put(out, i, 16, armfp_fcvt(s, n_el(D[vm + i / 2], i % 2, 32), F_S, F_H));
            D[vd] = out;
            NEXT;
        }
        /* b == 14: VCVT.F32.F16 Dm -> Qd */
        uint64_t src = D[vm];
        for (unsigned k = 0; k < 2; k++)
            r[k] = armfp_fcvt(s, n_el(src, 2 * k, 16), F_H, F_S) | armfp_fcvt(s, n_el(src, 2 * k + 1, 16), F_H, F_S) << 32;
        D[vd] = r[0];
        D[vd + 1] = r[1];
        NEXT;
    }
    if (a == 0 && b <= 2) { /* VREV64/32/16 */
        unsigned g = (64u >> b) / es;
        for (unsigned k = 0; k < regs; k++) {
            uint64_t x = D[vm + k], v = 0;
            for (unsigned i = 0; i < lanes; i++)
                v = n_put(v, (i / g) * g + (g - 1 - i % g), es, n_el(x, i, es));
            r[k] = v;
        }
        goto out;
    }
    if (a == 0 && (b == 4 || b == 5 || b == 12 || b == 13)) { /* VPADDL, VPADAL */
        unsigned u = b & 1, ws = 2 * es;
        for (unsigned k = 0; k < regs; k++) {
            uint64_t x = D[vm + k], d = D[vd + k], v = 0;
            for (unsigned i = 0; i < lanes / 2; i++) {
                uint64_t e0 = n_el(x, 2 * i, es), e1 = n_el(x, 2 * i + 1, es);
                uint64_t sum = u ? e0 + e1 : (uint64_t)(n_sext(e0, es) + n_sext(e1, es));
                if (b >= 12) sum += n_el(d, i, ws);
                v = n_put(v, i, ws, sum & n_mask(ws));
            }
            r[k] = v;
        }
        goto out;
    }
    for (unsigned k = 0; k < regs; k++) {
        uint64_t x = D[vm + k], v = 0;
        for (unsigned i = 0; i < lanes; i++) {
            uint64_t e = n_el(x, i, es), res;
            int64_t se = n_sext(e, es);
            if (a == 0) {
                switch (b) {
                case 8: res = clz_es(se < 0 ? ~e & mk : e, es) - 1; break;        /* VCLS */
                case 9: res = clz_es(e, es); break;
                case 10: res = (uint64_t)__builtin_popcountll(e); break;
                case 11: res = ~e & mk; break;
                case 14: res = se == -(int64_t)(mk >> 1) - 1 ? (n_qc(c), mk >> 1) : (uint64_t)(se < 0 ? -se : se) & mk; break;
                default: res = se == -(int64_t)(mk >> 1) - 1 ? (n_qc(c), mk >> 1) : (uint64_t)(-se) & mk; break; /* VQNEG */
                }
            } else if (a == 1) {
                unsigned f = b >> 3, op = b & 7;
                if (f) {
                    switch (op) {
                    case 0: res = armfp_fcmp_lane(s, e, 0, F_S, 2) ? mk : 0; break;
                    case 1: res = armfp_fcmp_lane(s, e, 0, F_S, 1) ? mk : 0; break;
                    case 2: res = armfp_fcmp_lane(s, e, 0, F_S, 0) ? mk : 0; break;
                    case 3: res = armfp_fcmp_lane(s, 0, e, F_S, 1) ? mk : 0; break;
                    case 4: res = armfp_fcmp_lane(s, 0, e, F_S, 2) ? mk : 0; break;
                    case 6: res = e & 0x7fffffffu; break;
                    default: res = e ^ S_SIGN; break;
                    }
                } else {
                    switch (op) {
                    case 0: res = se > 0 ? mk : 0; break;
                    case 1: res = se >= 0 ? mk : 0; break;
                    case 2: res = se == 0 ? mk : 0; break;
                    case 3: res = se <= 0 ? mk : 0; break;
                    case 4: res = se < 0 ? mk : 0; break;
                    case 6: res = (uint64_t)(se < 0 ? -se : se) & mk; break;
                    default: res = (uint64_t)(-se) & mk; break;
                    }
                }
            } else { /* a == 3 */
                switch (b) {
                case 8: res = urecpe((uint32_t)e); break;
                case 9: res = ursqrte((uint32_t)e); break;
                case 10: res = frecpe(c, (uint32_t)e); break;
                case 11: res = frsqrte(c, (uint32_t)e); break;
                case 12: res = armfp_i2f(s, (uint64_t)n_sext(e, 32), 1, 0, F_S, RM_RN); break;
                case 13: res = armfp_i2f(s, e, 0, 0, F_S, RM_RN); break;
                case 14: res = armfp_f2i(s, e, F_S, RM_RZ, 0, 0, 32); break;
                default: res = armfp_f2i(s, e, F_S, RM_RZ, 0, 1, 32); break;
                }
            }
            v = n_put(v, i, es, res);
        }
        r[k] = v;
    }
out:
    for (unsigned k = 0; k < regs; k++)
        D[vd + k] = r[k];
    NEXT;
}

static inline unsigned byte_of(struct emu_cpu *c, unsigned r, unsigned i) { return (unsigned)(D[(r + i / 8) & 31] >> (8 * (i % 8))) & 0xff; }

OPFN(neon_op_ext)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned vd = n_vd(w), vn = n_vn(w), vm = n_vm(w), regs = NF(w, 6, 6) ? 2 : 1, imm = NF(w, 11, 8), nb = 8 * regs;
    uint64_t r[2] = {0, 0};
    for (unsigned i = 0; i < nb; i++) {
        unsigned j = i + imm, v = j < nb ? byte_of(c, vn, j) : byte_of(c, vm, j - nb);
        r[i / 8] |= (uint64_t)v << (8 * (i % 8));
    }
    for (unsigned k = 0; k < regs; k++)
        D[vd + k] = r[k];
    NEXT;
}

OPFN(neon_op_tbl)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned vd = n_vd(w), vn = n_vn(w), vm = n_vm(w), len = NF(w, 9, 8) + 1, tbx = NF(w, 6, 6);
    uint64_t idx = D[vm], old = D[vd], r = 0;
    for (unsigned i = 0; i < 8; i++) {
        unsigned x = (unsigned)(idx >> (8 * i)) & 0xff;
        uint64_t v = x < 8 * len ? byte_of(c, vn, x) : tbx ? (old >> (8 * i)) & 0xff : 0;
        r |= v << (8 * i);
    }
    D[vd] = r;
    NEXT;
}

OPFN(neon_op_dup)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned imm4 = NF(w, 19, 16), vd = n_vd(w), vm = n_vm(w), regs = NF(w, 6, 6) ? 2 : 1, es, idx;
    if (imm4 & 1) { es = 8; idx = imm4 >> 1; }
    else if (imm4 & 2) { es = 16; idx = imm4 >> 2; }
    else { es = 32; idx = imm4 >> 3; }
    uint64_t e = n_el(D[vm], idx, es), v = 0;
    for (unsigned i = 0; i < 64 / es; i++)
        v = n_put(v, i, es, e);
    for (unsigned k = 0; k < regs; k++)
        D[vd + k] = v;
    NEXT;
}
