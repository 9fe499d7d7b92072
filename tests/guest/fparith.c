/* fparith: seeded IEEE-754 ops (add/sub/mul/div/sqrt/fma, float+double, conversions) in all rounding modes, hashed with their flags. */
#include <fenv.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define N 600

static uint64_t s = 0x243f6a8885a308d3ull;
static uint64_t rnd(void)
{
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
}

static double d_of(uint64_t b) { double d; memcpy(&d, &b, 8); return d; }
static uint64_t b_of(double d) { uint64_t b; memcpy(&b, &d, 8); return b; }
static uint32_t bf_of(float f) { uint32_t b; memcpy(&b, &f, 4); return b; }

/* An "interesting" double: specials, tiny/huge, near-halfway, or random bits. */
static double interesting(void)
{
    static const uint64_t special[] = {
        0, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
        0x7ff4000000000001ull, /* sNaN */ 1, 0x000fffffffffffffull, 0x0010000000000000ull,
        0x7fefffffffffffffull, 0x3ff0000000000000ull, 0xbff0000000000000ull, 0x4330000000000000ull,
        0x3fe0000000000000ull, 0x43e0000000000000ull, 0xc3e0000000000000ull, 0x41dfffffffc00000ull,
        0x36a0000000000000ull, 0x47efffffe0000000ull, 0x3810000000000000ull};
    uint64_t r = rnd();
    switch (r % 8) {
    case 0:
        return d_of(special[(r >> 8) % (sizeof special / sizeof special[0])]);
    case 1: /* random bits */
        return d_of(rnd());
    case 2: /* moderate magnitude */
    case 3: {
        uint64_t m = rnd() & 0x000fffffffffffffull;
        uint64_t e = 1023 - 12 + (rnd() % 24);
        return d_of((r & 0x8000000000000000ull) | (e << 52) | m);
    }
    case 4: /* integers and halves */
        return (double)((int64_t)(rnd() % 2001) - 1000) * 0.5;
    case 5: /* around float/double limits and denormals */ {
        static const int exps[] = {1, 2, 872, 873, 874, 896, 897, 1150, 1151, 1152, 2045, 2046};
        uint64_t e = exps[(r >> 8) % 12];
        return d_of((r & 0x8000000000000000ull) | (e << 52) | (rnd() & 0x000fffffffffffffull));
    }
    case 6: /* denormal */
        return d_of((r & 0x8000000000000000ull) | (rnd() & 0x000fffffffffffffull));
    default: /* few mantissa bits: exact results likely */
        return d_of((rnd() & 0xc01ff80000000000ull) | 0x3f00000000000000ull);
    }
}

static double A[N], B[N], C[N];
static uint64_t I[N];

static int flagbits(void)
{
    int f = fetestexcept(FE_ALL_EXCEPT);
    return (f & FE_INVALID ? 16 : 0) | (f & FE_DIVBYZERO ? 8 : 0) | (f & FE_OVERFLOW ? 4 : 0) |
           (f & FE_UNDERFLOW ? 2 : 0) | (f & FE_INEXACT ? 1 : 0);
}

static uint64_t h;
static int allflags;
static void mixd(double r)
{
    uint64_t b = isnan(r) ? 0x7ff8000000000000ull : b_of(r); /* NaN payload/sign differ across ISAs */
    int f = flagbits();
    allflags |= f;
    h = (h ^ b ^ (uint64_t)f << 59) * 0x100000001b3ull;
    h ^= h >> 29;
}
static void mixf(float r) { mixd(isnan(r) ? (double)NAN : (double)r); (void)bf_of; }
static void mixi(int64_t v)
{
    int f = flagbits();
    allflags |= f;
    h = (h ^ (uint64_t)v ^ (uint64_t)f << 59) * 0x100000001b3ull;
    h ^= h >> 29;
}

typedef void (*opfn)(int i);
static volatile double vr;
static volatile float vf;
static volatile long vl;

