/* Advanced SIMD data-processing decoder (A32 1111 001U space; T32 111U 1111 rewritten to it): picks the group
   handler, checks the encoding is one this backend implements (UNDEFINED and unimplemented ones give 0), and
   expands VMOV/VMVN/VORR/VBIC immediates. */
#include "neon.h"

/* Q-form operands must be even D registers. */
static int q_ok(unsigned q, unsigned a, unsigned b, unsigned c) { return !q || !((a | b | c) & 1); }

static int expand_imm(uint32_t w, uint64_t *v, unsigned *kind)
{
    unsigned cmode = NF(w, 11, 8), op = NF(w, 5, 5);
    uint64_t imm8 = NF(w, 24, 24) << 7 | NF(w, 18, 16) << 4 | NF(w, 3, 0), x;
    switch (cmode >> 1) {
    case 0: x = imm8; goto rep32;
    case 1: x = imm8 << 8; goto rep32;
    case 2: x = imm8 << 16; goto rep32;
    case 3: x = imm8 << 24; goto rep32;
    case 4: x = imm8; goto rep16;
    case 5: x = imm8 << 8; goto rep16;
    case 6: x = (cmode & 1) ? (imm8 << 16 | 0xffff) : (imm8 << 8 | 0xff); *kind = op; goto rep32b;
    default:
        if (!(cmode & 1)) {
            if (!op) { *v = imm8 * 0x0101010101010101ull; *kind = 0; return 1; }
            x = 0;
            for (unsigned i = 0; i < 8; i++)
                if ((imm8 >> i) & 1) x |= 0xffull << (8 * i);
            *v = x;
            *kind = 0;
            return 1;
        }
        if (op)
            return 0;
        x = (imm8 >> 7) << 31 | (((imm8 >> 6) & 1) ^ 1) << 30 | (((imm8 >> 6) & 1) ? 0x1full << 25 : 0) | (imm8 & 0x3f) << 19;
        *v = x | x << 32;
        *kind = 0;
        return 1;
    }
rep16:
    *v = x * 0x0001000100010001ull;
    *kind = (cmode & 1) ? (op ? 3 : 2) : op;
    return 1;
rep32:
    *kind = (cmode & 1) ? (op ? 3 : 2) : op;
rep32b:
    *v = x | x << 32;
    return 1;
}

