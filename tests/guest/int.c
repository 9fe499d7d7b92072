/* int: 64/32-bit multiply/divide/remainder edge cases (x/0, INT_MIN/-1), __int128 (or 64-bit halves where the ABI has none, as on arm), shifts, bit builtins and W-op sign extension. */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>

/*
 * On RISC-V the C operators are applied to volatile operands inside noipa functions, so the
 * compiler can neither fold nor range-analyse them and must emit div/rem: the ISA defines
 * x/0 = -1 (all ones unsigned), x%0 = x, INT_MIN/-1 = INT_MIN and INT_MIN%-1 = 0.
 * Elsewhere (host reference builds) the same results are computed by those rules.
 */
#ifdef __riscv
#define OPS(T, name)                                                                  \
    __attribute__((noipa)) static T div_##name(T a, T b) { volatile T x = a, y = b; return x / y; } \
    __attribute__((noipa)) static T rem_##name(T a, T b) { volatile T x = a, y = b; return x % y; }
#else
#define OPS(T, name)                                                                  \
    static T div_##name(T a, T b)                                                     \
    {                                                                                 \
        if (b == 0) return (T)-1;                                                     \
        if ((T)-1 < 0 && b == (T)-1) return (T)(0 - (unsigned long long)a);          \
        return a / b;                                                                 \
    }                                                                                 \
    static T rem_##name(T a, T b)                                                     \
    {                                                                                 \
        if (b == 0) return a;                                                         \
        if ((T)-1 < 0 && b == (T)-1) return 0;                                        \
        return a % b;                                                                 \
    }
#endif
OPS(int64_t, s64)
OPS(uint64_t, u64)
OPS(int32_t, s32)
OPS(uint32_t, u32)
#define DIV(a, b) div_s64(a, b)
#define REM(a, b) rem_s64(a, b)

static volatile int64_t s64[] = {0, 1, -1, 7, -7, 3, INT64_MIN, INT64_MAX, 0x123456789abcdefLL, -1000000007LL};
static volatile int32_t s32[] = {0, 1, -1, 7, -7, 3, INT32_MIN, INT32_MAX, 0x12345678, -1000007};

static uint64_t h = 0xcbf29ce484222325ull;
static void mix(uint64_t v)
{
    h = (h ^ v) * 0x100000001b3ull;
}

#ifdef __riscv
#define RR(op, a, b) ({ uint64_t r_; __asm__(#op " %0, %1, %2" : "=r"(r_) : "r"(a), "r"(b)); r_; })
#else
#define RR(op, a, b) ref_##op(a, b)
#endif

