/* aarch64 Advanced SIMD integer ops: three-same, three-different, two-register misc, across lanes, shifts by immediate, by-element, with their table. */
#include "simd.h"

#define QC(c) (A64(c)->fpsr |= FPSR_QC)

/* ---------------------------------------------------------------- formats */

static int vsize_ok(unsigned size, int q, uint32_t arg)
{
    if (!(arg & (1u << size)))
        return 0;
    return !(size == 3 && !q && (arg & SZ_NO1D));
}

int a64_d_vec3(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned size = a64_bits(w, 23, 22), q = (w >> 30) & 1;
    if (r->arg & SZ_SCALAR) {
        if (!(r->arg & (1u << size)))
            return -1;
        o->rm = (uint8_t)(1u << size);
    } else {
        if (!vsize_ok(size, (int)q, r->arg))
            return -1;
        o->rm = q ? 16 : 8;
    }
    o->aux = (uint16_t)size;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    return 0;
}

int a64_d_vec2(struct op *o, uint32_t w, const struct a64_insn *r)
{
    return a64_d_vec3(o, w, r);
}

/* ---------------------------------------------------------------- three same */

/* Element-wise op: x, y = lanes of Vn, Vm, z = lane of Vd (unsigned U), sx, sy signed. */
#define V3(name, expr)                                                                                       \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1), *pb = V(o->rs2), *pd = V(o->rd);                                      \
        BY_SIZE(o->aux, for (unsigned i = 0; i < o->rm / sizeof(U); i++) {                                              \
            U x = LANE(pa, i), y = LANE(pb, i), z = LANE(pd, i);                                             \
            S sx = (S)x, sy = (S)y;                                                                          \
            (void)sx, (void)sy, (void)z;                                                                     \
            SETLANE(r, i, (expr));                                                                           \
        })                                                                                                   \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }

#define ONES(cond) ((U)0 - (U)!!(cond))
V3(op_v_add, x + y)
V3(op_v_sub, x - y)
V3(op_v_mul, x * y)
V3(op_v_mla, z + x * y)
V3(op_v_mls, z - x * y)
V3(op_v_cmeq, ONES(x == y))
V3(op_v_cmtst, ONES(x & y))
V3(op_v_cmgt, ONES(sx > sy))
V3(op_v_cmge, ONES(sx >= sy))
V3(op_v_cmhi, ONES(x > y))
V3(op_v_cmhs, ONES(x >= y))
V3(op_v_smax, sx > sy ? x : y)
V3(op_v_smin, sx < sy ? x : y)
V3(op_v_umax, x > y ? x : y)
V3(op_v_umin, x < y ? x : y)
V3(op_v_sabd, sx > sy ? x - y : y - x)
V3(op_v_uabd, x > y ? x - y : y - x)
V3(op_v_saba, z + (sx > sy ? x - y : y - x))
V3(op_v_uaba, z + (x > y ? x - y : y - x))
/* Halving ops without a wider type: floor((a + b) / 2) = (a >> 1) + (b >> 1) + (a & b & 1), etc. */
V3(op_v_shadd, (sx >> 1) + (sy >> 1) + (sx & sy & 1))
V3(op_v_uhadd, (x >> 1) + (y >> 1) + (x & y & 1))
V3(op_v_srhadd, (sx >> 1) + (sy >> 1) + ((sx | sy) & 1))
V3(op_v_urhadd, (x >> 1) + (y >> 1) + ((x | y) & 1))
V3(op_v_shsub, (sx >> 1) - (sy >> 1) - (~sx & sy & 1))
V3(op_v_uhsub, (x >> 1) - (y >> 1) - (~x & y & 1))

/* x (eb bits, sign-extended when sgn) shifted right by n >= 1 with infinite precision, optionally rounding
   (adding half an lsb first): the result's low 64 bits. */
static inline uint64_t shr_round(uint64_t x, unsigned n, int sgn, int rnd)
{
    if (n > 64)
        return sgn && !rnd ? (uint64_t)((int64_t)x >> 63) : 0;
    uint64_t q = n == 64 ? (sgn ? (uint64_t)((int64_t)x >> 63) : 0) : sgn ? (uint64_t)((int64_t)x >> n) : x >> n;
    return rnd ? q + ((x >> (n - 1)) & 1) : q;
}
/* Shifts by a signed register amount (low byte of each Vm lane); rnd: rounding. */
static inline uint64_t vshl(uint64_t x, int64_t sh, unsigned eb, int sgn, int rnd)
{
    uint64_t m = eb == 64 ? ~0ull : (1ull << eb) - 1;
    if (sh >= 0)
        return sh >= (int)eb ? 0 : (x << sh) & m;
    if (sgn)
        x = (uint64_t)a64_sext(x, eb);
    return shr_round(x, (unsigned)-sh, sgn, rnd) & m;
}
V3(op_v_sshl, vshl(x, (int8_t)y, EB, 1, 0))
V3(op_v_ushl, vshl(x, (int8_t)y, EB, 0, 0))
V3(op_v_srshl, vshl(x, (int8_t)y, EB, 1, 1))
V3(op_v_urshl, vshl(x, (int8_t)y, EB, 0, 1))

/* Saturation of a value known exactly (as int64) to eb < 64 bits, or of an exact 64-bit result with an
   overflow indication; QC on saturation. */
static inline uint64_t sat_s(struct emu_cpu *c, int64_t v, unsigned eb)
{
    int64_t hi = (int64_t)((1ull << (eb - 1)) - 1), lo = -hi - 1;
    if (v > hi) {
        QC(c);
        v = hi;
    } else if (v < lo) {
        QC(c);
        v = lo;
    }
    return (uint64_t)v & (eb == 64 ? ~0ull : (1ull << eb) - 1);
}
static inline uint64_t sat_u(struct emu_cpu *c, int64_t v, unsigned eb)
{
    uint64_t hi = eb == 64 ? ~0ull : (1ull << eb) - 1;
    if (v < 0) {
        QC(c);
        return 0;
    }
    if ((uint64_t)v > hi) {
        QC(c);
        return hi;
    }
    return (uint64_t)v;
}
static inline uint64_t sat_uu(struct emu_cpu *c, uint64_t v, unsigned eb) /* an unsigned value to eb bits */
{
    uint64_t hi = eb == 64 ? ~0ull : (1ull << eb) - 1;
    if (v > hi) {
        QC(c);
        return hi;
    }
    return v;
}
/* Saturating add/subtract on lanes of eb bits (64 included). */
static inline uint64_t sqaddsub(struct emu_cpu *c, int64_t a, int64_t b, unsigned eb, int sub)
{
    int64_t r;
    if (eb < 64)
        return sat_s(c, sub ? a - b : a + b, eb);
    if (sub ? __builtin_sub_overflow(a, b, &r) : __builtin_add_overflow(a, b, &r)) {
        QC(c);
        return a < 0 ? 0x8000000000000000ull : 0x7fffffffffffffffull;
    }
    return (uint64_t)r;
}
static inline uint64_t uqaddsub(struct emu_cpu *c, uint64_t a, uint64_t b, unsigned eb, int sub)
{
    uint64_t hi = eb == 64 ? ~0ull : (1ull << eb) - 1;
    if (sub) {
        if (a < b) {
            QC(c);
            return 0;
        }
        return a - b;
    }
    uint64_t r = a + b;
    if (r < a || r > hi) {
        QC(c);
        return hi;
    }
    return r;
}
V3(op_v_sqadd, sqaddsub(c, sx, sy, EB, 0))
V3(op_v_uqadd, uqaddsub(c, x, y, EB, 0))
V3(op_v_sqsub, sqaddsub(c, sx, sy, EB, 1))
V3(op_v_uqsub, uqaddsub(c, x, y, EB, 1))

