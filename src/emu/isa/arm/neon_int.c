/* Advanced SIMD integer groups: 3 registers same length, modified immediate, shifts by immediate (plain,
   accumulating, inserting, narrowing, widening, saturating), 3 registers different lengths and by-scalar forms. */
#include "neon.h"

#define NEXT OP_NEXT(c, o)
#define D (NA(c)->d)

uint64_t neon_shl_reg(struct emu_cpu *c, uint64_t x, int sh, unsigned es, int uns, int round, int sat)
{
    uint64_t m = n_mask(es);
    x &= m;
    if (sh >= 0) {
        if (!sat)
            return sh >= (int)es ? 0 : (x << sh) & m;
        if (!x)
            return 0;
        if (uns) {
            if (sh >= (int)es || ((x << sh) & m) >> sh != x) { n_qc(c); return m; }
            return (x << sh) & m;
        }
        int64_t v = n_sext(x, es);
        if (sh >= (int)es || n_sext((uint64_t)v << sh, es) >> sh != v) {
            n_qc(c);
            return v < 0 ? (m >> 1) + 1 : m >> 1;
        }
        return ((uint64_t)v << sh) & m;
    }
    unsigned n = (unsigned)-sh;
    if (uns) {
        if (round) {
            if (n > es) return 0;
            return ((n >= 64 ? 0 : x >> n) + ((x >> (n - 1)) & 1)) & m;
        }
        return n >= es ? 0 : x >> n;
    }
    int64_t v = n_sext(x, es);
    if (round) {
        if (n > es) return 0;
        int64_t r = (n >= 64 ? (v < 0 ? -1 : 0) : v >> n) + ((v >> (n - 1)) & 1);
        return (uint64_t)r & m;
    }
    return (uint64_t)(n >= es ? (v < 0 ? -1 : 0) : v >> n) & m;
}

uint64_t neon_qdmulh(struct emu_cpu *c, uint64_t a, uint64_t b, unsigned es, int round)
{
    int64_t x = n_sext(a, es), y = n_sext(b, es), mn = -(int64_t)(1ull << (es - 1));
    if (x == mn && y == mn) {
        n_qc(c);
        return n_mask(es) >> 1;
    }
    int64_t p = 2 * x * y + (round ? (int64_t)1 << (es - 1) : 0);
    return (uint64_t)(p >> es) & n_mask(es);
}

static uint64_t qadd64(struct emu_cpu *c, uint64_t x, uint64_t y, int uns, int sub)
{
    if (uns) {
        uint64_t r;
        if (sub ? __builtin_sub_overflow(x, y, &r) : __builtin_add_overflow(x, y, &r)) { n_qc(c); return sub ? 0 : ~0ull; }
        return r;
    }
    int64_t r;
    if (sub ? __builtin_sub_overflow((int64_t)x, (int64_t)y, &r) : __builtin_add_overflow((int64_t)x, (int64_t)y, &r)) {
        n_qc(c);
        return (int64_t)x < 0 ? 0x8000000000000000ull : 0x7fffffffffffffffull;
    }
    return (uint64_t)r;
}

static uint64_t pmul8(uint64_t a, uint64_t b, unsigned bits)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < bits; i++)
        if ((b >> i) & 1) r ^= a << i;
    return r;
}