/* Host references for the W and high-multiply instructions, following the ISA manual. */
static inline uint64_t sext32(uint64_t v) { return (uint64_t)(int64_t)(int32_t)(uint32_t)v; }
#ifndef __riscv
static uint64_t ref_addw(uint64_t a, uint64_t b) { return sext32((uint32_t)a + (uint32_t)b); }
static uint64_t ref_subw(uint64_t a, uint64_t b) { return sext32((uint32_t)a - (uint32_t)b); }
static uint64_t ref_mulw(uint64_t a, uint64_t b) { return sext32((uint32_t)a * (uint32_t)b); }
static uint64_t ref_sllw(uint64_t a, uint64_t b) { return sext32((uint32_t)a << (b & 31)); }
static uint64_t ref_srlw(uint64_t a, uint64_t b) { return sext32((uint32_t)a >> (b & 31)); }
static uint64_t ref_sraw(uint64_t a, uint64_t b) { return sext32((uint64_t)((int32_t)a >> (b & 31))); }
static uint64_t ref_sll(uint64_t a, uint64_t b) { return a << (b & 63); }
static uint64_t ref_srl(uint64_t a, uint64_t b) { return a >> (b & 63); }
static uint64_t ref_sra(uint64_t a, uint64_t b) { return (uint64_t)((int64_t)a >> (b & 63)); }
static uint64_t ref_divw(uint64_t a, uint64_t b)
{
    int32_t x = (int32_t)a, y = (int32_t)b;
    return sext32(y == 0 ? -1 : (x == INT32_MIN && y == -1) ? x : x / y);
}
static uint64_t ref_divuw(uint64_t a, uint64_t b)
{
    uint32_t x = (uint32_t)a, y = (uint32_t)b;
    return sext32(y == 0 ? 0xffffffffu : x / y);
}
static uint64_t ref_remw(uint64_t a, uint64_t b)
{
    int32_t x = (int32_t)a, y = (int32_t)b;
    return sext32(y == 0 ? x : (x == INT32_MIN && y == -1) ? 0 : x % y);
}
static uint64_t ref_remuw(uint64_t a, uint64_t b)
{
    uint32_t x = (uint32_t)a, y = (uint32_t)b;
    return sext32(y == 0 ? x : x % y);
}
static uint64_t ref_divu(uint64_t a, uint64_t b) { return b == 0 ? UINT64_MAX : a / b; }
static uint64_t ref_remu(uint64_t a, uint64_t b) { return b == 0 ? a : a % b; }
#ifdef __SIZEOF_INT128__
static uint64_t ref_mulh(uint64_t a, uint64_t b) { return (uint64_t)(((__int128)(int64_t)a * (int64_t)b) >> 64); }
static uint64_t ref_mulhu(uint64_t a, uint64_t b) { return (uint64_t)(((unsigned __int128)a * b) >> 64); }
static uint64_t ref_mulhsu(uint64_t a, uint64_t b) { return (uint64_t)(((__int128)(int64_t)a * (__int128)(unsigned __int128)b) >> 64); }
#else /* no __int128 (arm): the same values through 64-bit halves */
/* 64x64 -> 128 unsigned product as hi:lo. */
static void mul128(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
    uint64_t a0 = (uint32_t)a, a1 = a >> 32, b0 = (uint32_t)b, b1 = b >> 32;
    uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
    uint64_t mid = (p00 >> 32) + (uint32_t)p01 + (uint32_t)p10;
    *lo = (mid << 32) | (uint32_t)p00;
    *hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}
static uint64_t ref_mulhu(uint64_t a, uint64_t b) { uint64_t h, l; mul128(a, b, &h, &l); return h; }
static uint64_t ref_mulh(uint64_t a, uint64_t b)
{
    uint64_t h = ref_mulhu(a, b);
    if ((int64_t)a < 0) h -= b;
    if ((int64_t)b < 0) h -= a;
    return h;
}
static uint64_t ref_mulhsu(uint64_t a, uint64_t b) { uint64_t h = ref_mulhu(a, b); return (int64_t)a < 0 ? h - b : h; }
/* 128 / 64 by shift-and-subtract: quotient hi:lo and remainder. */
static void divu128(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *qh, uint64_t *ql, uint64_t *rem)
{
    uint64_t r = 0, q1 = 0, q0 = 0;
    for (int i = 127; i >= 0; i--) {
        int top = (int)(r >> 63);
        r = r << 1 | ((i >= 64 ? hi >> (i - 64) : lo >> i) & 1);
        if (top || r >= d) {
            r -= d;
            if (i >= 64) q1 |= 1ull << (i - 64); else q0 |= 1ull << i;
        }
    }
    *qh = q1, *ql = q0, *rem = r;
}
static void neg128(uint64_t *hi, uint64_t *lo) { *lo = ~*lo + 1; *hi = ~*hi + (*lo == 0); }
#endif
static uint64_t ref_slt(uint64_t a, uint64_t b) { return (int64_t)a < (int64_t)b; }
static uint64_t ref_sltu(uint64_t a, uint64_t b) { return a < b; }
#endif