/* SWAR forms of the hottest element-wise ops: each 64-bit half at once (lanes never carry into each other). */
static const uint64_t lane_hi[4] = {0x8080808080808080ull, 0x8000800080008000ull, 0x8000000080000000ull, 0x8000000000000000ull};
static const uint64_t lane_one[4] = {0x0101010101010101ull, 0x0001000100010001ull, 0x0000000100000001ull, 1};
static inline uint64_t swar_add(uint64_t a, uint64_t b, uint64_t h) { return ((a & ~h) + (b & ~h)) ^ ((a ^ b) & h); }
static inline uint64_t swar_sub(uint64_t a, uint64_t b, uint64_t h) { return ((a | h) - (b & ~h)) ^ ((a ^ ~b) & h); }
/* all-ones lanes where t's lane is zero */
static inline uint64_t swar_zero(uint64_t t, unsigned size)
{
    uint64_t h = lane_hi[size];
    uint64_t nz = ((((t & ~h) + ~h) | t) & h) >> ((8u << size) - 1); /* 1 in lanes that are nonzero */
    return (lane_one[size] - (nz & lane_one[size])) * a64_emask(size);
}
#define VSWAR(name, expr)                                                                                    \
    OP(name)                                                                                                 \
    {                                                                                                        \
        unsigned size = o->aux;                                                                              \
        uint64_t h = lane_hi[size];                                                                          \
        (void)h;                                                                                             \
        uint64_t a0 = a64_vd(c, o->rs1, 0), b0 = a64_vd(c, o->rs2, 0), r0, r1 = 0;                           \
        { uint64_t a = a0, b = b0; (void)b; r0 = (expr); }                                                   \
        if (o->rm == 16) {                                                                                   \
            uint64_t a = a64_vd(c, o->rs1, 1), b = a64_vd(c, o->rs2, 1);                                     \
            (void)b;                                                                                         \
            r1 = (expr);                                                                                     \
        } else if (o->rm < 8) {                                                                              \
            r0 &= (1ull << (8 * o->rm)) - 1;                                                                 \
        }                                                                                                    \
        a64_set_vd(c, o->rd, 0, r0);                                                                         \
        a64_set_vd(c, o->rd, 1, r1);                                                                         \
        NEXT;                                                                                                \
    }
VSWAR(op_vs_add, swar_add(a, b, h))
VSWAR(op_vs_sub, swar_sub(a, b, h))
VSWAR(op_vs_cmeq, swar_zero(a ^ b, size))
VSWAR(op_vs_cmeq0, swar_zero(a, size))
VSWAR(op_vs_cmtst, ~swar_zero(a & b, size))
VSWAR(op_vs_ushr, o->imm >= (8 << size) ? 0 : (a >> o->imm) & (lane_one[size] * (a64_emask(size) >> o->imm)))
VSWAR(op_vs_shl, (a << o->imm) & (lane_one[size] * ((a64_emask(size) << o->imm) & a64_emask(size))))

/* Bitwise ops on the whole register. */
#define VLOG(name, expr)                                                                                     \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        for (unsigned i = 0; i < 2; i++) {                                                                   \
            uint64_t x = a64_vd(c, o->rs1, i), y = a64_vd(c, o->rs2, i), z = a64_vd(c, o->rd, i);            \
            (void)z;                                                                                         \
            st64(r + 8 * i, (expr));                                                                         \
        }                                                                                                    \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
VLOG(op_v_and, x & y)
VLOG(op_v_bic, x & ~y)
VLOG(op_v_orr, x | y)
VLOG(op_v_orn, x | ~y)
VLOG(op_v_eor, x ^ y)
VLOG(op_v_bsl, (z & x) | (~z & y))
VLOG(op_v_bit, (z & ~y) | (x & y))
VLOG(op_v_bif, (z & y) | (x & ~y))
OP(op_v_mov) /* ORR Vd, Vn, Vn */
{
    uint8_t r[16];
    memcpy(r, V(o->rs1), 16);
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}

/* Pairwise: lanes of the concatenation Vm:Vn (Vn first), combined two at a time. */
#define VPAIR(name, expr)                                                                                    \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t cat[32], r[16] = {0};                                                                        \
        unsigned n = o->rm;                                                                                  \
        memcpy(cat, V(o->rs1), n);                                                                           \
        memcpy(cat + n, V(o->rs2), n);                                                                       \
        BY_SIZE(o->aux, for (unsigned i = 0; i < n / sizeof(U); i++) {                                       \
            U x = LANE(cat, 2 * i), y = LANE(cat, 2 * i + 1);                                                \
            S sx = (S)x, sy = (S)y;                                                                          \
            (void)sx, (void)sy;                                                                              \
            SETLANE(r, i, (expr));                                                                           \
        })                                                                                                   \
        a64_vput(c, o->rd, r, n);                                                                            \
        NEXT;                                                                                                \
    }
VPAIR(op_v_addp, x + y)
VPAIR(op_v_smaxp, sx > sy ? x : y)
VPAIR(op_v_sminp, sx < sy ? x : y)
VPAIR(op_v_umaxp, x > y ? x : y)
VPAIR(op_v_uminp, x < y ? x : y)

/* ---------------------------------------------------------------- across lanes (result: scalar of the element size) */
#define VACROSS(name, init, expr, rsize)                                                                     \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1);                                                                       \
        unsigned n = o->rm;                                                                                  \
        BY_SIZE(o->aux, {                                                                                    \
            U acc0 = LANE(pa, 0);                                                                            \
            int64_t sacc = (S)acc0;                                                                          \
            uint64_t uacc = acc0;                                                                            \
            (void)sacc, (void)uacc;                                                                          \
            for (unsigned i = 1; i < n / sizeof(U); i++) {                                                   \
                U x = LANE(pa, i);                                                                           \
                S sx = (S)x;                                                                                 \
                (void)sx;                                                                                    \
                expr;                                                                                        \
            }                                                                                                \
            init;                                                                                            \
        })                                                                                                   \
        a64_vput(c, o->rd, r, 16);                                                                           \
        NEXT;                                                                                                \
    }
#define PUT_U(bytes) a64_stl(r, bytes, uacc)
#define PUT_S(bytes) a64_stl(r, bytes, (uint64_t)sacc)
VACROSS(op_v_addv, PUT_U(sizeof(U)), uacc += x, 0)
VACROSS(op_v_umaxv, PUT_U(sizeof(U)), if (x > uacc) uacc = x, 0)
VACROSS(op_v_uminv, PUT_U(sizeof(U)), if (x < uacc) uacc = x, 0)
VACROSS(op_v_smaxv, PUT_S(sizeof(U)), if (sx > sacc) sacc = sx, 0)
VACROSS(op_v_sminv, PUT_S(sizeof(U)), if (sx < sacc) sacc = sx, 0)
VACROSS(op_v_uaddlv, PUT_U(2 * sizeof(U)), uacc += x, 0)
VACROSS(op_v_saddlv, PUT_S(2 * sizeof(U)), sacc += sx, 0)

/* ---------------------------------------------------------------- two-register misc */
#define V2(name, expr)                                                                                       \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1);                                                                       \
        BY_SIZE(o->aux, for (unsigned i = 0; i < o->rm / sizeof(U); i++) {                                              \
            U x = LANE(pa, i);                                                                               \
            S sx = (S)x;                                                                                     \
            (void)sx;                                                                                        \
            SETLANE(r, i, (expr));                                                                           \
        })                                                                                                   \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