/* The handler for w, or NULL. Operand constraints are checked here; the handler trusts them. */
op_fn neon_classify(uint32_t w)
{
    unsigned u = NF(w, 24, 24), q = NF(w, 6, 6), a = NF(w, 11, 8), bb = NF(w, 4, 4), sz = NF(w, 21, 20);
    unsigned vd = n_vd(w), vn = n_vn(w), vm = n_vm(w);
    if (!NF(w, 23, 23)) { /* 3 registers same length */
        if (!q_ok(q, vd, vn, vm))
            return NULL;
        if (a >= 12) { /* floating point */
            if (NF(w, 20, 20))
                return NULL; /* half precision */
            switch (a << 2 | bb << 1 | u) {
            case 12 << 2 | 2: case 13 << 2 | 0: case 13 << 2 | 2: case 14 << 2 | 1: case 15 << 2 | 0:
            case 15 << 2 | 2: break;
            case 13 << 2 | 1: if (!NF(w, 21, 21) && q) return NULL; break; /* VPADD is D only */
            case 13 << 2 | 3: if (NF(w, 21, 21)) return NULL; break;
            case 14 << 2 | 0: if (NF(w, 21, 21)) return NULL; break;
            case 14 << 2 | 3: break;
            case 15 << 2 | 1: if (q) return NULL; break;
            default: return NULL;
            }
            return neon_op_3samef;
        }
        switch (a << 1 | bb) {
        case 3: return neon_op_3same; /* logic */
        case 6: case 7: case 12: case 13: case 14: case 15: case 17: case 18:
            if (sz == 3) return NULL;
            break;
        case 19: if (sz == 3 || (u && sz)) return NULL; break;
        case 20: case 21: if (q || sz == 3) return NULL; break;
        case 22: if (sz == 0 || sz == 3) return NULL; break;
        case 23: if (u || q || sz == 3) return NULL; break;
        case 0: case 1: case 2: case 4: case 5: case 8: case 9: case 10: case 11: case 16:
            if (sz == 3 && (a << 1 | bb) != 1 && (a << 1 | bb) != 5 && a != 4 && a != 5 && a != 8) return NULL;
            break;
        default: return NULL;
        }
        return neon_op_3same;
    }
    if (bb) { /* 1 register + immediate, or 2 registers + shift */
        if (!NF(w, 21, 19) && !NF(w, 7, 7))
            return q_ok(q, vd, 0, 0) ? neon_op_imm : NULL;
        unsigned l = NF(w, 7, 7);
        switch (a) {
        case 4: if (!u) return NULL; /* fall through */
        case 0: case 1: case 2: case 3: case 5: case 7: return q_ok(q, vd, vm, 0) ? neon_op_shift : NULL;
        case 6: return u && q_ok(q, vd, vm, 0) ? neon_op_shift : NULL;
        case 8: case 9: return !l && !(vm & 1) ? neon_op_shift : NULL;
        case 10: return !l && !q && !(vd & 1) ? neon_op_shift : NULL;
        case 14: case 15: return !l && NF(w, 21, 21) && q_ok(q, vd, vm, 0) ? neon_op_shift : NULL;
        default: return NULL;
        }
    }
    if (sz != 3) {
        if (!q) { /* 3 registers different lengths */
            switch (a) {
            case 0: case 2: case 5: case 7: case 8: case 10: case 12: return (vd & 1) ? NULL : neon_op_3diff;
            case 1: case 3: return ((vd | vn) & 1) ? NULL : neon_op_3diff;
            case 4: case 6: return ((vn | vm) & 1) ? NULL : neon_op_3diff;
            case 9: case 11: case 13: return (u || sz == 0 || (vd & 1)) ? NULL : neon_op_3diff;
            case 14: return (u || sz != 0 || (vd & 1)) ? NULL : neon_op_3diff;
            default: return NULL;
            }
        }
        /* 2 registers and a scalar */
        if (sz == 0)
            return NULL;
        switch (a) {
        case 0: case 4: case 8: case 12: case 13: return q_ok(u, vd, vn, 0) ? neon_op_scalar : NULL;
        case 1: case 5: case 9: return sz == 2 && q_ok(u, vd, vn, 0) ? neon_op_scalar : NULL;
        case 2: case 6: case 10: return (vd & 1) ? NULL : neon_op_scalar;
        case 3: case 7: case 11: return (u || (vd & 1)) ? NULL : neon_op_scalar;
        default: return NULL;
        }
    }
    if (!u) /* VEXT */
        return q_ok(q, vd, vn, vm) && (q || !(a & 8)) ? neon_op_ext : NULL;
    if (!NF(w, 11, 11)) { /* 2 registers miscellaneous */
        unsigned s2 = NF(w, 19, 18), ma = NF(w, 17, 16), b = NF(w, 10, 7);
        switch (ma) {
        case 0:
            if (b <= 2) return s2 + b >= 3 ? NULL : q_ok(q, vd, vm, 0) ? neon_op_2misc : NULL;
            if (b == 4 || b == 5 || b == 12 || b == 13 || b == 8 || b == 9 || b == 14 || b == 15)
                return s2 == 3 || !q_ok(q, vd, vm, 0) ? NULL : neon_op_2misc;
            if (b == 10 || b == 11) return s2 != 0 || !q_ok(q, vd, vm, 0) ? NULL : neon_op_2misc;
            return NULL;
        case 1:
            if ((b & 7) == 5 || s2 == 3 || ((b & 8) && s2 != 2) || !q_ok(q, vd, vm, 0)) return NULL;
            return neon_op_2misc;
        case 2:
            if (b == 0) return s2 || !q_ok(q, vd, vm, 0) ? NULL : neon_op_2misc;
            if (b <= 3) return s2 == 3 || !q_ok(q, vd, vm, 0) || (b == 3 && !q && s2 == 2) || (b == 2 && !q && s2 == 2) ? NULL : neon_op_2misc;
            if (b == 4 || b == 5) return s2 == 3 || (vm & 1) ? NULL : neon_op_2misc;
            if (b == 6) return q || s2 == 3 || (vd & 1) ? NULL : neon_op_2misc;
            if (b == 12) return q || s2 != 1 || (vm & 1) ? NULL : neon_op_2misc;
            if (b == 14) return q || s2 != 1 || (vd & 1) ? NULL : neon_op_2misc;
            return NULL;
        default:
            if (b >= 8 && s2 == 2 && q_ok(q, vd, vm, 0)) return neon_op_2misc;
            return NULL;
        }
    }
    if (NF(w, 11, 10) == 2) /* VTBL, VTBX */
        return vn + NF(w, 9, 8) + 1 > 32 ? NULL : neon_op_tbl;
    if (NF(w, 11, 7) == 0x18 && (NF(w, 18, 16) || NF(w, 19, 19) == 0) && NF(w, 19, 16) && (NF(w, 19, 16) & 7))
        return q_ok(q, vd, 0, 0) ? neon_op_dup : NULL;
    return NULL;
}

int arm_decode_neon(uint64_t pc, unsigned len, uint32_t w, unsigned cond, struct blk_builder *b, uint32_t pcval)
{
    struct op t;
    memset(&t, 0, sizeof t);
    t.pc = pc;
    t.len = (uint8_t)len;
    t.fn = neon_classify(w);
    if (!t.fn)
        return 0;
    t.imm = w;
    if (t.fn == neon_op_imm) {
        uint64_t v;
        unsigned kind;
        if (!expand_imm(w, &v, &kind))
            return 0;
        t.imm = (int64_t)v;
        t.rd = (uint8_t)n_vd(w);
        t.rs2 = (uint8_t)(NF(w, 6, 6) ? 2 : 1);
        t.rs3 = (uint8_t)kind;
    }
    arm_emit(b, &t, cond, 0, pcval);
    return 1;
}
