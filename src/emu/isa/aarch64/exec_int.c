/* aarch64 integer data processing: immediate and register groups (add/sub, logical, moves, bitfields, flags, multiply/divide) with their tables. */
#include "a64.h"

#define X(r) XR(c, r)
#define NEXT OP_NEXT(c, o)
#define OP(name) static const struct op *name(struct emu_cpu *c, const struct op *o)
#define W32(v) ((uint64_t)(uint32_t)(v))

/* ---- flag helpers ---- */
static inline uint64_t nz64(uint64_t r) { return (r >> 63) << 3 | (uint64_t)(r == 0) << 2; }
static inline uint64_t nz32(uint32_t r) { return (uint64_t)(r >> 31) << 3 | (uint64_t)(r == 0) << 2; }

/* a + b + cin with NZCV (subtraction is a + ~b + 1): computed at once, ADCS/SBCS are rare. */
static inline uint64_t adc64(struct emu_cpu *c, uint64_t a, uint64_t b, uint64_t cin)
{
    uint64_t r = a + b + cin;
    uint64_t carry = cin ? r <= a : r < a;
    a64_set_nzcv(c, (unsigned)(nz64(r) | carry << 1 | ((~(a ^ b) & (a ^ r)) >> 63)));
    return r;
}
static inline uint32_t adc32(struct emu_cpu *c, uint32_t a, uint32_t b, uint32_t cin)
{
    uint32_t r = a + b + cin;
    uint64_t carry = cin ? r <= a : r < a;
    a64_set_nzcv(c, (unsigned)(nz32(r) | carry << 1 | ((~(a ^ b) & (a ^ r)) >> 31)));
    return r;
}
static inline uint64_t adds64(struct emu_cpu *c, uint64_t a, uint64_t b)
{
    uint64_t r = a + b;
    a64_set_nzcv(c, (unsigned)(nz64(r) | (uint64_t)(r < a) << 1 | ((~(a ^ b) & (a ^ r)) >> 63)));
    return r;
}
static inline uint32_t adds32(struct emu_cpu *c, uint32_t a, uint32_t b)
{
    uint32_t r = a + b;
    a64_set_nzcv(c, (unsigned)(nz32(r) | (uint64_t)(r < a) << 1 | ((~(a ^ b) & (a ^ r)) >> 31)));
    return r;
}
static inline uint64_t subs64(struct emu_cpu *c, uint64_t a, uint64_t b)
{
    uint64_t r = a - b;
    a64_set_nzcv(c, (unsigned)(nz64(r) | (uint64_t)(a >= b) << 1 | (((a ^ b) & (a ^ r)) >> 63)));
    return r;
}
static inline uint32_t subs32(struct emu_cpu *c, uint32_t a, uint32_t b)
{
    uint32_t r = a - b;
    a64_set_nzcv(c, (unsigned)(nz32(r) | (uint64_t)(a >= b) << 1 | (((a ^ b) & (a ^ r)) >> 31)));
    return r;
}

/* ---- operand shaping ---- */
static inline uint64_t sh64(uint64_t v, unsigned type, unsigned n)
{
    switch (type) {
    case 0: return v << n;
    case 1: return v >> n;
    case 2: return (uint64_t)((int64_t)v >> n);
    default: return n ? (v >> n) | (v << (64 - n)) : v;
    }
}
static inline uint32_t sh32(uint32_t v, unsigned type, unsigned n)
{
    switch (type) {
    case 0: return v << n;
    case 1: return v >> n;
    case 2: return (uint32_t)((int32_t)v >> n);
    default: return n ? (v >> n) | (v << (32 - n)) : v;
    }
}
/* ExtendReg: option 0-7 = UXTB UXTH UXTW UXTX SXTB SXTH SXTW SXTX, then shift left by n (0-4). */
static inline uint64_t ext64(uint64_t v, unsigned option, unsigned n)
{
    switch (option) {
    case 0: v = (uint8_t)v; break;
    case 1: v = (uint16_t)v; break;
    case 2: v = (uint32_t)v; break;
    case 4: v = (uint64_t)(int64_t)(int8_t)v; break;
    case 5: v = (uint64_t)(int64_t)(int16_t)v; break;
    case 6: v = (uint64_t)(int64_t)(int32_t)v; break;
    default: break;
    }
    return v << n;
}

/* ================================================================ data processing - immediate */

OP(op_movi) { X(o->rd) = (uint64_t)o->imm; NEXT; }
OP(op_mov64) { X(o->rd) = X(o->rs2); NEXT; }
OP(op_mov32) { X(o->rd) = W32(X(o->rs2)); NEXT; }

OP(op_add_i64) { X(o->rd) = X(o->rs1) + (uint64_t)o->imm; NEXT; }
OP(op_add_i32) { X(o->rd) = W32(X(o->rs1) + (uint64_t)o->imm); NEXT; }
OP(op_adds_i64) { X(o->rd) = adds64(c, X(o->rs1), (uint64_t)o->imm); NEXT; }
OP(op_subs_i64) { X(o->rd) = subs64(c, X(o->rs1), (uint64_t)o->imm); NEXT; }
OP(op_adds_i32) { X(o->rd) = adds32(c, (uint32_t)X(o->rs1), (uint32_t)o->imm); NEXT; }
OP(op_subs_i32) { X(o->rd) = subs32(c, (uint32_t)X(o->rs1), (uint32_t)o->imm); NEXT; }