static inline unsigned clz_n(uint64_t x, unsigned eb) { return x ? (unsigned)__builtin_clzll(x) - (64 - eb) : eb; }
V2(op_v_abs, sx < 0 ? 0 - x : x)
V2(op_v_neg, 0 - x)
V2(op_v_cmgt0, ONES(sx > 0))
V2(op_v_cmge0, ONES(sx >= 0))
V2(op_v_cmeq0, ONES(x == 0))
V2(op_v_cmle0, ONES(sx <= 0))
V2(op_v_cmlt0, ONES(sx < 0))
V2(op_v_clz, clz_n(x, EB))
V2(op_v_cls, clz_n((U)(x ^ (x << 1)) | 1, EB))
V2(op_v_cnt, __builtin_popcountll(x))
V2(op_v_not, ~x)
static inline uint8_t rbit8(uint8_t b)
{
    b = (uint8_t)((b & 0xf0) >> 4 | (b & 0x0f) << 4);
    b = (uint8_t)((b & 0xcc) >> 2 | (b & 0x33) << 2);
    return (uint8_t)((b & 0xaa) >> 1 | (b & 0x55) << 1);
}
OP(op_v_rbit) /* bytes, whatever the size field says */
{
    uint8_t r[16];
    for (unsigned i = 0; i < 16; i++)
        r[i] = rbit8(V(o->rs1)[i]);
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}
V2(op_v_sqabs, sqaddsub(c, 0, sx < 0 ? sx : -(int64_t)sx, EB, 1))
V2(op_v_sqneg, sqaddsub(c, 0, sx, EB, 1))

/* REV16/REV32/REV64: reverse elements of size aux inside containers of imm bytes. */
OP(op_v_rev)
{
    uint8_t r[16];
    const uint8_t *pa = V(o->rs1);
    unsigned es = 1u << o->aux, cs = (unsigned)o->imm;
    for (unsigned i = 0; i < 16; i += es) {
        unsigned base = i - i % cs, idx = i % cs;
        memcpy(r + base + (cs - es - idx), pa + i, es);
    }
    a64_vput(c, o->rd, r, o->rm);
    NEXT;
}

/* Narrowing: aux = destination size; rm = 8 (lower half, upper zeroed), 16 (upper half, "2" form) or 0
   (scalar: one element). */
#define VNARROW(name, expr)                                                                                  \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16], src[16];                                                                              \
        memcpy(src, V(o->rs1), 16);                                                                          \
        memcpy(r, V(o->rd), 16);                                                                             \
        unsigned off = o->rm == 16 ? 8 : 0;                                                                  \
        BY_SIZE(o->aux, for (unsigned i = 0; i < (o->rm ? 8 / sizeof(U) : 1); i++) {                         \
            uint64_t x = a64_ldl(src + 2 * sizeof(U) * i, 2 * sizeof(U));                                    \
            int64_t sx = a64_sext(x, 2 * EB);                                                                \
            (void)sx;                                                                                        \
            a64_stl(r + off + i * sizeof(U), sizeof(U), (expr));                                             \
        })                                                                                                   \
        if (!o->rm) /* scalar form: one element, the rest zeroed */                                          \
            memset(r + (1u << o->aux), 0, 16 - (1u << o->aux));                                              \
        else if (!off)                                                                                       \
            memset(r + 8, 0, 8);                                                                             \
        memcpy(V(o->rd), r, 16);                                                                             \
        NEXT;                                                                                                \
    }
VNARROW(op_v_xtn, x)
VNARROW(op_v_sqxtn, sat_s(c, sx, EB))
VNARROW(op_v_uqxtn, sat_uu(c, x, EB))
VNARROW(op_v_sqxtun, sat_u(c, sx, EB))

/* Pairwise add long: aux = source size; acc: accumulate into Vd. */
#define VADDLP(name, sgn, acc)                                                                               \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1), *pd = V(o->rd);                                                       \
        BY_SIZE(o->aux, for (unsigned i = 0; i < o->rm / (2 * sizeof(U)); i++) {                             \
            uint64_t x = LANE(pa, 2 * i), y = LANE(pa, 2 * i + 1);                                           \
            if (sgn)                                                                                         \
                x = (uint64_t)(S)x, y = (uint64_t)(S)y;                                                      \
            uint64_t v = x + y + (acc ? a64_ldl(pd + 2 * sizeof(U) * i, 2 * sizeof(U)) : 0);                 \
            a64_stl(r + 2 * sizeof(U) * i, 2 * sizeof(U), v);                                                \
        })                                                                                                   \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
VADDLP(op_v_saddlp, 1, 0)
VADDLP(op_v_uaddlp, 0, 0)
VADDLP(op_v_sadalp, 1, 1)
VADDLP(op_v_uadalp, 0, 1)

/* ---------------------------------------------------------------- long/wide/narrow-high (three different)
   aux = size of the narrow elements; rm = 16 for the "2" forms (upper halves of the narrow sources). */
#define V3L(name, wide_a, expr)                                                                              \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16], a[16], b[16], d[16];                                                                  \
        memcpy(a, V(o->rs1), 16);                                                                            \
        memcpy(b, V(o->rs2), 16);                                                                            \
        memcpy(d, V(o->rd), 16);                                                                             \
        unsigned off = o->rm == 16 ? 8 : 0;                                                                  \
        BY_SIZE(o->aux, for (unsigned i = 0; i < 8 / sizeof(U); i++) {                                       \
            unsigned w2 = 2 * sizeof(U);                                                                     \
            uint64_t x = wide_a ? a64_ldl(a + w2 * i, w2) : LANE(a + off, i), y = LANE(b + off, i);           \
            int64_t sx = wide_a ? a64_sext(x, 2 * EB) : (S)x, sy = (S)y;                                     \
            uint64_t z = a64_ldl(d + w2 * i, w2);                                                            \
            (void)sx, (void)sy, (void)z;                                                                     \
            a64_stl(r + w2 * i, w2, (uint64_t)(expr));                                                       \
        })                                                                                                   \
        memcpy(V(o->rd), r, 16);                                                                             \
        NEXT;                                                                                                \
    }
V3L(op_v_saddl, 0, sx + sy)
V3L(op_v_uaddl, 0, x + y)
V3L(op_v_ssubl, 0, sx - sy)
V3L(op_v_usubl, 0, x - y)
V3L(op_v_saddw, 1, sx + sy)
V3L(op_v_uaddw, 1, x + y)
V3L(op_v_ssubw, 1, sx - sy)
V3L(op_v_usubw, 1, x - y)
V3L(op_v_sabdl, 0, sx > sy ? sx - sy : sy - sx)
V3L(op_v_uabdl, 0, x > y ? x - y : y - x)
V3L(op_v_sabal, 0, z + (uint64_t)(sx > sy ? sx - sy : sy - sx))
V3L(op_v_uabal, 0, z + (x > y ? x - y : y - x))
V3L(op_v_smull, 0, sx * sy)
V3L(op_v_umull, 0, x * y)
V3L(op_v_smlal, 0, z + (uint64_t)(sx * sy))
V3L(op_v_umlal, 0, z + x * y)
V3L(op_v_smlsl, 0, z - (uint64_t)(sx * sy))
V3L(op_v_umlsl, 0, z - x * y)

/* ADDHN/SUBHN(2): high halves of wide sums; rnd adds half an lsb first. aux = narrow size. */
#define V3HN(name, sub, rnd)                                                                                 \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16], a[16], b[16];                                                                         \
        memcpy(a, V(o->rs1), 16);                                                                            \
        memcpy(b, V(o->rs2), 16);                                                                            \
        memcpy(r, V(o->rd), 16);                                                                             \
        unsigned off = o->rm == 16 ? 8 : 0;                                                                  \
        BY_SIZE(o->aux, for (unsigned i = 0; i < 8 / sizeof(U); i++) {                                       \
            unsigned w2 = 2 * sizeof(U);                                                                     \
            uint64_t x = a64_ldl(a + w2 * i, w2), y = a64_ldl(b + w2 * i, w2);                               \
            uint64_t v = (sub ? x - y : x + y) + (rnd ? 1ull << (EB - 1) : 0);                               \
            a64_stl(r + off + sizeof(U) * i, sizeof(U), v >> (EB & 63));                                            \
        })                                                                                                   \
        if (!off)                                                                                            \
            memset(r + 8, 0, 8);                                                                             \
        memcpy(V(o->rd), r, 16);                                                                             \
        NEXT;                                                                                                \
    }