/* One lane of the 3-same integer ops; x from Vn, y from Vm, d the old destination lane. */
static uint64_t lane3(struct emu_cpu *c, unsigned a, unsigned bb, unsigned u, unsigned es, uint64_t x, uint64_t y, uint64_t d)
{
    int64_t sx = n_sext(x, es), sy = n_sext(y, es);
    uint64_t m = n_mask(es);
    switch (a << 1 | bb) {
    case 0: return (u ? (x >> 1) + (y >> 1) + (x & y & 1) : (uint64_t)((sx >> 1) + (sy >> 1) + (sx & sy & 1))) & m;
    case 1:
        if (es == 64) return qadd64(c, x, y, u, 0);
        return u ? n_satu(c, (int64_t)(x + y), es) : n_sats(c, sx + sy, es);
    case 2: return (u ? (x >> 1) + (y >> 1) + ((x | y) & 1) : (uint64_t)((sx >> 1) + (sy >> 1) + ((sx | sy) & 1))) & m;
    case 4: return (u ? (x >> 1) - (y >> 1) - (~x & y & 1) : (uint64_t)((sx >> 1) - (sy >> 1) - (~sx & sy & 1))) & m;
    case 5:
        if (es == 64) return qadd64(c, x, y, u, 1);
        return u ? n_satu(c, (int64_t)x - (int64_t)y, es) : n_sats(c, sx - sy, es);
    case 6: return (u ? x > y : sx > sy) ? m : 0;
    case 7: return (u ? x >= y : sx >= sy) ? m : 0;
    case 8: return neon_shl_reg(c, y, (int8_t)x, es, (int)u, 0, 0);
    case 9: return neon_shl_reg(c, y, (int8_t)x, es, (int)u, 0, 1);
    case 10: return neon_shl_reg(c, y, (int8_t)x, es, (int)u, 1, 0);
    case 11: return neon_shl_reg(c, y, (int8_t)x, es, (int)u, 1, 1);
    case 12: return (u ? x > y : sx > sy) ? x : y;
    case 13: return (u ? x < y : sx < sy) ? x : y;
    case 14: return u ? (x > y ? x - y : y - x) : (uint64_t)(sx > sy ? sx - sy : sy - sx) & m;
    case 15: return (d + (u ? (x > y ? x - y : y - x) : (uint64_t)(sx > sy ? sx - sy : sy - sx))) & m;
    case 16: return (u ? x - y : x + y) & m;
    case 17: return u ? (x == y ? m : 0) : ((x & y) ? m : 0);
    case 18: return (u ? d - x * y : d + x * y) & m;
    case 19: return (u ? pmul8(x, y, 8) : x * y) & m;
    case 22: return neon_qdmulh(c, x, y, es, (int)u);
    default: return 0;
    }
}

static uint64_t pair_lane(unsigned a, unsigned bb, unsigned u, unsigned es, uint64_t x, uint64_t y)
{
    int64_t sx = n_sext(x, es), sy = n_sext(y, es);
    if (a == 11 && bb) return (x + y) & n_mask(es);          /* VPADD */
    int big = u ? x > y : sx > sy;
    return bb ? (big ? y : x) : (big ? x : y);               /* VPMIN, VPMAX */
}

OPFN(neon_op_3same)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned a = NF(w, 11, 8), bb = NF(w, 4, 4), u = NF(w, 24, 24), sz = NF(w, 21, 20), es = 8u << sz;
    unsigned vd = n_vd(w), vn = n_vn(w), vm = n_vm(w), regs = NF(w, 6, 6) ? 2 : 1, lanes = 64 / es;
    uint64_t r[2];
    if (a == 1 && bb) { /* bitwise */
        for (unsigned k = 0; k < regs; k++) {
            uint64_t x = D[vn + k], y = D[vm + k], d = D[vd + k];
            switch (u << 2 | sz) {
            case 0: r[k] = x & y; break;
            case 1: r[k] = x & ~y; break;
            case 2: r[k] = x | y; break;
            case 3: r[k] = x | ~y; break;
            case 4: r[k] = x ^ y; break;
            case 5: r[k] = (d & x) | (~d & y); break;        /* VBSL */
            case 6: r[k] = (y & x) | (~y & d); break;        /* VBIT */
            default: r[k] = (~y & x) | (y & d); break;       /* VBIF */
            }
        }
    } else if (a == 10 || (a == 11 && bb)) { /* pairwise (D only) */
        uint64_t x = D[vn], y = D[vm], v = 0;
        for (unsigned i = 0; i < lanes / 2; i++) {
            v = n_put(v, i, es, pair_lane(a, bb, u, es, n_el(x, 2 * i, es), n_el(x, 2 * i + 1, es)));
            v = n_put(v, i + lanes / 2, es, pair_lane(a, bb, u, es, n_el(y, 2 * i, es), n_el(y, 2 * i + 1, es)));
        }
        r[0] = v;
    } else {
        for (unsigned k = 0; k < regs; k++) {
            uint64_t x = D[vn + k], y = D[vm + k], d = D[vd + k], v = 0;
            for (unsigned i = 0; i < lanes; i++)
                v = n_put(v, i, es, lane3(c, a, bb, u, es, n_el(x, i, es), n_el(y, i, es), n_el(d, i, es)));
            r[k] = v;
        }
    }
    for (unsigned k = 0; k < regs; k++)
        D[vd + k] = r[k];
    NEXT;
}

