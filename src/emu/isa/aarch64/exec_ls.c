/* aarch64 loads and stores: integer and FP/SIMD registers in every addressing mode, pairs, literals, exclusives, acquire/release, LSE atomics. */
#include <signal.h>

#include "a64.h"

#define X(r) XR(c, r)
#define V(r) VR(c, r)
#define NEXT OP_NEXT(c, o)
#define OP(name) static const struct op *name(struct emu_cpu *c, const struct op *o)

/*
 * Addressing modes, the index into each access's handler array:
 *   0 base + imm (unsigned offset, unscaled, unprivileged)   1 pre-index   2 post-index
 *   3 base + (Rm << rm) (LSL/UXTX/SXTX)   4 literal (imm is the address)
 *   5 base + (UXTW(Rm) << rm)   6 base + (SXTW(Rm) << rm)
 * rd = Rt, rs1 = Rn (31 = SP), rs2 = Rm; the base is written back only after the access succeeded.
 */
#define EA_0 uint64_t ea = X(o->rs1) + (uint64_t)o->imm;
#define EA_1 EA_0
#define EA_2 uint64_t ea = X(o->rs1);
#define EA_3 uint64_t ea = X(o->rs1) + (X(o->rs2) << o->rm);
#define EA_4 uint64_t ea = (uint64_t)o->imm;
#define EA_5 uint64_t ea = X(o->rs1) + ((uint64_t)(uint32_t)X(o->rs2) << o->rm);
#define EA_6 uint64_t ea = X(o->rs1) + ((uint64_t)(int64_t)(int32_t)X(o->rs2) << o->rm);
#define WB_0
#define WB_1 X(o->rs1) = ea;
#define WB_2 X(o->rs1) = ea + (uint64_t)o->imm;
#define WB_3
#define WB_4
#define WB_5
#define WB_6