OP(op_and_i) { X(o->rd) = X(o->rs1) & (uint64_t)o->imm; NEXT; } /* 32-bit masks have a zero top half */
OP(op_orr_i64) { X(o->rd) = X(o->rs1) | (uint64_t)o->imm; NEXT; }
OP(op_eor_i64) { X(o->rd) = X(o->rs1) ^ (uint64_t)o->imm; NEXT; }
OP(op_orr_i32) { X(o->rd) = W32(X(o->rs1) | (uint64_t)o->imm); NEXT; }
OP(op_eor_i32) { X(o->rd) = W32(X(o->rs1) ^ (uint64_t)o->imm); NEXT; }
OP(op_ands_i64) { uint64_t r = X(o->rs1) & (uint64_t)o->imm; a64_set_nzcv(c, (unsigned)nz64(r)); X(o->rd) = r; NEXT; }
OP(op_ands_i32) { uint32_t r = (uint32_t)(X(o->rs1) & (uint64_t)o->imm); a64_set_nzcv(c, (unsigned)nz32(r)); X(o->rd) = r; NEXT; }

/* MOVK: rm = bit position, rs3 = Rd as a source. */
OP(op_movk64) { X(o->rd) = (X(o->rs3) & ~(0xffffull << o->rm)) | (uint64_t)o->imm; NEXT; }
OP(op_movk32) { X(o->rd) = W32((X(o->rs3) & ~(0xffffull << o->rm)) | (uint64_t)o->imm); NEXT; }

/* Bitfield moves as two shifts: (src << rm) >> aux puts the field in place with zeros (UBFM) or sign
   copies (SBFM) around it; BFM merges it into Rd (rs3) under the mask in imm. */
OP(op_ubfm64) { X(o->rd) = (X(o->rs1) << o->rm) >> o->aux; NEXT; }
OP(op_ubfm32) { X(o->rd) = ((uint32_t)X(o->rs1) << o->rm) >> o->aux; NEXT; }
OP(op_sbfm64) { X(o->rd) = (uint64_t)((int64_t)(X(o->rs1) << o->rm) >> o->aux); NEXT; }
OP(op_sbfm32) { X(o->rd) = (uint32_t)((int32_t)((uint32_t)X(o->rs1) << o->rm) >> o->aux); NEXT; }
OP(op_bfm64)
{
    uint64_t m = (uint64_t)o->imm, f = (X(o->rs1) << o->rm) >> o->aux;
    X(o->rd) = (X(o->rs3) & ~m) | (f & m);
    NEXT;
}
OP(op_bfm32)
{
    uint32_t m = (uint32_t)o->imm, f = ((uint32_t)X(o->rs1) << o->rm) >> o->aux;
    X(o->rd) = ((uint32_t)X(o->rs3) & ~m) | (f & m);
    NEXT;
}
OP(op_extr64)
{
    uint64_t lo = X(o->rs2), hi = X(o->rs1);
    X(o->rd) = o->rm ? (lo >> o->rm) | (hi << (64 - o->rm)) : lo;
    NEXT;
}
OP(op_extr32)
{
    uint32_t lo = (uint32_t)X(o->rs2), hi = (uint32_t)X(o->rs1);
    X(o->rd) = o->rm ? (uint32_t)((lo >> o->rm) | (hi << (32 - o->rm))) : lo;
    NEXT;
}

/* ---- formats ---- */
static int d_adr(struct op *o, uint32_t w, const struct a64_insn *r)
{
    int64_t imm = a64_sext(a64_bits(w, 23, 5) << 2 | a64_bits(w, 30, 29), 21);
    o->rd = a64_rzd(w & 31);
    o->imm = r->arg ? (int64_t)(o->pc & ~0xfffull) + imm * 4096 : (int64_t)o->pc + imm;
    return 0;
}

/* arg: 1 = subtract (non-flag forms add the negated immediate), 2 = sets flags. */
static int d_addsub_imm(struct op *o, uint32_t w, const struct a64_insn *r)
{
    uint64_t imm = (uint64_t)a64_bits(w, 21, 10) << (w & (1u << 22) ? 12 : 0);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rd = r->arg & 2 ? a64_rzd(w & 31) : (uint8_t)(w & 31);
    o->imm = (r->arg & 3) == 1 ? -(int64_t)imm : (int64_t)imm;
    return 0;
}

/* arg: 1 = 32-bit, 2 = ANDS (Rd is XZR-or-register). */
static int d_log_imm(struct op *o, uint32_t w, const struct a64_insn *r)
{
    uint64_t m;
    unsigned n = a64_bits(w, 22, 22), size = r->arg & 1 ? 32 : 64;
    if ((size == 32 && n) || a64_bitmask(n, a64_bits(w, 15, 10), a64_bits(w, 21, 16), size, &m) < 0)
        return -1;
    o->rs1 = a64_rzs(a64_bits(w, 9, 5));
    o->rd = r->arg & 2 ? a64_rzd(w & 31) : (uint8_t)(w & 31);
    o->imm = (int64_t)m;
    if (o->rs1 == A64_ZR && (o->fn == op_orr_i64 || o->fn == op_orr_i32))
        o->fn = op_movi; /* mov Xd|SP, #imm */
    return 0;
}

/* arg: 0 MOVN, 1 MOVZ, 2 MOVK; +4 for 32-bit. */
static int d_movw(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned hw = a64_bits(w, 22, 21), is32 = r->arg & 4;
    if (is32 && hw >= 2)
        return -1;
    uint64_t v = (uint64_t)a64_bits(w, 20, 5) << (16 * hw);
    o->rd = a64_rzd(w & 31);
    o->rs3 = a64_rzs(w & 31);
    o->rm = (uint8_t)(16 * hw);
    switch (r->arg & 3) {
    case 0: v = ~v; if (is32) v = (uint32_t)v; /* fall through */
    case 1: o->fn = op_movi; break;
    default: break;
    }
    o->imm = (int64_t)v;
    return 0;
}

