/* aarch64 Advanced SIMD saturating multiplies and shifts (SQDMULH, SQRDMULH, SQDMULL/SQDMLAL/SQDMLSL, SQSHL,
   UQSHL, SQRSHL, UQRSHL by register) and polynomial multiplies (PMUL, PMULL), with their table. */
#include "simd.h"

#define QC(c) (A64(c)->fpsr |= FPSR_QC)

/* v (exact) saturated to a signed eb-bit lane (eb <= 64), QC when it had to be. */
static inline uint64_t sat_s128(struct emu_cpu *c, __int128 v, unsigned eb)
{
    __int128 hi = (((__int128)1) << (eb - 1)) - 1, lo = -hi - 1;
    if (v > hi)
        QC(c), v = hi;
    else if (v < lo)
        QC(c), v = lo;
    return (uint64_t)v & a64_emask(eb == 8 ? 0 : eb == 16 ? 1 : eb == 32 ? 2 : 3);
}

/* v (exact) saturated to an unsigned eb-bit lane. */
static inline uint64_t sat_u128(struct emu_cpu *c, __int128 v, unsigned eb)
{
    __int128 hi = (((__int128)1) << eb) - 1;
    if (v < 0)
        QC(c), v = 0;
    else if (v > hi)
        QC(c), v = hi;
    return (uint64_t)v;
}

/* Shift x (an eb-bit lane; sgn: signed) by the signed low byte of the shift lane: left shifts saturate,
   right shifts (negative amounts) truncate or, with rnd, round. */
static uint64_t qshl(struct emu_cpu *c, uint64_t x, int sh, unsigned eb, int sgn, int rnd)
{
    uint64_t m = eb == 64 ? ~0ull : (1ull << eb) - 1;
    if (sh < 0) {
        unsigned n = (unsigned)-sh; /* 1..128 */
        __int128 v = sgn ? (__int128)a64_sext(x, eb) : (__int128)x;
        if (n > 100) /* past every lane: the sign (truncating) or 0 (rounding adds it back) */
            return rnd ? 0 : (uint64_t)(v < 0 ? -1 : 0) & m;
        if (rnd)
            v += (__int128)1 << (n - 1);
        return (uint64_t)(v >> n) & m;
    }
    if (!x)
        return 0;
    if (sgn) {
        int64_t v = a64_sext(x, eb);
        if (sh >= (int)eb)
            return sat_s128(c, v < 0 ? -((__int128)1 << 100) : ((__int128)1 << 100), eb);
        return sat_s128(c, (__int128)v << sh, eb);
    }
    if (sh >= (int)eb) {
        QC(c);
        return m;
    }
    unsigned __int128 v = (unsigned __int128)x << sh;
    if (v > m) {
        QC(c);
        return m;
    }
    return (uint64_t)v;
}

/* Carry-less product of two n-bit values (n <= 64) into 2n bits. */
static unsigned __int128 clmul(uint64_t a, uint64_t b, unsigned n)
{
    unsigned __int128 r = 0;
    for (unsigned i = 0; i < n; i++)
        if ((b >> i) & 1)
            r ^= (unsigned __int128)a << i;
    return r;
}

/* Three-same lane loop over Vn, Vm (rm = bytes: 8/16 vector, element size for scalar forms). */
#define Q3(name, expr)                                                                                       \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1), *pb = V(o->rs2);                                                      \
        BY_SIZE(o->aux, for (unsigned i = 0; i < o->rm / sizeof(U); i++) {                                   \
            U x = LANE(pa, i), y = LANE(pb, i);                                                              \
            int64_t sx = a64_sext(x, EB), sy = a64_sext(y, EB);                                              \
            (void)sx, (void)sy;                                                                              \
            SETLANE(r, i, (expr));                                                                           \
        })                                                                                                   \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