V3HN(op_v_addhn, 0, 0)
V3HN(op_v_subhn, 1, 0)
V3HN(op_v_raddhn, 0, 1)
V3HN(op_v_rsubhn, 1, 1)

/* SHLL(2): shift left long by the element size. */
OP(op_v_shll)
{
    uint8_t r[16], a[16];
    memcpy(a, V(o->rs1), 16);
    unsigned off = o->rm == 16 ? 8 : 0;
    BY_SIZE(o->aux, for (unsigned i = 0; i < 8 / sizeof(U); i++)
        a64_stl(r + 2 * sizeof(U) * i, 2 * sizeof(U), (uint64_t)LANE(a + off, i) << (EB & 63));)
    memcpy(V(o->rd), r, 16);
    NEXT;
}

/* ---------------------------------------------------------------- shifts by immediate: imm = shift */
#define VSH(name, expr)                                                                                      \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1), *pd = V(o->rd);                                                       \
        unsigned sh = (unsigned)o->imm;                                                                      \
        BY_SIZE(o->aux, for (unsigned i = 0; i < o->rm / sizeof(U); i++) {                                              \
            U x = LANE(pa, i), z = LANE(pd, i);                                                              \
            U m = (U)~(U)0;                                                                                  \
            S sx = (S)x;                                                                                     \
            (void)sx, (void)z, (void)m;                                                                      \
            SETLANE(r, i, (expr));                                                                           \
        })                                                                                                   \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
#define SHR_U(x, sh) ((sh) >= EB ? 0 : (U)((x) >> (sh)))
#define SHR_S(x, sh) ((U)((S)(x) >> ((sh) >= EB ? EB - 1 : (sh))))
#define RSHR_U(x, sh) ((U)shr_round((x), (sh), 0, 1))
#define RSHR_S(x, sh) ((U)shr_round((uint64_t)(int64_t)(S)(x), (sh), 1, 1))
/* Saturating left shifts by an immediate below the lane width. */
static inline uint64_t sqshl_i(struct emu_cpu *c, int64_t sx, unsigned sh, unsigned eb)
{
    uint64_t m = eb == 64 ? ~0ull : (1ull << eb) - 1;
    int64_t r = a64_sext(((uint64_t)sx << sh) & m, eb);
    if ((r >> sh) != sx) {
        QC(c);
        return (sx < 0 ? ~(m >> 1) : m >> 1) & m;
    }
    return (uint64_t)r & m;
}
static inline uint64_t uqshl_i(struct emu_cpu *c, uint64_t x, unsigned sh, unsigned eb, int from_signed)
{
    uint64_t m = eb == 64 ? ~0ull : (1ull << eb) - 1;
    if (from_signed && a64_sext(x, eb) < 0) {
        QC(c);
        return 0;
    }
    uint64_t r = (x << sh) & m;
    if ((r >> sh) != (x & m)) {
        QC(c);
        return m;
    }
    return r;
}
VSH(op_v_ushr, SHR_U(x, sh))
VSH(op_v_sshr, SHR_S(x, sh))
VSH(op_v_usra, z + SHR_U(x, sh))
VSH(op_v_ssra, z + SHR_S(x, sh))
VSH(op_v_urshr, RSHR_U(x, sh))
VSH(op_v_srshr, RSHR_S(x, sh))
VSH(op_v_ursra, z + RSHR_U(x, sh))
VSH(op_v_srsra, z + RSHR_S(x, sh))
VSH(op_v_shl, (U)(x << sh))
VSH(op_v_sli, (z & (U)~(U)(m << sh)) | (U)(x << sh))
VSH(op_v_sri, sh >= EB ? z : (z & (U)~(U)(m >> sh)) | (U)(x >> sh))
VSH(op_v_sqshl_i, sqshl_i(c, sx, sh, EB))
VSH(op_v_uqshl_i, uqshl_i(c, x, sh, EB, 0))
VSH(op_v_sqshlu_i, uqshl_i(c, x, sh, EB, 1))

/* Shift right narrow: aux = destination size; source lanes are twice as wide. */
#define VSHRN(name, expr)                                                                                    \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16], src[16];                                                                              \
        memcpy(src, V(o->rs1), 16);                                                                          \
        memcpy(r, V(o->rd), 16);                                                                             \
        unsigned off = o->rm == 16 ? 8 : 0, sh = (unsigned)o->imm;                                           \
        BY_SIZE(o->aux, for (unsigned i = 0; i < (o->rm ? 8 / sizeof(U) : 1); i++) {                         \
            uint64_t x = a64_ldl(src + 2 * sizeof(U) * i, 2 * sizeof(U));                                    \
            int64_t sx = a64_sext(x, 2 * EB);                                                                \
            (void)sx;                                                                                        \
            a64_stl(r + off + i * sizeof(U), sizeof(U), (expr));                                             \
        })                                                                                                   \
        if (!o->rm) /* scalar form: one element, the rest zeroed */                                          \
            memset(r + (1u << o->aux), 0, 16 - (1u << o->aux));                                              \
        else if (!off)                                                                                       \
            memset(r + 8, 0, 8);                                                                             \
        memcpy(V(o->rd), r, 16);                                                                             \
        NEXT;                                                                                                \
    }
/* (source lanes are at most 64 bits and sh >= 1, so the shifted values fit an int64) */
VSHRN(op_v_shrn, x >> sh)
VSHRN(op_v_rshrn, shr_round(x, sh, 0, 1))
VSHRN(op_v_sqshrn, sat_s(c, sx >> sh, EB))
VSHRN(op_v_uqshrn, sat_uu(c, x >> sh, EB))
VSHRN(op_v_sqshrun, sat_u(c, sx >> sh, EB))
VSHRN(op_v_sqrshrn, sat_s(c, (int64_t)shr_round((uint64_t)sx, sh, 1, 1), EB))
VSHRN(op_v_uqrshrn, sat_uu(c, shr_round(x, sh, 0, 1), EB))
VSHRN(op_v_sqrshrun, sat_u(c, (int64_t)shr_round((uint64_t)sx, sh, 1, 1), EB))

/* SSHLL/USHLL(2): aux = source size, imm = shift. */
#define VSHLL(name, sgn)                                                                                     \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16], a[16];                                                                                \
        memcpy(a, V(o->rs1), 16);                                                                            \
        unsigned off = o->rm == 16 ? 8 : 0;                                                                  \
        BY_SIZE(o->aux, for (unsigned i = 0; i < 8 / sizeof(U); i++) {                                       \
            uint64_t x = LANE(a + off, i);                                                                   \
            if (sgn)                                                                                         \
                x = (uint64_t)(int64_t)(S)x;                                                                 \
            a64_stl(r + 2 * sizeof(U) * i, 2 * sizeof(U), x << o->imm);                                      \
        })                                                                                                   \
        memcpy(V(o->rd), r, 16);                                                                             \
        NEXT;                                                                                                \
    }
VSHLL(op_v_sshll, 1)
VSHLL(op_v_ushll, 0)

/* ---------------------------------------------------------------- by element: imm = lane index of Vm */
#define VELEM(name, expr)                                                                                    \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16] = {0};                                                                                 \
        const uint8_t *pa = V(o->rs1), *pd = V(o->rd);                                                       \
        BY_SIZE(o->aux, {                                                                                    \
            U y = LANE(V(o->rs2), (unsigned)o->imm);                                                         \
            for (unsigned i = 0; i < o->rm / sizeof(U); i++) {                                                          \
                U x = LANE(pa, i), z = LANE(pd, i);                                                          \
                (void)z;                                                                                     \
                SETLANE(r, i, (expr));                                                                       \
            }                                                                                                \
        })                                                                                                   \
        a64_vput(c, o->rd, r, o->rm);                                                                        \
        NEXT;                                                                                                \
    }