/* 1 register and modified immediate: imm the 64-bit value, rd Vd, rs2 registers, rs3 0 VMOV 1 VMVN 2 VORR 3 VBIC. */
OPFN(neon_op_imm)
{
    uint64_t v = (uint64_t)o->imm;
    for (unsigned k = 0; k < o->rs2; k++) {
        uint64_t *d = &D[o->rd + k];
        switch (o->rs3) {
        case 0: *d = v; break;
        case 1: *d = ~v; break;
        case 2: *d |= v; break;
        default: *d &= ~v; break;
        }
    }
    NEXT;
}

/* Widens lane i of x (es bits) to 64 bits. */
static inline uint64_t widen(uint64_t x, unsigned i, unsigned es, unsigned u)
{
    uint64_t e = n_el(x, i, es);
    return u ? e : (uint64_t)n_sext(e, es);
}

OPFN(neon_op_shift)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned a = NF(w, 11, 8), u = NF(w, 24, 24), l = NF(w, 7, 7), q = NF(w, 6, 6), imm6 = NF(w, 21, 16);
    unsigned es = l ? 64 : imm6 >= 32 ? 32 : imm6 >= 16 ? 16 : 8;
    unsigned right = l ? 64 - imm6 : 2 * es - imm6, left = l ? imm6 : imm6 - es;
    unsigned vd = n_vd(w), vm = n_vm(w), lanes = 64 / es;
    uint64_t r[2], mk = n_mask(es);
    if (a == 8 || a == 9) { /* narrowing: Qm (2*es lanes) -> Dd */
        unsigned ws = 2 * es, round = q;
        int srcu = a == 8 ? !u : (int)u; /* VSHRN/VRSHRN truncate; VQSHRUN/VQRSHRUN have a signed source */
        uint64_t out = 0;
        for (unsigned k = 0; k < 2; k++)
            for (unsigned i = 0; i < lanes / 2; i++) {
                uint64_t s = neon_shl_reg(c, n_el(D[vm + k], i, ws), -(int)right, ws, srcu, (int)round, 0);
                if (a == 8 && !u) s &= mk;
                else if (a == 8) s = n_satu(c, n_sext(s, ws), es);
                else if (u) s = s > mk ? (n_qc(c), mk) : s;
                else s = n_sats(c, n_sext(s, ws), es);
                out = n_put(out, k * (lanes / 2) + i, es, s);
            }
        D[vd] = out;
        NEXT;
    }
    if (a == 10) { /* VSHLL / VMOVL: Dm -> Qd */
        uint64_t src = D[vm];
        unsigned ws = 2 * es;
        for (unsigned k = 0; k < 2; k++) {
            uint64_t v = 0;
            for (unsigned i = 0; i < lanes / 2; i++)
                v = n_put(v, i, ws, widen(src, k * (lanes / 2) + i, es, u) << left);
            r[k] = v;
        }
        D[vd] = r[0];
        D[vd + 1] = r[1];
        NEXT;
    }
    unsigned regs = q ? 2 : 1;
    for (unsigned k = 0; k < regs; k++) {
        uint64_t x = D[vm + k], d = D[vd + k], v = 0;
        for (unsigned i = 0; i < lanes; i++) {
            uint64_t e = n_el(x, i, es), de = n_el(d, i, es), s;
            switch (a) {
            case 0: s = neon_shl_reg(c, e, -(int)right, es, (int)u, 0, 0); break;
            case 1: s = (de + neon_shl_reg(c, e, -(int)right, es, (int)u, 0, 0)) & mk; break;
            case 2: s = neon_shl_reg(c, e, -(int)right, es, (int)u, 1, 0); break;
            case 3: s = (de + neon_shl_reg(c, e, -(int)right, es, (int)u, 1, 0)) & mk; break;
            case 4: { /* VSRI */
                uint64_t m = right >= 64 ? 0 : mk >> right;
                s = (de & ~m) | (right >= 64 ? 0 : e >> right);
                break;
            }
            case 5:
                if (!u) { s = neon_shl_reg(c, e, (int)left, es, 1, 0, 0); break; }
                s = (de & ~((mk << left) & mk)) | ((e << left) & mk); /* VSLI */
                break;
            case 6: /* VQSHLU */
                if (n_sext(e, es) < 0) { s = 0; if (e) n_qc(c); }
                else s = neon_shl_reg(c, e, (int)left, es, 1, 0, 1);
                break;
            case 7: s = neon_shl_reg(c, e, (int)left, es, (int)u, 0, 1); break;
            case 14: /* VCVT fixed -> float */
                s = armfp_i2f(&NA(c)->fpstd, u ? e : (uint64_t)n_sext(e, 32), !u, 64 - imm6, F_S, RM_RN);
                break;
            default: /* 15: VCVT float -> fixed */
                s = armfp_f2i(&NA(c)->fpstd, e, F_S, RM_RZ, 64 - imm6, (int)u, 32);
                break;
            }
            v = n_put(v, i, es, s);
        }
        r[k] = v;
    }
    for (unsigned k = 0; k < regs; k++)
        D[vd + k] = r[k];
    NEXT;
}