Q3(op_q_sqshl, qshl(c, x, (int8_t)y, EB, 1, 0))
Q3(op_q_uqshl, qshl(c, x, (int8_t)y, EB, 0, 0))
Q3(op_q_sqrshl, qshl(c, x, (int8_t)y, EB, 1, 1))
Q3(op_q_uqrshl, qshl(c, x, (int8_t)y, EB, 0, 1))
Q3(op_q_sqdmulh, sat_s128(c, ((__int128)2 * sx * sy) >> EB, EB))
Q3(op_q_sqrdmulh, sat_s128(c, ((__int128)2 * sx * sy + ((__int128)1 << (EB - 1))) >> EB, EB))
Q3(op_q_pmul, (U)clmul(x, y, 8))

/* SUQADD/USQADD: the destination accumulates a source of the other signedness, saturating to its own. */
#define QACC(name, expr)                                                                                     \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1), *pd = V(o->rd);                                                       \
        BY_SIZE(o->aux, for (unsigned i = 0; i < o->rm / sizeof(U); i++) {                                   \
            U x = LANE(pa, i), z = LANE(pd, i);                                                              \
            SETLANE(r, i, (expr));                                                                           \
        })                                                                                                   \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
QACC(op_q_suqadd, sat_s128(c, (__int128)a64_sext(z, EB) + (__int128)x, EB))
QACC(op_q_usqadd, sat_u128(c, (__int128)z + (__int128)a64_sext(x, EB), EB))

/* By element: y is lane imm of Vm for every lane. */
#define QE(name, expr)                                                                                       \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1);                                                                       \
        BY_SIZE(o->aux, {                                                                                    \
            int64_t sy = a64_sext(LANE(V(o->rs2), (unsigned)o->imm), EB);                                    \
            for (unsigned i = 0; i < o->rm / sizeof(U); i++) {                                               \
                int64_t sx = a64_sext(LANE(pa, i), EB);                                                      \
                SETLANE(r, i, (expr));                                                                       \
            }                                                                                                \
        })                                                                                                   \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
QE(op_q_sqdmulh_e, sat_s128(c, ((__int128)2 * sx * sy) >> EB, EB))
QE(op_q_sqrdmulh_e, sat_s128(c, ((__int128)2 * sx * sy + ((__int128)1 << (EB - 1))) >> EB, EB))

/* Long forms: narrow lanes of the low (rm 8) or high (rm 16, the "2" forms) half of Vn and Vm (or lane imm
   of Vm when by element) into 2*EB-bit lanes of Vd; rm 0 is the scalar form (lane 0 only, the rest of Vd
   zeroed); acc: 0 none, 1 add, -1 subtract. */
static void qdmull(struct emu_cpu *c, const struct op *o, int acc, int elem)
{
    uint8_t r[16], a[16], b[16], d[16];
    memcpy(a, V(o->rs1), 16);
    memcpy(b, V(o->rs2), 16);
    memcpy(d, V(o->rd), 16);
    memset(r, 0, sizeof r);
    unsigned off = o->rm == 16 ? 8 : 0;
    BY_SIZE(o->aux, {
        unsigned w2 = 2 * sizeof(U);
        for (unsigned i = 0; i < (o->rm ? 8 / sizeof(U) : 1); i++) {
            int64_t sx = a64_sext(LANE(a + off, i), EB);
            int64_t sy = a64_sext(elem ? LANE(b, (unsigned)o->imm) : LANE(b + off, i), EB);
            __int128 p = sat_s128(c, (__int128)2 * sx * sy, 2 * EB);
            p = a64_sext((uint64_t)p, 2 * EB);
            if (acc) {
                int64_t z = a64_sext(a64_ldl(d + w2 * i, w2), 2 * EB);
                p = sat_s128(c, (__int128)z + (acc > 0 ? p : -p), 2 * EB);
            }
            a64_stl(r + w2 * i, w2, (uint64_t)p);
        }
    })
    memcpy(V(o->rd), r, 16);
}
OP(op_q_sqdmull) { qdmull(c, o, 0, 0); NEXT; }
OP(op_q_sqdmlal) { qdmull(c, o, 1, 0); NEXT; }
OP(op_q_sqdmlsl) { qdmull(c, o, -1, 0); NEXT; }
OP(op_q_sqdmull_e) { qdmull(c, o, 0, 1); NEXT; }
OP(op_q_sqdmlal_e) { qdmull(c, o, 1, 1); NEXT; }
OP(op_q_sqdmlsl_e) { qdmull(c, o, -1, 1); NEXT; }