VELEM(op_v_mul_e, x * y)
VELEM(op_v_mla_e, z + x * y)
VELEM(op_v_mls_e, z - x * y)

#define VELEML(name, sgn, expr)                                                                              \
    OP(name)                                                                                                 \
    {                                                                                                        \
        uint8_t r[16], a[16], d[16];                                                                         \
        memcpy(a, V(o->rs1), 16);                                                                            \
        memcpy(d, V(o->rd), 16);                                                                             \
        unsigned off = o->rm == 16 ? 8 : 0;                                                                  \
        BY_SIZE(o->aux, {                                                                                    \
            uint64_t y = LANE(V(o->rs2), (unsigned)o->imm);                                                  \
            if (sgn)                                                                                         \
                y = (uint64_t)(int64_t)(S)y;                                                                 \
            for (unsigned i = 0; i < 8 / sizeof(U); i++) {                                                   \
                uint64_t x = LANE(a + off, i), z = a64_ldl(d + 2 * sizeof(U) * i, 2 * sizeof(U));            \
                if (sgn)                                                                                     \
                    x = (uint64_t)(int64_t)(S)x;                                                             \
                (void)z;                                                                                     \
                a64_stl(r + 2 * sizeof(U) * i, 2 * sizeof(U), (expr));                                       \
            }                                                                                                \
        })                                                                                                   \
        memcpy(V(o->rd), r, 16);                                                                             \
        NEXT;                                                                                                \
    }
VELEML(op_v_smull_e, 1, x * y)
VELEML(op_v_umull_e, 0, x * y)
VELEML(op_v_smlal_e, 1, z + x * y)
VELEML(op_v_umlal_e, 0, z + x * y)
VELEML(op_v_smlsl_e, 1, z - x * y)
VELEML(op_v_umlsl_e, 0, z - x * y)

/* ---------------------------------------------------------------- formats */

/* Logical three-same: size is part of the opcode; ORR Vd, Vn, Vn is MOV. */
static int d_vlog(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rm = (w >> 30) & 1 ? 16 : 8;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    if (o->fn == op_v_orr && o->rs1 == o->rs2)
        o->fn = op_v_mov;
    return 0;
}

/* Two-register misc: arg = allowed sizes (as a64_d_vec3); REV forms use arg bits 8+ as container bytes. */
static int d_vrev(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned size = a64_bits(w, 23, 22), cs = r->arg >> 8;
    if ((1u << size) >= cs)
        return -1;
    a64_d_vec3(o, w, &(struct a64_insn){0, 0, NULL, NULL, NULL, SZ_BHS, 0, NULL});
    o->imm = cs;
    return 0;
}

/* Narrow/long forms: size is the narrow element size (0-2); Q selects the "2" form (rm = 16). */
static int d_vlong(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned size = a64_bits(w, 23, 22);
    if (size == 3)
        return -1;
    a64_d_vec3(o, w, &(struct a64_insn){0, 0, NULL, NULL, NULL, SZ_BHS, 0, NULL});
    o->rm = (w >> 30) & 1 ? 16 : 8;
    return 0;
}

/* Pairwise add long: the destination size is size + 1. */
static int d_vaddlp(struct op *o, uint32_t w, const struct a64_insn *r)
{
    return d_vlong(o, w, r) < 0 ? -1 : 0;
}

/* Across lanes: 8B/16B/4H/8H/4S (4S needs Q). */
static int d_vacross(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned size = a64_bits(w, 23, 22), q = (w >> 30) & 1;
    if (size == 3 || (size == 2 && !q))
        return -1;
    return a64_d_vec3(o, w, &(struct a64_insn){0, 0, NULL, NULL, NULL, SZ_BHS, 0, NULL});
}

/* Shift by immediate: immh:immb gives the element size and the shift. arg: 0 right shift, 1 left shift,
   2 narrowing right shift, 3 long left shift; bit 4 = scalar (D only; with bit 5 any size). */
static int d_vshift(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned immh = a64_bits(w, 22, 19), immhb = a64_bits(w, 22, 16), q = (w >> 30) & 1, kind = r->arg & 3;
    if (!immh)
        return -1;
    unsigned size = 31 - (unsigned)__builtin_clz(immh), eb = 8u << size;
    if (kind >= 2 && size == 3)
        return -1;
    if (r->arg & 16) { /* scalar */
        if (size != 3 && !(r->arg & 32))
            return -1;
        o->rm = (uint8_t)(1u << size);
    } else {
        if (size == 3 && !q && kind < 2)
            return -1;
        o->rm = q ? 16 : 8;
    }
    o->aux = (uint16_t)size;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->imm = (kind == 1 || kind == 3) ? (int64_t)(immhb - eb) : (int64_t)(2 * eb - immhb);
    return 0;
}

/* Narrowing shift: immh names the destination size (B: 0001, H: 001x, S: 01xx) and shift = 2*esize - immh:immb. */
static int d_vshrn(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned immh = a64_bits(w, 22, 19), immhb = a64_bits(w, 22, 16);
    if (!immh || (immh & 8))
        return -1;
    unsigned size = 31 - (unsigned)__builtin_clz(immh), eb = 8u << size;
    o->aux = (uint16_t)size;
    o->rm = (w >> 30) & 1 ? 16 : 8;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->imm = (int64_t)(2 * eb - immhb);
    return 0;
}

/* By element (integer): size H uses Vm 0-15 and index H:L:M, size S index H:L. arg: 1 = long form. */
static int d_velem(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned size = a64_bits(w, 23, 22), h = (w >> 11) & 1, l = (w >> 21) & 1, m = (w >> 20) & 1;
    if (size == 1) {
        o->imm = h << 2 | l << 1 | m;
        o->rs2 = (uint8_t)a64_bits(w, 19, 16);
    } else if (size == 2) {
        o->imm = h << 1 | l;
        o->rs2 = (uint8_t)a64_bits(w, 20, 16);
    } else {
        return -1;
    }
    o->aux = (uint16_t)size;
    o->rm = (w >> 30) & 1 ? 16 : 8;
    o->rd = (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    return 0;
}

/* Scalar narrowing forms (rm = 0): shift by immediate, and two-register misc with size = destination size. */
static int d_vshrn_s(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_vshrn(o, w, r) < 0)
        return -1;
    o->rm = 0;
    return 0;
}
static int d_vnarrow_s(struct op *o, uint32_t w, const struct a64_insn *r)
{
    if (d_vlong(o, w, r) < 0)
        return -1;
    o->rm = 0;
    return 0;
}

int a64_d_velem(struct op *o, uint32_t w, const struct a64_insn *r)
{
    return d_velem(o, w, r);
}

#define M3 0xbf20fc00u   /* three same: Q and size free */
#define MLG 0xbfe0fc00u  /* logical: size is part of the opcode */
#define M3D 0xbf20fc00u  /* three different */
#define M2 0xbf3ffc00u   /* two-register misc / across */
#define MSH 0xbf80fc00u  /* shift by immediate */
#define MEL 0xbf00f400u  /* by element */
#define T3(u, opc) (0x0e200400u | (u) << 29 | (opc) << 11)
#define TD(u, opc) (0x0e200000u | (u) << 29 | (opc) << 12)
#define T2(u, opc) (0x0e200800u | (u) << 29 | (opc) << 12)
#define TA(u, opc) (0x0e300800u | (u) << 29 | (opc) << 12)
#define TS(u, opc) (0x0f000400u | (u) << 29 | (opc) << 11)
#define TE(u, opc) (0x0f000000u | (u) << 29 | (opc) << 12)
#define S3(u, opc) (0x5e200400u | (u) << 29 | (opc) << 11)
#define S2(u, opc) (0x5e200800u | (u) << 29 | (opc) << 12)
#define SSH(u, opc) (0x5f000400u | (u) << 29 | (opc) << 11)
#define ROW(m, t, dec, fn, arg, name) {m, t, dec, fn, NULL, arg, 0, name}
#define SCD (SZ_D | SZ_SCALAR)