/* Long/wide lane ops: x, y already widened (64-bit two's complement), d the wide accumulator lane (ws bits). */
static uint64_t long_lane(struct emu_cpu *c, unsigned a, unsigned u, unsigned es, uint64_t x, uint64_t y, uint64_t d)
{
    unsigned ws = 2 * es;
    uint64_t m = n_mask(ws);
    switch (a) {
    case 0: case 1: return (x + y) & m;
    case 2: case 3: return (x - y) & m;
    case 5: case 7: {
        uint64_t ad = u ? (x > y ? x - y : y - x) : (uint64_t)((int64_t)x > (int64_t)y ? (int64_t)x - (int64_t)y : (int64_t)y - (int64_t)x);
        return ((a == 5 ? d : 0) + ad) & m;
    }
    case 8: return (d + x * y) & m;
    case 10: return (d - x * y) & m;
    case 12: return (x * y) & m;
    case 14: return pmul8(x, y, 8) & m;
    default: { /* 9 VQDMLAL, 11 VQDMLSL, 13 VQDMULL (signed) */
        int64_t p = (int64_t)x * (int64_t)y;
        uint64_t pd;
        if (ws == 64) {
            if (p == (int64_t)0x4000000000000000ll) { n_qc(c); pd = 0x7fffffffffffffffull; }
            else pd = (uint64_t)(2 * p);
        } else {
            pd = n_sats(c, 2 * p, ws);
        }
        if (a == 13) return pd;
        if (ws == 64) return qadd64(c, d, pd, 0, a == 11);
        int64_t sd = n_sext(d, ws), sp = n_sext(pd, ws);
        return n_sats(c, a == 9 ? sd + sp : sd - sp, ws);
    }
    }
}