/* arg: 32 or 64 (datasize). */
static int d_bitfield(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned n = r->arg, immr = a64_bits(w, 21, 16), imms = a64_bits(w, 15, 10);
    if (immr >= n || imms >= n)
        return -1;
    unsigned L = n - 1 - imms, R = imms >= immr ? L + immr : immr - imms - 1;
    o->rd = a64_rzd(w & 31);
    o->rs3 = a64_rzs(w & 31);
    o->rs1 = a64_rzs(a64_bits(w, 9, 5));
    o->rm = (uint8_t)L;
    o->aux = (uint16_t)R;
    o->imm = n == 64 ? (int64_t)((~0ull << L) >> R) : (int64_t)(uint32_t)((~0u << L) >> R);
    return 0;
}

static int d_extr(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rd = a64_rzd(w & 31);
    o->rs1 = a64_rzs(a64_bits(w, 9, 5));
    o->rs2 = a64_rzs(a64_bits(w, 20, 16));
    o->rm = (uint8_t)a64_bits(w, 15, 10);
    return 0;
}

const struct a64_insn a64_dp_imm[] = {
    {0x9f000000, 0x10000000, d_adr, op_movi, NULL, 0, 0, "adr"},
    {0x9f000000, 0x90000000, d_adr, op_movi, NULL, 1, 0, "adrp"},
    {0xff800000, 0x91000000, d_addsub_imm, op_add_i64, NULL, 0, 0, "add"},
    {0xff800000, 0xd1000000, d_addsub_imm, op_add_i64, NULL, 1, 0, "sub"},
    {0xff800000, 0xb1000000, d_addsub_imm, op_adds_i64, NULL, 2, 0, "adds"},
    {0xff800000, 0xf1000000, d_addsub_imm, op_subs_i64, NULL, 3, 0, "subs"},
    {0xff800000, 0x11000000, d_addsub_imm, op_add_i32, NULL, 0, 0, "add"},
    {0xff800000, 0x51000000, d_addsub_imm, op_add_i32, NULL, 1, 0, "sub"},
    {0xff800000, 0x31000000, d_addsub_imm, op_adds_i32, NULL, 2, 0, "adds"},
    {0xff800000, 0x71000000, d_addsub_imm, op_subs_i32, NULL, 3, 0, "subs"},
    {0xff800000, 0x92000000, d_log_imm, op_and_i, NULL, 0, 0, "and"},
    {0xff800000, 0xb2000000, d_log_imm, op_orr_i64, NULL, 0, 0, "orr"},
    {0xff800000, 0xd2000000, d_log_imm, op_eor_i64, NULL, 0, 0, "eor"},
    {0xff800000, 0xf2000000, d_log_imm, op_ands_i64, NULL, 2, 0, "ands"},
    {0xff800000, 0x12000000, d_log_imm, op_and_i, NULL, 1, 0, "and"},
    {0xff800000, 0x32000000, d_log_imm, op_orr_i32, NULL, 1, 0, "orr"},
    {0xff800000, 0x52000000, d_log_imm, op_eor_i32, NULL, 1, 0, "eor"},
    {0xff800000, 0x72000000, d_log_imm, op_ands_i32, NULL, 3, 0, "ands"},
    {0xff800000, 0x92800000, d_movw, op_movi, NULL, 0, 0, "movn"},
    {0xff800000, 0xd2800000, d_movw, op_movi, NULL, 1, 0, "movz"},
    {0xff800000, 0xf2800000, d_movw, op_movk64, NULL, 2, 0, "movk"},
    {0xff800000, 0x12800000, d_movw, op_movi, NULL, 4, 0, "movn"},
    {0xff800000, 0x52800000, d_movw, op_movi, NULL, 5, 0, "movz"},
    {0xff800000, 0x72800000, d_movw, op_movk32, NULL, 6, 0, "movk"},
    {0xffc00000, 0x93400000, d_bitfield, op_sbfm64, NULL, 64, 0, "sbfm"},
    {0xffc00000, 0xb3400000, d_bitfield, op_bfm64, NULL, 64, 0, "bfm"},
    {0xffc00000, 0xd3400000, d_bitfield, op_ubfm64, NULL, 64, 0, "ubfm"},
    {0xffc00000, 0x13000000, d_bitfield, op_sbfm32, NULL, 32, 0, "sbfm"},
    {0xffc00000, 0x33000000, d_bitfield, op_bfm32, NULL, 32, 0, "bfm"},
    {0xffc00000, 0x53000000, d_bitfield, op_ubfm32, NULL, 32, 0, "ubfm"},
    {0xffe00000, 0x93c00000, d_extr, op_extr64, NULL, 0, 0, "extr"},
    {0xffe08000, 0x13800000, d_extr, op_extr32, NULL, 0, 0, "extr"},
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};

/* ================================================================ data processing - register */