#define LS1(name, m, n, body)                                                                                \
    OP(name##_##m)                                                                                           \
    {                                                                                                        \
        EA_##m A64_MEM(c, o, ea, n, p)                                                                       \
        body;                                                                                                \
        WB_##m NEXT;                                                                                         \
    }
#define LS(name, n, body)                                                                                    \
    LS1(name, 0, n, body) LS1(name, 1, n, body) LS1(name, 2, n, body) LS1(name, 3, n, body)                  \
    LS1(name, 4, n, body) LS1(name, 5, n, body) LS1(name, 6, n, body)                                        \
    static const op_fn name[7] = {name##_0, name##_1, name##_2, name##_3, name##_4, name##_5, name##_6};

#define SX(v, t) ((uint64_t)(int64_t)(t)(v))
LS(ldrb, 1, X(o->rd) = ld8(p))
LS(ldrh, 2, X(o->rd) = ld16(p))
LS(ldrw, 4, X(o->rd) = ld32(p))
LS(ldrx, 8, X(o->rd) = ld64(p))
LS(ldrsb_x, 1, X(o->rd) = SX(ld8(p), int8_t))
LS(ldrsh_x, 2, X(o->rd) = SX(ld16(p), int16_t))
LS(ldrsw, 4, X(o->rd) = SX(ld32(p), int32_t))
LS(ldrsb_w, 1, X(o->rd) = (uint32_t)SX(ld8(p), int8_t))
LS(ldrsh_w, 2, X(o->rd) = (uint32_t)SX(ld16(p), int16_t))
LS(strb, 1, st8(p, (uint8_t)X(o->rd)))
LS(strh, 2, st16(p, (uint16_t)X(o->rd)))
LS(strw, 4, st32(p, (uint32_t)X(o->rd)))
LS(strx, 8, st64(p, X(o->rd)))
LS(ldr_b, 1, a64_set_scalar(c, o->rd, ld8(p), 1))
LS(ldr_h, 2, a64_set_scalar(c, o->rd, ld16(p), 2))
LS(ldr_s, 4, a64_set_scalar(c, o->rd, ld32(p), 4))
LS(ldr_d, 8, a64_set_scalar(c, o->rd, ld64(p), 8))
LS(ldr_q, 16, memcpy(V(o->rd), p, 16))
LS(str_b, 1, *p = V(o->rd)[0])
LS(str_h, 2, memcpy(p, V(o->rd), 2))
LS(str_s, 4, memcpy(p, V(o->rd), 4))
LS(str_d, 8, memcpy(p, V(o->rd), 8))
LS(str_q, 16, memcpy(p, V(o->rd), 16))

OP(op_prfm) { NEXT; }
static const op_fn prfm[7] = {op_prfm, op_prfm, op_prfm, op_prfm, op_prfm, op_prfm, op_prfm};

/* ---- pairs: rd = Rt, rs3 = Rt2; modes 0 offset, 1 pre-index, 2 post-index ---- */
#define LP1(name, m, n, body)                                                                                \
    OP(name##_##m)                                                                                           \
    {                                                                                                        \
        EA_##m A64_MEM(c, o, ea, 2 * (n), p)                                                                 \
        body;                                                                                                \
        WB_##m NEXT;                                                                                         \
    }
#define LP(name, n, body)                                                                                    \
    LP1(name, 0, n, body) LP1(name, 1, n, body) LP1(name, 2, n, body)                                        \
    static const op_fn name[7] = {name##_0, name##_1, name##_2, NULL, NULL, NULL, NULL};

LP(ldpw, 4, uint32_t a = ld32(p); X(o->rs3) = ld32(p + 4); X(o->rd) = a)
LP(ldpx, 8, uint64_t a = ld64(p); X(o->rs3) = ld64(p + 8); X(o->rd) = a)
LP(ldpsw, 4, uint64_t a = SX(ld32(p), int32_t); X(o->rs3) = SX(ld32(p + 4), int32_t); X(o->rd) = a)
LP(stpw, 4, st32(p, (uint32_t)X(o->rd)); st32(p + 4, (uint32_t)X(o->rs3)))
LP(stpx, 8, st64(p, X(o->rd)); st64(p + 8, X(o->rs3)))
LP(ldp_s, 4, uint32_t a = ld32(p); a64_set_scalar(c, o->rs3, ld32(p + 4), 4); a64_set_scalar(c, o->rd, a, 4))
LP(ldp_d, 8, uint64_t a = ld64(p); a64_set_scalar(c, o->rs3, ld64(p + 8), 8); a64_set_scalar(c, o->rd, a, 8))
LP(ldp_q, 16, memcpy(V(o->rd), p, 16); memcpy(V(o->rs3), p + 16, 16))
LP(stp_s, 4, memcpy(p, V(o->rd), 4); memcpy(p + 4, V(o->rs3), 4))
LP(stp_d, 8, memcpy(p, V(o->rd), 8); memcpy(p + 8, V(o->rs3), 8))
LP(stp_q, 16, memcpy(p, V(o->rd), 16); memcpy(p + 16, V(o->rs3), 16))

/* ---- exclusives, acquire/release, compare-and-swap: address = X[rs1], aligned ---- */
static inline uint64_t ldn(const uint8_t *p, unsigned n)
{
    switch (n) {
    case 1: return ld8(p);
    case 2: return ld16(p);
    case 4: return ld32(p);
    default: return ld64(p);
    }
}
static inline void stn(uint8_t *p, unsigned n, uint64_t v)
{
    switch (n) {
    case 1: st8(p, (uint8_t)v); break;
    case 2: st16(p, (uint16_t)v); break;
    case 4: st32(p, (uint32_t)v); break;
    default: st64(p, v); break;
    }
}

#define ALIGNED(n, total)                                                                                    \
    uint64_t ea = X(o->rs1);                                                                                 \
    A64_MEM(c, o, ea, total, p)                                                                              \
    if (__builtin_expect(ea & ((total) - 1), 0))                                                             \
        return a64_misaligned(c, o, ea);

/* Load-exclusive: opens the monitor on the address with the value seen; store-exclusive succeeds (status 0)
   when the monitor is open for the same address and size and memory still holds that value. Guest threads
   run under one emulator lock, so this is an exact model for every program that does not depend on ABA. */
#define EXCL(n)                                                                                              \
    OP(ldxr_##n)                                                                                             \
    {                                                                                                        \
        ALIGNED(n, n)                                                                                        \
        uint64_t v = ldn(p, n);                                                                              \
        A64(c)->excl_addr = ea, A64(c)->excl_size = n, A64(c)->excl_val[0] = v;                              \
        X(o->rd) = v;                                                                                        \
        NEXT;                                                                                                \
    }                                                                                                        \
    OP(stxr_##n)                                                                                             \
    {                                                                                                        \
        ALIGNED(n, n)                                                                                        \
        int ok = A64(c)->excl_size == n && A64(c)->excl_addr == ea && ldn(p, n) == A64(c)->excl_val[0];      \
        if (ok)                                                                                              \
            stn(p, n, X(o->rd));                                                                             \
        A64(c)->excl_size = 0;                                                                               \
        X(o->rs2) = !ok;                                                                                     \
        NEXT;                                                                                                \
    }                                                                                                        \
    OP(cas_##n)                                                                                              \
    {                                                                                                        \
        ALIGNED(n, n)                                                                                        \
        uint64_t m = (n) == 8 ? ~0ull : (1ull << (8 * (n))) - 1;                                             \
        uint64_t v = ldn(p, n);                                                                              \
        if (v == (X(o->rs3) & m))                                                                            \
            stn(p, n, X(o->rd));                                                                             \
        X(o->rs2) = v;                                                                                       \
        NEXT;                                                                                                \
    }
EXCL(1)
EXCL(2)
EXCL(4)
EXCL(8)

#define EXCLP(n)                                                                                             \
    OP(ldxp_##n)                                                                                             \
    {                                                                                                        \
        ALIGNED(n, 2 * n)                                                                                    \
        uint64_t a = ldn(p, n), b = ldn(p + n, n);                                                           \
        A64(c)->excl_addr = ea, A64(c)->excl_size = 2 * n, A64(c)->excl_val[0] = a, A64(c)->excl_val[1] = b; \
        X(o->rd) = a;                                                                                        \
        X(o->rs3) = b;                                                                                       \
        NEXT;                                                                                                \
    }                                                                                                        \
    OP(stxp_##n)                                                                                             \
    {                                                                                                        \
        ALIGNED(n, 2 * n)                                                                                    \
        int ok = A64(c)->excl_size == 2 * n && A64(c)->excl_addr == ea && ldn(p, n) == A64(c)->excl_val[0] && \
                 ldn(p + n, n) == A64(c)->excl_val[1];                                                       \
        if (ok) {                                                                                            \
            stn(p, n, X(o->rd));                                                                             \
            stn(p + n, n, X(o->rs3));                                                                        \
        }                                                                                                    \
        A64(c)->excl_size = 0;                                                                               \
        X(o->rs2) = !ok;                                                                                     \
        NEXT;                                                                                                \
    }                                                                                                        \
    /* CASP: rs2/aux = Rs, Rs+1 (compare, then receive old); rd/rs3 = Rt, Rt+1 (new values) */             \
    OP(casp_##n)                                                                                             \
    {                                                                                                        \
        ALIGNED(n, 2 * n)                                                                                    \
        uint64_t m = (n) == 8 ? ~0ull : 0xffffffffull;                                                       \
        uint64_t a = ldn(p, n), b = ldn(p + n, n);                                                           \
        if (a == (X(o->rs2) & m) && b == (X(o->aux) & m)) {                                                  \
            stn(p, n, X(o->rd));                                                                             \
            stn(p + n, n, X(o->rs3));                                                                        \
        }                                                                                                    \
        X(o->rm) = a; /* rm = Rs as a destination */                                                         \
        X(o->aux == A64_ZR ? A64_SINK : o->aux) = b;                                                         \
        NEXT;                                                                                                \
    }
EXCLP(4)
EXCLP(8)

/* ---- LSE atomics: rs2 = Rs (operand), rd = Rt (receives the old value) ---- */
#define ATOM1(name, n, T, expr)                                                                              \
    OP(name##_##n)                                                                                           \
    {                                                                                                        \
        ALIGNED(n, n)                                                                                        \
        T a = (T)ldn(p, n), b = (T)X(o->rs2);                                                                \
        (void)b;                                                                                             \
        stn(p, n, (uint64_t)(T)(expr));                                                                      \
        X(o->rd) = (uint64_t)a;                                                                              \
        NEXT;                                                                                                \
    }
#define ATOM(name, ut_expr)                                                                                  \
    ATOM1(name, 1, uint8_t, ut_expr) ATOM1(name, 2, uint16_t, ut_expr) ATOM1(name, 4, uint32_t, ut_expr)     \
    ATOM1(name, 8, uint64_t, ut_expr)                                                                        \
    static const op_fn name[4] = {name##_1, name##_2, name##_4, name##_8};
ATOM(ldadd, a + b)
ATOM(ldclr, a & ~b)
ATOM(ldeor, a ^ b)
ATOM(ldset, a | b)
ATOM(ldumax, a > b ? a : b)
ATOM(ldumin, a < b ? a : b)
ATOM(swp, b)

#define SATOM1(name, n, T, ST, expr)                                                                         \
    OP(name##_##n)                                                                                           \
    {                                                                                                        \
        ALIGNED(n, n)                                                                                        \
        T a = (T)ldn(p, n), b = (T)X(o->rs2);                                                                \
        stn(p, n, (uint64_t)(T)(((ST)a expr (ST)b) ? a : b));                                                \
        X(o->rd) = (uint64_t)a;                                                                              \
        NEXT;                                                                                                \
    }
#define SATOM(name, expr)                                                                                    \
    SATOM1(name, 1, uint8_t, int8_t, expr) SATOM1(name, 2, uint16_t, int16_t, expr)                          \
    SATOM1(name, 4, uint32_t, int32_t, expr) SATOM1(name, 8, uint64_t, int64_t, expr)                        \
    static const op_fn name[4] = {name##_1, name##_2, name##_4, name##_8};
SATOM(ldsmax, >)
SATOM(ldsmin, <)

/* ---- formats ---- */

/* Load/store register, all forms but literal: arg = log2(access size); fns = the access's modes;
   row mask leaves bit 24 (unsigned offset) and the class bits free. */
static int d_ldst(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned sz = r->arg, mode;
    int fp = (w >> 26) & 1;
    if (w & (1u << 24)) { /* unsigned offset */
        mode = 0;
        o->imm = (int64_t)a64_bits(w, 21, 10) << sz;
    } else if (!(w & (1u << 21))) {
        unsigned kind = a64_bits(w, 11, 10);
        o->imm = a64_sext(a64_bits(w, 20, 12), 9);
        mode = kind == 1 ? 2 : kind == 3 ? 1 : 0;
        if (fp && kind == 2)
            return -1; /* no unprivileged FP forms */
        if (r->fns == prfm && (kind & 1))
            return -1;
    } else if (a64_bits(w, 11, 10) == 2) {
        unsigned option = a64_bits(w, 15, 13);
        o->rm = (uint8_t)(w & (1u << 12) ? sz : 0);
        switch (option) {
        case 2: mode = 5; break;
        case 3: case 7: mode = 3; break;
        case 6: mode = 6; break;
        default: return -1;
        }
        o->rs2 = a64_rzs(a64_bits(w, 20, 16));
    } else {
        return -1;
    }
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    /* Rt: FP register number, else XZR as a source (stores) or the sink (loads) */
    if (fp)
        o->rd = (uint8_t)(w & 31);
    else
        o->rd = (w & (1u << 22)) || a64_bits(w, 23, 22) >= 2 ? a64_rzd(w & 31) : a64_rzs(w & 31);
    if (r->fns == prfm)
        o->rd = 0;
    o->fn = r->fns[mode];
    return 0;
}

/* Literal: arg unused; fns[4] is the literal form. */
static int d_ldr_lit(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->imm = (int64_t)o->pc + a64_sext(a64_bits(w, 23, 5), 19) * 4;
    o->rd = (w >> 26) & 1 ? (uint8_t)(w & 31) : a64_rzd(w & 31);
    o->fn = r->fns[4];
    return 0;
}

/* Pair: arg = log2(size of one register); fns = modes; bits 24:23 select the mode. */
static int d_ldst_pair(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned type = a64_bits(w, 24, 23), load = (w >> 22) & 1;
    int fp = (w >> 26) & 1;
    if (type == 0 && r->fns == ldpsw)
        return -1;
    o->imm = a64_sext(a64_bits(w, 21, 15), 7) * (1 << r->arg);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    if (fp) {
        o->rd = (uint8_t)(w & 31);
        o->rs3 = (uint8_t)a64_bits(w, 14, 10);
    } else if (load) {
        o->rd = a64_rzd(w & 31);
        o->rs3 = a64_rzd(a64_bits(w, 14, 10));
    } else {
        o->rd = a64_rzs(w & 31);
        o->rs3 = a64_rzs(a64_bits(w, 14, 10));
    }
    o->fn = r->fns[type == 1 ? 2 : type == 3 ? 1 : 0];
    return 0;
}

/* Exclusive/ordered/CAS family: rd = Rt (source for stores), rs2 = Rs, rs3 = Rt2 (pairs) or Rs (CAS compare). */
enum { X_LOAD, X_STORE, X_STXR, X_CAS, X_LDXP, X_STXP, X_CASP };
static int d_excl(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned t = w & 31, s = a64_bits(w, 20, 16), t2 = a64_bits(w, 14, 10);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    switch (r->arg) {
    case X_LOAD: o->rd = a64_rzd(t); break;
    case X_STORE: o->rd = a64_rzs(t); break;
    case X_STXR: o->rd = a64_rzs(t); o->rs2 = a64_rzd(s); break;
    case X_CAS: o->rd = a64_rzs(t); o->rs3 = a64_rzs(s); o->rs2 = a64_rzd(s); break;
    case X_LDXP: o->rd = a64_rzd(t); o->rs3 = a64_rzd(t2); break;
    case X_STXP: o->rd = a64_rzs(t); o->rs3 = a64_rzs(t2); o->rs2 = a64_rzd(s); break;
    default: /* CASP: even register pairs */
        if ((t & 1) || (s & 1))
            return -1;
        o->rd = a64_rzs(t);
        o->rs3 = a64_rzs(t + 1);
        o->rs2 = a64_rzs(s);
        o->aux = a64_rzs(s + 1);
        o->rm = a64_rzd(s);
        break;
    }
    if (r->arg == X_LOAD || r->arg == X_STORE)
        o->imm = 0;
    return 0;
}

/* LSE atomics: fns = [size]; row arg = log2 size. */
static int d_atomic(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = a64_rzs(a64_bits(w, 20, 16));
    o->rd = a64_rzd(w & 31);
    o->fn = r->fns[r->arg];
    return 0;
}

#define LDST_ROW(match, fam, sz, name) {0xfec00000, match, d_ldst, NULL, fam, sz, 0, name}
#define PAIR_ROW(match, fam, sz, name) {0xfe400000, match, d_ldst_pair, NULL, fam, sz, 0, name}
#define XROW(match, fn, kind, name) {0xffe08000, match, d_excl, fn, NULL, kind, 0, name}
#define OROW(match, kind, name) {0xffe08000, match, d_ordered, NULL, NULL, kind, 0, name}
#define XROWS(sz, n)                                                                                         \
    XROW(0x08000000 | sz << 30, stxr_##n, X_STXR, "stxr"), XROW(0x08008000 | sz << 30, stxr_##n, X_STXR, "stlxr"), \
    XROW(0x08400000 | sz << 30, ldxr_##n, X_LOAD, "ldxr"), XROW(0x08408000 | sz << 30, ldxr_##n, X_LOAD, "ldaxr"), \
    OROW(0x08800000 | sz << 30, X_STORE, "stllr"), OROW(0x08808000 | sz << 30, X_STORE, "stlr"),               \
    OROW(0x08c00000 | sz << 30, X_LOAD, "ldlar"), OROW(0x08c08000 | sz << 30, X_LOAD, "ldar"),                 \
    XROW(0x08a00000 | sz << 30, cas_##n, X_CAS, "cas"), XROW(0x08a08000 | sz << 30, cas_##n, X_CAS, "casl"),     \
    XROW(0x08e00000 | sz << 30, cas_##n, X_CAS, "casa"), XROW(0x08e08000 | sz << 30, cas_##n, X_CAS, "casal")
#define AROW(sz, o3opc, fam, name) {0xff20fc00, 0x38200000 | (sz) << 30 | (o3opc) << 12, d_atomic, NULL, fam, sz, 0, name}
#define AROWS(sz)                                                                                            \
    AROW(sz, 0, ldadd, "ldadd"), AROW(sz, 1, ldclr, "ldclr"), AROW(sz, 2, ldeor, "ldeor"),                   \
    AROW(sz, 3, ldset, "ldset"), AROW(sz, 4, ldsmax, "ldsmax"), AROW(sz, 5, ldsmin, "ldsmin"),               \
    AROW(sz, 6, ldumax, "ldumax"), AROW(sz, 7, ldumin, "ldumin"), AROW(sz, 8, swp, "swp")

/* Ordered plain loads/stores reuse the unsigned-offset handlers (the emulator lock orders them). */
static int d_ordered(struct op *o, uint32_t w, const struct a64_insn *r)
{
    static const op_fn ld[4] = {ldrb_0, ldrh_0, ldrw_0, ldrx_0}, st[4] = {strb_0, strh_0, strw_0, strx_0};
    unsigned sz = a64_bits(w, 31, 30);
    d_excl(o, w, r);
    o->fn = r->arg == X_LOAD ? ld[sz] : st[sz];
    return 0;
}

const struct a64_insn a64_ldst[] = {
    XROWS(0u, 1), XROWS(1u, 2), XROWS(2u, 4), XROWS(3u, 8),
    XROW(0x88200000, stxp_4, X_STXP, "stxp"), XROW(0x88208000, stxp_4, X_STXP, "stlxp"),
    XROW(0xc8200000, stxp_8, X_STXP, "stxp"), XROW(0xc8208000, stxp_8, X_STXP, "stlxp"),
    XROW(0x88600000, ldxp_4, X_LDXP, "ldxp"), XROW(0x88608000, ldxp_4, X_LDXP, "ldaxp"),
    XROW(0xc8600000, ldxp_8, X_LDXP, "ldxp"), XROW(0xc8608000, ldxp_8, X_LDXP, "ldaxp"),
    XROW(0x08200000, casp_4, X_CASP, "casp"), XROW(0x08208000, casp_4, X_CASP, "caspl"),
    XROW(0x08600000, casp_4, X_CASP, "caspa"), XROW(0x08608000, casp_4, X_CASP, "caspal"),
    XROW(0x48200000, casp_8, X_CASP, "casp"), XROW(0x48208000, casp_8, X_CASP, "caspl"),
    XROW(0x48600000, casp_8, X_CASP, "caspa"), XROW(0x48608000, casp_8, X_CASP, "caspal"),
    AROWS(0u), AROWS(1u), AROWS(2u), AROWS(3u),
    {0xff000000, 0x18000000, d_ldr_lit, NULL, ldrw, 0, 0, "ldr"},
    {0xff000000, 0x58000000, d_ldr_lit, NULL, ldrx, 0, 0, "ldr"},
    {0xff000000, 0x98000000, d_ldr_lit, NULL, ldrsw, 0, 0, "ldrsw"},
    {0xff000000, 0xd8000000, d_ldr_lit, NULL, prfm, 0, 0, "prfm"},
    {0xff000000, 0x1c000000, d_ldr_lit, NULL, ldr_s, 0, 0, "ldr"},
    {0xff000000, 0x5c000000, d_ldr_lit, NULL, ldr_d, 0, 0, "ldr"},
    {0xff000000, 0x9c000000, d_ldr_lit, NULL, ldr_q, 0, 0, "ldr"},
    PAIR_ROW(0x28000000, stpw, 2, "stp"), PAIR_ROW(0x28400000, ldpw, 2, "ldp"),
    PAIR_ROW(0x68400000, ldpsw, 2, "ldpsw"),
    PAIR_ROW(0xa8000000, stpx, 3, "stp"), PAIR_ROW(0xa8400000, ldpx, 3, "ldp"),
    PAIR_ROW(0x2c000000, stp_s, 2, "stp"), PAIR_ROW(0x2c400000, ldp_s, 2, "ldp"),
    PAIR_ROW(0x6c000000, stp_d, 3, "stp"), PAIR_ROW(0x6c400000, ldp_d, 3, "ldp"),
    PAIR_ROW(0xac000000, stp_q, 4, "stp"), PAIR_ROW(0xac400000, ldp_q, 4, "ldp"),
    LDST_ROW(0x38000000, strb, 0, "strb"), LDST_ROW(0x38400000, ldrb, 0, "ldrb"),
    LDST_ROW(0x38800000, ldrsb_x, 0, "ldrsb"), LDST_ROW(0x38c00000, ldrsb_w, 0, "ldrsb"),
    LDST_ROW(0x78000000, strh, 1, "strh"), LDST_ROW(0x78400000, ldrh, 1, "ldrh"),
    LDST_ROW(0x78800000, ldrsh_x, 1, "ldrsh"), LDST_ROW(0x78c00000, ldrsh_w, 1, "ldrsh"),
    LDST_ROW(0xb8000000, strw, 2, "str"), LDST_ROW(0xb8400000, ldrw, 2, "ldr"),
    LDST_ROW(0xb8800000, ldrsw, 2, "ldrsw"),
    LDST_ROW(0xf8000000, strx, 3, "str"), LDST_ROW(0xf8400000, ldrx, 3, "ldr"),
    LDST_ROW(0xf8800000, prfm, 3, "prfm"),
    LDST_ROW(0x3c000000, str_b, 0, "str"), LDST_ROW(0x3c400000, ldr_b, 0, "ldr"),
    LDST_ROW(0x3c800000, str_q, 4, "str"), LDST_ROW(0x3cc00000, ldr_q, 4, "ldr"),
    LDST_ROW(0x7c000000, str_h, 1, "str"), LDST_ROW(0x7c400000, ldr_h, 1, "ldr"),
    LDST_ROW(0xbc000000, str_s, 2, "str"), LDST_ROW(0xbc400000, ldr_s, 2, "ldr"),
    LDST_ROW(0xfc000000, str_d, 3, "str"), LDST_ROW(0xfc400000, ldr_d, 3, "ldr"),
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};

/* ---- memory references for watchpoints: kind (1 read, 2 write, 3 both), address and length ---- */
int a64_vldst_ref(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len);

static const struct {
    const op_fn *fns;    /* handler per addressing mode */
    uint8_t nmodes, kind, len;
} families[] = {
    {ldrb, 7, 1, 1}, {ldrh, 7, 1, 2}, {ldrw, 7, 1, 4}, {ldrx, 7, 1, 8}, {ldrsb_x, 7, 1, 1}, {ldrsh_x, 7, 1, 2},
    {ldrsw, 7, 1, 4}, {ldrsb_w, 7, 1, 1}, {ldrsh_w, 7, 1, 2}, {strb, 7, 2, 1}, {strh, 7, 2, 2}, {strw, 7, 2, 4},
    {strx, 7, 2, 8}, {ldr_b, 7, 1, 1}, {ldr_h, 7, 1, 2}, {ldr_s, 7, 1, 4}, {ldr_d, 7, 1, 8}, {ldr_q, 7, 1, 16},
    {str_b, 7, 2, 1}, {str_h, 7, 2, 2}, {str_s, 7, 2, 4}, {str_d, 7, 2, 8}, {str_q, 7, 2, 16},
    {ldpw, 3, 1, 8}, {ldpx, 3, 1, 16}, {ldpsw, 3, 1, 8}, {stpw, 3, 2, 8}, {stpx, 3, 2, 16}, {ldp_s, 3, 1, 8},
    {ldp_d, 3, 1, 16}, {ldp_q, 3, 1, 32}, {stp_s, 3, 2, 8}, {stp_d, 3, 2, 16}, {stp_q, 3, 2, 32},
    {ldadd, 4, 3, 0}, {ldclr, 4, 3, 0}, {ldeor, 4, 3, 0}, {ldset, 4, 3, 0}, {ldsmax, 4, 3, 0}, {ldsmin, 4, 3, 0},
    {ldumax, 4, 3, 0}, {ldumin, 4, 3, 0}, {swp, 4, 3, 0},
};
/* Exclusive-family handlers at X[rs1]: kind and length. */
static const struct {
    op_fn fn;
    uint8_t kind, len;
} singles[] = {
    {ldxr_1, 1, 1}, {ldxr_2, 1, 2}, {ldxr_4, 1, 4}, {ldxr_8, 1, 8}, {stxr_1, 2, 1}, {stxr_2, 2, 2}, {stxr_4, 2, 4},
    {stxr_8, 2, 8}, {cas_1, 3, 1}, {cas_2, 3, 2}, {cas_4, 3, 4}, {cas_8, 3, 8}, {ldxp_4, 1, 8}, {ldxp_8, 1, 16},
    {stxp_4, 2, 8}, {stxp_8, 2, 16}, {casp_4, 3, 8}, {casp_8, 3, 16},
};

int a64_mem_ref(struct emu_cpu *c, const struct op *o, uint64_t *addr, unsigned *len)
{
    for (size_t f = 0; f < sizeof families / sizeof families[0]; f++)
        for (unsigned m = 0; m < families[f].nmodes; m++) {
            if (families[f].fns[m] != o->fn)
                continue;
            if (c) {
                uint64_t base = X(o->rs1);
                if (families[f].kind == 3) { /* atomics: modes are sizes */
                    *addr = base;
                    *len = 1u << m;
                    return 3;
                }
                switch (m) {
                case 2: *addr = base; break;
                case 3: *addr = base + (X(o->rs2) << o->rm); break;
                case 4: *addr = (uint64_t)o->imm; break;
                case 5: *addr = base + ((uint64_t)(uint32_t)X(o->rs2) << o->rm); break;
                case 6: *addr = base + ((uint64_t)(int64_t)(int32_t)X(o->rs2) << o->rm); break;
                default: *addr = base + (uint64_t)o->imm; break;
                }
                *len = families[f].len;
            }
            return families[f].kind;
        }
    for (size_t i = 0; i < sizeof singles / sizeof singles[0]; i++)
        if (singles[i].fn == o->fn) {
            if (c) {
                *addr = X(o->rs1);
                *len = singles[i].len;
            }
            return singles[i].kind;
        }
    return a64_vldst_ref(c, o, addr, len);
}