const struct a64_insn a64_simd[] = {
    /* three same */
    ROW(M3, T3(0, 0x10), a64_d_vec3, op_vs_add, SZ_ALL, "add"),
    ROW(M3, T3(1, 0x10), a64_d_vec3, op_vs_sub, SZ_ALL, "sub"),
    ROW(M3, T3(0, 0x13), a64_d_vec3, op_v_mul, SZ_BHS, "mul"),
    ROW(M3, T3(0, 0x12), a64_d_vec3, op_v_mla, SZ_BHS, "mla"),
    ROW(M3, T3(1, 0x12), a64_d_vec3, op_v_mls, SZ_BHS, "mls"),
    ROW(M3, T3(1, 0x11), a64_d_vec3, op_vs_cmeq, SZ_ALL, "cmeq"),
    ROW(M3, T3(0, 0x11), a64_d_vec3, op_vs_cmtst, SZ_ALL, "cmtst"),
    ROW(M3, T3(0, 0x06), a64_d_vec3, op_v_cmgt, SZ_ALL, "cmgt"),
    ROW(M3, T3(0, 0x07), a64_d_vec3, op_v_cmge, SZ_ALL, "cmge"),
    ROW(M3, T3(1, 0x06), a64_d_vec3, op_v_cmhi, SZ_ALL, "cmhi"),
    ROW(M3, T3(1, 0x07), a64_d_vec3, op_v_cmhs, SZ_ALL, "cmhs"),
    ROW(M3, T3(0, 0x0c), a64_d_vec3, op_v_smax, SZ_BHS, "smax"),
    ROW(M3, T3(0, 0x0d), a64_d_vec3, op_v_smin, SZ_BHS, "smin"),
    ROW(M3, T3(1, 0x0c), a64_d_vec3, op_v_umax, SZ_BHS, "umax"),
    ROW(M3, T3(1, 0x0d), a64_d_vec3, op_v_umin, SZ_BHS, "umin"),
    ROW(M3, T3(0, 0x0e), a64_d_vec3, op_v_sabd, SZ_BHS, "sabd"),
    ROW(M3, T3(1, 0x0e), a64_d_vec3, op_v_uabd, SZ_BHS, "uabd"),
    ROW(M3, T3(0, 0x0f), a64_d_vec3, op_v_saba, SZ_BHS, "saba"),
    ROW(M3, T3(1, 0x0f), a64_d_vec3, op_v_uaba, SZ_BHS, "uaba"),
    ROW(M3, T3(0, 0x00), a64_d_vec3, op_v_shadd, SZ_BHS, "shadd"),
    ROW(M3, T3(1, 0x00), a64_d_vec3, op_v_uhadd, SZ_BHS, "uhadd"),
    ROW(M3, T3(0, 0x02), a64_d_vec3, op_v_srhadd, SZ_BHS, "srhadd"),
    ROW(M3, T3(1, 0x02), a64_d_vec3, op_v_urhadd, SZ_BHS, "urhadd"),
    ROW(M3, T3(0, 0x04), a64_d_vec3, op_v_shsub, SZ_BHS, "shsub"),
    ROW(M3, T3(1, 0x04), a64_d_vec3, op_v_uhsub, SZ_BHS, "uhsub"),
    ROW(M3, T3(0, 0x08), a64_d_vec3, op_v_sshl, SZ_ALL, "sshl"),
    ROW(M3, T3(1, 0x08), a64_d_vec3, op_v_ushl, SZ_ALL, "ushl"),
    ROW(M3, T3(0, 0x0a), a64_d_vec3, op_v_srshl, SZ_ALL, "srshl"),
    ROW(M3, T3(1, 0x0a), a64_d_vec3, op_v_urshl, SZ_ALL, "urshl"),
    ROW(M3, T3(0, 0x01), a64_d_vec3, op_v_sqadd, SZ_ALL, "sqadd"),
    ROW(M3, T3(1, 0x01), a64_d_vec3, op_v_uqadd, SZ_ALL, "uqadd"),
    ROW(M3, T3(0, 0x05), a64_d_vec3, op_v_sqsub, SZ_ALL, "sqsub"),
    ROW(M3, T3(1, 0x05), a64_d_vec3, op_v_uqsub, SZ_ALL, "uqsub"),
    ROW(M3, T3(0, 0x17), a64_d_vec3, op_v_addp, SZ_ALL, "addp"),
    ROW(M3, T3(0, 0x14), a64_d_vec3, op_v_smaxp, SZ_BHS, "smaxp"),
    ROW(M3, T3(0, 0x15), a64_d_vec3, op_v_sminp, SZ_BHS, "sminp"),
    ROW(M3, T3(1, 0x14), a64_d_vec3, op_v_umaxp, SZ_BHS, "umaxp"),
    ROW(M3, T3(1, 0x15), a64_d_vec3, op_v_uminp, SZ_BHS, "uminp"),
    ROW(MLG, T3(0, 0x03), d_vlog, op_v_and, 0, "and"),
    ROW(MLG, T3(0, 0x03) | 1u << 22, d_vlog, op_v_bic, 0, "bic"),
    ROW(MLG, T3(0, 0x03) | 2u << 22, d_vlog, op_v_orr, 0, "orr"),
    ROW(MLG, T3(0, 0x03) | 3u << 22, d_vlog, op_v_orn, 0, "orn"),
    ROW(MLG, T3(1, 0x03), d_vlog, op_v_eor, 0, "eor"),
    ROW(MLG, T3(1, 0x03) | 1u << 22, d_vlog, op_v_bsl, 0, "bsl"),
    ROW(MLG, T3(1, 0x03) | 2u << 22, d_vlog, op_v_bit, 0, "bit"),
    ROW(MLG, T3(1, 0x03) | 3u << 22, d_vlog, op_v_bif, 0, "bif"),
    /* three different */
    ROW(M3D, TD(0, 0x0), d_vlong, op_v_saddl, 0, "saddl"),
    ROW(M3D, TD(1, 0x0), d_vlong, op_v_uaddl, 0, "uaddl"),
    ROW(M3D, TD(0, 0x1), d_vlong, op_v_saddw, 0, "saddw"),
    ROW(M3D, TD(1, 0x1), d_vlong, op_v_uaddw, 0, "uaddw"),
    ROW(M3D, TD(0, 0x2), d_vlong, op_v_ssubl, 0, "ssubl"),
    ROW(M3D, TD(1, 0x2), d_vlong, op_v_usubl, 0, "usubl"),
    ROW(M3D, TD(0, 0x3), d_vlong, op_v_ssubw, 0, "ssubw"),
    ROW(M3D, TD(1, 0x3), d_vlong, op_v_usubw, 0, "usubw"),
    ROW(M3D, TD(0, 0x4), d_vlong, op_v_addhn, 0, "addhn"),
    ROW(M3D, TD(1, 0x4), d_vlong, op_v_raddhn, 0, "raddhn"),
    ROW(M3D, TD(0, 0x6), d_vlong, op_v_subhn, 0, "subhn"),
    ROW(M3D, TD(1, 0x6), d_vlong, op_v_rsubhn, 0, "rsubhn"),
    ROW(M3D, TD(0, 0x5), d_vlong, op_v_sabal, 0, "sabal"),
    ROW(M3D, TD(1, 0x5), d_vlong, op_v_uabal, 0, "uabal"),
    ROW(M3D, TD(0, 0x7), d_vlong, op_v_sabdl, 0, "sabdl"),
    ROW(M3D, TD(1, 0x7), d_vlong, op_v_uabdl, 0, "uabdl"),
    ROW(M3D, TD(0, 0x8), d_vlong, op_v_smlal, 0, "smlal"),
    ROW(M3D, TD(1, 0x8), d_vlong, op_v_umlal, 0, "umlal"),
    ROW(M3D, TD(0, 0xa), d_vlong, op_v_smlsl, 0, "smlsl"),
    ROW(M3D, TD(1, 0xa), d_vlong, op_v_umlsl, 0, "umlsl"),
    ROW(M3D, TD(0, 0xc), d_vlong, op_v_smull, 0, "smull"),
    ROW(M3D, TD(1, 0xc), d_vlong, op_v_umull, 0, "umull"),
    /* two-register misc */
    ROW(M2, T2(0, 0x00), d_vrev, op_v_rev, 8 << 8, "rev64"),
    ROW(M2, T2(1, 0x00), d_vrev, op_v_rev, 4 << 8, "rev32"),
    ROW(M2, T2(0, 0x01), d_vrev, op_v_rev, 2 << 8, "rev16"),
    ROW(M2, T2(0, 0x02), d_vaddlp, op_v_saddlp, 0, "saddlp"),
    ROW(M2, T2(1, 0x02), d_vaddlp, op_v_uaddlp, 0, "uaddlp"),
    ROW(M2, T2(0, 0x06), d_vaddlp, op_v_sadalp, 0, "sadalp"),
    ROW(M2, T2(1, 0x06), d_vaddlp, op_v_uadalp, 0, "uadalp"),
    ROW(M2, T2(0, 0x04), a64_d_vec2, op_v_cls, SZ_BHS, "cls"),
    ROW(M2, T2(1, 0x04), a64_d_vec2, op_v_clz, SZ_BHS, "clz"),
    ROW(M2 | 3u << 22, T2(0, 0x05), a64_d_vec2, op_v_cnt, SZ_B, "cnt"),
    ROW(M2 | 3u << 22, T2(1, 0x05), a64_d_vec2, op_v_not, SZ_B, "not"),
    ROW(M2 | 3u << 22, T2(1, 0x05) | 1u << 22, a64_d_vec2, op_v_rbit, SZ_H, "rbit"),
    ROW(M2, T2(0, 0x07), a64_d_vec2, op_v_sqabs, SZ_ALL, "sqabs"),
    ROW(M2, T2(1, 0x07), a64_d_vec2, op_v_sqneg, SZ_ALL, "sqneg"),
    ROW(M2, T2(0, 0x08), a64_d_vec2, op_v_cmgt0, SZ_ALL, "cmgt"),
    ROW(M2, T2(1, 0x08), a64_d_vec2, op_v_cmge0, SZ_ALL, "cmge"),
    ROW(M2, T2(0, 0x09), a64_d_vec2, op_vs_cmeq0, SZ_ALL, "cmeq"),
    ROW(M2, T2(1, 0x09), a64_d_vec2, op_v_cmle0, SZ_ALL, "cmle"),
    ROW(M2, T2(0, 0x0a), a64_d_vec2, op_v_cmlt0, SZ_ALL, "cmlt"),
    ROW(M2, T2(0, 0x0b), a64_d_vec2, op_v_abs, SZ_ALL, "abs"),
    ROW(M2, T2(1, 0x0b), a64_d_vec2, op_v_neg, SZ_ALL, "neg"),
    ROW(M2, T2(0, 0x12), d_vlong, op_v_xtn, 0, "xtn"),
    ROW(M2, T2(0, 0x14), d_vlong, op_v_sqxtn, 0, "sqxtn"),
    ROW(M2, T2(1, 0x14), d_vlong, op_v_uqxtn, 0, "uqxtn"),
    ROW(M2, T2(1, 0x12), d_vlong, op_v_sqxtun, 0, "sqxtun"),
    ROW(M2, T2(1, 0x13), d_vlong, op_v_shll, 0, "shll"),
    /* across lanes */
    ROW(M2, TA(0, 0x1b), d_vacross, op_v_addv, 0, "addv"),
    ROW(M2, TA(1, 0x0a), d_vacross, op_v_umaxv, 0, "umaxv"),
    ROW(M2, TA(1, 0x1a), d_vacross, op_v_uminv, 0, "uminv"),
    ROW(M2, TA(0, 0x0a), d_vacross, op_v_smaxv, 0, "smaxv"),
    ROW(M2, TA(0, 0x1a), d_vacross, op_v_sminv, 0, "sminv"),
    ROW(M2, TA(1, 0x03), d_vacross, op_v_uaddlv, 0, "uaddlv"),
    ROW(M2, TA(0, 0x03), d_vacross, op_v_saddlv, 0, "saddlv"),
    /* shifts by immediate (modified-immediate rows, immh == 0, are matched earlier) */
    ROW(MSH, TS(1, 0x00), d_vshift, op_vs_ushr, 0, "ushr"),
    ROW(MSH, TS(0, 0x00), d_vshift, op_v_sshr, 0, "sshr"),
    ROW(MSH, TS(1, 0x02), d_vshift, op_v_usra, 0, "usra"),
    ROW(MSH, TS(0, 0x02), d_vshift, op_v_ssra, 0, "ssra"),
    ROW(MSH, TS(1, 0x04), d_vshift, op_v_urshr, 0, "urshr"),
    ROW(MSH, TS(0, 0x04), d_vshift, op_v_srshr, 0, "srshr"),
    ROW(MSH, TS(1, 0x06), d_vshift, op_v_ursra, 0, "ursra"),
    ROW(MSH, TS(0, 0x06), d_vshift, op_v_srsra, 0, "srsra"),
    ROW(MSH, TS(0, 0x0a), d_vshift, op_vs_shl, 1, "shl"),
    ROW(MSH, TS(1, 0x0a), d_vshift, op_v_sli, 1, "sli"),
    ROW(MSH, TS(1, 0x08), d_vshift, op_v_sri, 0, "sri"),
    ROW(MSH, TS(0, 0x0e), d_vshift, op_v_sqshl_i, 1, "sqshl"),
    ROW(MSH, TS(1, 0x0e), d_vshift, op_v_uqshl_i, 1, "uqshl"),
    ROW(MSH, TS(1, 0x0c), d_vshift, op_v_sqshlu_i, 1, "sqshlu"),
    ROW(MSH, TS(0, 0x10), d_vshrn, op_v_shrn, 0, "shrn"),
    ROW(MSH, TS(0, 0x11), d_vshrn, op_v_rshrn, 0, "rshrn"),
    ROW(MSH, TS(0, 0x12), d_vshrn, op_v_sqshrn, 0, "sqshrn"),
    ROW(MSH, TS(1, 0x12), d_vshrn, op_v_uqshrn, 0, "uqshrn"),
    ROW(MSH, TS(1, 0x10), d_vshrn, op_v_sqshrun, 0, "sqshrun"),
    ROW(MSH, TS(0, 0x13), d_vshrn, op_v_sqrshrn, 0, "sqrshrn"),
    ROW(MSH, TS(1, 0x13), d_vshrn, op_v_uqrshrn, 0, "uqrshrn"),
    ROW(MSH, TS(1, 0x11), d_vshrn, op_v_sqrshrun, 0, "sqrshrun"),
    ROW(MSH, TS(0, 0x14), d_vshift, op_v_sshll, 3, "sshll"),
    ROW(MSH, TS(1, 0x14), d_vshift, op_v_ushll, 3, "ushll"),
    /* by element */
    ROW(MEL, TE(0, 0x8), d_velem, op_v_mul_e, 0, "mul"),
    ROW(MEL, TE(1, 0x0), d_velem, op_v_mla_e, 0, "mla"),
    ROW(MEL, TE(1, 0x4), d_velem, op_v_mls_e, 0, "mls"),
    ROW(MEL, TE(0, 0xa), d_velem, op_v_smull_e, 0, "smull"),
    ROW(MEL, TE(1, 0xa), d_velem, op_v_umull_e, 0, "umull"),
    ROW(MEL, TE(0, 0x2), d_velem, op_v_smlal_e, 0, "smlal"),
    ROW(MEL, TE(1, 0x2), d_velem, op_v_umlal_e, 0, "umlal"),
    ROW(MEL, TE(0, 0x6), d_velem, op_v_smlsl_e, 0, "smlsl"),
    ROW(MEL, TE(1, 0x6), d_velem, op_v_umlsl_e, 0, "umlsl"),
    /* scalar (64-bit) forms of the integer ops */
    ROW(0xff20fc00, S3(0, 0x10), a64_d_vec3, op_v_add, SCD, "add"),
    ROW(0xff20fc00, S3(1, 0x10), a64_d_vec3, op_v_sub, SCD, "sub"),
    ROW(0xff20fc00, S3(1, 0x11), a64_d_vec3, op_v_cmeq, SCD, "cmeq"),
    ROW(0xff20fc00, S3(0, 0x11), a64_d_vec3, op_v_cmtst, SCD, "cmtst"),
    ROW(0xff20fc00, S3(0, 0x06), a64_d_vec3, op_v_cmgt, SCD, "cmgt"),
    ROW(0xff20fc00, S3(0, 0x07), a64_d_vec3, op_v_cmge, SCD, "cmge"),
    ROW(0xff20fc00, S3(1, 0x06), a64_d_vec3, op_v_cmhi, SCD, "cmhi"),
    ROW(0xff20fc00, S3(1, 0x07), a64_d_vec3, op_v_cmhs, SCD, "cmhs"),
    ROW(0xff20fc00, S3(0, 0x08), a64_d_vec3, op_v_sshl, SCD, "sshl"),
    ROW(0xff20fc00, S3(1, 0x08), a64_d_vec3, op_v_ushl, SCD, "ushl"),
    ROW(0xff20fc00, S3(0, 0x01), a64_d_vec3, op_v_sqadd, SZ_B | SZ_H | SZ_S | SZ_D | SZ_SCALAR, "sqadd"),
    ROW(0xff20fc00, S3(1, 0x01), a64_d_vec3, op_v_uqadd, SZ_B | SZ_H | SZ_S | SZ_D | SZ_SCALAR, "uqadd"),
    ROW(0xff20fc00, S3(0, 0x05), a64_d_vec3, op_v_sqsub, SZ_B | SZ_H | SZ_S | SZ_D | SZ_SCALAR, "sqsub"),
    ROW(0xff20fc00, S3(1, 0x05), a64_d_vec3, op_v_uqsub, SZ_B | SZ_H | SZ_S | SZ_D | SZ_SCALAR, "uqsub"),
    ROW(0xff3ffc00, S2(0, 0x08), a64_d_vec2, op_v_cmgt0, SCD, "cmgt"),
    ROW(0xff3ffc00, S2(1, 0x08), a64_d_vec2, op_v_cmge0, SCD, "cmge"),
    ROW(0xff3ffc00, S2(0, 0x09), a64_d_vec2, op_v_cmeq0, SCD, "cmeq"),
    ROW(0xff3ffc00, S2(1, 0x09), a64_d_vec2, op_v_cmle0, SCD, "cmle"),
    ROW(0xff3ffc00, S2(0, 0x0a), a64_d_vec2, op_v_cmlt0, SCD, "cmlt"),
    ROW(0xff3ffc00, S2(0, 0x0b), a64_d_vec2, op_v_abs, SCD, "abs"),
    ROW(0xff3ffc00, S2(1, 0x0b), a64_d_vec2, op_v_neg, SCD, "neg"),
    ROW(0xff80fc00, SSH(1, 0x00), d_vshift, op_v_ushr, 16, "ushr"),
    ROW(0xff80fc00, SSH(0, 0x00), d_vshift, op_v_sshr, 16, "sshr"),
    ROW(0xff80fc00, SSH(1, 0x02), d_vshift, op_v_usra, 16, "usra"),
    ROW(0xff80fc00, SSH(0, 0x02), d_vshift, op_v_ssra, 16, "ssra"),
    ROW(0xff80fc00, SSH(1, 0x04), d_vshift, op_v_urshr, 16, "urshr"),
    ROW(0xff80fc00, SSH(0, 0x04), d_vshift, op_v_srshr, 16, "srshr"),
    ROW(0xff80fc00, SSH(0, 0x0a), d_vshift, op_v_shl, 17, "shl"),
    ROW(0xff80fc00, SSH(1, 0x0a), d_vshift, op_v_sli, 17, "sli"),
    ROW(0xff80fc00, SSH(1, 0x08), d_vshift, op_v_sri, 16, "sri"),
    ROW(0xff80fc00, SSH(1, 0x06), d_vshift, op_v_ursra, 16, "ursra"),
    ROW(0xff80fc00, SSH(0, 0x06), d_vshift, op_v_srsra, 16, "srsra"),
    ROW(0xff80fc00, SSH(0, 0x0e), d_vshift, op_v_sqshl_i, 16 | 32 | 1, "sqshl"),
    ROW(0xff80fc00, SSH(1, 0x0e), d_vshift, op_v_uqshl_i, 16 | 32 | 1, "uqshl"),
    ROW(0xff80fc00, SSH(1, 0x0c), d_vshift, op_v_sqshlu_i, 16 | 32 | 1, "sqshlu"),
    ROW(0xff80fc00, SSH(0, 0x12), d_vshrn_s, op_v_sqshrn, 0, "sqshrn"),
    ROW(0xff80fc00, SSH(1, 0x12), d_vshrn_s, op_v_uqshrn, 0, "uqshrn"),
    ROW(0xff80fc00, SSH(1, 0x10), d_vshrn_s, op_v_sqshrun, 0, "sqshrun"),
    ROW(0xff80fc00, SSH(0, 0x13), d_vshrn_s, op_v_sqrshrn, 0, "sqrshrn"),
    ROW(0xff80fc00, SSH(1, 0x13), d_vshrn_s, op_v_uqrshrn, 0, "uqrshrn"),
    ROW(0xff80fc00, SSH(1, 0x11), d_vshrn_s, op_v_sqrshrun, 0, "sqrshrun"),
    ROW(0xff3ffc00, S2(0, 0x14), d_vnarrow_s, op_v_sqxtn, 0, "sqxtn"),
    ROW(0xff3ffc00, S2(1, 0x14), d_vnarrow_s, op_v_uqxtn, 0, "uqxtn"),
    ROW(0xff3ffc00, S2(1, 0x12), d_vnarrow_s, op_v_sqxtun, 0, "sqxtun"),
    ROW(0xff20fc00, S3(0, 0x0a), a64_d_vec3, op_v_srshl, SCD, "srshl"),
    ROW(0xff20fc00, S3(1, 0x0a), a64_d_vec3, op_v_urshl, SCD, "urshl"),
    ROW(0xff3ffc00, S2(0, 0x07), a64_d_vec2, op_v_sqabs, SZ_B | SZ_H | SZ_S | SZ_D | SZ_SCALAR, "sqabs"),
    ROW(0xff3ffc00, S2(1, 0x07), a64_d_vec2, op_v_sqneg, SZ_B | SZ_H | SZ_S | SZ_D | SZ_SCALAR, "sqneg"),
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