/* Logical (shifted register): variants [64 unshifted, 64 shifted, 32 unshifted, 32 shifted]. */
#define LOGIC(name, expr, setflags)                                                                          \
    OP(name##_x) { uint64_t a = X(o->rs1), b = X(o->rs2), r = (expr); if (setflags) a64_set_nzcv(c, (unsigned)nz64(r)); X(o->rd) = r; NEXT; } \
    OP(name##_xs) { uint64_t a = X(o->rs1), b = sh64(X(o->rs2), o->aux, o->rm), r = (expr); if (setflags) a64_set_nzcv(c, (unsigned)nz64(r)); X(o->rd) = r; NEXT; } \
    OP(name##_w) { uint32_t a = (uint32_t)X(o->rs1), b = (uint32_t)X(o->rs2), r = (expr); if (setflags) a64_set_nzcv(c, (unsigned)nz32(r)); X(o->rd) = r; NEXT; } \
    OP(name##_ws) { uint32_t a = (uint32_t)X(o->rs1), b = sh32((uint32_t)X(o->rs2), o->aux, o->rm), r = (expr); if (setflags) a64_set_nzcv(c, (unsigned)nz32(r)); X(o->rd) = r; NEXT; } \
    static const op_fn name##_v[4] = {name##_x, name##_xs, name##_w, name##_ws};
LOGIC(op_and, a & b, 0)
LOGIC(op_bic, a & ~b, 0)
LOGIC(op_orr, a | b, 0)
LOGIC(op_orn, a | ~b, 0)
LOGIC(op_eor, a ^ b, 0)
LOGIC(op_eon, a ^ ~b, 0)
LOGIC(op_ands, a & b, 1)
LOGIC(op_bics, a & ~b, 1)

/* Add/subtract (shifted register), same variant layout. */
#define ADDSUB(name, e64, e32)                                                                               \
    OP(name##_x) { uint64_t a = X(o->rs1), b = X(o->rs2); X(o->rd) = (e64); NEXT; }                          \
    OP(name##_xs) { uint64_t a = X(o->rs1), b = sh64(X(o->rs2), o->aux, o->rm); X(o->rd) = (e64); NEXT; }    \
    OP(name##_w) { uint32_t a = (uint32_t)X(o->rs1), b = (uint32_t)X(o->rs2); X(o->rd) = (uint32_t)(e32); NEXT; } \
    OP(name##_ws) { uint32_t a = (uint32_t)X(o->rs1), b = sh32((uint32_t)X(o->rs2), o->aux, o->rm); X(o->rd) = (uint32_t)(e32); NEXT; } \
    static const op_fn name##_v[4] = {name##_x, name##_xs, name##_w, name##_ws};
ADDSUB(op_add, a + b, a + b)
ADDSUB(op_sub, a - b, a - b)
ADDSUB(op_adds, adds64(c, a, b), adds32(c, a, b))
ADDSUB(op_subs, subs64(c, a, b), subs32(c, a, b))

/* Add/subtract (extended register): aux = option, rm = shift. */
OP(op_add_ext64) { X(o->rd) = X(o->rs1) + ext64(X(o->rs2), o->aux, o->rm); NEXT; }
OP(op_sub_ext64) { X(o->rd) = X(o->rs1) - ext64(X(o->rs2), o->aux, o->rm); NEXT; }
OP(op_adds_ext64) { X(o->rd) = adds64(c, X(o->rs1), ext64(X(o->rs2), o->aux, o->rm)); NEXT; }
OP(op_subs_ext64) { X(o->rd) = subs64(c, X(o->rs1), ext64(X(o->rs2), o->aux, o->rm)); NEXT; }
OP(op_add_ext32) { X(o->rd) = W32(X(o->rs1) + ext64(X(o->rs2), o->aux, o->rm)); NEXT; }
OP(op_sub_ext32) { X(o->rd) = W32(X(o->rs1) - ext64(X(o->rs2), o->aux, o->rm)); NEXT; }
OP(op_adds_ext32) { X(o->rd) = adds32(c, (uint32_t)X(o->rs1), (uint32_t)ext64(X(o->rs2), o->aux, o->rm)); NEXT; }
OP(op_subs_ext32) { X(o->rd) = subs32(c, (uint32_t)X(o->rs1), (uint32_t)ext64(X(o->rs2), o->aux, o->rm)); NEXT; }

/* Add/subtract with carry. */
#define CIN ((a64_nzcv(c) >> 1) & 1)
OP(op_adc64) { X(o->rd) = X(o->rs1) + X(o->rs2) + CIN; NEXT; }
OP(op_sbc64) { X(o->rd) = X(o->rs1) + ~X(o->rs2) + CIN; NEXT; }
OP(op_adc32) { X(o->rd) = W32(X(o->rs1) + X(o->rs2) + CIN); NEXT; }
OP(op_sbc32) { X(o->rd) = W32(X(o->rs1) + ~X(o->rs2) + CIN); NEXT; }
OP(op_adcs64) { X(o->rd) = adc64(c, X(o->rs1), X(o->rs2), CIN); NEXT; }
OP(op_sbcs64) { X(o->rd) = adc64(c, X(o->rs1), ~X(o->rs2), CIN); NEXT; }
OP(op_adcs32) { X(o->rd) = adc32(c, (uint32_t)X(o->rs1), (uint32_t)X(o->rs2), (uint32_t)CIN); NEXT; }
OP(op_sbcs32) { X(o->rd) = adc32(c, (uint32_t)X(o->rs1), ~(uint32_t)X(o->rs2), (uint32_t)CIN); NEXT; }

/* Conditional compare: aux = condition, rm = nzcv when the condition fails; imm = imm5 or rs2. */
#define CCMP(name, get_b, calc)                                                                              \
    OP(name) { if (a64_cond(c, o->aux)) { get_b; (void)(calc); } else a64_set_nzcv(c, o->rm); NEXT; }
CCMP(op_ccmn_r64, uint64_t b = X(o->rs2), adds64(c, X(o->rs1), b))
CCMP(op_ccmp_r64, uint64_t b = X(o->rs2), subs64(c, X(o->rs1), b))
CCMP(op_ccmn_i64, uint64_t b = (uint64_t)o->imm, adds64(c, X(o->rs1), b))
CCMP(op_ccmp_i64, uint64_t b = (uint64_t)o->imm, subs64(c, X(o->rs1), b))
CCMP(op_ccmn_r32, uint32_t b = (uint32_t)X(o->rs2), adds32(c, (uint32_t)X(o->rs1), b))
CCMP(op_ccmp_r32, uint32_t b = (uint32_t)X(o->rs2), subs32(c, (uint32_t)X(o->rs1), b))
CCMP(op_ccmn_i32, uint32_t b = (uint32_t)o->imm, adds32(c, (uint32_t)X(o->rs1), b))
CCMP(op_ccmp_i32, uint32_t b = (uint32_t)o->imm, subs32(c, (uint32_t)X(o->rs1), b))

/* Conditional select: aux = condition. */
OP(op_csel64) { X(o->rd) = a64_cond(c, o->aux) ? X(o->rs1) : X(o->rs2); NEXT; }
OP(op_csinc64) { X(o->rd) = a64_cond(c, o->aux) ? X(o->rs1) : X(o->rs2) + 1; NEXT; }
OP(op_csinv64) { X(o->rd) = a64_cond(c, o->aux) ? X(o->rs1) : ~X(o->rs2); NEXT; }
OP(op_csneg64) { X(o->rd) = a64_cond(c, o->aux) ? X(o->rs1) : 0 - X(o->rs2); NEXT; }
OP(op_csel32) { X(o->rd) = W32(a64_cond(c, o->aux) ? X(o->rs1) : X(o->rs2)); NEXT; }
OP(op_csinc32) { X(o->rd) = W32(a64_cond(c, o->aux) ? X(o->rs1) : X(o->rs2) + 1); NEXT; }
OP(op_csinv32) { X(o->rd) = W32(a64_cond(c, o->aux) ? X(o->rs1) : ~X(o->rs2)); NEXT; }
OP(op_csneg32) { X(o->rd) = W32(a64_cond(c, o->aux) ? X(o->rs1) : 0 - X(o->rs2)); NEXT; }
OP(op_cset) { X(o->rd) = (uint64_t)a64_cond(c, o->aux); NEXT; } /* CSINC Rd, ZR, ZR: aux is the inverted condition */
OP(op_csetm64) { X(o->rd) = 0 - (uint64_t)a64_cond(c, o->aux); NEXT; }
OP(op_csetm32) { X(o->rd) = W32(0 - (uint64_t)a64_cond(c, o->aux)); NEXT; }

/* Multiply: rs3 = Ra. */
OP(op_madd64) { X(o->rd) = X(o->rs3) + X(o->rs1) * X(o->rs2); NEXT; }
OP(op_msub64) { X(o->rd) = X(o->rs3) - X(o->rs1) * X(o->rs2); NEXT; }
OP(op_madd32) { X(o->rd) = W32(X(o->rs3) + X(o->rs1) * X(o->rs2)); NEXT; }
OP(op_msub32) { X(o->rd) = W32(X(o->rs3) - X(o->rs1) * X(o->rs2)); NEXT; }
OP(op_mul64) { X(o->rd) = X(o->rs1) * X(o->rs2); NEXT; }
#define SW32(v) ((uint64_t)(int64_t)(int32_t)(uint32_t)(v))
OP(op_smaddl) { X(o->rd) = X(o->rs3) + SW32(X(o->rs1)) * SW32(X(o->rs2)); NEXT; }
OP(op_smsubl) { X(o->rd) = X(o->rs3) - SW32(X(o->rs1)) * SW32(X(o->rs2)); NEXT; }
OP(op_umaddl) { X(o->rd) = X(o->rs3) + W32(X(o->rs1)) * W32(X(o->rs2)); NEXT; }
OP(op_umsubl) { X(o->rd) = X(o->rs3) - W32(X(o->rs1)) * W32(X(o->rs2)); NEXT; }
/* High halves of 64x64-bit products, in 32-bit pieces (no 128-bit type needed on 32-bit hosts). */
static inline uint64_t umulh(uint64_t a, uint64_t b)
{
    uint64_t al = (uint32_t)a, ah = a >> 32, bl = (uint32_t)b, bh = b >> 32;
    uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    uint64_t mid = (ll >> 32) + (uint32_t)lh + (uint32_t)hl;
    return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
}
static inline uint64_t smulh(uint64_t a, uint64_t b)
{
    uint64_t h = umulh(a, b);
    if ((int64_t)a < 0)
        h -= b;
    if ((int64_t)b < 0)
        h -= a;
    return h;
}
OP(op_smulh) { X(o->rd) = smulh(X(o->rs1), X(o->rs2)); NEXT; }
OP(op_umulh) { X(o->rd) = umulh(X(o->rs1), X(o->rs2)); NEXT; }

/* Divide (by zero gives zero, INT_MIN / -1 gives INT_MIN), variable shifts. */
OP(op_udiv64) { uint64_t b = X(o->rs2); X(o->rd) = b ? X(o->rs1) / b : 0; NEXT; }
OP(op_udiv32) { uint32_t b = (uint32_t)X(o->rs2); X(o->rd) = b ? (uint32_t)X(o->rs1) / b : 0; NEXT; }
OP(op_sdiv64)
{
    int64_t a = (int64_t)X(o->rs1), b = (int64_t)X(o->rs2);
    X(o->rd) = !b ? 0 : (b == -1) ? 0 - (uint64_t)a : (uint64_t)(a / b);
    NEXT;
}
OP(op_sdiv32)
{
    int32_t a = (int32_t)X(o->rs1), b = (int32_t)X(o->rs2);
    X(o->rd) = !b ? 0 : (b == -1) ? W32(0 - (uint32_t)a) : W32(a / b);
    NEXT;
}
OP(op_lslv64) { X(o->rd) = X(o->rs1) << (X(o->rs2) & 63); NEXT; }
OP(op_lsrv64) { X(o->rd) = X(o->rs1) >> (X(o->rs2) & 63); NEXT; }
OP(op_asrv64) { X(o->rd) = (uint64_t)((int64_t)X(o->rs1) >> (X(o->rs2) & 63)); NEXT; }
OP(op_rorv64) { X(o->rd) = sh64(X(o->rs1), 3, X(o->rs2) & 63); NEXT; }
OP(op_lslv32) { X(o->rd) = (uint32_t)X(o->rs1) << (X(o->rs2) & 31); NEXT; }
OP(op_lsrv32) { X(o->rd) = (uint32_t)X(o->rs1) >> (X(o->rs2) & 31); NEXT; }
OP(op_asrv32) { X(o->rd) = (uint32_t)((int32_t)X(o->rs1) >> (X(o->rs2) & 31)); NEXT; }
OP(op_rorv32) { X(o->rd) = sh32((uint32_t)X(o->rs1), 3, X(o->rs2) & 31); NEXT; }

/* CRC32/CRC32C: reflected polynomials, no pre/post inversion; rm = bytes of Rm consumed. */
static uint32_t crc_tab[2][256];
static void crc_init(void)
{
    static const uint32_t poly[2] = {0xedb88320u, 0x82f63b78u};
    for (int t = 0; t < 2; t++)
        for (uint32_t i = 0; i < 256; i++) {
            uint32_t v = i;
            for (int k = 0; k < 8; k++)
                v = v & 1 ? (v >> 1) ^ poly[t] : v >> 1;
            crc_tab[t][i] = v;
        }
}
static inline uint32_t crc_run(const uint32_t *tab, uint32_t crc, uint64_t d, unsigned n)
{
    for (unsigned i = 0; i < n; i++, d >>= 8)
        crc = tab[(crc ^ d) & 0xff] ^ (crc >> 8);
    return crc;
}
OP(op_crc32) { X(o->rd) = crc_run(crc_tab[0], (uint32_t)X(o->rs1), X(o->rs2), o->rm); NEXT; }
OP(op_crc32c) { X(o->rd) = crc_run(crc_tab[1], (uint32_t)X(o->rs1), X(o->rs2), o->rm); NEXT; }

/* One source. */
static inline uint64_t rbit64(uint64_t v)
{
    v = ((v >> 1) & 0x5555555555555555ull) | ((v & 0x5555555555555555ull) << 1);
    v = ((v >> 2) & 0x3333333333333333ull) | ((v & 0x3333333333333333ull) << 2);
    v = ((v >> 4) & 0x0f0f0f0f0f0f0f0full) | ((v & 0x0f0f0f0f0f0f0f0full) << 4);
    return __builtin_bswap64(v);
}
static inline uint64_t rev16_64(uint64_t v) { return ((v >> 8) & 0x00ff00ff00ff00ffull) | ((v & 0x00ff00ff00ff00ffull) << 8); }
static inline uint64_t clz64(uint64_t v) { return v ? (uint64_t)__builtin_clzll(v) : 64; }
static inline uint64_t clz32(uint32_t v) { return v ? (uint64_t)__builtin_clz(v) : 32; }
OP(op_rbit64) { X(o->rd) = rbit64(X(o->rs1)); NEXT; }
OP(op_rbit32) { X(o->rd) = rbit64(X(o->rs1)) >> 32; NEXT; }
OP(op_rev16_64) { X(o->rd) = rev16_64(X(o->rs1)); NEXT; }
OP(op_rev16_32) { X(o->rd) = W32(rev16_64(X(o->rs1))); NEXT; }
OP(op_rev32_64) { uint64_t v = __builtin_bswap64(X(o->rs1)); X(o->rd) = v >> 32 | v << 32; NEXT; }
OP(op_rev64) { X(o->rd) = __builtin_bswap64(X(o->rs1)); NEXT; }
OP(op_rev32) { X(o->rd) = __builtin_bswap32((uint32_t)X(o->rs1)); NEXT; }
OP(op_clz64) { X(o->rd) = clz64(X(o->rs1)); NEXT; }
OP(op_clz32) { X(o->rd) = clz32((uint32_t)X(o->rs1)); NEXT; }
OP(op_cls64) { uint64_t v = X(o->rs1); X(o->rd) = clz64((v ^ (v << 1)) | 1); NEXT; }
OP(op_cls32) { uint32_t v = (uint32_t)X(o->rs1); X(o->rd) = clz32((v ^ (v << 1)) | 1); NEXT; }

/* ---- formats ---- */

/* Three XZR-or-register operands Rd, Rn, Rm (and Ra in bits 14:10 for the 3-source group). */
static int d_rrr(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rd = a64_rzd(w & 31);
    o->rs1 = a64_rzs(a64_bits(w, 9, 5));
    o->rs2 = a64_rzs(a64_bits(w, 20, 16));
    o->rs3 = a64_rzs(a64_bits(w, 14, 10));
    o->rm = (uint8_t)r->arg;
    if (o->fn == op_madd64 && o->rs3 == A64_ZR)
        o->fn = op_mul64;
    if ((o->fn == op_crc32 || o->fn == op_crc32c) && !crc_tab[0][1])
        crc_init();
    return 0;
}

/* Shifted register: arg 1 = 32-bit, 2 = add/sub (ROR reserved). fns = variants. */
static int d_shifted(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned type = a64_bits(w, 23, 22), amt = a64_bits(w, 15, 10), is32 = r->arg & 1;
    if ((r->arg & 2) && type == 3)
        return -1;
    d_rrr(o, w, r);
    o->rm = (uint8_t)amt;
    o->aux = (uint16_t)type;
    o->fn = r->fns[(is32 ? 2 : 0) + (amt ? 1 : 0)];
    if (!amt && o->rs1 == A64_ZR && r->fns == op_orr_v)
        o->fn = is32 ? op_mov32 : op_mov64; /* mov Rd, Rm */
    return 0;
}

/* Extended register: arg 1 = sets flags (Rd is XZR-or-register, else SP-or-register). */
static int d_extended(struct op *o, uint32_t w, const struct a64_insn *r)
{
    unsigned sh = a64_bits(w, 12, 10);
    if (sh > 4)
        return -1;
    o->rd = r->arg ? a64_rzd(w & 31) : (uint8_t)(w & 31);
    o->rs1 = (uint8_t)a64_bits(w, 9, 5);
    o->rs2 = a64_rzs(a64_bits(w, 20, 16));
    o->aux = (uint16_t)a64_bits(w, 15, 13);
    o->rm = (uint8_t)sh;
    return 0;
}

static int d_ccmp(struct op *o, uint32_t w, const struct a64_insn *r)
{
    o->rs1 = a64_rzs(a64_bits(w, 9, 5));
    o->rs2 = a64_rzs(a64_bits(w, 20, 16));
    o->imm = a64_bits(w, 20, 16);
    o->aux = (uint16_t)a64_bits(w, 15, 12);
    o->rm = (uint8_t)(w & 15);
    return 0;
}

static int d_csel(struct op *o, uint32_t w, const struct a64_insn *r)
{
    d_rrr(o, w, r);
    unsigned cond = a64_bits(w, 15, 12);
    o->aux = (uint16_t)cond;
    if (o->rs1 == A64_ZR && o->rs2 == A64_ZR && cond < 14) {
        if (o->fn == op_csinc64 || o->fn == op_csinc32)
            o->fn = op_cset, o->aux = (uint16_t)(cond ^ 1);
        else if (o->fn == op_csinv64 || o->fn == op_csinv32)
            o->fn = o->fn == op_csinv64 ? op_csetm64 : op_csetm32, o->aux = (uint16_t)(cond ^ 1);
    }
    return 0;
}

#define SH_ROWS(op, m64, m32, fam, arg)                                                                      \
    {0xff200000, m64, d_shifted, NULL, fam##_v, arg, 0, op},                                                 \
    {0xff208000, m32, d_shifted, NULL, fam##_v, (arg) | 1, 0, op}

const struct a64_insn a64_dp_reg[] = {
    SH_ROWS("and", 0x8a000000, 0x0a000000, op_and, 0),
    SH_ROWS("bic", 0x8a200000, 0x0a200000, op_bic, 0),
    SH_ROWS("orr", 0xaa000000, 0x2a000000, op_orr, 0),
    SH_ROWS("orn", 0xaa200000, 0x2a200000, op_orn, 0),
    SH_ROWS("eor", 0xca000000, 0x4a000000, op_eor, 0),
    SH_ROWS("eon", 0xca200000, 0x4a200000, op_eon, 0),
    SH_ROWS("ands", 0xea000000, 0x6a000000, op_ands, 0),
    SH_ROWS("bics", 0xea200000, 0x6a200000, op_bics, 0),
    SH_ROWS("add", 0x8b000000, 0x0b000000, op_add, 2),
    SH_ROWS("adds", 0xab000000, 0x2b000000, op_adds, 2),
    SH_ROWS("sub", 0xcb000000, 0x4b000000, op_sub, 2),
    SH_ROWS("subs", 0xeb000000, 0x6b000000, op_subs, 2),
    {0xffe00000, 0x8b200000, d_extended, op_add_ext64, NULL, 0, 0, "add"},
    {0xffe00000, 0xab200000, d_extended, op_adds_ext64, NULL, 1, 0, "adds"},
    {0xffe00000, 0xcb200000, d_extended, op_sub_ext64, NULL, 0, 0, "sub"},
    {0xffe00000, 0xeb200000, d_extended, op_subs_ext64, NULL, 1, 0, "subs"},
    {0xffe00000, 0x0b200000, d_extended, op_add_ext32, NULL, 0, 0, "add"},
    {0xffe00000, 0x2b200000, d_extended, op_adds_ext32, NULL, 1, 0, "adds"},
    {0xffe00000, 0x4b200000, d_extended, op_sub_ext32, NULL, 0, 0, "sub"},
    {0xffe00000, 0x6b200000, d_extended, op_subs_ext32, NULL, 1, 0, "subs"},
    {0xffe0fc00, 0x9a000000, d_rrr, op_adc64, NULL, 0, 0, "adc"},
    {0xffe0fc00, 0xba000000, d_rrr, op_adcs64, NULL, 0, 0, "adcs"},
    {0xffe0fc00, 0xda000000, d_rrr, op_sbc64, NULL, 0, 0, "sbc"},
    {0xffe0fc00, 0xfa000000, d_rrr, op_sbcs64, NULL, 0, 0, "sbcs"},
    {0xffe0fc00, 0x1a000000, d_rrr, op_adc32, NULL, 0, 0, "adc"},
    {0xffe0fc00, 0x3a000000, d_rrr, op_adcs32, NULL, 0, 0, "adcs"},
    {0xffe0fc00, 0x5a000000, d_rrr, op_sbc32, NULL, 0, 0, "sbc"},
    {0xffe0fc00, 0x7a000000, d_rrr, op_sbcs32, NULL, 0, 0, "sbcs"},
    {0xffe00c10, 0xba400000, d_ccmp, op_ccmn_r64, NULL, 0, 0, "ccmn"},
    {0xffe00c10, 0xfa400000, d_ccmp, op_ccmp_r64, NULL, 0, 0, "ccmp"},
    {0xffe00c10, 0xba400800, d_ccmp, op_ccmn_i64, NULL, 0, 0, "ccmn"},
    {0xffe00c10, 0xfa400800, d_ccmp, op_ccmp_i64, NULL, 0, 0, "ccmp"},
    {0xffe00c10, 0x3a400000, d_ccmp, op_ccmn_r32, NULL, 0, 0, "ccmn"},
    {0xffe00c10, 0x7a400000, d_ccmp, op_ccmp_r32, NULL, 0, 0, "ccmp"},
    {0xffe00c10, 0x3a400800, d_ccmp, op_ccmn_i32, NULL, 0, 0, "ccmn"},
    {0xffe00c10, 0x7a400800, d_ccmp, op_ccmp_i32, NULL, 0, 0, "ccmp"},
    {0xffe00c00, 0x9a800000, d_csel, op_csel64, NULL, 0, 0, "csel"},
    {0xffe00c00, 0x9a800400, d_csel, op_csinc64, NULL, 0, 0, "csinc"},
    {0xffe00c00, 0xda800000, d_csel, op_csinv64, NULL, 0, 0, "csinv"},
    {0xffe00c00, 0xda800400, d_csel, op_csneg64, NULL, 0, 0, "csneg"},
    {0xffe00c00, 0x1a800000, d_csel, op_csel32, NULL, 0, 0, "csel"},
    {0xffe00c00, 0x1a800400, d_csel, op_csinc32, NULL, 0, 0, "csinc"},
    {0xffe00c00, 0x5a800000, d_csel, op_csinv32, NULL, 0, 0, "csinv"},
    {0xffe00c00, 0x5a800400, d_csel, op_csneg32, NULL, 0, 0, "csneg"},
    {0xffe08000, 0x9b000000, d_rrr, op_madd64, NULL, 0, 0, "madd"},
    {0xffe08000, 0x9b008000, d_rrr, op_msub64, NULL, 0, 0, "msub"},
    {0xffe08000, 0x1b000000, d_rrr, op_madd32, NULL, 0, 0, "madd"},
    {0xffe08000, 0x1b008000, d_rrr, op_msub32, NULL, 0, 0, "msub"},
    {0xffe08000, 0x9b200000, d_rrr, op_smaddl, NULL, 0, 0, "smaddl"},
    {0xffe08000, 0x9b208000, d_rrr, op_smsubl, NULL, 0, 0, "smsubl"},
    {0xffe08000, 0x9ba00000, d_rrr, op_umaddl, NULL, 0, 0, "umaddl"},
    {0xffe08000, 0x9ba08000, d_rrr, op_umsubl, NULL, 0, 0, "umsubl"},
    {0xffe08000, 0x9b400000, d_rrr, op_smulh, NULL, 0, 0, "smulh"},
    {0xffe08000, 0x9bc00000, d_rrr, op_umulh, NULL, 0, 0, "umulh"},
    {0xffe0fc00, 0x9ac00800, d_rrr, op_udiv64, NULL, 0, 0, "udiv"},
    {0xffe0fc00, 0x9ac00c00, d_rrr, op_sdiv64, NULL, 0, 0, "sdiv"},
    {0xffe0fc00, 0x9ac02000, d_rrr, op_lslv64, NULL, 0, 0, "lslv"},
    {0xffe0fc00, 0x9ac02400, d_rrr, op_lsrv64, NULL, 0, 0, "lsrv"},
    {0xffe0fc00, 0x9ac02800, d_rrr, op_asrv64, NULL, 0, 0, "asrv"},
    {0xffe0fc00, 0x9ac02c00, d_rrr, op_rorv64, NULL, 0, 0, "rorv"},
    {0xffe0fc00, 0x1ac00800, d_rrr, op_udiv32, NULL, 0, 0, "udiv"},
    {0xffe0fc00, 0x1ac00c00, d_rrr, op_sdiv32, NULL, 0, 0, "sdiv"},
    {0xffe0fc00, 0x1ac02000, d_rrr, op_lslv32, NULL, 0, 0, "lslv"},
    {0xffe0fc00, 0x1ac02400, d_rrr, op_lsrv32, NULL, 0, 0, "lsrv"},
    {0xffe0fc00, 0x1ac02800, d_rrr, op_asrv32, NULL, 0, 0, "asrv"},
    {0xffe0fc00, 0x1ac02c00, d_rrr, op_rorv32, NULL, 0, 0, "rorv"},
    {0xffe0fc00, 0x1ac04000, d_rrr, op_crc32, NULL, 1, 0, "crc32b"},
    {0xffe0fc00, 0x1ac04400, d_rrr, op_crc32, NULL, 2, 0, "crc32h"},
    {0xffe0fc00, 0x1ac04800, d_rrr, op_crc32, NULL, 4, 0, "crc32w"},
    {0xffe0fc00, 0x9ac04c00, d_rrr, op_crc32, NULL, 8, 0, "crc32x"},
    {0xffe0fc00, 0x1ac05000, d_rrr, op_crc32c, NULL, 1, 0, "crc32cb"},
    {0xffe0fc00, 0x1ac05400, d_rrr, op_crc32c, NULL, 2, 0, "crc32ch"},
    {0xffe0fc00, 0x1ac05800, d_rrr, op_crc32c, NULL, 4, 0, "crc32cw"},
    {0xffe0fc00, 0x9ac05c00, d_rrr, op_crc32c, NULL, 8, 0, "crc32cx"},
    {0xfffffc00, 0xdac00000, d_rrr, op_rbit64, NULL, 0, 0, "rbit"},
    {0xfffffc00, 0xdac00400, d_rrr, op_rev16_64, NULL, 0, 0, "rev16"},
    {0xfffffc00, 0xdac00800, d_rrr, op_rev32_64, NULL, 0, 0, "rev32"},
    {0xfffffc00, 0xdac00c00, d_rrr, op_rev64, NULL, 0, 0, "rev"},
    {0xfffffc00, 0xdac01000, d_rrr, op_clz64, NULL, 0, 0, "clz"},
    {0xfffffc00, 0xdac01400, d_rrr, op_cls64, NULL, 0, 0, "cls"},
    {0xfffffc00, 0x5ac00000, d_rrr, op_rbit32, NULL, 0, 0, "rbit"},
    {0xfffffc00, 0x5ac00400, d_rrr, op_rev16_32, NULL, 0, 0, "rev16"},
    {0xfffffc00, 0x5ac00800, d_rrr, op_rev32, NULL, 0, 0, "rev"},
    {0xfffffc00, 0x5ac01000, d_rrr, op_clz32, NULL, 0, 0, "clz"},
    {0xfffffc00, 0x5ac01400, d_rrr, op_cls32, NULL, 0, 0, "cls"},
    {0, 0, NULL, NULL, NULL, 0, 0, NULL},
};