OPFN(neon_op_3diff)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned a = NF(w, 11, 8), u = NF(w, 24, 24), es = 8u << NF(w, 21, 20), ws = 2 * es, lanes = 64 / es;
    unsigned vd = n_vd(w), vn = n_vn(w), vm = n_vm(w);
    if (a == 4 || a == 6) { /* VADDHN, VRADDHN, VSUBHN, VRSUBHN: Qn, Qm -> Dd */
        uint64_t out = 0;
        for (unsigned k = 0; k < 2; k++)
            for (unsigned i = 0; i < lanes / 2; i++) {
                uint64_t x = n_el(D[vn + k], i, ws), y = n_el(D[vm + k], i, ws);
                uint64_t s = (a == 4 ? x + y : x - y) + (u ? 1ull << (es - 1) : 0);
                out = n_put(out, k * (lanes / 2) + i, es, (s & n_mask(ws)) >> es);
            }
        D[vd] = out;
        NEXT;
    }
    uint64_t n0 = D[vn], n1 = D[vn + 1], m0 = D[vm], r[2];
    for (unsigned k = 0; k < 2; k++) {
        uint64_t v = 0, dk = D[vd + k];
        for (unsigned i = 0; i < lanes / 2; i++) {
            unsigned li = k * (lanes / 2) + i;
            uint64_t x = (a == 1 || a == 3) ? (k ? n_el(n1, i, ws) : n_el(n0, i, ws)) : widen(n0, li, es, u);
            if ((a == 1 || a == 3) && !u) x = (uint64_t)n_sext(x, ws);
            uint64_t y = a == 14 ? n_el(m0, li, es) : widen(m0, li, es, a >= 9 && a != 10 && a != 12 ? 0 : u);
            if (a == 14) x = n_el(n0, li, es);
            v = n_put(v, i, ws, long_lane(c, a, u, es, x, y, n_el(dk, i, ws)));
        }
        r[k] = v;
    }
    D[vd] = r[0];
    D[vd + 1] = r[1];
    NEXT;
}

OPFN(neon_op_scalar)
{
    uint32_t w = (uint32_t)o->imm;
    unsigned a = NF(w, 11, 8), u = NF(w, 24, 24), es = 8u << NF(w, 21, 20), lanes = 64 / es;
    unsigned vd = n_vd(w), vn = n_vn(w), rm, idx;
    if (es == 16) { rm = NF(w, 2, 0); idx = NF(w, 5, 5) << 1 | NF(w, 3, 3); }
    else { rm = NF(w, 3, 0); idx = NF(w, 5, 5); }
    uint64_t sc = n_el(D[rm], idx, es), rep = 0, r[2];
    for (unsigned i = 0; i < lanes; i++)
        rep = n_put(rep, i, es, sc);
    if (a == 2 || a == 3 || a == 6 || a == 7 || a == 10 || a == 11) { /* long: Dn x scalar -> Qd */
        static const unsigned la[12] = {[2] = 8, [3] = 9, [6] = 10, [7] = 11, [10] = 12, [11] = 13};
        unsigned ws = 2 * es, uu = (a & 1) ? 0 : u;
        for (unsigned k = 0; k < 2; k++) {
            uint64_t v = 0, dk = D[vd + k];
            for (unsigned i = 0; i < lanes / 2; i++) {
                unsigned li = k * (lanes / 2) + i;
                v = n_put(v, i, ws, long_lane(c, la[a], uu, es, widen(D[vn], li, es, uu), widen(rep, li, es, uu), n_el(dk, i, ws)));
            }
            r[k] = v;
        }
        D[vd] = r[0];
        D[vd + 1] = r[1];
        NEXT;
    }
    unsigned regs = u ? 2 : 1;
    struct armfp *s = &NA(c)->fpstd;
    for (unsigned k = 0; k < regs; k++) {
        uint64_t x = D[vn + k], d = D[vd + k], v = 0;
        for (unsigned i = 0; i < lanes; i++) {
            uint64_t e = n_el(x, i, es), de = n_el(d, i, es), res;
            switch (a) {
            case 0: res = (de + e * sc) & n_mask(es); break;
            case 4: res = (de - e * sc) & n_mask(es); break;
            case 8: res = (e * sc) & n_mask(es); break;
            case 1: res = armfp_farith(s, FK_ADD, de, armfp_farith(s, FK_MUL, e, sc, 0, 0), 0, 0); break;
            case 5: res = armfp_farith(s, FK_SUB, de, armfp_farith(s, FK_MUL, e, sc, 0, 0), 0, 0); break;
            case 9: res = armfp_farith(s, FK_MUL, e, sc, 0, 0); break;
            default: res = neon_qdmulh(c, e, sc, es, a == 13); break;
            }
            v = n_put(v, i, es, res);
        }
        r[k] = v;
    }
    for (unsigned k = 0; k < regs; k++)
        D[vd + k] = r[k];
    NEXT;
}