/* PMULL/PMULL2: bytes to halfwords (aux 0) or one doubleword to a quadword (aux 3). */
OP(op_q_pmull)
{
    uint8_t r[16], a[16], b[16];
    memcpy(a, V(o->rs1), 16);
    memcpy(b, V(o->rs2), 16);
    unsigned off = o->rm == 16 ? 8 : 0;
    if (o->aux == 3) {
        unsigned __int128 p = clmul(ld64(a + off), ld64(b + off), 64);
        st64(r, (uint64_t)p);
        st64(r + 8, (uint64_t)(p >> 64));
    } else {
        for (unsigned i = 0; i < 8; i++)
            st16(r + 2 * i, (uint16_t)clmul(a[off + i], b[off + i], 8));
    }
    memcpy(V(o->rd), r, 16);
    NEXT;
}

/* ---------------------------------------------------------------- formats */

/* Long forms with H or S narrow lanes; Q selects the "2" form. */
static int d_qlong(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned size = a64_bits(w, 23, 22);
    if (size != 1 && size != 2)
        return -1;
    o->aux = (uint16_t)size;
    o->rm = (w >> 30) & 1 ? 16 : 8;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    return 0;
}

/* Scalar forms: by element (rm = element bytes, or 0 for the long ones) and three-different (long). */
static int d_qelem_s(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (a64_d_velem(o, w, r) < 0)
        return -1;
    o->rm = r->arg ? 0 : (uint8_t)(1u << o->aux);
    return 0;
}
static int d_qlong_s(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_qlong(o, w, r) < 0)
        return -1;
    o->rm = 0;
    return 0;
}

/* PMULL: size 0 (8B to 8H) or 3 (1D to 1Q). */
static int d_pmull(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned size = a64_bits(w, 23, 22);
    if (size != 0 && size != 3)
        return -1;
    o->aux = (uint16_t)size;
    o->rm = (w >> 30) & 1 ? 16 : 8;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    return 0;
}

#define M3 0xbf20fc00u   /* three same / three different: Q and size free */
#define MEL 0xbf00f400u  /* by element */
#define T3(u, opc) (0x0e200400u | (u) << 29 | (opc) << 11)
#define TD(u, opc) (0x0e200000u | (u) << 29 | (opc) << 12)
#define TE(u, opc) (0x0f000000u | (u) << 29 | (opc) << 12)
#define S3(u, opc) (0x5e200400u | (u) << 29 | (opc) << 11)
#define T2(u, opc) (0x0e200800u | (u) << 29 | (opc) << 12)
#define S2(u, opc) (0x5e200800u | (u) << 29 | (opc) << 12)
#define ROW(m, t, dec, fn, arg, name) {m, t, dec, fn, NULL, arg, 0, name}
#define SALL (SZ_B | SZ_H | SZ_S | SZ_D | SZ_SCALAR)