int main(void)
{
    const int n64 = sizeof s64 / sizeof s64[0], n32 = sizeof s32 / sizeof s32[0];

    printf("64-bit signed div/rem table (a / b, a %% b):\n");
    for (int i = 0; i < n64; i++)
        for (int j = 0; j < n64; j++) {
            int64_t a = s64[i], b = s64[j];
            if (i < 7 && j < 7 && !(b == 0 || a == INT64_MIN))
                continue; /* print only the interesting ones; all go into the hash */
            int64_t q = DIV(a, b), r = REM(a, b);
            mix((uint64_t)q);
            mix((uint64_t)r);
            if (b == 0 || b == -1 || a == INT64_MIN)
                printf("  %" PRId64 " / %" PRId64 " = %" PRId64 ", rem %" PRId64 "\n", a, b, q, r);
        }
    for (int i = 0; i < n64; i++)
        for (int j = 0; j < n64; j++) {
            uint64_t a = (uint64_t)s64[i], b = (uint64_t)s64[j];
            uint64_t q = div_u64(a, b), r = rem_u64(a, b);
            mix(q);
            mix(r);
            if (b == 0 && (i == 1 || i == 6))
                printf("  %" PRIu64 " /u 0 = %" PRIu64 ", remu %" PRIu64 "\n", a, q, r);
        }
    printf("64-bit div hash: %016" PRIx64 "\n", h);

    h = 0xcbf29ce484222325ull;
    for (int i = 0; i < n32; i++)
        for (int j = 0; j < n32; j++) {
            int32_t a = s32[i], b = s32[j];
            int32_t q = div_s32(a, b), r = rem_s32(a, b);
            uint32_t ua = (uint32_t)a, ub = (uint32_t)b;
            uint32_t uq = div_u32(ua, ub), ur = rem_u32(ua, ub);
            mix((uint64_t)(int64_t)q);
            mix((uint64_t)(int64_t)r);
            mix(uq);
            mix(ur);
            if (b == 0 || (a == INT32_MIN && b == -1))
                printf("  w: %" PRId32 " / %" PRId32 " = %" PRId32 ", rem %" PRId32 "; unsigned %" PRIu32 ", %" PRIu32 "\n",
                       a, b, q, r, uq, ur);
        }
    printf("32-bit div hash: %016" PRIx64 "\n", h);

    /* Raw instructions with garbage in the upper halves of the operands. */
    static volatile uint64_t ops[] = {0, 1, 0xffffffffffffffffull, 0x80000000ull, 0xdeadbeef7fffffffull,
                                      0x123456789abcdef0ull, 0x8000000000000000ull, 0x00000000ffffffffull,
                                      0xfffffffe00000000ull, 63, 64, 31, 32, 0xa5a5a5a5a5a5a5a5ull};
    const int nops = sizeof ops / sizeof ops[0];
#define INSN(name)                                                              \
    do {                                                                        \
        h = 0xcbf29ce484222325ull;                                              \
        for (int i = 0; i < nops; i++)                                          \
            for (int j = 0; j < nops; j++)                                      \
                mix(RR(name, ops[i], ops[j]));                                  \
        printf("%-7s hash %016" PRIx64 "  (0xdeadbeef7fffffff,1)->%016" PRIx64  \
               " (0x80000000,-1)->%016" PRIx64 "\n",                 \
               #name, h, RR(name, ops[4], ops[1]), RR(name, ops[3], ops[2]));   \
    } while (0)
    INSN(addw);
    INSN(subw);
    INSN(mulw);
    INSN(sllw);
    INSN(srlw);
    INSN(sraw);
    INSN(sll);
    INSN(srl);
    INSN(sra);
    INSN(divw);
    INSN(divuw);
    INSN(remw);
    INSN(remuw);
    INSN(divu);
    INSN(remu);
    INSN(mulh);
    INSN(mulhu);
    INSN(mulhsu);
    INSN(slt);
    INSN(sltu);

    /* __int128 */
#ifdef __SIZEOF_INT128__
    volatile unsigned __int128 ua = ((unsigned __int128)0xfedcba9876543210ull << 64) | 0x0123456789abcdefull;
    volatile unsigned __int128 ub = 0xffffffffffffffffull;
    unsigned __int128 p = ua * ub;
    printf("u128 mul: %016" PRIx64 "%016" PRIx64 "\n", (uint64_t)(p >> 64), (uint64_t)p);
    unsigned __int128 qq = ua / 0x1234567ull, rr = ua % 0x1234567ull;
    printf("u128 div: %016" PRIx64 "%016" PRIx64 " rem %" PRIu64 "\n", (uint64_t)(qq >> 64), (uint64_t)qq, (uint64_t)rr);
    volatile __int128 sa = -(__int128)ua / 3;
    printf("s128 neg/3: %016" PRIx64 "%016" PRIx64 "\n", (uint64_t)((unsigned __int128)sa >> 64), (uint64_t)sa);
#else /* no __int128 (arm): the same values through 64-bit halves */
    volatile uint64_t uah = 0xfedcba9876543210ull, ual = 0x0123456789abcdefull, ub = 0xffffffffffffffffull;
    uint64_t ph, pl, h2, l2; /* (uah:ual) * ub, low 128 bits */
    mul128(ual, ub, &ph, &pl);
    mul128(uah, ub, &h2, &l2);
    ph += l2;
    printf("u128 mul: %016" PRIx64 "%016" PRIx64 "\n", ph, pl);
    uint64_t qh, ql, rr;
    divu128(uah, ual, 0x1234567ull, &qh, &ql, &rr);
    printf("u128 div: %016" PRIx64 "%016" PRIx64 " rem %" PRIu64 "\n", qh, ql, rr);
    uint64_t nh = uah, nl = ual, sr; /* ua is negative as a signed 128-bit value: -(ua) is positive */
    neg128(&nh, &nl);
    divu128(nh, nl, 3, &nh, &nl, &sr);
    printf("s128 neg/3: %016" PRIx64 "%016" PRIx64 "\n", nh, nl);
#endif
    volatile int64_t m1 = INT64_MIN, m2 = -1;
#ifdef __SIZEOF_INT128__
    __int128 sp = (__int128)m1 * m2;
    printf("INT64_MIN*-1 as 128: %016" PRIx64 "%016" PRIx64 "\n", (uint64_t)((unsigned __int128)sp >> 64), (uint64_t)sp);
#else /* no __int128 (arm): the same values through 64-bit halves */
    uint64_t sh_, sl_; /* INT64_MIN * -1 = 2^63 exactly */
    mul128((uint64_t)m1, (uint64_t)-m2, &sh_, &sl_);
    printf("INT64_MIN*-1 as 128: %016" PRIx64 "%016" PRIx64 "\n", sh_, sl_);
#endif

    /* shifts, bit builtins */
    volatile uint64_t x = 0x8000000000000001ull;
    volatile int sh = 63;
    printf("shifts: %016" PRIx64 " %016" PRIx64 " %016" PRIx64 " rotl=%016" PRIx64 "\n", x << sh, x >> sh,
           (uint64_t)((int64_t)x >> sh), (x << 4) | (x >> 60));
    static volatile uint64_t bits[] = {1, 0x8000000000000000ull, 0xffffffffffffffffull, 0x00f0000000000100ull, 0x1000};
    for (unsigned i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        uint64_t v = bits[i];
        printf("bits %016" PRIx64 ": popcount=%d clz=%d ctz=%d clrsb=%d parity=%d popcount32=%d clz32=%d ctz32=%d bswap=%016" PRIx64 "\n",
               v, __builtin_popcountll(v), __builtin_clzll(v), __builtin_ctzll(v), __builtin_clrsbll((long long)v),
               __builtin_parityll(v), __builtin_popcount((uint32_t)v), (uint32_t)v ? __builtin_clz((uint32_t)v) : -1,
               (uint32_t)v ? __builtin_ctz((uint32_t)v) : -1, __builtin_bswap64(v));
    }

    /* 32-bit arithmetic is kept sign-extended in 64-bit registers */
    volatile int32_t i32max = INT32_MAX, i32min = INT32_MIN, i32neg = -5;
    volatile uint32_t u32big = 0xfffffff0u;
    int64_t w1 = (int32_t)((uint32_t)i32max + 1u);
    int64_t w2 = (int32_t)((uint32_t)i32min - 1u);
    int64_t w3 = (int32_t)((uint32_t)i32max * 3u);
    int64_t w4 = i32neg >> 1;
    uint64_t w5 = u32big >> 4;
    int64_t w6 = (int32_t)(u32big << 4);
    uint64_t w7 = (uint64_t)(uint32_t)i32neg;
    int64_t w8 = (int64_t)i32neg * i32max;
    printf("w-ops: %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 " %" PRIu64 " %" PRId64 " %" PRIu64 " %" PRId64 "\n", w1,
           w2, w3, w4, w5, w6, w7, w8);
    volatile int64_t big = 0x1234567887654321LL;
    int32_t trunc = (int32_t)big;
    printf("trunc+sext: %" PRId32 " %" PRId64 " %" PRIu64 "\n", trunc, (int64_t)(int32_t)(big + 0x80000000LL),
           (uint64_t)(uint32_t)(big >> 8));
    return 0;
}