static void op_add(int i) { vr = A[i] + B[i]; mixd(vr); }
static void op_sub(int i) { vr = A[i] - B[i]; mixd(vr); }
static void op_mul(int i) { vr = A[i] * B[i]; mixd(vr); }
static void op_div(int i) { vr = A[i] / B[i]; mixd(vr); }
static void op_sqrt(int i) { vr = sqrt(fabs(A[i])); mixd(vr); }
/* RISC-V raises NV for inf*0+qNaN, x86 does not (IEEE leaves it open): skip that case. */
static int inf_zero_qnan(double a, double b, double c)
{
    return isnan(c) && ((isinf(a) && b == 0) || (a == 0 && isinf(b)));
}
static volatile double da_, db_, dc_;
static void op_fma(int i)
{
    if (inf_zero_qnan(A[i], B[i], C[i])) { feclearexcept(FE_ALL_EXCEPT); mixi(1); return; }
    da_ = A[i];
    db_ = B[i];
    dc_ = C[i];
    vr = fma(da_, db_, dc_);
    mixd(vr);
}
static void op_addf(int i) { float a = (float)A[i], b = (float)B[i]; feclearexcept(FE_ALL_EXCEPT); vf = a + b; mixf(vf); }
static void op_mulf(int i) { float a = (float)A[i], b = (float)B[i]; feclearexcept(FE_ALL_EXCEPT); vf = a * b; mixf(vf); }
static void op_divf(int i) { float a = (float)A[i], b = (float)B[i]; feclearexcept(FE_ALL_EXCEPT); vf = a / b; mixf(vf); }
static void op_sqrtf(int i) { float a = fabsf((float)A[i]); feclearexcept(FE_ALL_EXCEPT); vf = sqrtf(a); mixf(vf); }
static volatile float fa_, fb_, fc_; /* volatile: keep fmaf from being hoisted above the check */
static void op_fmaf(int i)
{
    fa_ = (float)A[i];
    fb_ = (float)B[i];
    fc_ = (float)C[i];
    int skip = inf_zero_qnan(fa_, fb_, fc_);
    feclearexcept(FE_ALL_EXCEPT);
    if (skip) { mixi(1); return; }
    vf = fmaf(fa_, fb_, fc_);
    mixf(vf);
}
static void op_d2f(int i) { vf = (float)A[i]; mixf(vf); }
static void op_f2d(int i) { float a = (float)A[i]; feclearexcept(FE_ALL_EXCEPT); vr = (double)a; mixd(vr); }
static void op_lrint(int i)
{
    double a = A[i];
    if (!(fabs(a) < 0x1p62)) { mixi(0); return; } /* out-of-range results differ across ISAs */
    vl = lrint(a);
    mixi(vl);
}
static void op_trunc_l(int i)
{
    double a = A[i];
    if (!(fabs(a) < 0x1p62)) { mixi(0); return; }
    vl = (long)a;
    mixi(vl);
}
static void op_i2d(int i) { vr = (double)(int64_t)I[i]; mixd(vr); }
static void op_u2d(int i) { vr = (double)I[i]; mixd(vr); }
static void op_i2f(int i) { vf = (float)(int64_t)I[i]; mixf(vf); }
static void op_i32f(int i) { vf = (float)(int32_t)I[i]; mixf(vf); }

int main(void)
{
    for (int i = 0; i < N; i++) {
        A[i] = interesting();
        B[i] = interesting();
        C[i] = interesting();
        uint64_t r = rnd();
        I[i] = (r & 3) == 0 ? r : (r & 3) == 1 ? (r >> (r % 64)) : (r & 3) == 2 ? (uint64_t)(int64_t)(int32_t)r : -(r >> 20);
    }
    static const struct { const char *name; opfn f; } ops[] = {
        {"fadd.d", op_add}, {"fsub.d", op_sub}, {"fmul.d", op_mul}, {"fdiv.d", op_div}, {"fsqrt.d", op_sqrt},
        {"fmadd.d", op_fma}, {"fadd.s", op_addf}, {"fmul.s", op_mulf}, {"fdiv.s", op_divf}, {"fsqrt.s", op_sqrtf},
        {"fmadd.s", op_fmaf}, {"fcvt.s.d", op_d2f}, {"fcvt.d.s", op_f2d}, {"lrint", op_lrint},
        {"trunc.l.d", op_trunc_l}, {"fcvt.d.l", op_i2d}, {"fcvt.d.lu", op_u2d}, {"fcvt.s.l", op_i2f},
        {"fcvt.s.w", op_i32f}};
    static const struct { int mode; const char *name; } modes[] = {
        {FE_TONEAREST, "rne"}, {FE_TOWARDZERO, "rtz"}, {FE_DOWNWARD, "rdn"}, {FE_UPWARD, "rup"}};
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        printf("%-10s", ops[o].name);
        for (int m = 0; m < 4; m++) {
            fesetround(modes[m].mode);
            h = 0xcbf29ce484222325ull;
            allflags = 0;
            for (int i = 0; i < N; i++) {
                feclearexcept(FE_ALL_EXCEPT);
                ops[o].f(i);
            }
            printf(" %s:%016llx/%02x", modes[m].name, (unsigned long long)h, allflags);
        }
        fesetround(FE_TONEAREST);
        printf("\n");
    }
    return 0;
}