const struct a64_insn a64_simd_sat[] = {
    ROW(M3, T3(0, 0x09), a64_d_vec3, op_q_sqshl, SZ_ALL, "sqshl"),
    ROW(M3, T3(1, 0x09), a64_d_vec3, op_q_uqshl, SZ_ALL, "uqshl"),
    ROW(M3, T3(0, 0x0b), a64_d_vec3, op_q_sqrshl, SZ_ALL, "sqrshl"),
    ROW(M3, T3(1, 0x0b), a64_d_vec3, op_q_uqrshl, SZ_ALL, "uqrshl"),
    ROW(M3, T3(0, 0x16), a64_d_vec3, op_q_sqdmulh, SZ_H | SZ_S, "sqdmulh"),
    ROW(M3, T3(1, 0x16), a64_d_vec3, op_q_sqrdmulh, SZ_H | SZ_S, "sqrdmulh"),
    ROW(0xbfe0fc00u, T3(1, 0x13), a64_d_vec3, op_q_pmul, SZ_B, "pmul"),
    ROW(0xff20fc00u, S3(0, 0x09), a64_d_vec3, op_q_sqshl, SALL, "sqshl"),
    ROW(0xff20fc00u, S3(1, 0x09), a64_d_vec3, op_q_uqshl, SALL, "uqshl"),
    ROW(0xff20fc00u, S3(0, 0x0b), a64_d_vec3, op_q_sqrshl, SALL, "sqrshl"),
    ROW(0xff20fc00u, S3(1, 0x0b), a64_d_vec3, op_q_uqrshl, SALL, "uqrshl"),
    ROW(0xff20fc00u, S3(0, 0x16), a64_d_vec3, op_q_sqdmulh, SZ_H | SZ_S | SZ_SCALAR, "sqdmulh"),
    ROW(0xff20fc00u, S3(1, 0x16), a64_d_vec3, op_q_sqrdmulh, SZ_H | SZ_S | SZ_SCALAR, "sqrdmulh"),
    ROW(0xbf3ffc00u, T2(0, 0x03), a64_d_vec2, op_q_suqadd, SZ_ALL, "suqadd"),
    ROW(0xbf3ffc00u, T2(1, 0x03), a64_d_vec2, op_q_usqadd, SZ_ALL, "usqadd"),
    ROW(0xff3ffc00u, S2(0, 0x03), a64_d_vec2, op_q_suqadd, SALL, "suqadd"),
    ROW(0xff3ffc00u, S2(1, 0x03), a64_d_vec2, op_q_usqadd, SALL, "usqadd"),
    ROW(M3, TD(0, 0xd), d_qlong, op_q_sqdmull, 0, "sqdmull"),
    ROW(M3, TD(0, 0x9), d_qlong, op_q_sqdmlal, 0, "sqdmlal"),
    ROW(M3, TD(0, 0xb), d_qlong, op_q_sqdmlsl, 0, "sqdmlsl"),
    ROW(M3, TD(0, 0xe), d_pmull, op_q_pmull, 0, "pmull"),
    ROW(MEL, TE(0, 0xc), a64_d_velem, op_q_sqdmulh_e, 0, "sqdmulh"),
    ROW(MEL, TE(0, 0xd), a64_d_velem, op_q_sqrdmulh_e, 0, "sqrdmulh"),
    ROW(MEL, TE(0, 0xb), a64_d_velem, op_q_sqdmull_e, 0, "sqdmull"),
    ROW(MEL, TE(0, 0x3), a64_d_velem, op_q_sqdmlal_e, 0, "sqdmlal"),
    ROW(MEL, TE(0, 0x7), a64_d_velem, op_q_sqdmlsl_e, 0, "sqdmlsl"),
    ROW(0xff00f400u, 0x5f000000u | 0xc << 12, d_qelem_s, op_q_sqdmulh_e, 0, "sqdmulh"),
    ROW(0xff00f400u, 0x5f000000u | 0xd << 12, d_qelem_s, op_q_sqrdmulh_e, 0, "sqrdmulh"),
    ROW(0xff00f400u, 0x5f000000u | 0xb << 12, d_qelem_s, op_q_sqdmull_e, 1, "sqdmull"),
    ROW(0xff00f400u, 0x5f000000u | 0x3 << 12, d_qelem_s, op_q_sqdmlal_e, 1, "sqdmlal"),
    ROW(0xff00f400u, 0x5f000000u | 0x7 << 12, d_qelem_s, op_q_sqdmlsl_e, 1, "sqdmlsl"),
    ROW(0xff20fc00u, 0x5e200000u | 0xd << 12, d_qlong_s, op_q_sqdmull, 0, "sqdmull"),
    ROW(0xff20fc00u, 0x5e200000u | 0x9 << 12, d_qlong_s, op_q_sqdmlal, 0, "sqdmlal"),
    ROW(0xff20fc00u, 0x5e200000u | 0xb << 12, d_qlong_s, op_q_sqdmlsl, 0, "sqdmlsl"),
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
